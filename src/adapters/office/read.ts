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
 * Values of every used range. First all in one sync; if Excel on the web answers
 * ResponsePayloadSizeLimitExceeded, again in row blocks of at most half as many cells per sync.
 */
async function readValues(context: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
  const withData = reads.filter((r) => r.rect);
  let maxCells = Number.POSITIVE_INFINITY;
  for (;;) {
    try {
      let queued: { read: SheetRead; top: number; range: Excel.Range }[] = [];
      let queuedCells = 0;
      const flush = async () => {
        if (queued.length === 0) return;
        await context.sync();
        for (const q of queued) {
          const offset = q.top - q.read.rect!.top;
          q.range.values.forEach((row, i) => (q.read.values[offset + i] = row));
        }
        queued = [];
        queuedCells = 0;
      };
      for (const read of withData) {
        const rect = read.rect!;
        const cols = rect.right - rect.left + 1;
        const rowsPerBlock = Number.isFinite(maxCells) ? Math.max(1, Math.floor(maxCells / cols)) : rect.bottom - rect.top + 1;
        for (let top = rect.top; top <= rect.bottom; top += rowsPerBlock) {
          const rows = Math.min(rowsPerBlock, rect.bottom - top + 1);
          if (queuedCells > 0 && queuedCells + rows * cols > maxCells) await flush();
          const range = read.sheet.getRangeByIndexes(top, rect.left, rows, cols).load('values');
          queued.push({ read, top, range });
          queuedCells += rows * cols;
        }
      }
      await flush();
      return;
    } catch (e) {
      if (errorCode(e) !== 'ResponsePayloadSizeLimitExceeded') throw e;
      const total = withData.reduce((n, r) => n + cellsOf(r.rect!), 0);
      maxCells = Math.floor(Math.min(maxCells, total) / 2);
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
        merges = inferMergedBlocks(values, read.rect.top, read.rect.left);
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
