/**
 * Writing the generated sheets through Office.js. Only sheets the add-in generated are ever deleted;
 * a user's sheet holding a desired name makes the output move to a free name. Every string is written
 * into a cell already formatted as text ("@"), so ledger text such as "=1+1" can never become a formula.
 */
import {
  columnLetters,
  placeOutputs,
  type ColumnFormat,
  type ExistingSheet,
  type OutCell,
  type OutputSheet,
  type RowStyle,
} from '../../engine';
import { jsonBytes, RequestBudget, DEFAULT_REQUEST_BUDGET } from './payload';
import { quoteSheet } from './address';
import { optionalApis, type OptionalApis } from './support';
import type { ReadResult } from './read';

export interface WriteResult {
  written: { key: string; sheet: string }[];
  renamed: { from: string; to: string }[];
  /** Syncs this write took (for benchmarks and tests). */
  syncs: number;
}

export interface WriteOptions {
  onProgress?: (fraction: number) => void;
  /** Bytes queued before a sync is forced; far below Excel on the web's 5 MB. */
  requestBudget?: number;
  apis?: OptionalApis;
}

const TEXT = '@';
const HEADER_FILL = 'D9E1F2';
const TITLE_ROW = 0;
const FIRST_DATA_ROW = 3;

export function existingSheets(read: ReadResult): ExistingSheet[] {
  return read.sheets.map((s) => ({ name: s.name, generated: s.generated }));
}

function numberFormatOf(format: ColumnFormat): string {
  switch (format) {
    case 'text':
      return TEXT;
    case 'integer':
      return '0';
    case 'decimal2':
      return '0.00';
    default:
      return 'General';
  }
}

/** Excel column width is set in points; the model gives characters (about 7 px each, 0.75 pt per px, plus padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function cellValue(v: OutCell): string | number | boolean {
  return v === null ? '' : v;
}

/** The number format a cell needs: any string is text, whatever its column says. */
function cellFormat(v: OutCell, columnFormat: string): string {
  return typeof v === 'string' ? TEXT : columnFormat;
}

function sameStyle(a: RowStyle | undefined, b: RowStyle | undefined): boolean {
  return (a?.fill ?? '') === (b?.fill ?? '') && (a?.fontColor ?? '') === (b?.fontColor ?? '') && (a?.bold ?? false) === (b?.bold ?? false);
}

function hasStyle(s: RowStyle | undefined): s is RowStyle {
  return !!s && (!!s.fill || !!s.fontColor || s.bold === true);
}

async function writeOne(sheet: Excel.Worksheet, output: OutputSheet, budget: RequestBudget, apis: OptionalApis, progress: (done: number) => void): Promise<void> {
  const cols = Math.max(1, output.columns.length);
  const last = columnLetters(cols - 1);
  const formats = output.columns.map((c) => numberFormatOf(c.format));

  // Title, note and header: text cells, formatted before any value lands.
  const top = [
    [output.title, ...Array<string>(cols - 1).fill('')],
    [output.note, ...Array<string>(cols - 1).fill('')],
    output.columns.length > 0 ? output.columns.map((c) => c.header) : [''],
  ];
  const head = sheet.getRangeByIndexes(TITLE_ROW, 0, 3, cols);
  const headFormats = top.map((row) => row.map(() => TEXT));
  await budget.charge(jsonBytes(headFormats) + jsonBytes(top));
  head.numberFormat = headFormats;
  head.values = top;

  await budget.charge(400);
  const title = sheet.getRange(`A1:${last}1`);
  title.merge(false);
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = 'Center';
  const note = sheet.getRange(`A2:${last}2`);
  note.merge(false);
  note.format.font.color = '666666';
  const header = sheet.getRange(`A3:${last}3`);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';

  // Column widths and alignment of the data cells.
  for (let c = 0; c < output.columns.length; c++) {
    const column = output.columns[c]!;
    await budget.charge(150);
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthInPoints(column.width);
    if (column.align && output.rows.length > 0) {
      const align = column.align === 'left' ? 'Left' : column.align === 'right' ? 'Right' : 'Center';
      sheet.getRangeByIndexes(FIRST_DATA_ROW, c, output.rows.length, 1).format.horizontalAlignment = align;
    }
  }

  // Data rows in blocks, each well within the request budget: formats first, then values.
  const blockBudget = Math.max(10_000, Math.floor(budget.limit / 2));
  let start = 0;
  while (start < output.rows.length) {
    const values: (string | number | boolean)[][] = [];
    const numberFormats: string[][] = [];
    let bytes = 0;
    let r = start;
    while (r < output.rows.length && (r === start || bytes < blockBudget)) {
      const row = output.rows[r]!;
      const v: (string | number | boolean)[] = [];
      const f: string[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = row[c] ?? null;
        v.push(cellValue(cell));
        f.push(cellFormat(cell, formats[c] ?? 'General'));
      }
      bytes += jsonBytes(v) + jsonBytes(f);
      values.push(v);
      numberFormats.push(f);
      r++;
    }
    await budget.charge(bytes);
    const block = sheet.getRangeByIndexes(FIRST_DATA_ROW + start, 0, values.length, cols);
    block.numberFormat = numberFormats;
    block.values = values;
    start = r;
    progress(start / Math.max(1, output.rows.length));
  }

  // Row fills: consecutive rows with the same style share one range.
  for (let r = 0; r < output.rows.length; ) {
    const style = output.rowStyles[r];
    let end = r;
    while (end + 1 < output.rows.length && sameStyle(output.rowStyles[end + 1], style)) end++;
    if (hasStyle(style)) {
      await budget.charge(300);
      const range = sheet.getRangeByIndexes(FIRST_DATA_ROW + r, 0, end - r + 1, cols);
      if (style.fill) range.format.fill.color = style.fill;
      if (style.fontColor) range.format.font.color = style.fontColor;
      if (style.bold) range.format.font.bold = true;
    }
    r = end + 1;
  }

  // Links to the offending cells. The display text is the cell's own text, kept literal.
  for (const link of output.links) {
    const shown = output.rows[link.row]?.[link.col];
    const text = shown === null || shown === undefined ? `${link.sheet}!${link.cell}` : String(shown);
    const hyperlink = { documentReference: `${quoteSheet(link.sheet)}!${link.cell}`, textToDisplay: text, screenTip: `${link.sheet}!${link.cell}` };
    await budget.charge(jsonBytes(hyperlink));
    sheet.getCell(FIRST_DATA_ROW + link.row, link.col).hyperlink = hyperlink;
  }

  await budget.charge(500);
  if (output.freezeRows > 0) sheet.freezePanes.freezeRows(output.freezeRows);
  if (apis.pageLayoutAndSpecialCells) {
    const layout = sheet.pageLayout;
    layout.orientation = output.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    const [from, to] = output.print.repeatRows;
    layout.setPrintTitleRows(`$${from}:$${to}`);
    if (output.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}

/**
 * Write `outputs` into the workbook. `existing` lists the sheets there now (from readWorkbook).
 * Generated sheets of the same name are deleted and written anew; users' sheets are never touched.
 */
export async function writeOutputs(
  context: Excel.RequestContext,
  outputs: OutputSheet[],
  existing: ExistingSheet[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const apis = options.apis ?? optionalApis();
  const placements = placeOutputs(outputs, existing);
  const budget = new RequestBudget(context, options.requestBudget ?? DEFAULT_REQUEST_BUDGET, () =>
    context.application.suspendApiCalculationUntilNextSync(),
  );

  // Replace only what the add-in generated (placeOutputs sets `replace` for those alone).
  for (const p of placements) {
    if (!p.replace) continue;
    await budget.charge(100);
    context.workbook.worksheets.getItem(p.target).delete();
  }
  await budget.flush();

  const totalRows = Math.max(1, placements.reduce((n, p) => n + p.output.rows.length, 0));
  let rowsBefore = 0;
  const written: WriteResult['written'] = [];
  for (const p of placements) {
    await budget.charge(100);
    const sheet = context.workbook.worksheets.add(p.target);
    const rows = p.output.rows.length;
    await writeOne(sheet, p.output, budget, apis, (done) => options.onProgress?.((rowsBefore + done * rows) / totalRows));
    rowsBefore += rows;
    written.push({ key: p.output.key, sheet: p.target });
  }
  // Show the summary first.
  const first = placements[0];
  if (first) {
    await budget.charge(100);
    context.workbook.worksheets.getItem(first.target).activate();
  }
  await budget.flush();
  options.onProgress?.(1);

  return {
    written,
    renamed: placements.filter((p) => p.renamedBecauseTaken).map((p) => ({ from: p.output.name, to: p.target })),
    syncs: budget.syncs,
  };
}
