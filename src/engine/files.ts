/**
 * Per submitted file, what the appraisal found in it (the command line's lines and the pane's list):
 * the ledgers read, the units they name, and the issues, errors among them.
 */
import type { Report } from './report';

export interface FileSummary {
  file: string;
  /** Ledgers read from the file. */
  ledgers: number;
  units: string[];
  issues: number;
  errors: number;
}

/**
 * `files` by name as the report names them: '' is the one workbook of a single-workbook run. One pass over
 * the sheets and issues (a clerk may choose 300 units' files: a filter per file was 300 passes over
 * 12 000 issues, a fifth of a second on every redraw of the web page's file list).
 */
export function summariseFiles(report: Report, files: readonly string[]): FileSummary[] {
  const byFile = new Map<string, { ledgers: number; units: Set<string>; issues: number; errors: number }>();
  const entry = (file: string) => {
    let e = byFile.get(file);
    if (!e) byFile.set(file, (e = { ledgers: 0, units: new Set(), issues: 0, errors: 0 }));
    return e;
  };
  for (const s of report.sheets) {
    if (s.kind === null) continue;
    const e = entry(s.file ?? '');
    e.ledgers++;
    for (const u of s.units ?? []) e.units.add(u);
  }
  for (const i of report.issues) {
    const e = entry(i.file);
    e.issues++;
    if (i.severity === 'error') e.errors++;
  }
  return files.map((file) => {
    const e = byFile.get(file);
    return { file, ledgers: e?.ledgers ?? 0, units: e ? [...e.units] : [], issues: e?.issues ?? 0, errors: e?.errors ?? 0 };
  });
}
