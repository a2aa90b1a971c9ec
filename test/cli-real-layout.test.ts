/**
 * The command line on ledgers laid out as party-work systems lay them out (test/fixtures/real-layout-2022.xlsx,
 * made by scripts/make-layout-fixtures.ts) and on a workbook whose only ledger-like sheets fall short.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Report } from '../src/engine/report';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const tmp = useTempDir('appraise-real-layout-');

describe('real-layout-2022.xlsx: 三会一课 / 主题党日 import sheets, a study sheet under a title, 请假缺席统计', () => {
  let report: Report;
  let stdout: string;

  beforeAll(async () => {
    const json = path.join(tmp(), 'r.json');
    const run = await runCli([path.join(FIXTURES, 'real-layout-2022.xlsx'), '--out', path.join(tmp(), 'out.xlsx'), '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    stdout = run.stdout;
    report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  });

  test('every sheet is recognised, with its header row and the header each field came from', () => {
    expect(report.sheets.map((s) => [s.sheet, s.kind, s.rows, s.headerRow])).toEqual([
      ['三会一课', 'activities', 62, 1],
      ['主题党日', 'activities', 34, 1],
      ['学习笔记登记', 'study', 7, 3],
      ['请假缺席统计', 'discipline', 5, 1],
    ]);
    const [sanhui, dangri, studySheet, absence] = report.sheets;
    expect(sanhui!.columns['单位']).toEqual({ column: 'D', header: '所在党支部' });
    expect(sanhui!.columns['日期']).toEqual({ column: 'J', header: '实际会议时间' });
    expect(dangri!.columns['活动类型']).toEqual({ column: 'F', header: '活动名称', by: 'content' });
    expect(dangri!.columns['日期']).toEqual({ column: 'H', header: '实际时间' });
    expect(studySheet!.columns['笔记字数']).toEqual({ column: 'E', header: '学习笔记（字）' });
    expect(absence!.columns['问题类型']).toEqual({ column: 'G', header: '备注', by: 'content' });
  });

  test('the branches are the units, scored from their own records', () => {
    const units = Object.fromEntries(report.units.map((u) => [u.unit, u]));
    expect(Object.keys(units).sort()).toEqual(['文学院学生党支部', '文学院教工第一党支部', '文学院教工第二党支部']);
    // 三会一课 and 主题党日 complete but for the third branch's September 支委会 and the second's summer 主题党日.
    expect(units['文学院教工第一党支部']!.scores.activities).toBe(25);
    expect(units['文学院学生党支部']!.scores.activities).toBeCloseTo(25 * (4 - 1 / 12) / 4, 9);
    expect(units['文学院教工第二党支部']!.scores.activities).toBeCloseTo(25 * (4 - 2 / 12) / 4, 9);
    // 请假 and 病假 are never deducted; 迟到 0.5 and 缺席 1 are.
    expect(units['文学院教工第一党支部']!.scores.discipline).toBe(19.5);
    expect(units['文学院教工第二党支部']!.scores.discipline).toBe(19);
    expect(units['文学院学生党支部']!.scores.discipline).toBe(20);
    expect(report.issues.filter((i) => i.code === 'LEAVE_NOT_DEDUCTED').map((i) => i.person)).toEqual(['李华', '赵强']);
    expect(stdout).toContain('文学院学生党支部');
  });

  test('the plan dates beside the actual ones are not read: no date outside the year, no duplicate', () => {
    expect(report.issues.filter((i) => i.code === 'DATE_OUT_OF_YEAR' || i.code === 'DUPLICATE_ROW')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'AMBIGUOUS_COLUMN' || i.code === 'INCOMPLETE_LEDGER')).toEqual([]);
  });
});

test('near-miss-2022.xlsx: exit 2, and the one line names the closest sheet and the missing column', async () => {
  const run = await runCli([path.join(FIXTURES, 'near-miss-2022.xlsx'), '--out', path.join(tmp(), 'near.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^错误：[^\n]+ \/ Error: [^\n]+\n$/);
  expect(run.stderr).toContain('最接近的是「会议记录」：像是党内活动台账，但没有找到“日期”列');
  expect(run.stderr).toContain('closest: sheet 会议记录 lacks 日期');
});
