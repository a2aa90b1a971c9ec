/**
 * The shared fixture, read through the exceljs adapter: every person and issue of
 * example-2022.expected.json at its sheet and row/cell, no mustNot issue, and every unit's result.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/exceljs';
import { appraise, type AppraisalResult, type ReportedIssue } from '../../src/engine';

const dir = path.join(__dirname, '..', 'fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'example-2022.expected.json'), 'utf8'));

let result: AppraisalResult;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'example-2022.xlsx'));
  result = appraise(readWorkbook(wb));
});

interface ExpectedIssue {
  code: string;
  sheet: string | null;
  cell?: string | null;
  row?: number | null;
  unit?: string;
  person?: string;
  type?: string;
}

function matches(i: ReportedIssue, e: ExpectedIssue): boolean {
  return (
    i.code === e.code &&
    (e.sheet == null || i.sheet === e.sheet) &&
    (e.cell == null || i.cell === e.cell) &&
    (e.row == null || i.row === e.row) &&
    (e.unit === undefined || i.unit === e.unit) &&
    (e.person === undefined || i.person === e.person) &&
    (e.type === undefined || i.params.type === e.type)
  );
}

test('the year is 2022, decided from the dates', () => {
  expect(result.noLedgers).toBe(false);
  expect(result.report.year).toBe(expected.year);
});

test('every person is read with the expected study result', () => {
  const persons = result.report.persons;
  expect(persons).toHaveLength(expected.persons.length);
  for (const e of expected.persons) {
    const p = persons.find((x) => x.unit === e.unit && x.name === e.name);
    expect(p).toBeDefined();
    expect({ ...e }).toEqual({
      unit: p!.unit,
      name: p!.name,
      senior: p!.senior,
      requiredChars: p!.requiredChars,
      noteChars: p!.noteChars,
      reflections: p!.reflections,
      passed: p!.passed,
      violations: p!.violations,
      eligibleExcellent: p!.eligibleExcellent,
    });
  }
});

const expectedIssues: [string, ExpectedIssue][] = expected.issues.map((e: ExpectedIssue) => [
  `${e.code} ${e.sheet ?? ''} ${e.cell ?? e.row ?? e.unit ?? ''} ${e.type ?? ''}`,
  e,
]);
const mustNot: [string, ExpectedIssue][] = expected.mustNot.map((e: ExpectedIssue) => [`${e.code} ${e.sheet} row ${e.row}`, e]);

test.each(expectedIssues)('reports %s', (_label, e) => {
  const found = result.report.issues.filter((i) => matches(i, e));
  expect(found.length).toBeGreaterThan(0);
  const issue = found[0]!;
  expect(issue.message.length).toBeGreaterThan(10);
  // Row-level findings still point at a cell of their row, so the issue list can select it.
  if (e.row != null) expect(issue.cell).toMatch(new RegExp(`^[A-Z]+${e.row}$`));
});

test.each(mustNot)('does not report %s', (_label, e) => {
  expect(result.report.issues.filter((i) => matches(i, e))).toEqual([]);
});

test('one issue per cell: a bad value is not also a rule finding', () => {
  const byCell = new Map<string, string[]>();
  for (const i of result.report.issues) {
    if (!i.cell) continue;
    const key = `${i.sheet}!${i.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), i.code]);
  }
  const valueCodes = new Set(['MISSING_VALUE', 'INVALID_NUMBER', 'INVALID_DATE', 'FORMULA_ERROR']);
  for (const codes of byCell.values()) {
    if (codes.some((c) => valueCodes.has(c))) expect(codes).toHaveLength(1);
  }
});

test('every unit scores, ranks and is decided as expected', () => {
  const units = result.report.units;
  expect(units.map((u) => u.unit).sort()).toEqual(expected.units.map((u: { unit: string }) => u.unit).sort());
  for (const e of expected.units) {
    const u = units.find((x) => x.unit === e.unit)!;
    expect(u.total).toBeCloseTo(e.total, 2);
    expect(Math.abs(u.total - e.total)).toBeLessThanOrEqual(0.01);
    expect([u.unit, u.rank, u.veto, u.outcome]).toEqual([e.unit, e.rank, e.veto, e.outcome]);
    for (const part of Object.keys(e.scores)) {
      expect(u.scores[part as keyof typeof u.scores]).toBeCloseTo(e.scores[part], 9);
    }
  }
  // Ranking order: non-vetoed first, vetoed last.
  expect(units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(units[units.length - 1]!.unit).toBe('工伤保险所');
});

test('the 优秀 quota is floor(20 % × persons)', () => {
  expect(result.report.excellentQuota).toBe(expected.excellentQuota);
});

test('the unrelated 说明 sheet is neither read nor mentioned', () => {
  expect(result.report.sheets.map((s) => s.sheet)).not.toContain('说明');
  expect(result.report.issues.some((i) => i.sheet === '说明')).toBe(false);
  expect(result.report.sheets.map((s) => [s.sheet, s.kind])).toEqual([
    ['学习笔记登记表', 'study'],
    ['公共就业服务局学习台账', 'study'],
    ['人事考试中心学习台账', 'study'],
    ['技工学校学习台账', 'study'],
    ['三会一课及主题党日记录', 'activities'],
    ['窗口作风督查记录', 'discipline'],
    ['党支部标准化建设评分表', 'standardization'],
    ['2022年任务清单', 'tasks'],
  ]);
});

test('the three output sheets carry the ranking, the persons and the issues', () => {
  const [summary, persons, issues] = result.outputs;
  expect(summary!.name).toBe('考核汇总');
  expect(summary!.rows[0]!.slice(0, 2)).toEqual([1, '局办公室']);
  expect(summary!.rows[0]![7]).toBe(96.86);
  expect(summary!.rows[0]![8]).toBe('表彰');
  expect(persons!.name).toBe('人员考核明细');
  expect(persons!.rows).toHaveLength(expected.persons.length);
  expect(issues!.name).toBe('校验问题');
  expect(issues!.rows).toHaveLength(result.report.issues.length);
  const f5 = result.report.issues.findIndex((i) => i.code === 'OUT_OF_RANGE');
  expect(issues!.links).toContainEqual({ row: f5, col: 3, sheet: '党支部标准化建设评分表', cell: 'F5' });
});
