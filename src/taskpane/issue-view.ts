/**
 * Pure view logic for the task pane: grouping, filtering and counting issues, and reading the
 * outcome lists out of a report. No React, no Office, so it is unit-tested in node.
 */
import type { Severity } from '../engine/issues/codes';
import type { Report, ReportedIssue } from '../engine/report';
import { UI } from './messages';

export type SeverityFilter = 'all' | Severity;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface IssueGroup {
  /** Stable key: the sheet name (with its file's when several were read), or '' for unit-level findings. */
  key: string;
  file: string;
  sheet: string;
  title: string;
  issues: ReportedIssue[];
  counts: SeverityCounts;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(issues: readonly ReportedIssue[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

export function filterIssues(issues: readonly ReportedIssue[], filter: SeverityFilter): ReportedIssue[] {
  return filter === 'all' ? [...issues] : issues.filter((i) => i.severity === filter);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Groups by sheet in the order sheets first appear in the report (the engine reports in workbook
 * order); unit-level findings (no sheet) go last. Sheets of the same name in two units' files are two
 * groups, titled with their file. Within a group errors come first, then by row,
 * so the things that block scoring are seen before the reminders.
 */
export function groupIssuesBySheet(issues: readonly ReportedIssue[]): IssueGroup[] {
  const bySheet = new Map<string, ReportedIssue[]>();
  for (const issue of issues) {
    const key = issue.sheet !== '' && issue.file ? `${issue.file}\u0000${issue.sheet}` : issue.sheet;
    const list = bySheet.get(key);
    if (list) list.push(issue);
    else bySheet.set(key, [issue]);
  }
  const keys = [...bySheet.keys()].filter((k) => k !== '');
  if (bySheet.has('')) keys.push('');
  return keys.map((key) => {
    const list = (bySheet.get(key) ?? [])
      .map((issue, index) => ({ issue, index }))
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
          (a.issue.row ?? Number.MAX_SAFE_INTEGER) - (b.issue.row ?? Number.MAX_SAFE_INTEGER) ||
          a.index - b.index,
      )
      .map((x) => x.issue);
    const file = key === '' ? '' : (list[0]!.file ?? '');
    const sheet = key === '' ? '' : list[0]!.sheet;
    const title = key === '' ? UI.unitLevelGroup : file ? UI.sheetInFile(sheet, file) : sheet;
    return { key, file, sheet, title, issues: list, counts: countBySeverity(list) };
  });
}

/** Why sheets that looked like ledgers were not read: shown when nothing could be read. */
export function nearMissMessages(issues: readonly ReportedIssue[]): string[] {
  return issues.filter((i) => i.code === 'INCOMPLETE_LEDGER' || i.code === 'MISSING_COLUMN').map((i) => i.message);
}

/** Where an issue points: a cell, else a whole row, else nowhere (unit-level). */
export interface IssueTarget {
  /** The file the sheet is in when several were appraised together; '' for the one workbook. */
  file: string;
  sheet: string;
  cell: string;
  /** What to show the user: `F5`, `第 12 行`. */
  label: string;
}

export function issueTarget(issue: ReportedIssue): IssueTarget | null {
  if (issue.sheet === '') return null;
  const file = issue.file ?? '';
  if (issue.cell !== '') return { file, sheet: issue.sheet, cell: issue.cell, label: issue.cell };
  if (issue.row !== null && issue.row > 0) {
    return { file, sheet: issue.sheet, cell: `A${issue.row}`, label: UI.rowOnly(issue.row) };
  }
  return { file, sheet: issue.sheet, cell: 'A1', label: '' };
}

/** "局办公室 · 张三", "局办公室", "" */
export function issueWho(issue: ReportedIssue): string {
  return [issue.unit, issue.person].filter((s) => s !== '').join(' · ');
}

/** A stable React key; issues have no id, and two issues can share a cell. */
export function issueKey(issue: ReportedIssue, index: number): string {
  return `${issue.sheet}|${issue.cell}|${issue.row ?? ''}|${issue.code}|${issue.unit}|${issue.person}|${index}`;
}

export const PAGE_SIZE = 200;

/**
 * Groups (a sheet, or a sheet of one file) and 识别结果 sheets shown before 显示更多: 300 units' files give
 * 1 200 of each, 70 000 pixels of headers and a third of a second of layout at every redraw.
 */
export const GROUP_PAGE = 50;

/** How many rows of a group to render: thousands of DOM rows would freeze the pane. */
export function visibleCount(total: number, pagesShown: number, pageSize = PAGE_SIZE): number {
  return Math.min(total, Math.max(1, pagesShown) * pageSize);
}

/** The first `pagesShown` pages of GROUP_PAGE `items`, and beyond them every item `keep` holds: never behind 显示更多. */
export function firstPagesAnd<T>(items: readonly T[], pagesShown: number, keep: (item: T) => boolean): T[] {
  const first = visibleCount(items.length, pagesShown, GROUP_PAGE);
  return items.filter((item, i) => i < first || keep(item));
}

export interface OutcomeLists {
  commended: string[];
  criticised: string[];
  vetoed: string[];
}

/** Units per outcome, best rank first, as the leaders will read them on 考核汇总. */
export function outcomeLists(report: Pick<Report, 'units'>): OutcomeLists {
  const ranked = [...report.units].sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'zh-CN'));
  const pick = (outcome: string) => ranked.filter((u) => u.outcome === outcome).map((u) => u.unit);
  return { commended: pick('表彰'), criticised: pick('通报批评'), vetoed: pick('一票否决') };
}

/** Blank means automatic; otherwise a plausible four-digit year. */
export function parseYearInput(text: string): { ok: true; year: number | undefined } | { ok: false } {
  const trimmed = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (trimmed === '') return { ok: true, year: undefined };
  if (!/^\d{4}$/.test(trimmed)) return { ok: false };
  const year = Number(trimmed);
  if (year < 1990 || year > 2100) return { ok: false };
  return { ok: true, year };
}

export const OUTPUT_SHEET_NAMES = ['考核汇总', '人员考核明细', '校验问题', '评分依据'] as const;

/** The sheets a run wrote to, in output order, with any free names the adapter had to take. */
export function writtenSheets(renamed: readonly { from: string; to: string }[]): string[] {
  return OUTPUT_SHEET_NAMES.map((name) => renamed.find((r) => r.from === name)?.to ?? name);
}
