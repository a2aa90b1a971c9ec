import { cellText } from '../parse/cell-text';
import { headerKey } from '../text/normalize';
import type { HeaderCell } from './classify';
import { KIND_ORDER, KINDS, type Column } from './columns';
import { nameScore } from './header-match';
import type { SheetView } from './sheet-view';

/** How many rows from the top of a sheet may hold the header (SPEC section 2). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The header cells of one row. An empty cell takes the text of the cell above it, so a two-row header
 * (学习情况 over 笔记字数 / 心得体会) reads as its lower row plus the merged cells above.
 */
export function headerCells(view: SheetView, row: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let c = view.firstCol; c < view.endCol; c++) {
    let text = cellText(view.cell(row, c)).trim();
    if (text === '' && row > view.firstRow) text = cellText(view.cell(row - 1, c)).trim();
    cells.push({ col: c, text, key: headerKey(text) });
  }
  return cells;
}

const ALL_COLUMNS: readonly Column[] = [...new Set(KIND_ORDER.flatMap((k) => [...KINDS[k].required, ...KINDS[k].optional]))];

// Header texts repeat across sheets and files (300 units' files share their templates): what a text
// names is worked out once. Bounded, since the first rows also hold titles and data.
const NAMED = new Map<string, readonly Column[]>();
const NAMED_LIMIT = 50_000;

/** The known columns a normalised header text names in any kind (责任人 is a person only in a task list). */
function columnsNamedBy(key: string): readonly Column[] {
  let found = NAMED.get(key);
  if (found === undefined) {
    found = ALL_COLUMNS.filter((column) => KIND_ORDER.some((kind) => nameScore(key, column, kind) > 0));
    if (NAMED.size >= NAMED_LIMIT) NAMED.clear();
    NAMED.set(key, found);
  }
  return found;
}

/** The distinct known columns the headers of a row name, by synonym, keyword or the clerk's mapping. */
function namedColumns(view: SheetView, row: number, mapped: ReadonlySet<string>): number {
  const seen = new Set<Column | string>();
  for (const { key } of headerCells(view, row)) {
    if (key === '') continue;
    if (mapped.has(key)) seen.add(`mapped:${key}`);
    for (const column of columnsNamedBy(key)) seen.add(column);
  }
  return seen.size;
}

/**
 * The row within the first ten that names the most known columns, or undefined when none names any.
 * `mapped` holds the header texts (normalised) the clerk mapped in 列名对应: they count as known.
 */
export function findHeaderRow(view: SheetView, mapped: ReadonlySet<string> = new Set()): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  const last = Math.min(view.endRow, view.firstRow + HEADER_SEARCH_ROWS);
  for (let r = view.firstRow; r < last; r++) {
    const count = namedColumns(view, r, mapped);
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}
