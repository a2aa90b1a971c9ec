/**
 * Merged cells. Excel reports the non-first cells of a merged area as empty, so a 单位 written once down
 * a merged block would reach only the block's first row unless the merges are known.
 *
 * - ExcelApi 1.13+: Range.getMergedAreasOrNullObject(), asked per sheet in row blocks. Microsoft's
 *   reference: "if the merged areas count in this range is more than 512, then this method will fail to
 *   return the result" (@types/office-js, Excel.Range.getMergedAreasOrNullObject). A failing request is
 *   retried sheet by sheet with ever smaller blocks; a sheet that still fails has its merges inferred.
 * - Below 1.13 there is no API that tells merged cells apart from empty ones, so merged-down blocks are
 *   inferred (inferMergedBlocks) and the task pane says so.
 */
import type { CellValue, Merge } from '../../engine';
import { parseAreas, type Rect } from './address';

/** Rows per getMergedAreasOrNullObject request at first: 512 areas in 256 rows means two per row. */
export const MERGE_BLOCK_ROWS = 256;
/** Below this many rows a block is not split further; the sheet's merges are inferred instead. */
const MIN_MERGE_BLOCK_ROWS = 8;
/** Header cells of the columns that identify a record: who (单位, 姓名) and when (日期). */
const IDENTIFYING_HEADER = /^(?:所在|所属|填报|责任|参加|被检查|被督查)?(?:单位|部门|科室|股室|处室|支部|党支部|单位名称|部门名称|单位\/部门|姓名|人员姓名|日期|时间|活动日期|活动时间|检查日期|督查日期)(?:名称)?$/;
/** Of those, the unit columns: the outermost key, whose new value ends the blocks of the others. */
const UNIT_HEADER = /(?:单位|部门|科室|股室|处室|支部)/;
/** A header is looked for in the first rows of the used range only. */
const HEADER_SCAN_ROWS = 12;

function blank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function headerText(v: CellValue | undefined): string {
  return typeof v === 'string' ? v.replace(/[\s\u3000:：*＊]/g, '') : '';
}

function filledCount(row: readonly CellValue[] | undefined, except: number): number {
  let n = 0;
  row?.forEach((v, c) => {
    if (c !== except && !blank(v)) n++;
  });
  return n;
}

/**
 * Merged-down blocks inferred from the values alone (used below ExcelApi 1.13, or when a sheet's merges
 * could not be read). The rule:
 * 1. The header row is the first of the sheet's first 12 used rows that has at least two filled cells,
 *    one of them the header of an identifying column (单位/部门/科室/支部…, 姓名, 日期/时间, with the
 *    usual prefixes such as 所在, 填报, 活动).
 * 2. In an identifying column, below the header row, an empty cell belongs to the block of the nearest
 *    filled cell above it when that filled cell is below the header row, and both its row and every
 *    row in between hold at least two other filled cells (they are records, not separators or notes).
 * 3. A block in a 姓名 or 日期 column also ends at a row with a new unit (单位/部门/科室/支部…): the unit is
 *    the outer key, so a name is never carried into another unit.
 * 4. Each such run becomes one merge, from the filled cell down to the last empty cell of the run.
 * A value that is really missing directly under a filled one in such a column is therefore taken as
 * part of the block above; the pane tells the user that merges were inferred and on which sheets.
 * `values` is the used range starting at (originRow, originCol); merges come in sheet coordinates.
 */
export function inferMergedBlocks(values: readonly (readonly CellValue[])[], originRow = 0, originCol = 0): Merge[] {
  let headerRow = -1;
  let columns: number[] = [];
  let unitColumns: number[] = [];
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN_ROWS); r++) {
    const row = values[r] ?? [];
    const ids: number[] = [];
    row.forEach((v, c) => {
      if (IDENTIFYING_HEADER.test(headerText(v))) ids.push(c);
    });
    if (ids.length > 0 && filledCount(row, -1) >= 2) {
      headerRow = r;
      columns = ids;
      unitColumns = ids.filter((c) => UNIT_HEADER.test(headerText(row[c])));
      break;
    }
  }
  if (headerRow < 0) return [];
  const merges: Merge[] = [];
  for (const c of columns) {
    let anchor = -1;
    let last = -1;
    const close = () => {
      if (anchor >= 0 && last > anchor) merges.push({ top: originRow + anchor, bottom: originRow + last, left: originCol + c, right: originCol + c });
      anchor = -1;
      last = -1;
    };
    for (let r = headerRow + 1; r < values.length; r++) {
      const row = values[r];
      const record = filledCount(row, c) >= 2;
      if (!blank(row?.[c])) {
        close();
        if (record) anchor = last = r;
      } else if (anchor >= 0 && record && !unitColumns.some((u) => u !== c && !blank(row?.[u]))) {
        last = r;
      } else {
        close();
      }
    }
    close();
  }
  return merges;
}

export interface SheetMergeRead {
  sheet: Excel.Worksheet;
  rect?: Rect;
}

export interface MergeResult {
  /** Merges per sheet (same order as the input); undefined where they could not be read. */
  merges: (Merge[] | undefined)[];
  /** Syncs spent on retries (the first attempt shares its sync with the caller's other reads). */
  retrySyncs: number;
}

interface Pending {
  index: number;
  areas: Excel.RangeAreas[];
}

/** Queue the merge queries of one sheet in blocks of `rows` rows. */
function queueSheet(read: SheetMergeRead, rows: number): Excel.RangeAreas[] {
  const r = read.rect!;
  const cols = r.right - r.left + 1;
  const areas: Excel.RangeAreas[] = [];
  for (let top = r.top; top <= r.bottom; top += rows) {
    const n = Math.min(rows, r.bottom - top + 1);
    areas.push(read.sheet.getRangeByIndexes(top, r.left, n, cols).getMergedAreasOrNullObject().load('address'));
  }
  return areas;
}

function collect(areas: Excel.RangeAreas[]): Merge[] {
  const seen = new Map<string, Merge>();
  for (const a of areas) {
    if (a.isNullObject) continue;
    // A merge crossing a block boundary is reported by both blocks.
    for (const m of parseAreas(a.address)) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
  }
  return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Queue every sheet's merge queries for the caller's next sync; `finish` reads them (or retries). */
export function queueMerges(reads: SheetMergeRead[]): { finish: (context: Excel.RequestContext, failed: boolean) => Promise<MergeResult> } {
  const pending: Pending[] = reads.map((read, index) => ({ index, areas: read.rect ? queueSheet(read, MERGE_BLOCK_ROWS) : [] }));
  return {
    async finish(context, failed) {
      const merges: (Merge[] | undefined)[] = reads.map(() => []);
      if (!failed) {
        for (const p of pending) merges[p.index] = collect(p.areas);
        return { merges, retrySyncs: 0 };
      }
      // Some block had more than 512 merged areas (or another failure): sheet by sheet, halving the blocks.
      let retrySyncs = 0;
      for (const [index, read] of reads.entries()) {
        if (!read.rect) continue;
        let rows = MERGE_BLOCK_ROWS;
        merges[index] = undefined;
        while (rows >= MIN_MERGE_BLOCK_ROWS) {
          const areas = queueSheet(read, rows);
          try {
            retrySyncs++;
            await context.sync();
            merges[index] = collect(areas);
            break;
          } catch {
            rows = Math.floor(rows / 4);
          }
        }
      }
      return { merges, retrySyncs };
    },
  };
}
