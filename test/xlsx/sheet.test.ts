/** Sheet structure: merges, hidden rows and columns, and ranges that must never be expanded cell by cell. */
import { readXlsx } from '../../src/xlsx';
import { workbookBytes, worksheet } from '../support/xlsx-package';

function sheetOf(rows: string, after = '', before = '') {
  const xml = worksheet(rows, after).replace('<sheetData>', `${before}<sheetData>`);
  return readXlsx(workbookBytes({ sheets: [{ name: 'S', xml }] })).grids.sheets[0]!;
}

const ROW = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>';

describe('merges', () => {
  test('ranges, single cells and whole columns, never expanded', () => {
    const s = sheetOf(ROW, '<mergeCells count="4"><mergeCell ref="A1:C1"/><mergeCell ref="$D$2:$E$3"/><mergeCell ref="A1:A1048576"/><mergeCell ref="F:G"/></mergeCells>');
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 4 },
      { top: 0, left: 0, bottom: 1048575, right: 0 },
      { top: 0, left: 5, bottom: 1048575, right: 6 },
    ]);
  });

  test('a sheet without merges has no merges field (the exceljs shape)', () => {
    expect(sheetOf(ROW)).toEqual({ name: 'S', values: [[1, 2, 3]], originRow: 0, originCol: 0 });
  });
});

describe('hidden rows and columns', () => {
  test('hidden="1" and hidden="true" rows', () => {
    const s = sheetOf('<row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="0"><c r="A2"><v>2</v></c></row><row r="3" hidden="true"><c r="A3"><v>3</v></c></row>');
    expect(s.hiddenRows).toEqual([0, 2]);
  });

  test('hidden column spans are capped to the used width', () => {
    const s = sheetOf(ROW, '', '<cols><col min="2" max="2" width="3" hidden="1"/><col min="3" max="16384" hidden="true"/></cols>');
    expect(s.hiddenColumns).toEqual([1, 2]);
    const visible = sheetOf(ROW, '', '<cols><col min="1" max="16384" width="9"/></cols>');
    expect(visible.hiddenColumns).toBeUndefined();
  });
});

describe('cost bounded by the cells that hold data', () => {
  test('a stray value at row 1 000 000 leaves holes, not a million row arrays', () => {
    const s = sheetOf(`${ROW}<row r="1000000"><c r="B1000000" t="inlineStr"><is><t>stray</t></is></c></row>`);
    expect(s.values.length).toBe(1000000);
    expect(s.values[999999]).toEqual([null, 'stray']);
    // Holes: only the rows that hold data exist.
    expect(Object.keys(s.values)).toEqual(['0', '999999']);
  });

  test('whole-sheet validations, conditional formats, dimension, cols, hyperlinks and sheet views are skipped', () => {
    const before =
      '<sheetPr><tabColor rgb="FFFF0000"/></sheetPr><dimension ref="A1:XFD1048576"/><sheetViews><sheetView workbookViewId="0"><selection sqref="A1:XFD1048576"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="16384" width="12" style="3"/></cols>';
    const after =
      '<sheetProtection sheet="1"/><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>' +
      '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId9"/></hyperlinks><pageSetup paperSize="9"/><extLst><ext uri="x"><row r="5"><c r="A5"><v>99</v></c></row></ext></extLst>';
    const start = performance.now();
    const s = sheetOf(ROW, after, before);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(s).toEqual({ name: 'S', values: [[1, 2, 3]], originRow: 0, originCol: 0 });
  });

  test('rows of empty styled cells and formula cells without results add no values', () => {
    const s = sheetOf(`${ROW}<row r="2" s="3" customFormat="1"><c r="A2" s="3"/><c r="B2"><f>X()</f></c></row>`);
    expect(s.values[1]).toBeUndefined();
  });
});
