import { columnWidths, heightFor, linesIn, shownText } from '../src/adapters/result-sheet/layout';
import { writeOutputs } from '../src/adapters/exceljs/write';
import { issuesSheet } from './support/output-sheets';
import { buildWorkbook } from './support/workbook-builder';

describe('layout of generated sheets', () => {
  test('numbers are measured as shown', () => {
    expect(shownText(96.857, { header: '', width: 8, format: 'decimal2' })).toBe('96.86');
    expect(shownText(null, { header: '', width: 8, format: 'text' })).toBe('');
  });

  test('text lines count CJK as double width and honour line breaks', () => {
    expect(linesIn('局办公室', 9)).toBe(1);
    expect(linesIn('局办公室局办公室', 9)).toBe(2);
    expect(linesIn('ab\ncd', 20)).toBe(2);
    expect(heightFor(1, 18)).toBe(19);
    expect(heightFor(3, 18)).toBe(48);
  });

  test('a short column widens to fit its longest value; a long text column keeps its width and wraps', () => {
    const out = issuesSheet();
    out.rows.push(['提示', '三会一课记录', 'D5', 'x'.repeat(200)]);
    out.rowStyles.push(undefined);
    out.columns[0] = { header: '代码', width: 8, format: 'text' };
    out.rows[0]![0] = 'UNKNOWN_ACTIVITY_TYPE';
    const widths = columnWidths(out);
    expect(widths[0]).toBe('UNKNOWN_ACTIVITY_TYPE'.length + 2);
    expect(widths[1]).toBe(16);
    expect(widths[3]).toBe(60);
  });

  test('rows with wrapped text are tall enough for every line', () => {
    const out = issuesSheet();
    out.rows[1]![3] = '说明'.repeat(60);
    const wb = buildWorkbook([{ name: '学习 台账', rows: [['x']] }]);
    writeOutputs(wb, [out]);
    const ws = wb.getWorksheet('校验问题')!;
    expect(ws.getRow(4).height).toBe(19);
    // 240 display units in a 60-wide column: 5 lines.
    expect(ws.getRow(5).height).toBe(heightFor(5, 18));
  });
});
