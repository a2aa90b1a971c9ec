import { cellText } from '../parse/cell-text';
import { headerKey } from '../text/normalize';
import { columnFor } from './columns';
import type { SheetView } from './sheet-view';

/** How many rows from the top of a sheet may hold the header (SPEC section 2). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The normalised header texts of one row. An empty cell takes the text of the cell above it, so a
 * two-row header (学习情况 over 笔记字数 / 心得体会) reads as its lower row plus the merged cells above.
 */
export function headerKeys(view: SheetView, row: number): string[] {
  const keys: string[] = [];
  for (let c = view.firstCol; c < view.endCol; c++) {
    let text = cellText(view.cell(row, c)).trim();
    if (text === '' && row > view.firstRow) text = cellText(view.cell(row - 1, c)).trim();
    keys.push(headerKey(text));
  }
  return keys;
}

/** The row within the first ten that names the most known columns, or undefined when none names any. */
export function findHeaderRow(view: SheetView): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  const last = Math.min(view.endRow, view.firstRow + HEADER_SEARCH_ROWS);
  for (let r = view.firstRow; r < last; r++) {
    const seen = new Set<string>();
    for (const key of headerKeys(view, r)) {
      const column = key === '' ? undefined : columnFor(key);
      if (column) seen.add(column);
    }
    if (seen.size > bestCount) {
      best = r;
      bestCount = seen.size;
    }
  }
  return best;
}
