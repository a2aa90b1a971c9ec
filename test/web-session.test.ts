/**
 * The web page's host (issue 16): the files a clerk chooses in the browser give the command line's result,
 * cell for cell, and the parts of her workbook the result does not touch are her bytes, unchanged.
 * The browser test (test/e2e/web.mjs) does the same through the real page, upload and download.
 */
import { copyFileSync, readFileSync, readdirSync } from 'fs';
import path from 'path';
import { FilesSession } from '../src/adapters/files/session';
import type { Report } from '../src/engine/report';
import { readXlsx } from '../src/xlsx';
import { ZipArchive } from '../src/xlsx/zip';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, toBytes } from './support/workbook-builder';

jest.setTimeout(60_000);
const tmp = useTempDir('web-session-');

const FIXTURES = path.join(__dirname, 'fixtures');
const COMPARED = ['考核汇总', '人员考核明细', '校验问题'];

function sheetValues(bytes: Uint8Array): Map<string, unknown[][]> {
  return new Map(readXlsx(bytes).grids.sheets.map((s) => [s.name, s.values]));
}

/** The parts a splice rewrites; every other part must be copied as it was. */
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

describe('one workbook in the page, as on the command line', () => {
  const input = path.join(FIXTURES, 'example-2022.xlsx');
  const bytes = new Uint8Array(readFileSync(input));
  let page: ReturnType<FilesSession['run']>;
  let cli: Uint8Array;
  let cliReport: Report;

  beforeAll(async () => {
    const session = new FilesSession({ version: 'test' });
    const summaries = session.add([{ name: 'example-2022.xlsx', bytes }]);
    expect(summaries).toEqual([{ name: 'example-2022.xlsx', sheets: readXlsx(bytes).grids.sheets.length }]);
    page = session.run(undefined);
    const dir = tmp();
    copyFileSync(input, path.join(dir, 'example-2022.xlsx'));
    const run = await runCli([path.join(dir, 'example-2022.xlsx'), '--out', path.join(dir, 'r.xlsx'), '--json', path.join(dir, 'r.json')]);
    expect(run.code).toBe(0);
    cli = new Uint8Array(readFileSync(path.join(dir, 'r.xlsx')));
    cliReport = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as Report;
  });

  test('the result is named after the input and holds its sheets plus the four results', () => {
    expect(page.workbook?.name).toBe('example-2022-考核结果.xlsx');
    const names = [...sheetValues(page.workbook!.bytes).keys()];
    expect(names).toEqual([...readXlsx(bytes).grids.sheets.map((s) => s.name), '考核汇总', '人员考核明细', '校验问题', '评分依据']);
  });

  test.each(COMPARED)('%s equals the command line’s, cell by cell', (sheet) => {
    const mine = sheetValues(page.workbook!.bytes).get(sheet);
    const theirs = sheetValues(cli).get(sheet);
    expect(theirs).toBeDefined();
    expect(mine).toEqual(theirs);
  });

  test('the report is the command line’s (units, scores, issues), and the JSON download is that report', () => {
    const strip = (r: Report) => ({ units: r.units, issues: r.issues, persons: r.persons, sheets: r.sheets });
    expect(strip(page.report)).toEqual(strip(cliReport));
    const json = JSON.parse(new TextDecoder().decode(page.json)) as Report;
    expect(json.units).toEqual(cliReport.units);
    expect(json.units.length).toBeGreaterThan(5);
  });

  test('every part the splice does not edit is the input’s, byte for byte (compressed bytes and CRC)', () => {
    const before = new ZipArchive(bytes);
    const after = new ZipArchive(page.workbook!.bytes);
    const afterByName = new Map(after.entries.map((e) => [e.name, e]));
    let compared = 0;
    for (const entry of before.entries) {
      if (EDITED.has(entry.name)) continue;
      const out = afterByName.get(entry.name);
      expect(out).toBeDefined();
      expect(out!.crc).toBe(entry.crc);
      expect(Buffer.from(after.rawData(out!)).equals(Buffer.from(before.rawData(entry)))).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(before.entries.length - EDITED.size);
  });

  test('an issue’s row preview shows the header and the row, with the issue’s column marked', () => {
    const session = new FilesSession();
    session.add([{ name: 'example-2022.xlsx', bytes }]);
    const report = session.run(undefined).report;
    const issue = report.issues.find((i) => i.cell !== '' && i.sheet !== '')!;
    const preview = session.preview(issue.file, issue.sheet, issue.cell)!;
    expect(preview.sheet).toBe(issue.sheet);
    expect(`${preview.highlight}${preview.row}`).toBe(issue.cell);
    const grid = readXlsx(bytes).grids.sheets.find((s) => s.name === issue.sheet)!;
    const col = preview.columns.find((c) => c.letter === preview.highlight)!;
    const raw = grid.values[preview.row - 1 - (grid.originRow ?? 0)]?.[col.letter.charCodeAt(0) - 65 - (grid.originCol ?? 0)];
    expect(col.value).toBe(raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw));
    const sheetInfo = report.sheets.find((s) => s.sheet === issue.sheet)!;
    expect(preview.headerRow).toBe(sheetInfo.headerRow);
    expect(preview.columns.some((c) => c.header !== '')).toBe(true);
  });
});

describe('three units’ files in the page, as on the command line', () => {
  const dir = path.join(FIXTURES, 'units');
  const names = readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort();
  let page: ReturnType<FilesSession['run']>;
  let cli: Uint8Array;

  beforeAll(async () => {
    expect(names.length).toBe(3);
    const session = new FilesSession();
    session.add(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) })));
    page = session.run(undefined);
    // The result beside the inputs, so the file names in both reports are the bare names.
    const out = tmp();
    for (const n of names) copyFileSync(path.join(dir, n), path.join(out, n));
    const run = await runCli([...names.map((n) => path.join(out, n)), '--out', path.join(out, 'r.xlsx')]);
    expect(run.code).toBe(0);
    cli = new Uint8Array(readFileSync(path.join(out, 'r.xlsx')));
  });

  test('the result is a new workbook of the four result sheets, named for the year', () => {
    expect(page.workbook?.name).toBe(`${page.report.year}年度-考核结果.xlsx`);
    expect([...sheetValues(page.workbook!.bytes).keys()]).toEqual(['考核汇总', '人员考核明细', '校验问题', '评分依据']);
    expect(page.report.units.length).toBeGreaterThanOrEqual(2);
  });

  test.each(COMPARED)('%s equals the command line’s, cell by cell', (sheet) => {
    const mine = sheetValues(page.workbook!.bytes).get(sheet);
    expect(mine).toEqual(sheetValues(cli).get(sheet));
    expect(mine!.length).toBeGreaterThan(3);
  });
});

describe('bad files get a Chinese message and the session keeps working', () => {
  const good = new Uint8Array(readFileSync(path.join(FIXTURES, 'example-2022.xlsx')));

  test('not an .xlsx, a truncated .xlsx, an unrelated workbook', async () => {
    const session = new FilesSession();
    const unrelated = await toBytes(buildWorkbook([{ name: '通讯录', rows: [['序号', '联系人', '电话'], [1, '张三', '123']] }]));
    const summaries = session.add([
      { name: '说明.xlsx', bytes: new TextEncoder().encode('各单位于 12 月 31 日前报送') },
      { name: '截断.xlsx', bytes: good.subarray(0, 3000) },
    ]);
    expect(summaries.map((s) => s.name)).toEqual(['说明.xlsx', '截断.xlsx']);
    for (const s of summaries) {
      expect(s.problem).toMatch(/[\u4e00-\u9fff]/);
      expect(s.sheets).toBe(0);
    }
    expect(summaries[1]!.problem).toContain('截断.xlsx');
    // Nothing usable: the run says so instead of failing.
    expect(session.run(undefined).noLedgers).toBe(true);

    session.remove('说明.xlsx');
    session.remove('截断.xlsx');
    session.add([{ name: '通讯录.xlsx', bytes: unrelated }]);
    const none = session.run(undefined);
    expect(none.noLedgers).toBe(true);
    expect(none.workbook).toBeUndefined();
    expect(none.report.issues.some((i) => i.code === 'NO_APPRAISAL_SHEETS')).toBe(true);

    // And the next good file works.
    session.remove('通讯录.xlsx');
    session.add([{ name: 'example-2022.xlsx', bytes: good }]);
    const ok = session.run(undefined);
    expect(ok.noLedgers).toBe(false);
    expect(ok.workbook?.name).toBe('example-2022-考核结果.xlsx');
  });
});

describe('the page’s host, without a worker (the same requests handled in-process)', () => {
  test('a run’s report arrives in slices and is put back together exactly', async () => {
    const { createFilesHost } = await import('../src/web/files-host');
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'example-2022.xlsx')));
    const host = createFilesHost(null);
    expect(host.where()).toBe('page');
    const stages: string[] = [];
    const added = await host.add([{ name: 'example-2022.xlsx', bytes }]);
    expect(added[0]?.problem).toBeUndefined();
    const outcome = await host.run(2022, (stage) => stages.push(stage));
    const direct = new FilesSession();
    direct.add([{ name: 'example-2022.xlsx', bytes }]);
    const expected = direct.run(2022).report;
    expect(outcome.report.units).toEqual(expected.units);
    expect(outcome.report.persons).toEqual(expected.persons);
    expect(outcome.report.issues).toEqual(expected.issues);
    expect(outcome.report.persons.length).toBeGreaterThan(10);
    expect(stages).toContain('write');
    const preview = await host.preview('', outcome.report.issues.find((i) => i.cell !== '')!.sheet, 'A2');
    expect(preview?.row).toBe(2);
  });

  test('45 files are sent 20 at a time: every file listed once, the progress rising to 1 across the batches', async () => {
    const { createFilesHost } = await import('../src/web/files-host');
    const host = createFilesHost(null);
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'units', '局办公室-2022年党建台账.xlsx')));
    const files = Array.from({ length: 45 }, (_, i) => ({ name: `单位${String(i).padStart(2, '0')}.xlsx`, bytes }));
    const progress: number[] = [];
    const added = await host.add(files, (_stage, fraction) => progress.push(fraction));
    expect(added.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(added.every((f) => f.problem === undefined && f.sheets > 0)).toBe(true);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress[progress.length - 1]).toBeCloseTo(1, 5);
    // Past the first batch, the fractions are shares of the whole: 20 of 45 files done by then.
    expect(progress.some((f) => f > 20 / 45 && f < 40 / 45)).toBe(true);
  });
});
