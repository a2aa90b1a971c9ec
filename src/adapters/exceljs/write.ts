/**
 * Renders the engine's OutputSheet tables into an exceljs Workbook. Only sheets the add-in generated
 * (A2 starts with GENERATED_MARKER) are ever replaced; a user's own sheet of the same name is left alone
 * and the output goes to a free name (see placeOutputs).
 */
import type ExcelJS from 'exceljs';
import './internal-links';
import { columnLetters } from '../../engine/grid';
import { GENERATED_MARKER, type OutputColumn, type OutputSheet, type OutCell, type RowStyle } from '../../engine/output-model';
import { placeOutputs, type ExistingSheet, type OutputPlacement } from '../../engine/output-names';
import { columnWidths, DATA_ROW_HEIGHT, heightFor, linesIn } from './layout';
import { toCellValue } from './read';

const HEADER_FILL = 'FFDDEBF7';
const NOTE_COLOR = 'FF7F7F7F';
const LINK_COLOR = 'FF0563C1';
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const A4 = 9;

const NUM_FMT: Record<OutputColumn['format'], string | undefined> = {
  text: '@',
  integer: '0',
  decimal2: '0.00',
  general: undefined,
};

function isGeneratedSheet(ws: ExcelJS.Worksheet): boolean {
  const a2 = toCellValue(ws.getCell('A2').value);
  return typeof a2 === 'string' && a2.startsWith(GENERATED_MARKER);
}

export function existingSheets(wb: ExcelJS.Workbook): ExistingSheet[] {
  return wb.worksheets.map((ws) => ({ name: ws.name, generated: isGeneratedSheet(ws) }));
}

/** `'Sheet Name'!E13`, quoting as Excel does (a quote inside the name is doubled). */
function linkTarget(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell || 'A1'}`;
}

/**
 * The value exactly as it must appear: ledger text stays text. exceljs only makes a formula from an
 * object with a `formula` key, so a plain string such as `=1+1` is written as a shared string.
 */
function cellValue(value: OutCell, column: OutputColumn): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.format === 'text') return typeof value === 'string' ? value : String(value);
  return value;
}

const FONT_NAME = '宋体';
const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, bold: true, size: 16 };
const NOTE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 9, color: { argb: NOTE_COLOR } };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, bold: true, size: 11 };

function renderSheet(ws: ExcelJS.Worksheet, out: OutputSheet): void {
  const ncols = Math.max(out.columns.length, 1);
  const lastCol = columnLetters(ncols - 1);
  const widths = columnWidths(out);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const title = ws.getCell('A1');
  title.value = out.title;
  title.style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 30;
  if (ncols > 1) ws.mergeCells(`A1:${lastCol}1`);

  const note = ws.getCell('A2');
  note.value = out.note;
  note.style = { font: NOTE_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
  // The note font is smaller than the width unit's 11pt, so a line holds about 11/9 more.
  ws.getRow(2).height = heightFor(linesIn(out.note, (totalWidth * 11) / 9), 20) * (9 / 11) + 4;
  if (ncols > 1) ws.mergeCells(`A2:${lastCol}2`);

  const header = ws.getRow(3);
  const headerStyle: Partial<ExcelJS.Style> = {
    font: HEADER_FONT,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
    border: BORDER,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  let headerLines = 1;
  out.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.style = headerStyle;
    headerLines = Math.max(headerLines, linesIn(col.header, widths[i]!));
  });
  header.height = heightFor(headerLines, 24);

  // Cells of one column and row style share one style object: exceljs then resolves the style once
  // (its writer caches by object identity), which matters for sheets with tens of thousands of rows.
  // The engine shares its RowStyle objects, so they key the cache by identity.
  const styleCache = out.columns.map(() => new Map<RowStyle | undefined, Partial<ExcelJS.Style>[]>());
  const dataStyle = (c: number, col: OutputColumn, rowStyle: RowStyle | undefined, link: boolean): Partial<ExcelJS.Style> => {
    const byRowStyle = styleCache[c]!;
    let pair = byRowStyle.get(rowStyle);
    if (!pair) byRowStyle.set(rowStyle, (pair = []));
    const slot = link ? 1 : 0;
    let style = pair[slot];
    if (!style) {
      const color = link ? LINK_COLOR : rowStyle?.fontColor ? `FF${rowStyle.fontColor}` : undefined;
      style = {
        font: {
          name: FONT_NAME,
          size: 11,
          bold: rowStyle?.bold ?? false,
          ...(color ? { color: { argb: color } } : {}),
          ...(link ? { underline: true } : {}),
        },
        border: BORDER,
        alignment: {
          horizontal: col.align ?? (col.format === 'text' ? 'left' : 'right'),
          vertical: 'middle',
          wrapText: col.format === 'text',
        },
      };
      const numFmt = NUM_FMT[col.format];
      if (numFmt) style.numFmt = numFmt;
      if (rowStyle?.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rowStyle.fill}` } };
      pair[slot] = style;
    }
    return style;
  };

  const linkKey = (row: number, col: number): number => row * 16_384 + col;
  const linked = new Set(out.links.map((l) => linkKey(l.row, l.col)));
  out.rows.forEach((values, r) => {
    const row = ws.getRow(4 + r);
    const rowStyle = out.rowStyles[r];
    let lines = 1;
    out.columns.forEach((col, c) => {
      const cell = row.getCell(c + 1);
      const value = values[c] ?? null;
      cell.value = cellValue(value, col);
      cell.style = dataStyle(c, col, rowStyle, linked.has(linkKey(r, c)));
      if (col.format === 'text' && typeof value === 'string') lines = Math.max(lines, linesIn(value, widths[c]!));
    });
    row.height = heightFor(lines, DATA_ROW_HEIGHT);
  });

  for (const link of out.links) {
    const cell = ws.getRow(4 + link.row).getCell(link.col + 1);
    const shown = out.rows[link.row]?.[link.col];
    const text = shown === null || shown === undefined || shown === '' ? `${link.sheet}!${link.cell}` : String(shown);
    cell.value = { text, hyperlink: linkTarget(link.sheet, link.cell) };
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: out.freezeRows, topLeftCell: `A${out.freezeRows + 1}` }];
  ws.pageSetup = {
    paperSize: A4,
    orientation: out.print.orientation,
    fitToPage: out.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${out.print.repeatRows[0]}:${out.print.repeatRows[1]}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** exceljs orders tabs by this (undeclared) field; reusing it keeps a replaced sheet in place. */
interface Ordered {
  orderNo: number;
}

/**
 * Writes the outputs into `wb` and says where each went. A replaced sheet keeps its tab position;
 * new sheets are added after the existing ones, in output order.
 */
export function writeOutputs(wb: ExcelJS.Workbook, outputs: OutputSheet[]): OutputPlacement[] {
  const placements = placeOutputs(outputs, existingSheets(wb));
  for (const placement of placements) {
    let orderNo: number | undefined;
    if (placement.replace) {
      const old = wb.getWorksheet(placement.target);
      if (old) {
        orderNo = (old as unknown as Ordered).orderNo;
        wb.removeWorksheet(old.id);
      }
    }
    const ws = wb.addWorksheet(placement.target);
    if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
    renderSheet(ws, placement.output);
  }
  return placements;
}

/** Adds the 考核规则 sheet filled with the defaults, unless a sheet of that name exists. */
export function insertRulesSheet(
  wb: ExcelJS.Workbook,
  template: { name: string; columns: string[]; rows: string[][] },
): ExcelJS.Worksheet | undefined {
  if (wb.worksheets.some((ws) => ws.name.toLowerCase() === template.name.toLowerCase())) return undefined;
  const ws = wb.addWorksheet(template.name);
  const widths = [24, 28, 60];
  template.columns.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[i] ?? 20;
    const cell = ws.getRow(1).getCell(i + 1);
    cell.value = h;
    cell.font = HEADER_FONT;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
  });
  template.rows.forEach((values, r) => {
    const row = ws.getRow(2 + r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.numFmt = '@';
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
  return ws;
}
