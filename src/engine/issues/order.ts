import { parseA1 } from '../grid';
import type { Issue } from '../report';

/**
 * Issues in the order HR works through them: sheet by sheet as the workbook lists them, top to bottom,
 * left to right; unit-level findings (no sheet or no row) after the rows of their sheet, in the order found.
 */
export function sortIssues<T extends Issue>(issues: T[], sheetOrder: readonly string[]): T[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  const keyed = issues.map((issue, found) => {
    const sheet = issue.sheet === '' ? sheetOrder.length : (sheetIndex.get(issue.sheet) ?? sheetOrder.length);
    const row = issue.row ?? Number.MAX_SAFE_INTEGER;
    const col = parseA1(issue.cell)?.col ?? -1;
    return { issue, sheet, row, col, found };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.found - b.found);
  return keyed.map((k) => k.issue);
}
