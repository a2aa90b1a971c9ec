/**
 * One worksheet part to a SheetGrid. Only `sheetData` (the cells), `mergeCells` and `cols` (hidden
 * columns) are read; every other subtree (data validations, conditional formats, hyperlinks, page setup,
 * extensions) is skipped unread. Nothing is expanded from a range: a validation over `A1:XFD1048576`, a
 * `<dimension>`, a `<col min="1" max="16384">` or a merge down a whole column cost what their XML costs.
 * Empty rows are holes in `values`, so a stray value in row 1 000 000 costs nothing per row above it.
 */
import type { CellValue, Merge, SheetGrid } from '../engine/grid';
import { decodeXString, isoToDate, serialToDate } from './cell-values';
import { MAX_COL, MAX_ROW, parseRef } from './cell-refs';
import { XlsxReadError } from './errors';
import { isSpreadsheetMl } from './namespaces';
import type { PackageParts } from './package-parts';
import type { DateStyles } from './styles';
import type { ZipEntry } from './zip';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: DateStyles;
  date1904: boolean;
}

const enum At {
  Start,
  Sheet,
  SheetData,
  Row,
  Cell,
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

function mergeOf(ref: string): Merge | undefined {
  const colon = ref.indexOf(':');
  const a = { col: 0, row: 0 };
  const b = { col: 0, row: 0 };
  if (!parseRef(colon < 0 ? ref : ref.slice(0, colon), a) || !parseRef(colon < 0 ? ref : ref.slice(colon + 1), b)) return undefined;
  // `A:C` spans every row and `3:5` every column; they stay four numbers.
  return {
    top: a.row < 0 ? 0 : a.row,
    left: a.col < 0 ? 0 : a.col,
    bottom: b.row < 0 ? MAX_ROW : b.row,
    right: b.col < 0 ? MAX_COL : b.col,
  };
}

export function readWorksheet(parts: PackageParts, entry: ZipEntry, name: string, context: SheetContext, progress?: (consumed: number) => void): SheetGrid {
  const { sharedStrings, dateStyles, date1904 } = context;
  const values: CellValue[][] = [];
  const merges: Merge[] = [];
  const hiddenRows: number[] = [];
  const hiddenSpans: [number, number][] = [];
  let width = 0;

  let at = At.Start;
  let row = -1;
  let col = -1;
  let cells: CellValue[] | undefined;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value: string | undefined;
  let inValue = false;
  let inline: string | undefined;
  let inInlineText = false;
  const ref = { col: 0, row: 0 };

  function cellValue(): CellValue {
    if (inline !== undefined && (type === 'inlineStr' || value === undefined)) return inline === '' ? null : decodeXString(inline);
    // A formula without a cached result, and an empty <v>, are empty cells.
    if (value === undefined || value === '') return null;
    switch (type) {
      case 's':
        return sharedStrings[parseInt(value, 10)] ?? null;
      case 'str':
      case 'inlineStr':
        return decodeXString(value);
      case 'b':
        return value.trim() !== '0' && value.trim() !== 'false';
      case 'e':
        return { error: value.trim() };
      case 'd':
        return isoToDate(value);
      default: {
        const n = parseFloat(value);
        if (Number.isNaN(n)) return null;
        return dateStyles[style] === true ? serialToDate(n, date1904) : n;
      }
    }
  }

  function storeCell(): void {
    const v = cellValue();
    if (v === null || row < 0 || col < 0) return;
    cells ??= values[row] ??= [];
    while (cells.length < col) cells.push(null);
    cells[col] = v;
    if (col + 1 > width) width = col + 1;
  }

  parts.parse(
    entry,
    {
      open(ns, local, attrs) {
        if (!isSpreadsheetMl(ns)) return true;
        switch (at) {
          case At.Cell:
            switch (local) {
              case 'v':
                inValue = true;
                value = '';
                return;
              case 'is':
                inline = '';
                return;
              case 'r':
                return;
              case 't':
                inInlineText = inline !== undefined;
                return;
              default:
                return true; // f (the formula: its cached <v> is the value), rPh, rPr, extLst
            }
          case At.Row:
            if (local !== 'c') return true;
            at = At.Cell;
            if (attrs.r !== undefined && parseRef(attrs.r, ref) && ref.col >= 0) {
              col = ref.col;
              if (ref.row >= 0 && ref.row !== row) {
                row = ref.row;
                cells = values[row];
              }
            } else col++;
            type = attrs.t ?? 'n';
            style = attrs.s === undefined ? 0 : parseInt(attrs.s, 10) || 0;
            value = undefined;
            inline = undefined;
            return;
          case At.SheetData:
            if (local !== 'row') return true;
            at = At.Row;
            row = attrs.r !== undefined ? parseInt(attrs.r, 10) - 1 : row + 1;
            col = -1;
            cells = row >= 0 ? values[row] : undefined;
            if (row >= 0 && isTrue(attrs.hidden)) hiddenRows.push(row);
            return;
          case At.Sheet:
            switch (local) {
              case 'sheetData':
                at = At.SheetData;
                return;
              case 'mergeCells':
              case 'cols':
                return;
              case 'mergeCell': {
                const merge = mergeOf(attrs.ref ?? '');
                if (merge) merges.push(merge);
                return true;
              }
              case 'col': {
                const min = parseInt(attrs.min ?? '', 10);
                const max = parseInt(attrs.max ?? '', 10);
                if (isTrue(attrs.hidden) && min >= 1 && max >= min) hiddenSpans.push([min - 1, max - 1]);
                return true;
              }
              default:
                return true;
            }
          case At.Start:
            if (local !== 'worksheet') throw new XlsxReadError('corrupt', `${entry.name} is not a worksheet (<${local}>)`);
            at = At.Sheet;
            return;
        }
      },
      close(_ns, local) {
        switch (at) {
          case At.Cell:
            if (local === 'c') {
              storeCell();
              at = At.Row;
            } else if (local === 'v') inValue = false;
            else if (local === 't') inInlineText = false;
            return;
          case At.Row:
            if (local === 'row') at = At.SheetData;
            return;
          case At.SheetData:
            if (local === 'sheetData') at = At.Sheet;
            return;
        }
      },
      text(text) {
        if (inValue) value += text;
        else if (inInlineText) inline += text;
      },
    },
    progress,
  );
  if (at === At.Start) throw new XlsxReadError('corrupt', `${entry.name} has no <worksheet> element`);

  const grid: SheetGrid = { name, values, originRow: 0, originCol: 0 };
  if (merges.length > 0) grid.merges = merges;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  // A hidden span may run to column XFD; only the columns that hold data are listed.
  const hiddenColumns: number[] = [];
  for (const [min, max] of hiddenSpans) for (let c = min; c <= Math.min(max, width - 1); c++) hiddenColumns.push(c);
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  return grid;
}
