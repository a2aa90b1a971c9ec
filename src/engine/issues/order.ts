import { parseA1 } from '../grid';
import type { Issue } from '../report';

/** A sheet's place in the order: its file (when several were read) and its name. */
export const sheetKey = (file: string, sheet: string): string => (file === '' ? sheet : `${file}\u0000${sheet}`);

/**
 * Issues in the order HR works through them: sheet by sheet as the workbook lists them (file by file
 * when several were read), top to bottom, left to right; unit-level findings (no sheet or no row) after
 * the rows of their sheet, in the order found. `sheetOrder` holds sheetKey()s.
 */
export function sortIssues<T extends Issue>(issues: T[], sheetOrder: readonly string[]): T[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  // Keys in typed arrays and an index sort: no wrapper object per issue (there can be 50 000).
  const n = issues.length;
  const sheets = new Float64Array(n);
  const rows = new Float64Array(n);
  const cols = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const issue = issues[i]!;
    sheets[i] = issue.sheet === '' ? sheetOrder.length : (sheetIndex.get(sheetKey(issue.file, issue.sheet)) ?? sheetOrder.length);
    rows[i] = issue.row ?? Number.MAX_SAFE_INTEGER;
    cols[i] = issue.cell === '' ? -1 : (parseA1(issue.cell)?.col ?? -1);
    order[i] = i;
  }
  order.sort((a, b) => sheets[a]! - sheets[b]! || rows[a]! - rows[b]! || cols[a]! - cols[b]! || a - b);
  return Array.from(order, (i) => issues[i]!);
}
