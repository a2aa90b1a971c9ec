/**
 * Comparisons for the web page's browser test (test/e2e/web.mjs), with the project's own reader: a sheet's
 * cells in two workbooks, and the zip entries a result workbook must have copied from its input unchanged.
 * Imported from the plain-ESM test through tsx's tsImport.
 */
import { columnLetters, type CellValue, type SheetGrid } from '../../src/engine';
import { cellText } from '../../src/engine/parse/cell-text';
import { readXlsx } from '../../src/xlsx';
import { ZipArchive } from '../../src/xlsx/zip';

/** The parts a splice rewrites (as in test/web-session.test.ts); every other part must be the input's bytes. */
export const EDITED_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

export function sheetNames(bytes: Uint8Array): string[] {
  return readXlsx(bytes).grids.sheets.map((s) => s.name);
}

function tagged(v: CellValue | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (typeof v === 'object') return `error:${JSON.stringify(v)}`;
  return `${typeof v}:${String(v)}`;
}

/** Non-empty cells by address, values tagged with their type (1 and '1' differ). */
function cellMap(grid: SheetGrid): Map<string, string> {
  const cells = new Map<string, string>();
  const r0 = grid.originRow ?? 0;
  const c0 = grid.originCol ?? 0;
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const t = tagged(v);
      if (t !== null) cells.set(`${columnLetters(c + c0)}${r + r0 + 1}`, t);
    }),
  );
  return cells;
}

export interface SheetComparison {
  sheet: string;
  /** Non-empty cells in the first workbook's sheet. */
  cells: number;
  /** Up to 10 differing cells, "A1: x ≠ y"; a missing sheet is one entry. */
  differences: string[];
  differing: number;
}

/** Each named sheet of `mine` against the same sheet of `theirs`, cell by cell. */
export function compareSheets(mine: Uint8Array, theirs: Uint8Array, names: readonly string[]): SheetComparison[] {
  const a = new Map(readXlsx(mine).grids.sheets.map((s) => [s.name, s]));
  const b = new Map(readXlsx(theirs).grids.sheets.map((s) => [s.name, s]));
  return names.map((sheet) => {
    const x = a.get(sheet);
    const y = b.get(sheet);
    if (!x || !y) return { sheet, cells: 0, differing: 1, differences: [`sheet missing in ${!x ? 'the page’s result' : 'the command line’s result'}`] };
    const cx = cellMap(x);
    const cy = cellMap(y);
    const differences: string[] = [];
    let differing = 0;
    for (const address of new Set([...cx.keys(), ...cy.keys()])) {
      const u = cx.get(address) ?? '(empty)';
      const v = cy.get(address) ?? '(empty)';
      if (u === v) continue;
      differing++;
      if (differences.length < 10) differences.push(`${address}: ${u} ≠ ${v}`);
    }
    return { sheet, cells: cx.size, differing, differences };
  });
}

export interface PartsComparison {
  /** Entries of the input compared (all but EDITED_PARTS). */
  compared: number;
  /** Entries missing from the result, or whose CRC or compressed bytes differ. */
  changed: string[];
}

/** Every zip entry of `input` but the edited parts is in `output` with the same CRC and compressed bytes. */
export function compareUntouchedParts(input: Uint8Array, output: Uint8Array): PartsComparison {
  const before = new ZipArchive(input);
  const after = new ZipArchive(output);
  const afterByName = new Map(after.entries.map((e) => [e.name, e]));
  const changed: string[] = [];
  let compared = 0;
  for (const entry of before.entries) {
    if (EDITED_PARTS.includes(entry.name)) continue;
    compared++;
    const out = afterByName.get(entry.name);
    if (!out) changed.push(`${entry.name}: missing`);
    else if (out.crc !== entry.crc) changed.push(`${entry.name}: CRC ${out.crc} ≠ ${entry.crc}`);
    else if (Buffer.compare(Buffer.from(after.rawData(out)), Buffer.from(before.rawData(entry))) !== 0) changed.push(`${entry.name}: compressed bytes differ`);
  }
  return { compared, changed };
}

/** One cell ("F5") of a sheet as the row preview shows it (the engine's display text). */
export function cellShown(bytes: Uint8Array, sheet: string, cell: string): string | null {
  const grid = readXlsx(bytes).grids.sheets.find((s) => s.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!grid || !m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return cellText(grid.values[Number(m[2]) - 1 - (grid.originRow ?? 0)]?.[col - 1 - (grid.originCol ?? 0)]);
}
