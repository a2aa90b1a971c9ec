/** Cell values: every cell type, formulas with and without cached results, escapes, dates and number formats. */
import { readXlsx } from '../../src/xlsx';
import { isDateFormatCode } from '../../src/xlsx/number-formats';
import { workbookBytes } from '../support/xlsx-package';

function rowOf(cells: string, extra: { sharedStrings?: string[]; styles?: string; workbookPr?: string } = {}): unknown[] {
  const data = workbookBytes({ sheets: [{ name: 'S', rows: `<row r="1">${cells}</row>` }], ...extra });
  return readXlsx(data).grids.sheets[0]!.values[0] ?? [];
}

describe('cell types', () => {
  test('shared strings: plain, rich text runs, phonetic runs left out, _xHHHH_ escapes', () => {
    const sharedStrings = [
      '<t>局办公室</t>',
      '<r><rPr><b/></rPr><t>社保</t></r><r><t xml:space="preserve"> 中心</t></r>',
      '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
      '<t>第一行_x000D__x000A_第二行 _x005F_x0041_ &amp; &lt;b&gt;</t>',
    ];
    const cells = [0, 1, 2, 3].map((i) => `<c t="s"><v>${i}</v></c>`).join('');
    expect(rowOf(cells, { sharedStrings })).toEqual(['局办公室', '社保 中心', '東京', '第一行\r\n第二行 _x0041_ & <b>']);
  });

  test('inline strings, formula string results, booleans, errors, ISO dates, numbers', () => {
    const cells = [
      '<c t="inlineStr"><is><t>内联</t></is></c>',
      '<c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>x</t></rPh></is></c>',
      '<c t="str"><f>A1&amp;"!"</f><v>内联!</v></c>',
      '<c t="b"><v>1</v></c>',
      '<c t="b"><v>0</v></c>',
      '<c t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c t="e"><v>#N/A</v></c>',
      '<c t="d"><v>2022-03-05</v></c>',
      '<c t="d"><v>2022-03-05T08:30:00</v></c>',
      '<c><v>12000</v></c>',
      '<c t="n"><v>1.5E3</v></c>',
      '<c><v>-0.25</v></c>',
    ].join('');
    expect(rowOf(cells)).toEqual([
      '内联',
      '富文本',
      '内联!',
      true,
      false,
      { error: '#DIV/0!' },
      { error: '#N/A' },
      new Date(Date.UTC(2022, 2, 5)),
      new Date(Date.UTC(2022, 2, 5, 8, 30)),
      12000,
      1500,
      -0.25,
    ]);
  });

  test('a formula gives its cached value; without one the cell is empty', () => {
    const cells = '<c r="A1"><f>SUM(B1:C1)</f><v>7</v></c><c r="B1"><f>NOW()</f></c><c r="C1" t="str"><f>X()</f><v></v></c><c r="D1"><v>1</v></c>';
    expect(rowOf(cells)).toEqual([7, null, null, 1]);
  });

  test('cells and rows without r attributes follow the previous ones', () => {
    const data = workbookBytes({
      sheets: [{ name: 'S', rows: '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row><row r="5"><c><v>8</v></c></row><row><c r="B6"><v>9</v></c></row>' }],
    });
    const values = readXlsx(data).grids.sheets[0]!.values;
    expect(values[0]).toEqual([1, 2, null, null, 5, 6]);
    expect(values[1]).toEqual([7]);
    expect(values[4]).toEqual([8]);
    expect(values[5]).toEqual([null, 9]);
  });
});

describe('dates from number formats', () => {
  const styles = (formats: string, xfIds: number[]) =>
    `<numFmts count="9">${formats}</numFmts><cellXfs count="${xfIds.length}">${xfIds.map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('')}</cellXfs>`;

  test('built-in date ids, CJK locale ids and custom date codes make Date cells; others stay numbers', () => {
    const custom = [
      [164, 'yyyy"年"m"月"d"日"'],
      [165, '[$-F800]dddd, mmmm dd, yyyy'],
      [166, 'm/d/yy h:mm'],
      [167, '[DBNum1]yyyy"年"m"月"'],
      [168, '0.00'],
      [169, '"年"0'],
      [170, '@'],
      [171, '[Red]0'],
    ] as const;
    const formats = custom.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`).join('');
    const ids = [0, 14, 22, 31, 57, 2, 49, ...custom.map(([id]) => id)];
    const cells = ids.map((_id, s) => `<c s="${s}"><v>44621.5</v></c>`).join('');
    const date = new Date(Date.UTC(2022, 2, 1, 12));
    expect(rowOf(cells, { styles: styles(formats, ids) })).toEqual([44621.5, date, date, date, date, 44621.5, 44621.5, date, date, date, date, 44621.5, 44621.5, 44621.5, 44621.5]);
  });

  test('a formula result with a date format is a Date too', () => {
    expect(rowOf('<c s="1"><f>TODAY()</f><v>44562</v></c>', { styles: styles('', [0, 14]) })).toEqual([new Date(Date.UTC(2022, 0, 1))]);
  });

  test('conversion is exceljs utils.excelToDate: rounded to the millisecond, UTC', () => {
    const serial = 44621.123456789;
    const expected = new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
    expect(rowOf(`<c s="1"><v>${serial}</v></c>`, { styles: styles('', [0, 14]) })).toEqual([expected]);
  });

  test.each(['1', 'true'])('the 1904 date system (date1904="%s") shifts serials by 1462 days', (flag) => {
    const data = workbookBytes({ sheets: [{ name: 'S', rows: '<row r="1"><c s="1"><v>43159</v></c></row>' }], styles: styles('', [0, 14]), workbookPr: `<workbookPr date1904="${flag}"/>` });
    const wb = readXlsx(data);
    expect(wb.date1904).toBe(true);
    expect(wb.grids.sheets[0]!.values[0]).toEqual([new Date(Date.UTC(2022, 2, 1))]);
  });

  test.each([
    ['yyyy-mm-dd', true],
    ['YYYY"年"M"月"', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['mm:ss.0', true],
    ['General', false],
    ['0.00', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['0.00E+00', false],
    ['"年"0', false],
    ['0.0\\h', false],
    ['@', false],
    ['[Red]0', false],
    ['[$-804]0"天"', false],
  ])('format code %s is a date: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });
});
