/**
 * Our reader against the exceljs path it replaces on the command line: the same grids and the same report
 * for the fixtures and the demo sample, so the figures users saw do not change.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/load';
import { readWorkbook } from '../../src/adapters/exceljs/read';
import { appraise } from '../../src/engine';
import type { CellValue, WorkbookGrids } from '../../src/engine/grid';
import { DEMO_SAMPLE, generateSampleWorkbook } from '../../src/sample/generate';
import { readXlsx } from '../../src/xlsx';
import { toBytes } from '../support/workbook-builder';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/**
 * Our reader leaves empty rows as holes and does not keep trailing rows without values; exceljs fills
 * them with []. Both mean "empty" to the engine; compared as [] here.
 */
function normalised(grids: WorkbookGrids): WorkbookGrids {
  return {
    sheets: grids.sheets.map((s) => {
      const values: CellValue[][] = Array.from({ length: s.values.length }, (_, r) => s.values[r] ?? []);
      while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
      return { ...s, values };
    }),
  };
}

/**
 * exceljs repeats a merged range's first value in every cell of the range; the file holds it only in the
 * first cell, and Excel (Office.js) reports the others empty. We read what the file holds, like Excel;
 * the engine accepts both (SPEC section 2). Here exceljs's copies are blanked before comparing.
 */
function withoutMergeCopies(grids: WorkbookGrids): WorkbookGrids {
  return {
    sheets: grids.sheets.map((s) => {
      const values = s.values.map((row) => (row ? [...row] : row));
      for (const m of s.merges ?? []) {
        for (let r = m.top; r <= m.bottom && r < values.length; r++) {
          const row = values[r];
          if (!row) continue;
          for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = null;
          while (row.length > 0 && row[row.length - 1] === null) row.pop();
        }
      }
      return { ...s, values };
    }),
  };
}

async function bothReaders(bytes: Uint8Array): Promise<{ ours: WorkbookGrids; exceljs: WorkbookGrids }> {
  return { ours: readXlsx(bytes).grids, exceljs: readWorkbook(await loadWorkbook(bytes)) };
}

const cases: [string, () => Promise<Uint8Array>][] = [
  ['example-2022.xlsx (saved by Excel)', async () => readFileSync(path.join(FIXTURES, 'example-2022.xlsx'))],
  ['example-2022-libreoffice.xlsx', async () => readFileSync(path.join(FIXTURES, 'example-2022-libreoffice.xlsx'))],
  ['the demo sample (written by exceljs)', async () => toBytes(generateSampleWorkbook(DEMO_SAMPLE))],
];

describe.each(cases)('%s', (_label, bytes) => {
  let ours: WorkbookGrids;
  let exceljs: WorkbookGrids;
  beforeAll(async () => {
    ({ ours, exceljs } = await bothReaders(await bytes()));
  });

  test('gives the same grids as the exceljs path', () => {
    expect(normalised(ours)).toEqual(normalised(withoutMergeCopies(exceljs)));
  });

  test('gives the same report', () => {
    // One clock for both runs: the report stamps its time to the second, and two runs can straddle one.
    const time = new Date('2026-12-01T08:00:00Z');
    expect(appraise(ours, { time }).report).toEqual(appraise(exceljs, { time }).report);
  });
});
