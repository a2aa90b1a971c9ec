/** Comparing worksheets cell by cell, and finding formulas, in workbooks the CLI read or wrote. */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import type ExcelJS from 'exceljs';

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every stored cell of a sheet: address → value as JSON (dates, rich text and formulas included). */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, JSON.stringify(cell.value));
    });
  });
  return cells;
}

/** Addresses whose value is a formula (exceljs gives `{ formula }` or `{ sharedFormula }`). */
export function formulaCells(ws: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)) found.push(cell.address);
      if (cell.type === 6 /* ValueType.Formula */) found.push(cell.address);
    });
  });
  return found;
}

/** Every string value in a sheet (hyperlink texts included). */
export function stringValues(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (typeof v === 'string') out.push(v);
      else if (typeof v === 'object' && v !== null && 'hyperlink' in v && typeof v.text === 'string') out.push(v.text);
    });
  });
  return out;
}
