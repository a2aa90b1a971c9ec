/**
 * SPEC section 8 through the command line: the JSON report written by `--json` for the shared fixture
 * holds every unit's total (±0.01), rank, veto and outcome and every person's study result as
 * example-2022.expected.json states them.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import type { PersonResult, Report, UnitResult } from '../src/engine';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'example-2022.expected.json'), 'utf8'));
const tmp = useTempDir('appraise-json-');

type ExpectedUnit = Pick<UnitResult, 'unit' | 'scores' | 'total' | 'rank' | 'veto' | 'outcome'>;
type ExpectedPerson = Pick<PersonResult, 'unit' | 'name' | 'senior' | 'noteChars' | 'requiredChars' | 'reflections' | 'passed' | 'violations' | 'eligibleExcellent'>;

/** The report as read back from the JSON file. */
let report: Report;

beforeAll(async () => {
  const json = path.join(tmp(), 'report.json');
  const run = await runCli([path.join(FIXTURES, 'example-2022.xlsx'), '--out', path.join(tmp(), 'result.xlsx'), '--json', json]);
  expect(run.code).toBe(0);
  report = JSON.parse(readFileSync(json, 'utf8'));
});

test('year, quota and the effective rules', () => {
  expect(report.year).toBe(expected.year);
  expect(report.excellentQuota).toBe(expected.excellentQuota);
  expect(report.rules['副科级以上笔记字数下限']).toBe(15000);
});

test('every unit: total within 0.01, rank, veto and outcome', () => {
  expect(report.units).toHaveLength(expected.units.length);
  for (const e of expected.units as ExpectedUnit[]) {
    const u = report.units.find((x) => x.unit === e.unit);
    expect(u).toBeDefined();
    expect(Math.abs(u!.total - e.total)).toBeLessThanOrEqual(0.01);
    expect({ unit: u!.unit, rank: u!.rank, veto: u!.veto, outcome: u!.outcome }).toEqual({ unit: e.unit, rank: e.rank, veto: e.veto, outcome: e.outcome });
    for (const part of Object.keys(e.scores) as (keyof UnitResult['scores'])[]) {
      expect(Math.abs(u!.scores[part] - e.scores[part])).toBeLessThan(1e-9);
    }
  }
});

test('every person: passed, senior, requiredChars, eligibleExcellent and the counts', () => {
  expect(report.persons).toHaveLength(expected.persons.length);
  for (const e of expected.persons as ExpectedPerson[]) {
    const p = report.persons.find((x) => x.unit === e.unit && x.name === e.name);
    expect(p).toBeDefined();
    expect({
      passed: p!.passed,
      senior: p!.senior,
      requiredChars: p!.requiredChars,
      eligibleExcellent: p!.eligibleExcellent,
      noteChars: p!.noteChars,
      reflections: p!.reflections,
      violations: p!.violations,
    }).toEqual({
      passed: e.passed,
      senior: e.senior,
      requiredChars: e.requiredChars,
      eligibleExcellent: e.eligibleExcellent,
      noteChars: e.noteChars,
      reflections: e.reflections,
      violations: e.violations,
    });
    expect(typeof p!.level).toBe('string');
  }
});

test('issues carry the fields of SPEC section 8, numbers as numbers and null where missing', () => {
  expect(report.issues.length).toBeGreaterThan(0);
  for (const issue of report.issues) {
    expect(Object.keys(issue)).toEqual(expect.arrayContaining(['severity', 'code', 'sheet', 'cell', 'unit', 'person', 'message']));
    expect(typeof issue.message).toBe('string');
  }
  expect(report.persons.find((p) => p.name === '孙斌亮')!.noteChars).toBeNull();
});
