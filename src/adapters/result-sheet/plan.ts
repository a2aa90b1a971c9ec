/**
 * How a result sheet looks, decided once for both writers: every cell's value and style, column widths,
 * row heights, merges, links, frozen rows and print setup. The exceljs writer applies a plan to a
 * worksheet; the package splicer serialises it straight to SpreadsheetML. Same plan, same sheet.
 */
import { columnLetters } from '../../engine/grid';
import type { OutputColumn, OutputSheet, OutCell, RowStyle } from '../../engine/output-model';
import { columnWidths, DATA_ROW_HEIGHT, fitToLines, heightFor, linesIn } from './layout';

/**
 * Excel keeps at most 65 530 hyperlinks in one worksheet ("Hyperlinks in a worksheet: 65,530", Excel
 * specifications and limits). Rows past that are written without their link.
 */
export const MAX_LINKS_PER_SHEET = 65_530;

/** ARGB colours, as SpreadsheetML writes them. */
export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; underline?: boolean; color?: string };
  fill?: string;
  border?: string;
  alignment: { horizontal: 'left' | 'center' | 'right'; vertical: 'middle'; wrapText?: boolean };
  numFmt?: string;
}

export type PlannedValue = string | number | boolean | null;

export interface PlannedCell {
  value: PlannedValue;
  /** Index into SheetPlan.styles. */
  style: number;
  /** A link target such as `'学习台账'!E13`: in this workbook, or in `linkFile`. */
  link?: string;
  /** The other workbook `link` is in (relative to the result's folder); see SheetPlan.linkFiles. */
  linkFile?: string;
}

export interface SheetPlan {
  styles: CellStyle[];
  widths: number[];
  /** Sheet row r + 1; every row has one cell per column. */
  rows: { height: number; cells: PlannedCell[] }[];
  /** Ranges such as A1:N1. */
  merges: string[];
  freezeRows: number;
  print: { orientation: 'landscape' | 'portrait'; fitToWidth: boolean; titleRows: [number, number] };
  /** Excel header/footer codes: centred page x of n. */
  footer: string;
  /** Links left out because the sheet reached MAX_LINKS_PER_SHEET. */
  linksOmitted: number;
  /** The other workbooks links lead into, each once, in order of first use (a relationship each). */
  linkFiles: string[];
}

export const FONT_NAME = '宋体';
export const HEADER_FILL = 'FFDDEBF7';
const NOTE_COLOR = 'FF7F7F7F';
const LINK_COLOR = 'FF0563C1';
export const BORDER_COLOR = 'FF9E9E9E';
export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';

const NUM_FMT: Record<OutputColumn['format'], string | undefined> = {
  text: '@',
  integer: '0',
  decimal2: '0.00',
  general: undefined,
};

/** `'Sheet Name'!E13`, quoting as Excel does (a quote inside the name is doubled). */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell || 'A1'}`;
}

/** Ledger text stays text: a text column's value is always a string, whatever it looks like. */
function plannedValue(value: OutCell, column: OutputColumn): PlannedValue {
  if (value === null) return null;
  if (column.format === 'text') return typeof value === 'string' ? value : String(value);
  return value;
}

export function planSheet(out: OutputSheet): SheetPlan {
  const ncols = Math.max(out.columns.length, 1);
  const lastCol = columnLetters(ncols - 1);
  const widths = columnWidths(out);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const styles: CellStyle[] = [];
  const add = (style: CellStyle): number => styles.push(style) - 1;

  const title = add({ font: { name: FONT_NAME, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  const note = add({
    font: { name: FONT_NAME, size: 9, color: NOTE_COLOR },
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  });
  const header = add({
    font: { name: FONT_NAME, size: 11, bold: true },
    fill: HEADER_FILL,
    border: BORDER_COLOR,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  const across = (value: PlannedValue, style: number): PlannedCell[] =>
    Array.from({ length: ncols }, (_, c) => ({ value: c === 0 ? value : null, style }));

  const rows: SheetPlan['rows'] = [
    { height: 30, cells: across(out.title, title) },
    // The note font is smaller than the width unit's 11pt, so a line holds about 11/9 more.
    { height: heightFor(linesIn(out.note, (totalWidth * 11) / 9), 20) * (9 / 11) + 4, cells: across(out.note, note) },
  ];
  let headerLines = 1;
  out.columns.forEach((col, i) => (headerLines = Math.max(headerLines, linesIn(col.header, widths[i]!))));
  rows.push({ height: heightFor(headerLines, 24), cells: out.columns.map((col) => ({ value: col.header, style: header })) });

  // One style per column, row style and link state; the engine shares RowStyle objects, so they key by identity.
  const cache = out.columns.map(() => new Map<RowStyle | undefined, number[]>());
  const dataStyle = (c: number, col: OutputColumn, rowStyle: RowStyle | undefined, link: boolean): number => {
    let pair = cache[c]!.get(rowStyle);
    if (!pair) cache[c]!.set(rowStyle, (pair = []));
    const slot = link ? 1 : 0;
    let index = pair[slot];
    if (index === undefined) {
      const color = link ? LINK_COLOR : rowStyle?.fontColor ? `FF${rowStyle.fontColor}` : undefined;
      const numFmt = NUM_FMT[col.format];
      index = pair[slot] = add({
        font: {
          name: FONT_NAME,
          size: 11,
          bold: rowStyle?.bold ?? false,
          ...(color ? { color } : {}),
          ...(link ? { underline: true } : {}),
        },
        ...(rowStyle?.fill ? { fill: `FF${rowStyle.fill}` } : {}),
        border: BORDER_COLOR,
        alignment: {
          horizontal: col.align ?? (col.format === 'text' ? 'left' : 'right'),
          vertical: 'middle',
          wrapText: col.format === 'text',
        },
        ...(numFmt ? { numFmt } : {}),
      });
    }
    return index;
  };

  const linkKey = (row: number, col: number): number => row * 16_384 + col;
  const links = new Map(out.links.slice(0, MAX_LINKS_PER_SHEET).map((l) => [linkKey(l.row, l.col), l]));
  const linkFiles = new Map<string, number>();
  out.rows.forEach((values, r) => {
    const rowStyle = out.rowStyles[r];
    let lines = 1;
    const cells = out.columns.map((col, c): PlannedCell => {
      let value = values[c] ?? null;
      if (col.format === 'text' && typeof value === 'string') {
        // Text too long for the tallest row is cut, and says so, rather than growing the row past 409 points.
        value = fitToLines(value, widths[c]!);
        lines = Math.max(lines, linesIn(value, widths[c]!));
      }
      const link = links.get(linkKey(r, c));
      if (!link) return { value: plannedValue(value, col), style: dataStyle(c, col, rowStyle, false) };
      // A link needs something to click: an empty cell shows where it leads.
      const shown = value === null || value === '' ? `${link.sheet}!${link.cell}` : String(value);
      const planned: PlannedCell = { value: shown, style: dataStyle(c, col, rowStyle, true), link: linkLocation(link.sheet, link.cell) };
      if (link.file !== undefined) {
        planned.linkFile = link.file;
        if (!linkFiles.has(link.file)) linkFiles.set(link.file, linkFiles.size);
      }
      return planned;
    });
    rows.push({ height: heightFor(lines, DATA_ROW_HEIGHT), cells });
  });

  return {
    styles,
    widths,
    rows,
    merges: ncols > 1 ? [`A1:${lastCol}1`, `A2:${lastCol}2`] : [],
    freezeRows: out.freezeRows,
    print: { orientation: out.print.orientation, fitToWidth: out.print.fitToWidth, titleRows: out.print.repeatRows },
    footer: PAGE_FOOTER,
    linksOmitted: Math.max(0, out.links.length - MAX_LINKS_PER_SHEET),
    linkFiles: [...linkFiles.keys()],
  };
}
