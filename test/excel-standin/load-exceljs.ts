/**
 * Build stand-in state from an exceljs Workbook, as Excel would present the same file: dates as serial
 * numbers, errors as valueType "Error" with their text, formulas with their cached result, non-first
 * cells of a merged area empty, hidden rows and columns, sheet visibility and protection.
 * Imports exceljs only (webpack bundles its browser build), so the harness can load an .xlsx too.
 */
import ExcelJS from 'exceljs';
import { dateToSerial } from './input';
import { addSheetState, createState, ensureCell, type CellState, type SheetState, type StandInState } from './state';

type Raw = ExcelJS.CellValue | undefined;

function toSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function setPlain(cell: CellState, v: unknown): void {
  if (v === null || v === undefined || v === '') {
    cell.value = '';
    cell.type = 'Empty';
  } else if (typeof v === 'number') {
    cell.value = v;
    cell.type = 'Double';
  } else if (typeof v === 'boolean') {
    cell.value = v;
    cell.type = 'Boolean';
  } else if (v instanceof Date) {
    cell.value = toSerial(v);
    cell.type = 'Double';
  } else if (typeof v === 'string') {
    cell.value = v;
    cell.type = 'String';
  } else if (typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string') {
    cell.value = (v as { error: string }).error;
    cell.type = 'Error';
  } else if (typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    cell.value = ((v as { richText: { text?: string }[] }).richText).map((r) => r.text ?? '').join('');
    cell.type = cell.value === '' ? 'Empty' : 'String';
  } else {
    cell.value = String(v);
    cell.type = 'String';
  }
}

function setFromExcelJs(cell: CellState, raw: Raw): void {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as unknown as Record<string, unknown>;
    if (typeof o.formula === 'string' || typeof o.sharedFormula === 'string') {
      cell.formula = `=${String(o.formula ?? o.sharedFormula)}`;
      // Excel would have computed it; the file's cached result is what it last showed.
      setPlain(cell, o.result);
      return;
    }
    if (typeof o.hyperlink === 'string') {
      setPlain(cell, o.text ?? o.hyperlink);
      cell.hyperlink = { address: o.hyperlink };
      return;
    }
  }
  setPlain(cell, raw);
}

function loadSheet(state: StandInState, ws: ExcelJS.Worksheet): SheetState {
  const sheet = addSheetState(state, ws.name);
  sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  sheet.protected = !!protection?.sheet;
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges ?? {};
  for (const m of Object.values(merges)) {
    if (m) sheet.merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // exceljs repeats a merged area's value in every cell; Excel reports the others empty.
      if (c.isMerged && c.master.address !== c.address) return;
      const cell = ensureCell(sheet, rowNumber - 1, colNumber - 1);
      if (typeof c.numFmt === 'string' && c.numFmt) cell.numberFormat = c.numFmt;
      setFromExcelJs(cell, c.value);
    });
  });
  const columns = (ws.columns as (ExcelJS.Column | null | undefined)[] | null) ?? [];
  columns.forEach((col, i) => {
    if (col?.hidden) sheet.hiddenColumns.add(i);
    if (col?.width) sheet.columnWidths.set(i, col.width * 7 * 0.75);
  });
  return sheet;
}

/** A fresh stand-in state holding the workbook's sheets. */
export function loadExcelJsWorkbook(wb: ExcelJS.Workbook, options: Parameters<typeof createState>[0] = {}): StandInState {
  const state = createState(options);
  wb.worksheets.forEach((ws) => loadSheet(state, ws));
  const firstVisible = state.sheets.find((s) => s.visibility === 'Visible');
  state.activeSheetId = firstVisible?.id ?? null;
  return state;
}

/** Load .xlsx bytes (an ArrayBuffer in the browser, a Buffer in Node). */
export async function loadXlsxBuffer(data: ArrayBuffer | Uint8Array, options: Parameters<typeof createState>[0] = {}): Promise<StandInState> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return loadExcelJsWorkbook(wb, options);
}

/** Put plain values into a sheet (creating it), as if typed as constants: for synthetic test workbooks. */
export function putValues(state: StandInState, sheetName: string, rows: (string | number | boolean | Date | null)[][], origin = { row: 0, col: 0 }): SheetState {
  const sheet = state.sheets.find((s) => s.name === sheetName && !s.deleted) ?? addSheetState(state, sheetName);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      setPlain(ensureCell(sheet, origin.row + i, origin.col + j), v);
    }),
  );
  return sheet;
}

export { dateToSerial };
