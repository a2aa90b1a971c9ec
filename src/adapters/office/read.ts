/**
 * Reading a workbook through Office.js into the engine's grids, in a constant number of syncs:
 * 1) sheet list, 2) used ranges, 3) their values, 4) merges, visible areas and error checks.
 * Only when Excel on the web refuses a response as too large are the values re-read in row blocks.
 */
import type { CellValue, Merge, SheetGrid, WorkbookGrids } from '../../engine';
import { isGeneratedGrid } from '../../engine';
import { parseAreas, parseRangeAddress, type Rect } from './address';
import { inferMergedBlocks, queueMerges } from './merges';
import { optionalApis, type OptionalApis } from './support';

export interface SheetInfo {
  /** Worksheet.id: stays the same when the sheet is renamed or moved. */
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  /** A2 carries the add-in's marker: a sheet the add-in generated. */
  generated: boolean;
}

export interface ReadResult {
  grids: WorkbookGrids;
  sheets: SheetInfo[];
  protectedSheets: string[];
  /** Workbook structure protection: sheets cannot be added or deleted. */
  workbookProtected: boolean;
  /** Sheets whose merged-down blocks were inferred (merges not readable: ExcelApi below 1.13, or refused). */
  mergesInferred: { sheet: string; blocks: number }[];
  /** Sheets whose merges Excel refused to report even in small blocks (ExcelApi 1.13+). */
  mergesUnread: string[];
}

/** Texts Excel shows for error values; a cell with such text is checked against valueTypes. */
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

interface SheetRead {
  sheet: Excel.Worksheet;
  id: string;
  name: string;
  visibility: string;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  rect?: Rect;
  values: unknown[][];
}

function cellsOf(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * At most this many cells per range read and per sync. Excel refuses to get a range of more than five
 * million cells (RangeExceedsLimit: "the cell count in the range has exceeded the maximum supported
 * number", Office Add-ins resource limits: "a range is limited to five million cells for get
 * operations"); Microsoft's advice for large ranges is separate reads of smaller subsets.
 */
export const READ_BLOCK_CELLS = 1_000_000;
/** A used range larger than this is first narrowed down to where its values are (see dataAreas). */
const NARROW_ABOVE_CELLS = 2 * READ_BLOCK_CELLS;

/** The two halves of `r`, split across its longer side. */
function halves(r: Rect): [Rect, Rect] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (rows >= cols && rows > 1) {
    const mid = r.top + Math.floor(rows / 2) - 1;
    return [{ ...r, bottom: mid }, { ...r, top: mid + 1 }];
  }
  const mid = r.left + Math.floor(cols / 2) - 1;
  return [{ ...r, right: mid }, { ...r, left: mid + 1 }];
}

/**
 * Where the values of a large used range are. A stray value far from the data (say in XFD1048576) makes
 * the used range billions of cells, nearly all empty: halve it, ask each half for its own used range
 * (Range.getUsedRangeOrNullObject, ExcelApi 1.4), and repeat on what is still large, all sheets in the
 * same syncs. Dense data ends as blocks of at most NARROW_ABOVE_CELLS; empty space drops out.
 */
async function dataAreas(context: Excel.RequestContext, reads: SheetRead[]): Promise<Map<SheetRead, Rect[]>> {
  const areas = new Map<SheetRead, Rect[]>();
  let pending: { read: SheetRead; rect: Rect }[] = [];
  for (const read of reads) {
    if (!read.rect) continue;
    areas.set(read, []);
    pending.push({ read, rect: read.rect });
  }
  while (pending.length > 0) {
    const asked: { read: SheetRead; used: Excel.Range }[] = [];
    for (const p of pending) {
      if (cellsOf(p.rect) <= NARROW_ABOVE_CELLS) {
        areas.get(p.read)!.push(p.rect);
        continue;
      }
      for (const h of halves(p.rect)) {
        const range = p.read.sheet.getRangeByIndexes(h.top, h.left, h.bottom - h.top + 1, h.right - h.left + 1);
        asked.push({ read: p.read, used: range.getUsedRangeOrNullObject(true).load('address') });
      }
    }
    if (asked.length === 0) break;
    await context.sync();
    pending = [];
    for (const a of asked) {
      const rect = a.used.isNullObject ? undefined : parseRangeAddress(a.used.address);
      if (rect) pending.push({ read: a.read, rect });
    }
  }
  return areas;
}

/**
 * Values of every used range, in range reads of at most READ_BLOCK_CELLS cells, as many per sync as
 * fit in that many cells. If Excel answers ResponsePayloadSizeLimitExceeded (Excel on the web's 5 MB)
 * or RangeExceedsLimit, again with half as many cells per read and per sync.
 */
async function readValues(context: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
  const needsNarrowing = reads.some((r) => r.rect && cellsOf(r.rect) > NARROW_ABOVE_CELLS);
  const areas = needsNarrowing ? await dataAreas(context, reads) : new Map(reads.filter((r) => r.rect).map((r) => [r, [r.rect!]]));
  const total = [...areas.values()].flat().reduce((n, a) => n + cellsOf(a), 0);
  let maxCells = Math.min(READ_BLOCK_CELLS, Math.max(1, total));
  for (;;) {
    try {
      let queued: { read: SheetRead; top: number; left: number; range: Excel.Range }[] = [];
      let queuedCells = 0;
      const flush = async () => {
        if (queued.length === 0) return;
        await context.sync();
        for (const q of queued) {
          const rowOffset = q.top - q.read.rect!.top;
          const colOffset = q.left - q.read.rect!.left;
          q.range.values.forEach((row, i) => {
            if (colOffset === 0 && q.read.values[rowOffset + i] === undefined) {
              q.read.values[rowOffset + i] = row;
              return;
            }
            const target = (q.read.values[rowOffset + i] ??= []);
            row.forEach((v, j) => {
              if (v !== '' && v !== null) target[colOffset + j] = v;
            });
          });
        }
        queued = [];
        queuedCells = 0;
      };
      for (const [read, list] of areas) {
        for (const area of list) {
          const cols = area.right - area.left + 1;
          const rowsPerBlock = Math.max(1, Math.floor(maxCells / cols));
          for (let top = area.top; top <= area.bottom; top += rowsPerBlock) {
            const rows = Math.min(rowsPerBlock, area.bottom - top + 1);
            if (queuedCells > 0 && queuedCells + rows * cols > maxCells) await flush();
            const range = read.sheet.getRangeByIndexes(top, area.left, rows, cols).load('values');
            queued.push({ read, top, left: area.left, range });
            queuedCells += rows * cols;
          }
        }
      }
      await flush();
      return;
    } catch (e) {
      const code = errorCode(e);
      if (code !== 'ResponsePayloadSizeLimitExceeded' && code !== 'RangeExceedsLimit') throw e;
      for (const read of areas.keys()) read.values = [];
      maxCells = Math.floor(maxCells / 2);
      if (maxCells < 1000) throw e;
    }
  }
}

function toCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Rows and columns of `rect` not covered by any of the visible areas. */
function hiddenOf(rect: Rect, visible: Rect[]): { rows: number[]; cols: number[] } {
  const rowSeen = new Uint8Array(rect.bottom - rect.top + 1);
  const colSeen = new Uint8Array(rect.right - rect.left + 1);
  for (const a of visible) {
    for (let r = Math.max(a.top, rect.top); r <= Math.min(a.bottom, rect.bottom); r++) rowSeen[r - rect.top] = 1;
    for (let c = Math.max(a.left, rect.left); c <= Math.min(a.right, rect.right); c++) colSeen[c - rect.left] = 1;
  }
  const rows: number[] = [];
  const cols: number[] = [];
  rowSeen.forEach((seen, i) => seen || rows.push(rect.top + i));
  colSeen.forEach((seen, i) => seen || cols.push(rect.left + i));
  return { rows, cols };
}

export async function readWorkbook(context: Excel.RequestContext, apis: OptionalApis = optionalApis()): Promise<ReadResult> {
  // Sync 1: which sheets there are.
  const worksheets = context.workbook.worksheets.load('items/id,items/name,items/visibility');
  const workbookProtection = context.workbook.protection.load('protected');
  await context.sync();

  // Sync 2: each sheet's used range (cells with values only: formatting alone does not count) and protection.
  const reads: SheetRead[] = worksheets.items.map((sheet) => ({
    sheet,
    id: sheet.id,
    name: sheet.name,
    visibility: String(sheet.visibility),
    used: sheet.getUsedRangeOrNullObject(true).load('address'),
    protection: sheet.protection.load('protected'),
    values: [],
  }));
  await context.sync();
  for (const read of reads) {
    if (!read.used.isNullObject) read.rect = parseRangeAddress(read.used.address);
  }

  await readValues(context, reads);

  // Sync 3: merged areas (1.13, in row blocks), visible areas (1.9), and whether error-looking texts are errors.
  const queueExtras = () =>
    reads.map((read) => {
      if (!read.rect) return undefined;
      const r = read.rect;
      const whole = read.sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
      const visible = apis.pageLayoutAndSpecialCells ? whole.getSpecialCellsOrNullObject('Visible').load('address') : undefined;
      const suspects: { row: number; col: number; range: Excel.Range }[] = [];
      read.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === 'string' && ERROR_TEXT.test(v)) {
            suspects.push({ row: i, col: j, range: read.sheet.getCell(r.top + i, r.left + j).load('valueTypes') });
          }
        }),
      );
      return { visible, suspects };
    });
  let extras = queueExtras();
  const mergeQueries = apis.mergedAreas ? queueMerges(reads) : undefined;
  let mergesFailed = false;
  if (mergeQueries || extras.some((x) => x && (x.visible || x.suspects.length > 0))) {
    try {
      await context.sync();
    } catch (e) {
      if (!mergeQueries) throw e;
      // Most likely a block with more than 512 merged areas: the rest again without merges, then merges alone.
      mergesFailed = true;
      extras = queueExtras();
      await context.sync();
    }
  }
  const mergeResult = mergeQueries ? await mergeQueries.finish(context, mergesFailed) : undefined;

  const sheets: SheetInfo[] = [];
  const mergesInferred: ReadResult['mergesInferred'] = [];
  const mergesUnread: string[] = [];
  const grids: SheetGrid[] = reads.map((read, k) => {
    const extra = extras[k];
    const values: CellValue[][] = read.values.map((row) => row.map(toCell));
    const grid: SheetGrid = { name: read.name, values, originRow: read.rect?.top ?? 0, originCol: read.rect?.left ?? 0 };
    if (read.visibility !== 'Visible') grid.hidden = true;
    if (extra && read.rect) {
      for (const s of extra.suspects) {
        if (s.range.valueTypes[0]?.[0] === 'Error') values[s.row]![s.col] = { error: String(read.values[s.row]![s.col]) };
      }
      // Merges: read where the API allows, otherwise inferred from the values (see inferMergedBlocks).
      let merges: Merge[] | undefined = mergeResult?.merges[k];
      if (!merges) {
        // The add-in's own result sheets are not ledgers: nothing to infer there (nor to tell the user about).
        merges = isGeneratedGrid(grid) ? [] : inferMergedBlocks(values, read.rect.top, read.rect.left);
        if (merges.length > 0) mergesInferred.push({ sheet: read.name, blocks: merges.length });
        if (mergeResult) mergesUnread.push(read.name);
      }
      if (merges.length > 0) grid.merges = merges;
      if (extra.visible) {
        const areas = extra.visible.isNullObject ? [] : parseAreas(extra.visible.address);
        const hidden = hiddenOf(read.rect, areas);
        if (hidden.rows.length > 0) grid.hiddenRows = hidden.rows;
        if (hidden.cols.length > 0) grid.hiddenColumns = hidden.cols;
      }
    }
    sheets.push({ id: read.id, name: read.name, visibility: read.visibility, protected: read.protection.protected, generated: isGeneratedGrid(grid) });
    return grid;
  });

  return {
    grids: { sheets: grids },
    sheets,
    protectedSheets: sheets.filter((s) => s.protected).map((s) => s.name),
    workbookProtected: workbookProtection.protected,
    mergesInferred,
    mergesUnread,
  };
}
