/** The run record (SPEC section 7): year and rules with their sources, sheets read, issues, fingerprint, version, time. */
import type { Report, SheetSummary } from '../report';
import type { Rules } from '../rules/rules';
import type { RuleSource, RunRecord } from './types';

/** 2026-11-30T19:18:15+08:00: local time with its UTC offset. */
export function localIsoTime(time: Date): string {
  const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -time.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return (
    `${p(time.getFullYear(), 4)}-${p(time.getMonth() + 1)}-${p(time.getDate())}T${p(time.getHours())}:${p(time.getMinutes())}:${p(time.getSeconds())}` +
    `${sign}${p(Math.trunc(Math.abs(offset) / 60))}:${p(Math.abs(offset) % 60)}`
  );
}

export interface RunInputs {
  rules: Rules;
  yearSource: RuleSource;
  fingerprint: string;
  version: string;
  time: Date;
}

export function runRecord(report: Pick<Report, 'year' | 'rules' | 'issues' | 'sheets'>, inputs: RunInputs): RunRecord {
  const sourceOf = (name: string): RuleSource => {
    if (name === '考核年度') return inputs.yearSource;
    const cell = inputs.rules.sources?.get(name);
    return cell ? { from: 'rules', ...(cell.file ? { file: cell.file } : {}), sheet: cell.sheet, cell: cell.cell } : { from: 'default' };
  };
  const issues = { error: 0, warning: 0, info: 0 };
  for (const i of report.issues) issues[i.severity]++;
  return {
    year: report.year,
    yearSource: inputs.yearSource,
    parameters: Object.entries(report.rules).map(([name, value]) => ({
      name,
      value: name === '考核年度' ? report.year : value,
      source: sourceOf(name),
    })),
    sheets: report.sheets.filter((s): s is SheetSummary & { kind: string } => s.kind !== null).map((s) => ({ ...(s.file ? { file: s.file } : {}), sheet: s.sheet, kind: s.kind, rows: s.rows })),
    issues,
    fingerprint: inputs.fingerprint,
    version: inputs.version,
    time: localIsoTime(inputs.time),
  };
}
