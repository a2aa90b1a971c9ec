/**
 * Many workbooks in, one appraisal out (issue 15): the demo sample split into one workbook per unit
 * plus a 机关党委 workbook gives what the same data gives in one workbook.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { appraise } from '../src/engine';
import type { Report } from '../src/engine/report';
import { generateSampleWorkbook, DEMO_SAMPLE } from '../src/sample/generate';
import { readXlsx } from '../src/xlsx';
import { runCli } from './support/cli-io';
import { splitByUnit, type SplitFile } from '../src/sample/split-by-unit';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, toBytes, type SheetSpec } from './support/workbook-builder';

jest.setTimeout(120_000);
const tmp = useTempDir('appraise-many-');

async function writeFiles(dir: string, files: SplitFile[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), await toBytes(buildWorkbook(f.sheets as SheetSpec[])));
}

describe('a folder of units’ files and a 机关党委 file', () => {
  let whole: Report;
  let merged: Report;
  let stdout: string;
  let stderr: string;
  let files: SplitFile[];

  beforeAll(async () => {
    const bytes = new Uint8Array(await generateSampleWorkbook(DEMO_SAMPLE).xlsx.writeBuffer());
    const grids = readXlsx(bytes).grids;
    whole = appraise(grids).report;
    files = splitByUnit(grids);
    const dir = path.join(tmp(), '2022年各单位报送');
    await writeFiles(dir, files);
    // What a real folder also holds: Excel's lock file, a result of an earlier run, a note, a broken file.
    writeFileSync(path.join(dir, '~$局办公室-2022年党建台账.xlsx'), 'lock');
    writeFileSync(path.join(dir, '说明.txt'), '各单位于 12 月 31 日前报送');
    writeFileSync(path.join(dir, '坏文件.xlsx'), bytes.subarray(0, 2000));
    writeFileSync(path.join(dir, '旧格式.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(path.join(dir, '通讯录.xlsx'), await toBytes(buildWorkbook([{ name: '通讯录', rows: [['序号', '联系人', '电话'], [1, '张三', '123']] }])));
    const json = path.join(tmp(), 'r.json');
    const run = await runCli([dir, '--out', path.join(tmp(), '2022年度考核结果.xlsx'), '--json', json]);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    stderr = run.stderr;
    merged = JSON.parse(readFileSync(json, 'utf8')) as Report;
  });

  test('the split is real: unit files name their unit by a 填报单位 line or by the file name alone', () => {
    const unitFiles = files.filter((f) => !f.name.startsWith('机关党委'));
    // Every unit but 职业能力建股, a typo found only in the inspection records (UNKNOWN_UNIT).
    expect(unitFiles.length).toBe(whole.units.length - 1);
    const byName = unitFiles.filter((f) => !f.sheets.some((s) => String(s.rows[0]?.[0] ?? '').startsWith('填报单位')));
    expect(byName.length).toBeGreaterThanOrEqual(2);
    expect(unitFiles.every((f) => f.sheets.every((s) => !s.rows.some((r) => r.includes('单位') || r.includes('支部'))))).toBe(true);
  });

  test('the same units, scores, totals, ranks, outcomes and vetoes as one workbook', () => {
    const key = (r: Report) => Object.fromEntries(r.units.map((u) => [u.unit, { scores: u.scores, total: u.total, rank: u.rank, outcome: u.outcome, veto: u.veto }]));
    expect(key(merged)).toEqual(key(whole));
    expect(merged.excellentQuota).toBe(whole.excellentQuota);
  });

  test('the same persons, and every issue from a ledger names its file', () => {
    const persons = (r: Report) => r.persons.map((p) => `${p.unit}|${p.name}|${p.noteChars}|${p.passed}|${p.eligibleExcellent}`).sort();
    expect(persons(merged)).toEqual(persons(whole));
    const withSheet = merged.issues.filter((i) => i.sheet !== '');
    expect(withSheet.length).toBeGreaterThan(0);
    // Named relative to the result's folder, as its links are.
    expect(withSheet.filter((i) => !files.some((f) => i.file === `2022年各单位报送/${f.name}`))).toEqual([]);
  });

  test('校验问题 names each issue’s file; the result workbook holds the generated sheets only', () => {
    const result = readXlsx(new Uint8Array(readFileSync(path.join(tmp(), '2022年度考核结果.xlsx')))).grids;
    expect(result.sheets.map((s) => s.name)).toEqual(['考核汇总', '人员考核明细', '校验问题', '评分依据']);
    const issues = result.sheets.find((s) => s.name === '校验问题')!.values;
    const header = issues.findIndex((r) => r?.[0] === '序号');
    expect(issues[header]!.slice(0, 4)).toEqual(['序号', '级别', '文件', '工作表']);
    const first = merged.issues[0]!;
    expect(issues[header + 1]!.slice(2, 4)).toEqual([first.file, first.sheet]);
  });

  test('each issue’s 位置 links to its cell in its own file, relative to the result’s folder', () => {
    const parts = unzipSync(readFileSync(path.join(tmp(), '2022年度考核结果.xlsx')));
    const text = (name: string) => strFromU8(parts[name]!);
    // The 校验问题 part, through the workbook's relationships.
    const rid = /<sheet name="校验问题"[^>]*r:id="([^"]+)"/.exec(text('xl/workbook.xml'))![1]!;
    const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))![1]!}`;
    const rels = part.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    const targets = new Map([...text(rels).matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"[^>]*TargetMode="External"/g)].map((m) => [m[1]!, decodeURI(m[2]!)]));
    const sheetXml = text(part);
    const links = [...sheetXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" r:id="([^"]+)" location="([^"]+)"\/>/g)];
    const linked = merged.issues.filter((i) => i.sheet !== '' && i.cell !== '');
    expect(links).toHaveLength(linked.length);
    // The first linked issue: its row's 位置 cell (E) leads to its file and cell.
    const row = 4 + merged.issues.indexOf(linked[0]!);
    const link = links.find((l) => l[1] === `E${row}`)!;
    expect(targets.get(link[2]!)).toBe(linked[0]!.file);
    expect(link[3]!.replace(/&apos;/g, "'")).toBe(`'${linked[0]!.sheet}'!${linked[0]!.cell}`);
    expect(new Set(targets.values()).size).toBe(targets.size);
  });

  test('no link in any result sheet leads to a sheet the result workbook does not have', () => {
    const parts = unzipSync(readFileSync(path.join(tmp(), '2022年度考核结果.xlsx')));
    const text = (name: string) => strFromU8(parts[name]!);
    const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]!);
    let internal = 0;
    let external = 0;
    for (const part of Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      for (const m of text(part).matchAll(/<hyperlink ref="[A-Z]+\d+"( r:id="[^"]+")? location="'((?:[^']|&apos;)+)'!/g)) {
        if (m[1]) external++;
        else {
          internal++;
          expect(names).toContain(m[2]!.replace(/&apos;/g, "'"));
        }
      }
    }
    // Every link into the ledgers goes to the units' files: there are none in the result itself.
    expect(internal).toBe(0);
    expect(external).toBeGreaterThan(merged.persons.length);
  });

  test('unusable files are reported one line each and skipped; the lock file and the note are not even tried', () => {
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual([
      expect.stringContaining('跳过「2022年各单位报送/坏文件.xlsx」：文件已损坏或不完整'),
      expect.stringMatching(/跳过「2022年各单位报送\/旧格式\.xls」：.*另存为 \.xlsx/),
    ]);
    expect(stdout).toContain('「2022年各单位报送/通讯录.xlsx」：没有可识别的台账，已跳过');
    expect(stdout).toMatch(/「2022年各单位报送\/机关党委-2022年度考核台账\.xlsx」：台账 3 张/);
    expect(stdout).not.toContain('~$');
    expect(stdout + stderr).not.toContain('说明.txt');
  });
});

test('a unit’s own workbook alone is a self-check', async () => {
  const bytes = new Uint8Array(await generateSampleWorkbook(DEMO_SAMPLE).xlsx.writeBuffer());
  const unitFile = splitByUnit(readXlsx(bytes).grids)[0]!;
  const file = path.join(tmp(), unitFile.name);
  await writeFiles(tmp(), [unitFile]);
  const json = path.join(tmp(), 'self.json');
  const run = await runCli([file, '--json', json]);
  expect(run.code).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect(report.selfCheck).toBe(true);
  expect(report.units).toHaveLength(1);
  expect(report.units[0]!.outcome).toBe('');
  expect(report.excellentQuota).toBe(0);
  const out = readXlsx(new Uint8Array(readFileSync(path.join(tmp(), unitFile.name.replace('.xlsx', '-考核结果.xlsx'))))).grids;
  const summary = out.sheets.find((s) => s.name === '考核汇总')!;
  expect(summary.name).toBe('考核汇总');
  expect(summary.values[0]![0]).toBe('2022年度党建和党风廉政建设考核汇总（单位自查）');
  expect(String(summary.values[1]![0])).toContain('单位自查：台账中只有');
  const row = summary.values.find((r) => r?.[1] === report.units[0]!.unit)!;
  expect([row[0] ?? null, row[8] ?? null]).toEqual([null, null]);
});
