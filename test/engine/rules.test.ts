/** Each rule of SPEC section 4 and its boundaries, on small workbooks built as grids. */
import { appraise, type Report, type WorkbookGrids } from '../../src/engine';
import { activities, discipline, fullYear, rulesSheet, standardization, study, tasks, workbook, type StudyRow } from './build';

const run = (wb: WorkbookGrids, year?: number): Report => appraise(wb, year === undefined ? {} : { year }).report;
const unit = (r: Report, name: string) => r.units.find((u) => u.unit === name)!;
const person = (r: Report, name: string) => r.persons.find((p) => p.name === name)!;
const codes = (r: Report, code: string) => r.issues.filter((i) => i.code === code);
const full = (u: string): [string, ...number[]] => [u, 10, 10, 10, 10, 10, 10, 10];

describe('学习教育', () => {
  const rows: StudyRow[] = [
    ['甲股', '一般够', '一级科员', 10000, 4],
    ['甲股', '一般差', '科员', 9999, 4],
    ['甲股', '副科差', '副科长', 14999, 4],
    ['甲股', '副科够', '四级主任科员', 15000, 4],
    ['甲股', '副主任', '副主任科员', 12000, 5],
    ['甲股', '办事员', '办事员', 10000, 3],
    ['甲股', '无职级', '', 10000, 4],
  ];
  const r = run(workbook(study(rows), activities(fullYear('甲股'))), 2022);

  test('exactly 10 000 characters passes; 9 999 fails', () => {
    expect(person(r, '一般够').passed).toBe(true);
    expect(person(r, '一般差').passed).toBe(false);
  });

  test('senior (副科级以上) needs 15 000: 14 999 fails, 15 000 passes', () => {
    expect(person(r, '副科差')).toMatchObject({ senior: true, requiredChars: 15000, passed: false });
    expect(person(r, '副科够')).toMatchObject({ senior: true, requiredChars: 15000, passed: true });
  });

  test.each([
    ['副科差', true],
    ['副科够', true],
    ['副主任', true],
    ['一般够', false],
    ['一般差', false],
    ['办事员', false],
  ])('%s senior = %p', (name, senior) => {
    expect(person(r, name).senior).toBe(senior);
  });

  test('副主任科员 with 12 000 characters fails the senior bar', () => {
    expect(codes(r, 'NOTES_BELOW_MIN').map((i) => i.person).sort()).toEqual(['一般差', '副主任', '副科差'].sort());
  });

  test('fewer than 4 心得体会 fails', () => {
    expect(person(r, '办事员').passed).toBe(false);
    expect(codes(r, 'REFLECTIONS_BELOW_MIN')).toHaveLength(1);
    expect(codes(r, 'REFLECTIONS_BELOW_MIN')[0]!.cell).toBe('E7');
  });

  test('an empty 职级 is MISSING_RANK and counts as not senior', () => {
    expect(person(r, '无职级')).toMatchObject({ senior: false, requiredChars: 10000, passed: true });
    expect(codes(r, 'MISSING_RANK').map((i) => i.cell)).toEqual(['C8']);
  });

  test('unit study score is 25 × passed ÷ persons', () => {
    // passed: 一般够, 副科够, 无职级 = 3 of 7
    expect(unit(r, '甲股').scores.study).toBeCloseTo((25 * 3) / 7, 10);
  });

  test('a person listed twice counts once, the first row', () => {
    const r2 = run(workbook(study([['甲股', '张三', '科员', 20000, 5], ['甲股', '张 三', '科员', 100, 0]])), 2022);
    expect(r2.persons).toHaveLength(1);
    expect(r2.persons[0]!.passed).toBe(true);
    expect(codes(r2, 'DUPLICATE_PERSON')[0]).toMatchObject({ row: 3, person: '张三' });
    expect(codes(r2, 'NOTES_BELOW_MIN')).toHaveLength(0);
  });

  test('a unit with no persons scores 0 study and gets UNIT_WITHOUT_STAFF', () => {
    const r2 = run(workbook(study([['甲股', '张三', '科员', 20000, 5]]), activities(fullYear('乙股'))), 2022);
    expect(unit(r2, '乙股').scores.study).toBe(0);
    expect(codes(r2, 'UNIT_WITHOUT_STAFF').map((i) => i.unit)).toEqual(['乙股']);
  });
});

describe('组织生活', () => {
  test('a year that meets every frequency scores 25', () => {
    const r = run(workbook(study([['甲股', '张三', '科员', 20000, 5]]), activities(fullYear('甲股'))));
    expect(r.year).toBe(2022);
    expect(unit(r, '甲股').scores.activities).toBe(25);
    expect(codes(r, 'ACTIVITY_PERIOD_MISSING')).toHaveLength(0);
  });

  test('a missing month and a missing quarter are named and scored', () => {
    const rows = fullYear('甲股').filter((a) => !(a[2] === '支委会' && a[1] === '2022-3-5') && !(a[2] === '党课' && a[1] === '2022-4-8'));
    const r = run(workbook(activities(rows)), 2022);
    expect(unit(r, '甲股').scores.activities).toBeCloseTo((25 * (1 + 11 / 12 + 3 / 4 + 1)) / 4, 10);
    const missing = codes(r, 'ACTIVITY_PERIOD_MISSING').map((i) => [i.params.type, i.params.periods]);
    expect(missing).toEqual([
      ['支委会', '3月'],
      ['党课', '第2季度'],
    ]);
  });

  test('activity types match by alias in table order; other text is a 特色活动', () => {
    const rows = fullYear('甲股').map((a): typeof a => (a[2] === '支委会' ? [a[0], a[1], '支部委员会会议'] : a[2] === '主题党日' ? [a[0], a[1], '主题党日活动'] : a));
    rows.push(['甲股', '2022-5-20', '参观学习']);
    const r = run(workbook(activities(rows)), 2022);
    expect(unit(r, '甲股').scores.activities).toBe(25);
    expect(unit(r, '甲股').specialActivities).toBe(1);
    expect(codes(r, 'UNKNOWN_ACTIVITY_TYPE')).toHaveLength(1);
    expect(codes(r, 'UNKNOWN_ACTIVITY_TYPE')[0]!.severity).toBe('info');
  });

  test('dates outside the year, duplicates and low attendance', () => {
    const rows = [
      ...fullYear('甲股'),
      ['甲股', '2021-12-20', '支委会'],
      ['甲股', '2022-1-5', '支委会', 10, 10], // duplicate of the fullYear row
      ['甲股', '2022-2-10', '党小组会', 10, 7], // 70 %: low
      ['甲股', '2022-2-11', '党小组会', 10, 8], // exactly 80 %: fine
    ] as Parameters<typeof activities>[0];
    const r = run(workbook(activities(rows)), 2022);
    expect(codes(r, 'DATE_OUT_OF_YEAR').map((i) => i.cell)).toEqual([`B${fullYear('甲股').length + 2}`]);
    expect(codes(r, 'DUPLICATE_ROW')).toHaveLength(1);
    expect(codes(r, 'LOW_ATTENDANCE').map((i) => i.params.rate)).toEqual(['70%']);
  });

  test('a date without a year takes the appraisal year', () => {
    const rows = fullYear('甲股').map((a): typeof a => [a[0], String(a[1]).replace('2022-', '').replace('-', '月') + '日', a[2]]);
    const r = run(workbook(activities(rows), activities([['甲股', '2022-1-1', '党课']], '补充记录')));
    expect(r.year).toBe(2022);
    expect(unit(r, '甲股').scores.activities).toBe(25);
  });
});

describe('标准化建设', () => {
  test('score is 20 × sum ÷ 70, values clipped, missing counts 0', () => {
    const grid = standardization([['甲股', 12, 10, 10, 10, 10, 10, -1]]);
    grid.values.push(['乙股', 9, 9, 9, 9, 9, 9, null]);
    const r = run(workbook(grid, activities(fullYear('甲股'))), 2022);
    expect(unit(r, '甲股').scores.standardization).toBeCloseTo((20 * 60) / 70, 10);
    expect(codes(r, 'OUT_OF_RANGE').map((i) => [i.cell, i.params.clipped])).toEqual([['B2', 10], ['H2', 0]]);
    expect(unit(r, '乙股').scores.standardization).toBeCloseTo((20 * 54) / 70, 10);
    expect(codes(r, 'MISSING_VALUE').map((i) => i.cell)).toEqual(['H3']);
  });

  test('a unit without a row scores 0 and gets NO_STANDARDIZATION', () => {
    const r = run(workbook(standardization([full('甲股')]), activities(fullYear('乙股'))), 2022);
    expect(unit(r, '乙股').scores.standardization).toBe(0);
    expect(codes(r, 'NO_STANDARDIZATION').map((i) => i.unit)).toEqual(['乙股']);
  });

  test('a sheet with 5 of 7 aspects is read; the missing aspects are MISSING_COLUMN', () => {
    const grid = standardization([full('甲股')]);
    grid.values = grid.values.map((row) => row.slice(0, 6));
    const r = run(workbook(grid), 2022);
    expect(codes(r, 'MISSING_COLUMN').map((i) => i.params.column)).toEqual(['活动载体', '成效评价']);
    expect(unit(r, '甲股').scores.standardization).toBeCloseTo((20 * 50) / 70, 10);
  });
});

describe('作风纪律 and 一票否决', () => {
  const base = [study([['甲股', '张三', '科员', 20000, 5], ['乙股', '李四', '科员', 20000, 5]]), activities([...fullYear('甲股'), ...fullYear('乙股')]), standardization([full('甲股'), full('乙股')])];

  test('deductions by type, unknown types deduct 1', () => {
    const r = run(workbook(...base, discipline([['甲股', '张三', '上班迟到'], ['甲股', '张三', '脱岗溜号'], ['甲股', '', '上班时间玩游戏'], ['甲股', '', '着装不规范']])), 2022);
    expect(unit(r, '甲股').scores.discipline).toBe(20 - 0.5 - 1 - 2 - 1);
    expect(codes(r, 'UNKNOWN_VIOLATION_TYPE')).toHaveLength(1);
    expect(person(r, '张三')).toMatchObject({ violations: 2, eligibleExcellent: false, passed: true });
  });

  test('the score never goes below 0', () => {
    const rows = Array.from({ length: 15 }, (): [string, string, string] => ['甲股', '', '炒股']);
    const r = run(workbook(...base, discipline(rows)), 2022);
    expect(unit(r, '甲股').scores.discipline).toBe(0);
  });

  test('a veto row deducts nothing, vetoes the unit and ranks it last', () => {
    const r = run(workbook(...base, discipline([['甲股', '张三', '因违法被立案调查']])), 2022);
    expect(unit(r, '甲股')).toMatchObject({ veto: true, outcome: '一票否决', rank: 2 });
    expect(unit(r, '甲股').scores.discipline).toBe(20);
    expect(unit(r, '乙股').rank).toBe(1);
    expect(person(r, '张三')).toMatchObject({ violations: 1, eligibleExcellent: false });
    expect(codes(r, 'VETO')).toHaveLength(1);
  });

  test('unknown persons and units are flagged, the unit with the most similar known name', () => {
    const r = run(workbook(...base, discipline([['甲股', '王五', '迟到'], ['甲 股室', '', '早退']])), 2022);
    expect(codes(r, 'UNKNOWN_PERSON').map((i) => i.person)).toEqual(['王五']);
    const unknown = codes(r, 'UNKNOWN_UNIT');
    expect(unknown.map((i) => [i.unit, i.params.similar])).toEqual([['甲股室', '甲股']]);
  });
});

describe('任务落实', () => {
  test('done texts, overdue tasks and units without tasks', () => {
    const r = run(
      workbook(
        study([['甲股', '张三', '科员', 20000, 5], ['乙股', '李四', '科员', 20000, 5]]),
        tasks([
          ['甲股', '任务一', '已完成'],
          ['甲股', '任务二', '√'],
          ['甲股', '任务三', '完成'],
          ['甲股', '任务四', '是'],
          ['甲股', '任务五', '进行中', '2022-11-30'],
          ['甲股', '任务六', '', '2023-03-31'],
          ['甲股', '任务七', '未完成', '2022-12-31'],
          ['甲股', '任务八', '基本完成'],
        ]),
      ),
      2022,
    );
    expect(unit(r, '甲股').scores.tasks).toBeCloseTo((10 * 4) / 8, 10);
    expect(unit(r, '乙股').scores.tasks).toBe(10);
    expect(codes(r, 'TASK_OVERDUE').map((i) => i.cell)).toEqual(['C6', 'C8']);
  });
});

describe('ranking and 奖惩', () => {
  /** Units whose only difference is their discipline deduction, so totals are 100 − deduction. */
  function unitsWithDeductions(deductions: number[]): WorkbookGrids {
    const names = deductions.map((_, i) => `单位${String.fromCharCode(65 + i)}`);
    const disc: [string, string, string][] = [];
    names.forEach((n, i) => {
      for (let k = 0; k < deductions[i]! * 2; k++) disc.push([n, '', '迟到']);
    });
    return workbook(
      study(names.map((n): StudyRow => [n, `${n}人`, '科员', 20000, 5])),
      activities(names.flatMap((n) => fullYear(n))),
      standardization(names.map(full)),
      discipline(disc),
    );
  }

  test('equal totals share a rank; both tied at rank 3 are 表彰', () => {
    const r = run(unitsWithDeductions([0, 1, 2, 2, 5, 6, 7, 8]), 2022);
    expect(r.units.map((u) => [u.unit, u.total, u.rank, u.outcome])).toEqual([
      ['单位A', 100, 1, '表彰'],
      ['单位B', 99, 2, '表彰'],
      ['单位C', 98, 3, '表彰'],
      ['单位D', 98, 3, '表彰'],
      ['单位E', 95, 5, ''],
      ['单位F', 94, 6, '通报批评'],
      ['单位G', 93, 7, '通报批评'],
      ['单位H', 92, 8, '通报批评'],
    ]);
  });

  test('a unit tied with the third lowest is 通报批评 too', () => {
    const r = run(unitsWithDeductions([0, 1, 2, 3, 4, 6, 6, 7, 8]), 2022);
    const criticized = r.units.filter((u) => u.outcome === '通报批评').map((u) => u.unit);
    expect(criticized).toEqual(['单位F', '单位G', '单位H', '单位I']);
    expect(r.units.find((u) => u.unit === '单位E')!.outcome).toBe('');
  });

  test('表彰 needs at least 85 points', () => {
    // 86 is 表彰; ranks 2 and 3 score 84 < 85. Of the four left (84, 84, 84, 82) the three lowest
    // are 82, 84, 84 — and the third 84 ties with the third lowest, so all four are 通报批评.
    const r = run(unitsWithDeductions([14, 16, 16, 16, 18]), 2022);
    expect(r.units.map((u) => [u.total, u.rank, u.outcome])).toEqual([
      [86, 1, '表彰'],
      [84, 2, '通报批评'],
      [84, 2, '通报批评'],
      [84, 2, '通报批评'],
      [82, 5, '通报批评'],
    ]);
    const r2 = run(unitsWithDeductions([14, 15, 16, 16, 18]), 2022);
    expect(r2.units.map((u) => [u.total, u.outcome])).toEqual([
      [86, '表彰'],
      [85, '表彰'],
      [84, '通报批评'],
      [84, '通报批评'],
      [82, '通报批评'],
    ]);
  });

  test('if three or fewer remain after 表彰, all of them are 通报批评', () => {
    const r = run(unitsWithDeductions([0, 1, 2, 3, 4]), 2022);
    expect(r.units.map((u) => u.outcome)).toEqual(['表彰', '表彰', '表彰', '通报批评', '通报批评']);
  });

  test('totals round half away from zero to 2 decimals', () => {
    const r = run(workbook(study([['甲股', '甲', '科员', 20000, 5], ['甲股', '乙', '科员', 1, 5], ['甲股', '丙', '科员', 1, 5]]), activities(fullYear('甲股')), standardization([full('甲股')])), 2022);
    // 25/3 + 25 + 20 + 20 + 10 = 83.3333… → 83.33
    expect(unit(r, '甲股').total).toBe(83.33);
  });
});

describe('考核规则 sheet', () => {
  const data = [
    study([['甲股', '张三', '科员', 8000, 3], ['甲股', '李四', '副科长', 12000, 3]]),
    activities(fullYear('甲股').filter((a) => a[2] !== '主题党日' || [1, 4, 7, 10].includes(Number(String(a[1]).split('-')[1])))),
    standardization([full('甲股')]),
    discipline([['甲股', '张三', '迟到']]),
  ];

  test('defaults: thresholds, deduction and frequency as in SPEC', () => {
    const r = run(workbook(...data), 2022);
    expect(person(r, '张三').passed).toBe(false);
    expect(unit(r, '甲股').scores.discipline).toBe(19.5);
    expect(unit(r, '甲股').scores.activities).toBeCloseTo((25 * (1 + 1 + 1 + 4 / 12)) / 4, 10);
  });

  test('the sheet changes thresholds, a deduction and a frequency', () => {
    const rules = rulesSheet([
      ['笔记字数下限', '8000'],
      ['副科级以上笔记字数下限', '1.2万'],
      ['心得体会篇数下限', 3],
      ['迟到扣分', 2],
      ['主题党日频次', '每季度'],
      ['到会率下限', '90%'],
      ['表彰最低分', 99],
    ]);
    const r = run(workbook(rules, ...data), 2022);
    expect(person(r, '张三').passed).toBe(true);
    expect(person(r, '李四')).toMatchObject({ senior: true, requiredChars: 12000, passed: true });
    expect(unit(r, '甲股').scores.discipline).toBe(18);
    expect(unit(r, '甲股').scores.activities).toBe(25);
    expect(r.rules['到会率下限']).toBe(0.9);
    expect(r.rules['主题党日频次']).toBe('每季度');
    expect(unit(r, '甲股').outcome).not.toBe('表彰');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('bad values keep the default (INVALID_RULE), unknown names are UNKNOWN_RULE, the first of a repeat wins', () => {
    const rules = rulesSheet([
      ['笔记字数下限', '很多'],
      ['主题党日频次', '每两周'],
      ['迟到扣分', 1],
      ['迟到扣分', 3],
      ['加班加分', 5],
      ['考核年度', 2022],
    ]);
    const r = run(workbook(rules, ...data));
    expect(codes(r, 'INVALID_RULE').map((i) => [i.cell, i.params.name])).toEqual([['B2', '笔记字数下限'], ['B3', '主题党日频次']]);
    expect(codes(r, 'UNKNOWN_RULE').map((i) => i.params.name)).toEqual(['加班加分']);
    expect(r.rules['笔记字数下限']).toBe(10000);
    expect(unit(r, '甲股').scores.discipline).toBe(19);
    expect(r.year).toBe(2022);
  });

  test('no required activity type gives full marks', () => {
    const rules = rulesSheet(['支部党员大会', '支委会', '党小组会', '党课', '主题党日'].map((t): [string, string] => [`${t}频次`, '不考核']));
    const r = run(workbook(rules, ...data), 2022);
    expect(unit(r, '甲股').scores.activities).toBe(25);
  });

  test('--year overrides 考核年度', () => {
    const r = run(workbook(rulesSheet([['考核年度', 2021]]), ...data), 2022);
    expect(r.year).toBe(2022);
    expect(r.rules['考核年度']).toBe(2022);
  });

  test('the 优秀 ratio sets the quota', () => {
    // A second unit: one unit alone is a self-check, which has no quota.
    const other = study([['乙股', '王五', '科员', 8000, 3]], '乙股学习台账');
    const r = run(workbook(rulesSheet([['优秀比例', '50%']]), ...data, other), 2022);
    expect(r.excellentQuota).toBe(1);
  });
});
