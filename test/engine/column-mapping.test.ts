/** The 列名对应 block of the 考核规则 sheet: the clerk's answer outranks recognition (issue 13). */
import { appraise, type CellValue, type ReportedIssue, type SheetGrid } from '../../src/engine';
import { sheet, workbook } from './build';

const codes = (issues: ReportedIssue[], code: string) => issues.filter((i) => i.code === code);

const meetings = sheet('会议记录', [
  ['所在党支部', '会议类型', '时间一', '时间二'],
  ['一支部', '支委会', '2022-03-01', '2022-04-08'],
  ['一支部', '支委会', '2022-05-01', '2022-06-08'],
]);

const rules = (extra: CellValue[][], params: CellValue[][] = [['考核年度', 2022]]): SheetGrid =>
  sheet('考核规则', [['参数', '值', '说明'], ...params, [], ['工作表', '列标题', '对应字段'], ...extra]);

test('a mapping picks 时间二 as the date; without it the ambiguity comes back', () => {
  const mapped = appraise(workbook(meetings, rules([['会议记录', '时间二', '日期']])));
  expect(mapped.report.sheets[0]!.columns['日期']).toEqual({ column: 'D', header: '时间二', mappedBy: '列名对应' });
  expect(codes(mapped.report.issues, 'AMBIGUOUS_COLUMN')).toEqual([]);
  const missing = codes(mapped.report.issues, 'ACTIVITY_PERIOD_MISSING').find((i) => i.params.type === '支委会')!;
  // 支委会 in April and June (时间二), not March and May (时间一).
  expect(missing.params.periods).toBe('1月、2月、3月、5月、7月、8月、9月、10月、11月、12月');
  // The block's rows are not parameters: no UNKNOWN_RULE for 工作表 / 会议记录.
  expect(codes(mapped.report.issues, 'UNKNOWN_RULE')).toEqual([]);
  expect(mapped.report.year).toBe(2022);

  const plain = appraise(workbook(meetings, rules([])));
  expect(plain.report.sheets[0]!.columns['日期']).toEqual({ column: 'C', header: '时间一' });
  expect(codes(plain.report.issues, 'AMBIGUOUS_COLUMN').map((i) => i.params.column)).toEqual(['日期']);
});

test('the block may stand beside the parameters', () => {
  const beside = sheet('考核规则', [
    ['参数', '值', '说明', null, '工作表', '列标题', '对应字段'],
    ['考核年度', 2022, null, null, '会议记录', '时间二', '日期'],
    ['表彰名额', 2, null, null, null, null, null],
  ]);
  const { report } = appraise(workbook(meetings, beside));
  expect(report.sheets[0]!.columns['日期']!.header).toBe('时间二');
  expect(report.rules['表彰名额']).toBe(2);
  expect(codes(report.issues, 'UNKNOWN_RULE')).toEqual([]);
});

test('不是台账 keeps a sheet out; a kind name makes a sheet that kind', () => {
  const copied = sheet('示例（勿填）', [
    ['单位', '会议类型', '日期'],
    ['示例支部', '支委会', '2022-01-05'],
  ]);
  const personsActivities = sheet('参会登记', [
    ['所在党支部', '姓名', '会议类型', '实际时间'],
    ['一支部', '张三', '支部党员大会', '2022-03-15'],
  ]);
  const { report } = appraise(
    workbook(meetings, copied, personsActivities, rules([['示例（勿填）', null, '不是台账'], ['参会登记', null, '党内活动台账']])),
  );
  expect(report.units.map((u) => u.unit)).toEqual(['一支部']);
  expect(report.sheets.map((s) => [s.sheet, s.kind])).toEqual([
    ['会议记录', 'activities'],
    ['参会登记', 'activities'],
  ]);
  expect(report.units[0]!.activities).toBe(3);
  expect(report.otherSheets).toEqual([{ sheet: '示例（勿填）', headerRow: null, excluded: true }]);
});

test('every sheet lists its header cells with sample values, for choosing a column by hand', () => {
  const notes = sheet('说明', [['本表说明'], ['第一行'], ['第二行']]);
  const { report } = appraise(workbook(meetings, notes));
  expect(report.sheets[0]!.headers).toEqual([
    { column: 'A', header: '所在党支部', samples: ['一支部', '一支部'] },
    { column: 'B', header: '会议类型', samples: ['支委会', '支委会'] },
    { column: 'C', header: '时间一', samples: ['2022-03-01', '2022-05-01'] },
    { column: 'D', header: '时间二', samples: ['2022-04-08', '2022-06-08'] },
  ]);
  expect(report.otherSheets).toEqual([
    { sheet: '说明', headerRow: 1, headers: [{ column: 'A', header: '本表说明', samples: ['第一行', '第二行'] }] },
  ]);
});

test('a mapping that matches no header or no sheet is a warning and is ignored', () => {
  const { report } = appraise(
    workbook(meetings, rules([['会议记录', '会议时间', '日期'], ['三会一课', '日期', '日期'], ['会议记录', null, '随便']])),
  );
  const unused = codes(report.issues, 'COLUMN_MAPPING_UNUSED');
  expect(unused.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
    ['考核规则', 'B6', 'warning'],
    ['考核规则', 'B5', 'warning'],
  ]);
  expect(unused.map((i) => i.message)).toEqual([
    '「考核规则」B6：列名对应中的工作表「三会一课」在工作簿中不存在，已忽略。请改为现在的工作表名，或删除这一行。',
    '「考核规则」B5：列名对应“会议记录 | 会议时间 | 日期”没有用上：「会议记录」的表头中没有标题为“会议时间”的列，已忽略。请改为现在的列标题，或删除这一行。',
  ]);
  expect(codes(report.issues, 'INVALID_RULE').map((i) => i.cell)).toEqual(['C7']);
  // Ignored: the date is still ambiguous, and read from the first column.
  expect(report.sheets[0]!.columns['日期']!.header).toBe('时间一');
});
