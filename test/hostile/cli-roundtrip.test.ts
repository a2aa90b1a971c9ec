/**
 * Hostile ledger text through the whole command line: read from .xlsx, appraised, written back. In the
 * result every piece of it is literal text (no formula, no DDE), cells fit Excel, and nothing of the
 * user's changes: source sheets, the input file, and the user's own sheets named like generated ones.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import type { Report } from '../../src/engine/report';
import { runCli, type CliRun } from '../support/cli-io';
import { useTempDir } from '../support/temp-dir';
import { buildWorkbook, fromBytes, toBytes, type SheetSpec } from '../support/workbook-builder';
import { countFormulas, readXlsxXml } from '../support/xlsx-xml';
import { cellMap, formulaCells, sha256, stringValues } from './sheet-cells';

jest.setTimeout(120_000);

const tmp = useTempDir('appraise-roundtrip-');

const FORMULA_LIKE = ["=cmd|' /C calc'!A0", '=1+1', '@SUM(A1)', '+1', '-1', '=HYPERLINK("http://x","y")'];
const HTML = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'];
const PROTO = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'];
const LONG = `长${'字'.repeat(31_999)}`;
const UNITS = [...FORMULA_LIKE, ...HTML, ...PROTO];
/** Unit and person names lose their white space (SPEC section 3), so the DDE text becomes `=cmd|'/Ccalc'!A0`. */
const NAMES = UNITS.map((u) => u.replace(/\s/g, ''));
const GENERATED = ['考核汇总', '人员考核明细', '校验问题', '评分依据'];
const EXCEL_CELL_MAX = 32_767;

function months(unit: string): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let m = 1; m <= 12; m++) {
    rows.push([unit, `2022-${m}-5`, '支委会', 10, 10], [unit, `2022-${m}-6`, '主题党日', 10, 10]);
    if (m % 3 === 1) rows.push([unit, `2022-${m}-7`, '支部党员大会', 10, 10], [unit, `2022-${m}-8`, '党课', 10, 10]);
  }
  return rows;
}

function hostileSheets(): SheetSpec[] {
  return [
    {
      name: '学习台账',
      rows: [
        ['2022年度干部职工学习笔记登记表'],
        ['单位', '姓名', '职级', '笔记字数', '心得体会'],
        ...UNITS.map((u, i) => [u, UNITS[(i + 3) % UNITS.length]!, '科员', 12_000 + i, 4]),
        ['局办公室', LONG, LONG, 'NaN', 'Infinity'],
        ['局办公室', '王五', '副科长', 1e308, -0],
        ['局办公室', '赵六', '科员', -1e15, '1e308'],
      ],
      merges: ['A1:E1'],
    },
    { name: '三会一课记录', rows: [['支部', '活动日期', '活动类型', '应到人数', '实到人数'], ...UNITS.flatMap(months), ['局办公室', '2022-3-9', FORMULA_LIKE[0]!, 10, 9]] },
    {
      name: '督查记录',
      rows: [
        ['单位', '姓名', '问题类型'],
        ...FORMULA_LIKE.map((t, i) => [UNITS[i]!, UNITS[(i + 3) % UNITS.length]!, t]),
        ['__proto__', '__proto__', LONG],
        [LONG, LONG, LONG],
        ['局办公室', HTML[0]!, HTML[1]!],
      ],
    },
    { name: '任务清单', rows: [['责任单位', '工作任务', '完成情况', '完成时限'], ...UNITS.map((u, i) => [u, FORMULA_LIKE[i % FORMULA_LIKE.length]!, i % 2 ? '已完成' : '=1+1', '2022-6-30'])] },
  ];
}

interface Outcome {
  input: string;
  out: string;
  run: CliRun;
  report: Report;
  before: ExcelJS.Workbook;
  after: ExcelJS.Workbook;
  hashBefore: string;
}

async function appraiseFile(name: string, sheets: SheetSpec[], prepare?: (wb: ExcelJS.Workbook) => Promise<void>): Promise<Outcome> {
  const dir = path.join(tmp(), name);
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, `${name}.xlsx`);
  const wb = buildWorkbook(sheets);
  if (prepare) await prepare(wb);
  writeFileSync(input, await toBytes(wb));
  const hashBefore = sha256(input);
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'report.json');
  const run = await runCli([input, '--out', out, '--json', json]);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  return { input, out, run, report, before: await fromBytes(readFileSync(input)), after: await fromBytes(readFileSync(out)), hashBefore };
}

describe('hostile text, numbers and names through the command line', () => {
  let r: Outcome;
  beforeAll(async () => {
    r = await appraiseFile('hostile', hostileSheets());
  });

  test('runs (exit 0) and leaves the input file byte-for-byte unchanged', () => {
    expect(r.run.stderr).toBe('');
    expect(r.run.code).toBe(0);
    expect(sha256(r.input)).toBe(r.hashBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every hostile unit is in the report with its own scores', () => {
    expect(NAMES).toContain("=cmd|'/Ccalc'!A0");
    for (const u of NAMES) expect(r.report.units.some((x) => x.unit === u)).toBe(true);
    const unit = (name: string) => r.report.units.find((x) => x.unit === name)!;
    // Discipline rows: 0 and 1 are DDE and '=1+1' (其他, −1 each); __proto__ also has the 32 000-character one.
    expect(unit("=cmd|'/Ccalc'!A0").scores.discipline).toBe(19);
    expect(unit('__proto__').scores.discipline).toBe(19);
    expect(unit('constructor').scores.discipline).toBe(20);
    // Tasks: odd rows are done; '=1+1' as a status is not.
    expect(unit('=1+1')).toMatchObject({ tasks: 1, tasksDone: 1 });
    expect(unit('@SUM(A1)')).toMatchObject({ tasks: 1, tasksDone: 0 });
    expect(unit('hasOwnProperty').scores.activities).toBe(25);
    expect(unit('hasOwnProperty').scores.study).toBe(25);
  });

  test('the generated sheets hold no formula, in exceljs and in the raw XML', async () => {
    const xml = await readXlsxXml(readFileSync(r.out));
    for (const name of GENERATED) {
      expect(xml.sheets.has(name)).toBe(true);
      expect(countFormulas(xml.sheets.get(name)!)).toBe(0);
      expect(formulaCells(r.after.getWorksheet(name)!)).toEqual([]);
    }
  });

  test('hostile text appears literally as text', () => {
    const summary = stringValues(r.after.getWorksheet('考核汇总')!);
    const persons = stringValues(r.after.getWorksheet('人员考核明细')!);
    const issues = stringValues(r.after.getWorksheet('校验问题')!).join('\n');
    for (const u of NAMES) expect(summary).toContain(u);
    for (const u of NAMES) expect(persons).toContain(u);
    expect(issues).toContain(FORMULA_LIKE[0]);
    expect(issues).toContain(HTML[1]);
  });

  test('no cell exceeds the Excel limit of 32 767 characters', () => {
    for (const name of GENERATED) {
      const long = stringValues(r.after.getWorksheet(name)!).filter((s) => s.length > EXCEL_CELL_MAX);
      expect(long.map((s) => s.length)).toEqual([]);
    }
  });

  test('numbers written are finite', () => {
    for (const name of GENERATED) {
      r.after.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
        }),
      );
    }
  });

  test('source sheets are unchanged, cell by cell', () => {
    for (const ws of r.before.worksheets) {
      const after = r.after.getWorksheet(ws.name);
      expect(after).toBeDefined();
      expect(cellMap(after!)).toEqual(cellMap(ws));
    }
  });
});

describe("the user's own sheets named like generated ones", () => {
  const own: SheetSpec[] = [
    { name: '考核汇总', rows: [['我的汇总', 1, 2], ['=1+1', new Date(Date.UTC(2022, 0, 1)), true]] },
    { name: '人员考核明细', rows: [['姓名', '备注'], ['张三', '自己整理的明细']] },
    { name: '校验问题', rows: [['我记下的问题'], [null, '第二列']] },
    { name: '考核汇总(2)', rows: [['这也是我的']] },
  ];
  let r: Outcome;
  beforeAll(async () => {
    r = await appraiseFile('own-sheets', [...hostileSheets().slice(0, 2), ...own]);
  });

  test('survive with equal cell values; the outputs go to free names', () => {
    expect(r.run.code).toBe(0);
    for (const spec of own) expect(cellMap(r.after.getWorksheet(spec.name)!)).toEqual(cellMap(r.before.getWorksheet(spec.name)!));
    const names = r.after.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['考核汇总(3)', '人员考核明细(2)', '校验问题(2)']));
    expect(r.run.stdout).toContain('考核汇总(3)');
    expect(sha256(r.input)).toBe(r.hashBefore);
  });

  test('a second run on the result replaces its own sheets and still keeps the user\'s', async () => {
    const again = path.join(path.dirname(r.out), 'again.xlsx');
    const run = await runCli([r.out, '--out', again]);
    expect(run.code).toBe(0);
    const wb = await fromBytes(readFileSync(again));
    expect(wb.worksheets.map((w) => w.name).filter((n) => /^(考核汇总|人员考核明细|校验问题)/.test(n)).sort()).toEqual(
      ['人员考核明细', '人员考核明细(2)', '校验问题', '校验问题(2)', '考核汇总', '考核汇总(2)', '考核汇总(3)'].sort(),
    );
    for (const spec of own) expect(cellMap(wb.getWorksheet(spec.name)!)).toEqual(cellMap(r.before.getWorksheet(spec.name)!));
  });
});

describe('protected sheets', () => {
  test('a protected source sheet is still read, and stays protected in the result', async () => {
    const r = await appraiseFile('protected', hostileSheets().slice(0, 2), async (wb) => {
      await wb.getWorksheet('学习台账')!.protect('secret', { selectLockedCells: true });
    });
    expect(r.run.code).toBe(0);
    expect(r.report.persons.length).toBeGreaterThanOrEqual(UNITS.length);
    expect(r.report.units.find((u) => u.unit === '__proto__')!.scores.study).toBe(25);
    const xml = await readXlsxXml(readFileSync(r.out));
    expect(xml.sheets.get('学习台账')).toMatch(/<sheetProtection\b/);
    expect(cellMap(r.after.getWorksheet('学习台账')!)).toEqual(cellMap(r.before.getWorksheet('学习台账')!));
  });
});
