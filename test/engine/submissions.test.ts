/** Several workbooks appraised together (各单位报送), and one unit alone (自查): issue 15's engine part. */
import { appraise, type ReportedIssue, type SheetGrid } from '../../src/engine';
import { unitFromFileName } from '../../src/engine/read/unit-context';
import { activities, discipline, fullYear, rulesSheet, sheet, standardization, study, workbook } from './build';

const codes = (issues: ReportedIssue[], code: string) => issues.filter((i) => i.code === code);
const inFile = (file: string, ...sheets: SheetGrid[]): SheetGrid[] => sheets.map((s) => ({ ...s, file }));
const full = (unit: string): [string, ...number[]] => [unit, 10, 10, 10, 10, 10, 10, 10];

test.each([
  ['社会保障股-2022年党建台账.xlsx', '社会保障股'],
  ['2022年度党建考核台账（就业服务中心）.xlsx', '就业服务中心'],
  ['信息中心 报送材料 (1).xlsx', '信息中心'],
  ['/tmp/报送/办公室_2022_台账.xlsx', '办公室'],
  ['2022年党建台账.xlsx', ''],
  ['Sheet1.xlsx', ''],
  ['export.xlsx', ''],
  ['real-nounit.xlsx', ''],
  ['data_2022_final.xlsx', ''],
])('the unit a file name gives: %p → %p', (file, unit) => {
  expect(unitFromFileName(file)).toBe(unit);
});

describe('units’ own files with a 机关党委 file', () => {
  // Per-unit sheets without a 单位 column or 填报单位 line, under names that say nothing of the unit.
  const unitFile = (file: string, unit: string, notes: number): SheetGrid[] =>
    inFile(
      file,
      sheet('学习台账', [['姓名', '职级', '笔记字数', '心得体会'], ['张' + unit, '科员', notes, 4], ['李' + unit, '科员', 12000, 4]]),
      sheet('Sheet1', [['活动日期', '活动类型'], ...fullYear(unit).map(([, date, type]) => [date, type])]),
    );
  const office = inFile(
    '机关党委-2022年考核.xlsx',
    standardization([full('社会保障股'), full('就业服务中心')]),
    discipline([['社会保障股', '张社会保障股', '迟到']]),
    rulesSheet([['表彰最低分', 60]]),
  );
  const grids = workbook(
    ...unitFile('社会保障股-2022年党建台账.xlsx', '社会保障股', 12000),
    ...unitFile('就业服务中心（报送）.xlsx', '就业服务中心', 8000),
    ...office,
  );
  const { report } = appraise(grids, { year: 2022 });

  test('each unit is named by its file, and scored as if all were one workbook', () => {
    const byUnit = Object.fromEntries(report.units.map((u) => [u.unit, u]));
    expect(Object.keys(byUnit).sort()).toEqual(['就业服务中心', '社会保障股']);
    expect(byUnit['社会保障股']).toMatchObject({ total: 99.5, rank: 1, outcome: '表彰' });
    expect(byUnit['就业服务中心']!.scores.study).toBe(12.5);
    expect(report.selfCheck).toBeUndefined();
    expect(report.sheets.map((s) => [s.sheet, s.kind, s.unit ?? null])).toEqual([
      ['学习台账', 'study', '社会保障股'],
      ['Sheet1', 'activities', '社会保障股'],
      ['学习台账', 'study', '就业服务中心'],
      ['Sheet1', 'activities', '就业服务中心'],
      ['标准化评分', 'standardization', null],
      ['督查记录', 'discipline', null],
    ]);
  });

  test('every issue names its file, and issues come file by file', () => {
    const notes = codes(report.issues, 'NOTES_BELOW_MIN');
    expect(notes.map((i) => [i.file, i.sheet, i.cell, i.unit])).toEqual([['就业服务中心（报送）.xlsx', '学习台账', 'C2', '就业服务中心']]);
    const files = report.issues.filter((i) => i.sheet !== '').map((i) => i.file);
    expect(files).toEqual([...files].sort((a, b) => grids.sheets.findIndex((s) => s.file === a) - grids.sheets.findIndex((s) => s.file === b)));
    expect(codes(report.issues, 'RULES_CONFLICT')).toEqual([]);
  });
});

test('a unit’s ledger of one kind in two files is reported once; rows repeated across them count once', () => {
  const rows = fullYear('一支部').slice(0, 4);
  const grids = workbook(
    ...inFile('一支部.xlsx', study([['一支部', '张三', '科员', 12000, 4]]), activities(rows)),
    ...inFile('一支部-更正.xlsx', activities([...rows, ['一支部', '2022-12-20', '党课']])),
    ...inFile('二支部.xlsx', study([['二支部', '李四', '科员', 12000, 4]]), activities(fullYear('二支部'))),
  );
  const { report } = appraise(grids, { year: 2022 });
  const dup = codes(report.issues, 'DUPLICATE_SUBMISSION');
  expect(dup.map((i) => [i.file, i.unit, i.params.first, i.params.second])).toEqual([['一支部-更正.xlsx', '一支部', '一支部.xlsx', '一支部-更正.xlsx']]);
  expect(dup[0]!.message).toContain('单位“一支部”的党内活动台账在两个文件中都有：「一支部.xlsx」和「一支部-更正.xlsx」');
  expect(codes(report.issues, 'DUPLICATE_ROW').map((i) => i.file)).toEqual(Array(4).fill('一支部-更正.xlsx'));
  expect(report.units.find((u) => u.unit === '一支部')!.activities).toBe(5);
});

test('two 考核规则 sheets that disagree: the one in the file without a study ledger wins, the other is an error', () => {
  const grids = workbook(
    ...inFile('一支部.xlsx', study([['一支部', '张三', '科员', 12000, 4]]), rulesSheet([['笔记字数下限', 15000]])),
    ...inFile('二支部.xlsx', study([['二支部', '李四', '科员', 12000, 4]]), rulesSheet([['笔记字数下限', 10000]])),
    ...inFile('人事科.xlsx', rulesSheet([['笔记字数下限', 12000]]), standardization([full('一支部'), full('二支部')])),
  );
  const { report } = appraise(grids, { year: 2022 });
  expect(report.rules['笔记字数下限']).toBe(12000);
  const conflicts = codes(report.issues, 'RULES_CONFLICT');
  expect(conflicts.map((i) => [i.severity, i.file, i.sheet])).toEqual([
    ['error', '一支部.xlsx', '考核规则'],
    ['error', '二支部.xlsx', '考核规则'],
  ]);
  expect(conflicts[0]!.message).toContain('已按「人事科.xlsx」');
  // Rules that agree are no conflict.
  const agreeing = workbook(
    ...inFile('一支部.xlsx', study([['一支部', '张三', '科员', 12000, 4]]), rulesSheet([['笔记字数下限', 12000]])),
    ...inFile('人事科.xlsx', rulesSheet([['笔记字数下限', 12000]])),
  );
  expect(codes(appraise(agreeing, { year: 2022 }).report.issues, 'RULES_CONFLICT')).toEqual([]);
});

test('one unit alone is a self-check: scores and checks, but no 表彰, 通报批评 or 优秀 quota', () => {
  const { report } = appraise(
    workbook(study([['一支部', '张三', '科员', 12000, 4], ['一支部', '李四', '科员', 8000, 4]]), activities(fullYear('一支部')), standardization([full('一支部')])),
    { year: 2022 },
  );
  expect(report.selfCheck).toBe(true);
  expect(report.excellentQuota).toBe(0);
  expect(report.units).toHaveLength(1);
  // 87.5 at rank 1 would be 表彰 among several units.
  expect(report.units[0]).toMatchObject({ unit: '一支部', outcome: '', total: 87.5 });
  expect(codes(report.issues, 'NOTES_BELOW_MIN')).toHaveLength(1);
  expect(report.persons.map((p) => p.eligibleExcellent)).toEqual([true, false]);
});
