/**
 * Issue 14: why each unit got its score. The 评分依据 sheet and `explain` carry the very numbers of
 * `scores`; every discipline row appears once in its unit's block with a working link; every unit below
 * full marks has a 备注; the run record's fingerprint is the same through the command line and Excel.
 */
import { nodeSha256 } from '../src/cli/node-sha256';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { runAppraisalInExcel } from '../src/adapters/office';
import { appraise, shownTime, type Report, type SheetGrid } from '../src/engine';
import { roundHalfAwayFromZero } from '../src/engine/score/round';
import { generateSampleWorkbook, DEMO_SAMPLE } from '../src/sample/generate';
import { readXlsx } from '../src/xlsx';
import { installExcelStandIn, loadXlsxBuffer, uninstallExcelStandIn } from './excel-standin';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import { toBytes } from './support/workbook-builder';
import { version } from '../package.json';
import { readXlsxXml } from './support/xlsx-xml';

jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');
const REAL_LAYOUT = path.join(__dirname, 'fixtures', 'real-layout-2022.xlsx');
const tmp = useTempDir('appraise-explain-');
const PARTS = ['study', 'activities', 'standardization', 'discipline', 'tasks'] as const;
const PART_NAMES = { study: '学习教育', activities: '组织生活', standardization: '标准化建设', discipline: '作风纪律', tasks: '任务落实' } as const;

interface Run {
  report: Report;
  result: Uint8Array;
}

async function cli(input: string, name: string, extra: string[] = []): Promise<Run> {
  const out = path.join(tmp(), `${name}.xlsx`);
  const json = path.join(tmp(), `${name}.json`);
  const run = await runCli([input, '--out', out, '--json', json, ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { report: JSON.parse(readFileSync(json, 'utf8')) as Report, result: new Uint8Array(readFileSync(out)) };
}

function sheet(data: Uint8Array, name: string): SheetGrid {
  const found = readXlsx(data).grids.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** `A1` → [row, col], 0-based. */
function cellIndex(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

function valueAt(grid: SheetGrid, a1: string): unknown {
  const [r, c] = cellIndex(a1);
  return grid.values[r - (grid.originRow ?? 0)]?.[c - (grid.originCol ?? 0)];
}

/** Hyperlinks of a sheet in the written file: cell → location (`'学习台账'!E5`). */
async function linksOf(data: Uint8Array, name: string): Promise<Map<string, string>> {
  const xml = (await readXlsxXml(data)).sheets.get(name)!;
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"\/>/g)) out.set(m[1]!, m[2]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  return out;
}

async function demoWorkbook(): Promise<string> {
  const file = path.join(tmp(), 'demo-ledgers.xlsx');
  writeFileSync(file, await toBytes(generateSampleWorkbook({ ...DEMO_SAMPLE, rulesSheet: true })));
  return file;
}

describe.each([
  ['the fixture', () => Promise.resolve(FIXTURE)],
  ['the real-layout workbook', () => Promise.resolve(REAL_LAYOUT)],
  ['the demo workbook (generated as SPEC.md describes, with a 考核规则 sheet)', demoWorkbook],
])('评分依据 on %s', (label, input) => {
  let run: Run;
  let file: string;
  beforeAll(async () => {
    file = await input();
    run = await cli(file, label.replace(/\W+/g, '-') || 'run');
  });

  test('explain carries the very part scores, and they sum to the total', () => {
    expect(run.report.units.length).toBeGreaterThanOrEqual(3);
    for (const u of run.report.units) {
      for (const part of PARTS) expect(u.explain[part].points).toBe(u.scores[part]);
      const sum = PARTS.reduce((s, p) => s + u.explain[p].points, 0);
      expect(roundHalfAwayFromZero(sum)).toBe(u.total);
    }
  });

  test('the sheet shows each unit’s five part points equal to the JSON scores (1e-9) and its total', () => {
    const grid = sheet(run.result, '评分依据');
    const rows = grid.values.slice(3);
    for (const u of run.report.units) {
      const block = rows.filter((r) => text(r[1]) === u.unit && r[0] === u.rank);
      expect(block.find((r) => r[2] === '总分')?.[4]).toBe(u.total);
      for (const part of PARTS) {
        const line = block.filter((r) => r[2] === PART_NAMES[part]);
        expect(line).toHaveLength(1);
        expect(Math.abs(Number(line[0]![4]) - u.scores[part])).toBeLessThan(1e-9);
      }
    }
  });

  test('every discipline row appears once in its unit’s block, linked to the cell that holds its 问题类型', async () => {
    const grid = sheet(run.result, '评分依据');
    const links = await linksOf(run.result, '评分依据');
    const source = readXlsx(new Uint8Array(readFileSync(file))).grids.sheets;
    let checked = 0;
    for (const u of run.report.units) {
      const rows = grid.values
        .map((r, i) => ({ r, at: `F${i + 1 + (grid.originRow ?? 0)}` }))
        .filter(({ r }) => text(r[1]) === u.unit && text(r[2]) === '' && /：(.+ −[\d.]+ 分|一票否决)$/.test(text(r[3])));
      expect(rows).toHaveLength(u.violations);
      const targets = new Set<string>();
      for (const { r, at } of rows) {
        const location = links.get(at);
        expect(location).toBeDefined();
        expect(targets.has(location!)).toBe(false);
        targets.add(location!);
        const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(location!)!;
        const target = source.find((s) => s.name === m[1]!.replace(/''/g, "'"))!;
        expect(target).toBeDefined();
        // The linked cell holds the 问题类型 the line quotes.
        expect(text(r[3])).toContain(`“${text(valueAt(target, m[2]!)).trim()}”`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('every unit below full marks has a 备注 in 考核汇总', () => {
    const grid = sheet(run.result, '考核汇总');
    const remarks = new Map(grid.values.slice(3).map((r) => [text(r[1]), text(r[13])]));
    const below = run.report.units.filter((u) => u.total < 100);
    expect(below.length).toBeGreaterThan(0);
    for (const u of below) expect(remarks.get(u.unit)).not.toBe('');
  });

  test('the run record closes the sheet: year and its source, every rule with its source, fingerprint, version, time', () => {
    const grid = sheet(run.result, '评分依据');
    const record = grid.values.filter((r) => r[1] === '运行记录').map((r) => [text(r[2]), text(r[3])]);
    const run0 = run.report.run;
    expect(record.find((r) => r[0] === '考核年度')?.[1]).toMatch(new RegExp(`^${run.report.year}（`));
    for (const p of run0.parameters.filter((x) => x.name !== '考核年度')) expect(record.some((r) => r[0] === p.name)).toBe(true);
    expect(record.find((r) => r[0] === '数据指纹')?.[1]).toContain(run0.fingerprint);
    expect(run0.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(record.find((r) => r[0] === '加载项版本')?.[1]).toBe(version);
    expect(record.at(-1)).toEqual(['运行时间', shownTime(run0.time)]);
    expect(run0.sheets.reduce((n, s) => n + s.rows, 0)).toBeGreaterThan(0);
  });
});

test('the demo’s 考核规则 values are recorded with their cells', async () => {
  const { report } = await cli(await demoWorkbook(), 'demo-rules');
  const fromSheet = report.run.parameters.filter((p) => p.source.from === 'rules');
  expect(fromSheet.length).toBeGreaterThan(0);
  for (const p of fromSheet) expect(p.source).toMatchObject({ sheet: '考核规则', cell: expect.stringMatching(/^[A-Z]+\d+$/) });
  expect(report.run.parameters.find((p) => p.name === '笔记字数下限')?.source.from).toBeDefined();
});

test('--year is recorded as the year’s source', async () => {
  const { report } = await cli(FIXTURE, 'year-option', ['--year', '2022']);
  expect(report.run.yearSource).toEqual({ from: 'option' });
  const guessed = appraise(readXlsx(new Uint8Array(readFileSync(FIXTURE))).grids).report.run;
  expect(guessed.yearSource).toEqual({ from: 'dates' });
});

describe('the fingerprint of the ledger data', () => {
  afterEach(() => uninstallExcelStandIn(globalThis));

  test('is the same through the command line and through Office.js (the stand-in), and with other file bytes', async () => {
    const { report } = await cli(FIXTURE, 'fp-cli');
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    installExcelStandIn(globalThis, await loadXlsxBuffer(bytes));
    const office = await runAppraisalInExcel({});
    expect(office.report.run.fingerprint).toBe(report.run.fingerprint);
    // Saved again by another writer: other bytes, same ledgers, same fingerprint.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const resaved = path.join(tmp(), 'resaved.xlsx');
    await wb.xlsx.writeFile(resaved);
    expect(readFileSync(resaved).equals(Buffer.from(bytes))).toBe(false);
    expect((await cli(resaved, 'fp-resaved')).report.run.fingerprint).toBe(report.run.fingerprint);
  });

  test('changes when one ledger value changes', async () => {
    const { report } = await cli(FIXTURE, 'fp-before');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const study = report.sheets.find((s) => s.kind === 'study')!;
    const ws = wb.getWorksheet(study.sheet)!;
    const col = study.columns['笔记字数']!.column;
    const cell = ws.getCell(`${col}${study.headerRow + 1}`);
    cell.value = Number(cell.value) + 1;
    const changed = path.join(tmp(), 'changed.xlsx');
    await wb.xlsx.writeFile(changed);
    const after = (await cli(changed, 'fp-after')).report.run.fingerprint;
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(report.run.fingerprint);
  });
});

test('two command-line runs on one file give byte-identical 评分依据 XML apart from the time cell', async () => {
  const first = await cli(FIXTURE, 'twice-1');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await cli(FIXTURE, 'twice-2');
  const t1 = shownTime(first.report.run.time);
  const t2 = shownTime(second.report.run.time);
  expect(t1).not.toBe(t2);
  const x1 = (await readXlsxXml(first.result)).sheets.get('评分依据')!;
  const x2 = (await readXlsxXml(second.result)).sheets.get('评分依据')!;
  expect(x1.split(t1)).toHaveLength(2);
  expect(x1.replace(t1, '<time>')).toBe(x2.replace(t2, '<time>'));
});

test('Node’s SHA-256, which the command line passes, gives the engine’s own fingerprint', () => {
  const grids = readXlsx(new Uint8Array(readFileSync(FIXTURE))).grids;
  const time = new Date(Date.UTC(2023, 0, 5));
  const own = appraise(grids, { time }).report.run.fingerprint;
  expect(appraise(grids, { time, sha256: nodeSha256 }).report.run.fingerprint).toBe(own);
  expect(own).toMatch(/^[0-9a-f]{64}$/);
});
