/**
 * The stand-in's workbook: plain data that the proxy objects read and change at `context.sync()`.
 * No Node modules here: this also runs in the browser harness.
 */

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface CellStyle {
  bold?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellState {
  /** What `values` returns: '' for empty, the error text (e.g. "#DIV/0!") for errors. */
  value: string | number | boolean;
  type: ValueType;
  /** '=…' when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  style?: CellStyle;
  hyperlink?: Hyperlink;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  printTitleRows: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** Sparse rows of sparse cells. */
  rows: (CellState | undefined)[][];
  merges: Rect[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  pageLayout: PageLayoutState;
  deleted: boolean;
}

export interface Counters {
  syncs: number;
  /** Queued actions sent over all syncs. */
  actions: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
  largestResponseBytes: number;
  totalResponseBytes: number;
  /** suspendApiCalculationUntilNextSync calls. */
  calculationSuspensions: number;
  /** Actions queued in each sync, in order. */
  actionsBySync: number[];
  /** The most cells one range read (values, formulas, …) got. */
  largestReadCells: number;
}

export interface StandInState {
  sheets: SheetState[];
  activeSheetId: string | null;
  selection: { sheet: string; address: string } | null;
  workbookProtected: boolean;
  /** Highest supported ExcelApi minor version, e.g. 13 for "1.13". */
  excelApiVersion: number;
  /** Excel on the web refuses requests / responses larger than this (bytes); Infinity for desktop. */
  requestLimitBytes: number;
  responseLimitBytes: number;
  counters: Counters;
  nextId: number;
  /**
   * A failure to inject: the sync numbered `atSync` (counters.syncs after it is counted, 1-based) fails
   * with `code` after applying its first `afterActions` actions (default 0: none applied; Infinity: all
   * applied, then the response is lost). Cleared once it fires.
   */
  fault?: { atSync: number; afterActions?: number; code?: string };
  /** Office.context.document.mode. */
  documentMode: 'readWrite' | 'readOnly';
  /** Office.context.document.settings as saved by saveAsync (what a reopened document would have). */
  settings: Record<string, unknown>;
  /** The user is editing a cell: batches fail, or wait when run with delayForCellEdit. */
  cellEditMode: boolean;
}

export const FIVE_MB = 5 * 1024 * 1024;

export function newCounters(): Counters {
  return { syncs: 0, actions: 0, largestRequestBytes: 0, totalRequestBytes: 0, largestResponseBytes: 0, totalResponseBytes: 0, calculationSuspensions: 0, actionsBySync: [], largestReadCells: 0 };
}

export function createState(options: Partial<Pick<StandInState, 'excelApiVersion' | 'requestLimitBytes' | 'responseLimitBytes' | 'workbookProtected'>> = {}): StandInState {
  return {
    sheets: [],
    activeSheetId: null,
    selection: null,
    workbookProtected: options.workbookProtected ?? false,
    excelApiVersion: options.excelApiVersion ?? 13,
    requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
    responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
    counters: newCounters(),
    nextId: 1,
    documentMode: 'readWrite',
    settings: {},
    cellEditMode: false,
  };
}

export function resetCounters(state: StandInState): void {
  state.counters = newCounters();
}

export function addSheetState(state: StandInState, name: string): SheetState {
  const sheet: SheetState = {
    id: `{sheet-${state.nextId++}}`,
    name,
    visibility: 'Visible',
    protected: false,
    rows: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    columnWidths: new Map(),
    frozenRows: 0,
    frozenColumns: 0,
    pageLayout: { orientation: 'Portrait', paperSize: 'Letter', printTitleRows: null, zoom: null },
    deleted: false,
  };
  state.sheets.push(sheet);
  if (state.activeSheetId === null) state.activeSheetId = sheet.id;
  return sheet;
}

export function liveSheets(state: StandInState): SheetState[] {
  return state.sheets.filter((s) => !s.deleted);
}

export function findSheet(state: StandInState, name: string): SheetState | undefined {
  const key = name.toLowerCase();
  return liveSheets(state).find((s) => s.name.toLowerCase() === key);
}

export function getCell(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.rows[row]?.[col];
}

export function ensureCell(sheet: SheetState, row: number, col: number): CellState {
  let r = sheet.rows[row];
  if (!r) {
    r = [];
    sheet.rows[row] = r;
  }
  let c = r[col];
  if (!c) {
    c = { value: '', type: 'Empty', numberFormat: 'General' };
    r[col] = c;
  }
  return c;
}

/** Smallest rectangle holding every cell with a value (valuesOnly) or with anything set at all. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const used = cell.type !== 'Empty' || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat !== 'General' || !!cell.style || !!cell.hyperlink));
      if (!used) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** usedRect limited to `within`: the smallest rectangle inside it holding every used cell there. */
export function usedRectWithin(sheet: SheetState, within: Rect, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const lastRow = Math.min(within.bottom, sheet.rows.length - 1);
  for (let r = within.top; r <= lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const lastCol = Math.min(within.right, row.length - 1);
    for (let c = within.left; c <= lastCol; c++) {
      const cell = row[c];
      if (!cell) continue;
      const used = cell.type !== 'Empty' || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat !== 'General' || !!cell.style || !!cell.hyperlink));
      if (!used) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/**
 * A sheet name as Excel prints it in an address: quoted when it holds anything but letters, digits,
 * underscore and dot, or starts with a digit; quotes inside are doubled.
 */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function parseCellRef(ref: string): { row: number | null; col: number | null } | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let col: number | null = null;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  const row = m[2] ? Number(m[2]) - 1 : null;
  if ((row !== null && (row < 0 || row >= MAX_ROWS)) || (col !== null && col >= MAX_COLS)) return undefined;
  return { row, col };
}

/** "A1", "A1:C3", "A:A", "3:5" (no sheet part) → a rectangle; undefined when invalid. */
export function parseAddress(address: string): Rect | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellRef(parts[0]!);
  const b = parts.length === 2 ? parseCellRef(parts[1]!) : a;
  if (!a || !b) return undefined;
  // Whole columns "A:C" or whole rows "3:5".
  if (a.row === null || b.row === null) {
    if (a.col === null || b.col === null || a.row !== null || b.row !== null) return undefined;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  }
  if (a.col === null || b.col === null) {
    if (a.col !== null || b.col !== null) return undefined;
    return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 0, right: MAX_COLS - 1 };
  }
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
