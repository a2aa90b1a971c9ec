/**
 * exceljs Workbook → the engine's WorkbookGrids. One pass over the stored rows of each sheet; values are
 * converted to plain CellValue without keeping any exceljs object.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, Merge, SheetGrid, WorkbookGrids } from '../../engine/grid';

type RawValue = ExcelJS.CellValue | undefined;

function richTextToString(rich: readonly { text?: unknown }[]): string {
  let s = '';
  for (const run of rich) if (typeof run.text === 'string') s += run.text;
  return s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A formula's cached result, converted like a plain value (exceljs stores it as `result`). */
function formulaResult(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  return toCellValue(result as RawValue);
}

/** One exceljs cell value as the engine sees it. */
export function toCellValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value.result);
  if ('richText' in value && Array.isArray(value.richText)) return richTextToString(value.richText);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (isObject(text) && Array.isArray(text.richText)) return richTextToString(text.richText as { text?: unknown }[]);
    return typeof value.hyperlink === 'string' ? value.hyperlink : null;
  }
  if ('error' in value && typeof value.error === 'string') return { error: value.error };
  // Checkbox-like or unknown JSON cells: the engine cannot use them.
  return null;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * exceljs keeps merges in the private `_merges` map; the public `worksheet.model` getter would build a
 * model of every row (far too slow for 60 000 rows) just to list them.
 */
function readMerges(ws: ExcelJS.Worksheet): Merge[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange | undefined> })._merges;
  const merges: Merge[] = [];
  if (internal) {
    for (const range of Object.values(internal)) {
      if (!range) continue;
      merges.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
    }
    return merges;
  }
  for (const address of ws.model.merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    merges.push({
      top: Number(m[2]) - 1,
      left: lettersToIndex(m[1]!),
      bottom: Number(m[4]) - 1,
      right: lettersToIndex(m[3]!),
    });
  }
  return merges;
}

function lettersToIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function readHiddenColumns(ws: ExcelJS.Worksheet): number[] {
  const hidden: number[] = [];
  // `columns` is null for a sheet without column definitions.
  const columns = (ws.columns as (ExcelJS.Column | null | undefined)[] | null) ?? [];
  columns.forEach((col, i) => {
    if (col?.hidden) hidden.push(i);
  });
  return hidden;
}

export function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    while (values.length < r) values.push([]);
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = toCellValue(cell.value);
      if (v === null) return;
      const c = colNumber - 1;
      while (cells.length < c) cells.push(null);
      cells[c] = v;
    });
    values[r] = cells;
    if (row.hidden) hiddenRows.push(r);
  });
  const grid: SheetGrid = { name: ws.name, values, originRow: 0, originCol: 0 };
  const merges = readMerges(ws);
  if (merges.length > 0) grid.merges = merges;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const hiddenColumns = readHiddenColumns(ws);
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  return grid;
}

/** Every worksheet, in tab order. Chart sheets and dialog sheets are not worksheets in exceljs. */
export function readWorkbook(wb: ExcelJS.Workbook): WorkbookGrids {
  return { sheets: wb.worksheets.map(readSheet) };
}
