/**
 * Recognising real layouts (issue: real ledgers from the field): the header vocabularies of party-work
 * systems' import templates, column contents as evidence, and never a silent guess. The layouts are
 * rebuilt here from what real templates look like; no real file is copied.
 */
import { appraise, type CellValue, type ReportedIssue } from '../../src/engine';
import { classifyViolation } from '../../src/engine/checks/discipline';
import { activities, fullYear, sheet, study, workbook } from './build';

const codes = (issues: ReportedIssue[], code: string) => issues.filter((i) => i.code === code);

// 三会一课录入样表: unit columns at two levels with their codes, plan and actual times, 会议类型 and 会议名称.
const SANHUI_HEADER = [
  '所在分党委编码', '所在分党委', '所在党支部编码', '所在党支部', '会议类型', '主持人学工号', '主持人姓名', '记录人姓名',
  '会议名称', '计划会议时间', '实际会议时间', '会议地点', '应到人数', '实到人数', '请假人数', '会议议题',
];
const sanhuiRow = (branch: string, type: string, planned: string, actual: string, expected = 10, present = 10): CellValue[] => [
  '0101', '中共某大学文学院委员会', '010101', branch, type, '200101', '王建国', '李记录', `${type}（${actual.slice(5, 9)}）`, planned, actual,
  '党员活动室101', expected, present, expected - present, '学习',
];

describe('real header vocabularies', () => {
  const grids = workbook(
    sheet('Sheet1', [
      SANHUI_HEADER,
      sanhuiRow('文学院教工第一党支部', '支委会', '2022/3/1  9:00', '2022/3/8  9:00'),
      sanhuiRow('文学院教工第一党支部', '支部党员大会', '2022/3/30  14:30', '2022/4/2  14:30', 20, 19),
      sanhuiRow('文学院教工第二党支部', '党课', '2022/6/1  15:00', '2022/6/10  15:00', 20, 14),
    ]),
  );
  const { report } = appraise(grids);

  test('所在党支部 is the unit, not 所在分党委 (the level above) nor 所在党支部编码 (its code)', () => {
    expect(report.units.map((u) => u.unit).sort()).toEqual(['文学院教工第一党支部', '文学院教工第二党支部']);
    expect(report.sheets[0]!.columns['单位']).toEqual({ column: 'D', header: '所在党支部' });
  });

  test('实际会议时间 is the date when 计划会议时间 stands beside it', () => {
    expect(report.sheets[0]!.columns['日期']).toEqual({ column: 'K', header: '实际会议时间' });
    // 2022-04-02 is in the second quarter: 支部党员大会 met in Q2 only (the plan said Q1).
    const missing = codes(report.issues, 'ACTIVITY_PERIOD_MISSING').find((i) => i.unit === '文学院教工第一党支部' && i.params.type === '支部党员大会');
    expect(missing?.params.periods).toBe('第1季度、第3季度、第4季度');
  });

  test('会议类型 is the activity type and 会议名称 the topic; attendance from 应到 / 实到人数', () => {
    expect(report.sheets[0]!.columns['活动类型']).toEqual({ column: 'E', header: '会议类型' });
    expect(report.sheets[0]!.columns['主题']).toEqual({ column: 'I', header: '会议名称' });
    const low = codes(report.issues, 'LOW_ATTENDANCE');
    expect(low.map((i) => i.cell)).toEqual(['N4']);
  });

  test('the JSON sheet entry says where the header is and nothing is ambiguous', () => {
    expect(report.sheets[0]).toMatchObject({ sheet: 'Sheet1', kind: 'activities', rows: 3, headerRow: 1 });
    expect(codes(report.issues, 'AMBIGUOUS_COLUMN')).toEqual([]);
  });
});

test('活动名称 holding 支部党员大会 / 支委会 / 主题党日活动 is the activity type by its contents', () => {
  const { report } = appraise(
    workbook(
      sheet('2022年文学院教工第一党支部活动', [
        ['所在党支部', '活动名称', '实际时间', '活动地点', '主要内容', '次数（第几次）'],
        ['文学院教工第一党支部', '支部党员大会', '2022/3/15  14:30', '党员活动室', '学习全国两会精神', 1],
        ['文学院教工第一党支部', '支委会', '2022/3/8  9:00', '党员活动室', '研究发展党员工作', 3],
        ['文学院教工第一党支部', '主题党日活动', '2022/3/22', '红色教育基地', '参观学习', 3],
      ]),
    ),
  );
  expect(report.sheets[0]!.columns).toEqual({
    单位: { column: 'A', header: '所在党支部' },
    活动类型: { column: 'B', header: '活动名称', by: 'content' },
    日期: { column: 'C', header: '实际时间' },
    主题: { column: 'E', header: '主要内容' },
  });
  expect(report.units[0]!.activities).toBe(3);
  expect(codes(report.issues, 'UNKNOWN_ACTIVITY_TYPE')).toEqual([]);
});

test('a column named for nothing but holding dates is the date; a 活动地点 of 党员活动室 is never the unit', () => {
  const { report } = appraise(
    workbook(
      sheet('办公室三会一课', [
        ['会议类型', '开会那天', '活动地点'],
        ['支委会', new Date(Date.UTC(2022, 2, 8)), '党员活动室'],
        ['党课', new Date(Date.UTC(2022, 5, 8)), '党员活动室'],
      ]),
    ),
  );
  expect(report.sheets[0]!.columns['日期']).toEqual({ column: 'B', header: '开会那天', by: 'content' });
  expect(report.sheets[0]!.columns['单位']).toBeUndefined();
  expect(report.sheets[0]!.unit).toBe('办公室');
  expect(report.units.map((u) => u.unit)).toEqual(['办公室']);
});

describe('never a silent guess', () => {
  const noUnit = sheet('Sheet1', [
    ['活动名称', '实际时间', '主要内容'],
    ['支部党员大会', '2022-03-15', '学习'],
    ['支委会', '2022-03-08', '研究'],
  ]);

  test.each(['Sheet1', 'Sheet2', '工作表1', '新建 Microsoft Excel 工作表', 'sheet 3'])(
    'a sheet called %p without a unit is an error, and no unit is named after it',
    (name) => {
      const { report, noLedgers } = appraise(workbook({ ...noUnit, name }));
      expect(noLedgers).toBe(true);
      expect(report.units).toEqual([]);
      const missing = codes(report.issues, 'MISSING_COLUMN');
      expect(missing).toHaveLength(1);
      expect(missing[0]).toMatchObject({ severity: 'error', sheet: name, row: 1, params: { column: '单位', generic: name } });
      expect(missing[0]!.message).toContain('填报单位：');
      expect(missing[0]!.message).toContain('增加“单位”列');
    },
  );

  test('two undistinguished date columns: the first is used and the choice is reported', () => {
    const { report } = appraise(
      workbook(
        sheet('会议记录', [
          ['所在党支部', '会议类型', '时间一', '时间二'],
          ['一支部', '支委会', '2022-03-01', '2022-03-08'],
        ]),
      ),
    );
    const ambiguous = codes(report.issues, 'AMBIGUOUS_COLUMN');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ severity: 'warning', sheet: '会议记录', cell: 'C1', params: { column: '日期' } });
    expect(ambiguous[0]!.message).toBe(
      '「会议记录」C1：有两列都像“日期”：C 列“时间一”和 D 列“时间二”，已按 C 列“时间一” 读取。如不对，请在任务窗格「识别结果」中改选（记入考核规则表的“列名对应”），或修改列标题加以区分（例如“实际时间”与“计划时间”）。',
    );
  });

  test('a sheet that lacks only a date is a near miss naming what it found, and NO_APPRAISAL_SHEETS names it', () => {
    const { report, noLedgers } = appraise(
      workbook(
        sheet('说明', [['本工作簿用于年终考核']]),
        sheet('会议记录', [
          ['所在党支部', '会议类型', '会议名称', '应到人数', '实到人数'],
          ['一支部', '支委会', '3月支委会', 5, 5],
        ]),
      ),
    );
    expect(noLedgers).toBe(true);
    const near = codes(report.issues, 'INCOMPLETE_LEDGER');
    expect(near).toHaveLength(1);
    expect(near[0]!.message).toBe(
      '「会议记录」第 1 行：像是党内活动台账，但没有找到“日期”列，本表未读取（已识别：单位（A 列“所在党支部”）、活动类型（B 列“会议类型”）、主题（C 列“会议名称”）、应到人数（D 列“应到人数”）、参加人数（E 列“实到人数”））。请增加该列，或把相应列的标题改为“日期”。',
    );
    expect(report.sheets).toEqual([
      expect.objectContaining({ sheet: '会议记录', kind: null, looksLike: 'activities', missing: ['日期'], headerRow: 1 }),
    ]);
    const none = codes(report.issues, 'NO_APPRAISAL_SHEETS')[0]!;
    expect(none.message).toContain('最接近的是「会议记录」：像是党内活动台账，但没有找到“日期”列。');
  });

  test('an unrelated workbook gets the plain NO_APPRAISAL_SHEETS and no near miss', () => {
    const { report } = appraise(
      workbook(sheet('通讯录', [['序号', '组织', '电话'], [1, '某某党委', '12345']]), sheet('Sheet2', [])),
    );
    expect(codes(report.issues, 'INCOMPLETE_LEDGER')).toEqual([]);
    expect(codes(report.issues, 'NO_APPRAISAL_SHEETS')[0]!.message).not.toContain('最接近');
  });

  test('a 学时统计 sheet listing persons is not read as the units’ activities', () => {
    const { report } = appraise(
      workbook(
        sheet('Sheet1', [
          ['党支部', '学号', '姓名', '身份', '总学时数', '活动名称', '活动时间', '学时数'],
          ['一支部', '16340001', '张明', '正式党员', 12, '主题党日：学习二十大报告', '2022-10-25', 2],
          ['一支部', '16340002', '李华', '预备党员', 8, '主题党日：学习二十大报告', '2022-10-25', 2],
        ]),
      ),
    );
    expect(report.units).toEqual([]);
    expect(codes(report.issues, 'DUPLICATE_ROW')).toEqual([]);
    expect(codes(report.issues, 'INCOMPLETE_LEDGER')[0]!.message).toContain('像是学习台账，但没有找到“笔记字数”、“心得体会”列');
  });
});

describe('attendance findings in 备注 (请假缺席统计)', () => {
  const absence = sheet('请假缺席统计', [
    ['党支部', '学号', '姓名', '身份', '活动名称', '活动时间', '备注'],
    ['一支部', '1', '张三', '正式党员', '支部党员大会', '2022-03-15', '请假（出差）'],
    ['一支部', '2', '李四', '正式党员', '党课', '2022-04-20', '迟到'],
    ['一支部', '3', '王五', '正式党员', '主题党日', '2022-05-22', '缺席'],
    ['一支部', '4', '赵六', '正式党员', '主题党日', '2022-05-22', '病假'],
    ['一支部', '5', '钱七', '正式党员', '主题党日', '2022-05-22', ''],
    ['一支部', '6', '孙八', '正式党员', '主题党日', '2022-06-22', '补交笔记'],
  ]);
  const staff = study([
    ['一支部', '张三', '科员', 12000, 4],
    ['一支部', '李四', '科员', 12000, 4],
    ['一支部', '王五', '科员', 12000, 4],
    ['一支部', '赵六', '科员', 12000, 4],
    ['一支部', '钱七', '科员', 12000, 4],
    ['一支部', '孙八', '科员', 12000, 4],
  ]);

  test('the remark column is the finding; leave is recorded and never deducted; 缺席 deducts 1 by default', () => {
    const { report } = appraise(workbook(staff, absence));
    const sheetInfo = report.sheets.find((s) => s.sheet === '请假缺席统计')!;
    expect(sheetInfo.kind).toBe('discipline');
    expect(sheetInfo.columns['问题类型']).toEqual({ column: 'G', header: '备注', by: 'content' });
    const unit = report.units[0]!;
    // 迟到 0.5 + 缺席 1; 请假 / 病假 / an empty or unrelated remark deduct nothing.
    expect(unit.scores.discipline).toBe(18.5);
    expect(unit.violations).toBe(2);
    expect(codes(report.issues, 'LEAVE_NOT_DEDUCTED').map((i) => [i.cell, i.person, i.severity])).toEqual([
      ['G2', '张三', 'info'],
      ['G5', '赵六', 'info'],
    ]);
    expect(codes(report.issues, 'UNKNOWN_VIOLATION_TYPE')).toEqual([]);
    expect(codes(report.issues, 'MISSING_VALUE')).toEqual([]);
    const eligible = Object.fromEntries(report.persons.map((p) => [p.name, p.eligibleExcellent]));
    expect(eligible).toEqual({ 张三: true, 李四: false, 王五: false, 赵六: true, 钱七: true, 孙八: true });
  });

  test('缺席扣分 is a rule of its own', () => {
    const { report } = appraise(workbook(staff, absence, sheet('考核规则', [['参数', '值'], ['缺席扣分', 3]])));
    expect(report.units[0]!.scores.discipline).toBe(16.5);
    expect(report.rules['缺席扣分']).toBe(3);
  });

  test.each([
    ['请假（课程冲突）', 'leave'],
    ['病假', 'leave'],
    ['缺席（已请假）', 'leave'],
    ['未请假缺席', '缺席'],
    ['无故缺席', '缺席'],
    ['未请假', '缺席'],
    ['缺勤', '缺席'],
    ['迟到', '迟到'],
    ['脱岗（称出差）', '脱岗'],
    ['上班时间聊天', '上网聊天'],
  ])('%p is %p', (text, expected) => {
    const f = classifyViolation(text, ['立案']);
    expect(f.kind === 'violation' ? f.type : f.kind).toBe(expected);
  });
});

describe('monthly-count sheets (组织生活开展情况统计表)', () => {
  const months = ['1月', '2月', '3 月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
  const title = '组织生活开展情况统计表';
  const grid = sheet(
    'Sheet1',
    [
      [title, ...Array<CellValue>(28).fill(null)],
      ['院系级党组织名称', '党支部名称（数据来自于党支部管理中的支部名称）', '支委会次数', ...Array<CellValue>(13).fill(null), '党员集体活动', ...Array<CellValue>(12).fill(null)],
      [null, null, ...months, '按时开展月份数', '完成率', ...months],
      ['文学院党委', '文学院教工第一党支部', 1, 1, 2, 1, 1, 1, 0, 1, 1, 1, 1, 1, 11, '92%', 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1],
      ['文学院党委', '文学院教工第二党支部', '√', 0, '√', 1, null, 1, 0, 0, 1, 1, 0, 1, 7, '58%', 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1],
    ],
    {
      merges: [
        { top: 0, left: 0, bottom: 0, right: 29 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 15 },
        { top: 1, left: 16, bottom: 1, right: 29 },
      ],
    },
  );
  const { report } = appraise(workbook(grid), { year: 2022 });

  test('each month cell counts that many activities of its group, for the branch (not the 院系 level)', () => {
    const byUnit = Object.fromEntries(report.units.map((u) => [u.unit, u]));
    expect(Object.keys(byUnit).sort()).toEqual(['文学院教工第一党支部', '文学院教工第二党支部']);
    // 支委会 counts 12 (one month with 2) and 党员集体活动 10, as 特色活动.
    expect(byUnit['文学院教工第一党支部']!.activities).toBe(12 + 10);
    expect(byUnit['文学院教工第一党支部']!.specialActivities).toBe(10);
    expect(byUnit['文学院教工第二党支部']!.activities).toBe(7 + 8);
  });

  test('支委会 months met drive the score; the derived columns are not read', () => {
    const missing = codes(report.issues, 'ACTIVITY_PERIOD_MISSING').filter((i) => i.params.type === '支委会');
    expect(missing.map((i) => [i.unit, i.params.periods])).toEqual([
      ['文学院教工第一党支部', '7月'],
      ['文学院教工第二党支部', '2月、5月、7月、8月、11月'],
    ]);
    expect(codes(report.issues, 'INVALID_NUMBER')).toEqual([]);
  });

  test('the 特色活动 group is reported once, and the sheet entry lists the month columns', () => {
    expect(codes(report.issues, 'UNKNOWN_ACTIVITY_TYPE').map((i) => i.params.text)).toEqual(['党员集体活动']);
    expect(report.sheets[0]).toMatchObject({
      kind: 'activities',
      headerRow: 3,
      rows: 2,
      columns: { 单位: { column: 'B', header: '党支部名称（数据来自于党支部管理中的支部名称）' } },
      months: { 支委会次数: 'C:N', 党员集体活动: 'Q:AB' },
    });
  });
});

describe('a recognised ledger with nothing under its header (a blank template sent in as it came)', () => {
  test('the monthly statistics template, unfilled: EMPTY_LEDGER at its header, not a silent result of 0 units', () => {
    const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
    const blank = sheet('Sheet1', [
      ['组织生活开展情况统计表'],
      ['院系级党组织名称', '党支部名称', '支委会次数', ...Array<CellValue>(11).fill(null), '按时开展月份数'],
      [null, null, ...months, null],
    ], { merges: [{ top: 1, left: 2, bottom: 1, right: 13 }] });
    const { report } = appraise(workbook(blank), { year: 2022 });
    expect(report.units).toEqual([]);
    expect(report.issues.map((i) => [i.severity, i.code, i.sheet, i.cell, i.row, i.params])).toEqual([
      ['warning', 'EMPTY_LEDGER', 'Sheet1', 'B3', 3, { kind: '党内活动台账', headerRow: 3 }],
    ]);
    expect(report.issues[0]!.message).toBe(
      '「Sheet1」B3：识别为党内活动台账（表头在第 3 行），但表头下面没有数据，本表未计入考核。如果这是还没填写的模板，请填写后再考核；如果数据在别的工作表或文件里，请一并读取。',
    );
  });

  test('one empty study sheet beside filled ledgers: only that sheet is named, the others are scored as before', () => {
    const filled = study([['局办公室', '张三', '科员', 12000, 4]]);
    const empty = sheet('信息中心学习台账', [['信息中心学习笔记登记表'], ['序号', '姓名', '职级', '笔记字数', '心得体会']]);
    const { report } = appraise(workbook(filled, empty, activities(fullYear('局办公室'))), { year: 2022 });
    expect(report.units.map((u) => u.unit)).toEqual(['局办公室']);
    const empties = codes(report.issues, 'EMPTY_LEDGER');
    expect(empties.map((i) => [i.sheet, i.cell, i.params.kind])).toEqual([['信息中心学习台账', 'A2', '学习台账']]);
  });
});

test('the fixture-style vocabulary still reads as before (单位 / 活动日期 / 活动类型)', () => {
  const rows: CellValue[][] = fullYear('一支部').map(([unit, date, type]) => [unit, date, type]);
  const { report } = appraise(workbook(sheet('三会一课记录', [['支部', '活动日期', '活动类型'], ...rows])));
  expect(report.sheets[0]!.columns).toEqual({
    单位: { column: 'A', header: '支部' },
    日期: { column: 'B', header: '活动日期' },
    活动类型: { column: 'C', header: '活动类型' },
  });
  expect(report.units[0]!.scores.activities).toBe(25);
});

test('of two dates named alike, the one marked 实际 is the day it happened and 计划 is the plan', () => {
  const { report } = appraise(
    workbook(
      sheet('一支部活动', [
        ['活动形式', '计划开展日期', '实际开展日期'],
        ['支委会', '2022-03-30', '2022-04-02'],
      ]),
    ),
  );
  expect(report.sheets[0]!.columns['日期']).toEqual({ column: 'C', header: '实际开展日期' });
  expect(codes(report.issues, 'AMBIGUOUS_COLUMN')).toEqual([]);
});
