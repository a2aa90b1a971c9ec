/** Hostile cell values straight into the engine: no crash, no prototype pollution, errors reported once. */
import { appraise, type CellValue } from '../../src/engine';
import { activities, discipline, fullYear, standardization, study, tasks, workbook } from '../engine/build';

const PROTO_UNITS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', '=1+1', 'toString'];

describe('names such as __proto__ and constructor', () => {
  const wb = workbook(
    study(PROTO_UNITS.map((u, i) => [u, ['__proto__', 'constructor', 'valueOf', '=HYPERLINK("http://x","y")', '@SUM(A1)', '-1'][i]!, '科员', 12000 + i, 4])),
    activities(PROTO_UNITS.flatMap((u) => fullYear(u))),
    standardization(PROTO_UNITS.map((u, i): [string, ...number[]] => [u, 10, 10, 10, 10, 10, 10, i])),
    discipline([['__proto__', '__proto__', '迟到'], ['constructor', 'constructor', '脱岗']]),
    tasks([['prototype', '=1+1', '完成'], ['hasOwnProperty', '<script>', '未完成']]),
  );
  const { report } = appraise(wb, { year: 2022 });

  test('pollute nothing', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
  });

  test('each is its own unit with its own scores', () => {
    const totals = Object.fromEntries(report.units.map((u) => [u.unit, u.total]));
    // 25 study + 25 activities + 20×(60+i)/70 standardization + discipline + tasks.
    expect(report.units.map((u) => u.unit).sort()).toEqual([...PROTO_UNITS].sort());
    expect(Object.keys(totals)).toHaveLength(6);
    const byUnit = (u: string) => report.units.find((x) => x.unit === u)!;
    expect(byUnit('__proto__')).toMatchObject({ total: 96.64, violations: 1, persons: 1 });
    expect(byUnit('__proto__').scores.discipline).toBe(19.5);
    expect(byUnit('constructor')).toMatchObject({ total: 96.43, violations: 1 });
    expect(byUnit('prototype')).toMatchObject({ total: 97.71, tasks: 1, tasksDone: 1 });
    expect(byUnit('hasOwnProperty')).toMatchObject({ total: 88, tasks: 1, tasksDone: 0 });
    expect(byUnit('hasOwnProperty').scores.tasks).toBe(0);
    expect(byUnit('toString')).toMatchObject({ total: 98.57, rank: 1, outcome: '表彰' });
    expect(byUnit('=1+1')).toMatchObject({ total: 98.29, rank: 2, outcome: '表彰' });
  });

  test('persons named __proto__ and constructor keep their violations', () => {
    const person = (name: string) => report.persons.find((p) => p.name === name)!;
    expect(person('__proto__')).toMatchObject({ unit: '__proto__', violations: 1, eligibleExcellent: false, passed: true });
    expect(person('constructor')).toMatchObject({ unit: 'constructor', violations: 1, eligibleExcellent: false });
    expect(person('valueOf')).toMatchObject({ unit: 'prototype', violations: 0, eligibleExcellent: true });
    expect(report.issues.filter((i) => i.code === 'UNKNOWN_PERSON')).toEqual([]);
  });
});

describe('Excel error values in text columns', () => {
  test('an error in 单位 or 问题类型 is one FORMULA_ERROR and the row is not counted', () => {
    const err: CellValue = { error: '#N/A' };
    const { report } = appraise(
      workbook(
        study([['局办公室', '张三', '科员', 12000, 4]]),
        { name: '督查记录', values: [['单位', '姓名', '问题类型'], [err, '张三', '迟到'], ['局办公室', '张三', err]] },
      ),
      { year: 2022 },
    );
    expect(report.units.map((u) => u.unit)).toEqual(['局办公室']);
    expect(report.units[0]!.scores.discipline).toBe(20);
    expect(report.units[0]!.violations).toBe(0);
    const onSheet = report.issues.filter((i) => i.sheet === '督查记录').map((i) => [i.code, i.cell]);
    expect(onSheet).toEqual([
      ['FORMULA_ERROR', 'A2'],
      ['FORMULA_ERROR', 'C3'],
    ]);
  });

  test('an error as a person name is FORMULA_ERROR, not a person called #REF!', () => {
    const { report } = appraise(workbook({ name: '学习台账', values: [['单位', '姓名', '笔记字数', '心得体会'], ['局办公室', { error: '#REF!' }, 12000, 4]] }));
    expect(report.persons).toEqual([]);
    expect(report.issues.filter((i) => i.cell === 'B2').map((i) => i.code)).toEqual(['FORMULA_ERROR']);
  });
});

describe('NaN, Infinity, 1e308, -0 and invalid dates', () => {
  const HOSTILE: CellValue[] = [NaN, Infinity, -Infinity, 1e308, -0, -1e308, 'NaN', 'Infinity', '1e308', '-0', '-1e308', new Date(Number.NaN)];
  const { report } = appraise(
    workbook(
      study(HOSTILE.map((v, i) => ['局办公室', `p${i}`, '科员', v, v])),
      standardization(HOSTILE.map((v, i) => [`u${i}`, v as number, 10, 10, 10, 10, 10, 10])),
      activities([
        ['局办公室', '2022-3-5', '支委会', 0, 1e308],
        ['局办公室', '2022-3-6', '党课', -0, NaN],
        ['局办公室', 1e308 as unknown as string, '党课'],
        ['局办公室', new Date(Number.NaN) as unknown as string, '党课'],
      ]),
    ),
    { year: 2022 },
  );

  test('non-finite numbers and number-like text are INVALID_NUMBER; an invalid Date does not throw', () => {
    const codeAt = (cell: string) => report.issues.filter((i) => i.sheet === '学习台账' && i.cell === cell).map((i) => i.code);
    for (const row of [2, 3, 4, 8, 9, 10, 11, 12, 13]) expect(codeAt(`D${row}`)).toEqual(['INVALID_NUMBER']);
    expect(codeAt('D5')).toEqual([]); // 1e308 characters: a number, and enough.
    expect(codeAt('D6')).toEqual(['NOTES_BELOW_MIN']); // -0
    const persons = Object.fromEntries(report.persons.map((p) => [p.name, p]));
    expect(persons.p3).toMatchObject({ noteChars: 1e308, passed: true });
    expect(persons.p0!.noteChars).toBeNull();
    expect(persons.p11!.noteChars).toBeNull();
  });

  test('standardization clips ±1e308 and ignores NaN/Infinity', () => {
    const std = (u: string) => report.units.find((x) => x.unit === u)!.scores.standardization;
    expect(std('u3')).toBe(20);
    expect(std('u5')).toBeCloseTo((20 * 60) / 70, 10);
    expect(std('u0')).toBeCloseTo((20 * 60) / 70, 10);
    const codes = report.issues.filter((i) => i.sheet === '标准化评分').map((i) => `${i.cell}:${i.code}`);
    expect(codes).toContain('B5:OUT_OF_RANGE');
    expect(codes).toContain('B7:OUT_OF_RANGE');
    expect(codes).toContain('B2:INVALID_NUMBER');
  });

  test('every number in the report is finite', () => {
    const office = report.units.find((u) => u.unit === '局办公室')!;
    expect(Number.isFinite(office.total)).toBe(true);
    for (const u of report.units) for (const v of Object.values(u.scores)) expect(Number.isFinite(v)).toBe(true);
    expect(report.issues.filter((i) => i.sheet === '三会一课记录').map((i) => `${i.cell}:${i.code}`)).toEqual(
      expect.arrayContaining(['E3:INVALID_NUMBER', 'B4:INVALID_DATE', 'B5:INVALID_DATE']),
    );
  });
});
