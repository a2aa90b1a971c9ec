/**
 * The engine's only view of a workbook: plain values, no Office.js or exceljs objects.
 * Both adapters (Office.js in the task pane, exceljs on the command line) produce this shape.
 */

/** An Excel error value such as `#DIV/0!`, `#REF!`, `#N/A`. */
export interface ErrorValue {
  readonly error: string;
}

/**
 * One cell as the engine sees it.
 * - formula cells carry their cached result (or `null` when there is none);
 * - date cells may come as `Date` (exceljs) or as an Excel serial number (Office.js `values`);
 * - error cells are `ErrorValue`, never the bare string `"#DIV/0!"`.
 */
export type CellValue = string | number | boolean | Date | ErrorValue | null;

/** A merged range, 0-based and inclusive, in sheet coordinates (row 0 = Excel row 1, col 0 = column A). */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /**
   * The file the sheet came from, when several workbooks are appraised together (各单位报送): every
   * record and issue then names it, and sheets of the same name in two files stay apart. Absent for
   * the one workbook of a single-file run.
   */
  file?: string;
  /**
   * Row-major values. `values[r][c]` is the cell at sheet row `originRow + r`, column `originCol + c`
   * (0-based). Rows may be ragged; a missing entry is an empty cell.
   */
  values: CellValue[][];
  /** 0-based sheet row / column of `values[0][0]`; both default to 0 (cell A1). */
  originRow?: number;
  originCol?: number;
  merges?: Merge[];
  /** 0-based sheet rows / columns that are hidden. Hidden data is still data (SPEC section 2). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** The sheet itself is hidden. Still read. */
  hidden?: boolean;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === 'string';
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
/** Letters of the first 702 columns (A…ZZ), which is every column a ledger uses. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col >= 0 && col < 702) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based sheet row/column to an A1 address: (4, 2) → C5. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address to 0-based {row, col}; `undefined` for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
