import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook } from '../src/adapters/exceljs/read';
import { defaultOutPath } from '../src/cli/main';
import type { Report } from '../src/engine/report';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, fromBytes, tinyLedgerWorkbook, toBytes } from './support/workbook-builder';
import { countFormulas, readXlsxXml } from './support/xlsx-xml';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');
const tmp = useTempDir('appraise-cli-');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const ONE_ERROR_LINE = /^错误：[^\n]+ \/ Error: [^\n]+\n$/;

function copyFixture(name: string): string {
  const dir = path.join(tmp(), name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '2022年度考核台账.xlsx');
  copyFileSync(FIXTURE, file);
  return file;
}

async function expectRefused(argv: string[], mention: string): Promise<void> {
  const run = await runCli(argv);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(ONE_ERROR_LINE);
  expect(run.stderr).toContain(mention);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
}

describe('a successful run on the fixture', () => {
  let input: string;
  let out: string;
  let json: string;
  let hashBefore: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    input = copyFixture('ok');
    out = path.join(tmp(), 'ok', '结果.xlsx');
    json = path.join(tmp(), 'ok', 'report.json');
    hashBefore = sha256(input);
    run = await runCli([input, '--out', out, '--json', json]);
  });

  test('exits 0 and prints the year and the nine-unit ranking', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('2022年度考核结果：9 个单位');
    const header = lines.findIndex((l) => l.startsWith('名次'));
    expect(lines[header]).toMatch(/^名次\s+单位\s+学习教育\s+组织生活\s+标准化建设\s+作风纪律\s+任务落实\s+总分\s+奖惩$/);
    const ranking = lines.slice(header + 1, header + 10);
    expect(ranking.every((l) => /^\s*\d+\s/.test(l))).toBe(true);
    expect(lines[header + 10]).toBe('');
    expect(ranking[0]).toMatch(/^\s+1\s+局办公室\s+25\.00\s+25\.00\s+16\.86\s+20\.00\s+10\.00\s+96\.86\s+表彰$/);
    expect(ranking[8]).toMatch(/^\s+9\s+工伤保险所\s.*74\.66\s+一票否决$/);
    expect(run.stdout).toMatch(/校验问题：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条/);
    expect(run.stdout).toContain(`结果工作簿：${out}`);
    expect(run.stdout).toContain(`JSON 报告：${json}`);
  });

  test('the JSON report holds the engine report', () => {
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.year).toBe(2022);
    expect(report.units).toHaveLength(9);
    const office = report.units.find((u) => u.unit === '局办公室');
    expect(office).toMatchObject({ total: 96.86, rank: 1, outcome: '表彰', veto: false });
    expect(report.units.find((u) => u.unit === '工伤保险所')).toMatchObject({ veto: true, outcome: '一票否决' });
    expect(readFileSync(json, 'utf8')).toContain('\n  "year": 2022');
  });

  test('the input file is byte-for-byte unchanged', () => {
    expect(sha256(input)).toBe(hashBefore);
  });

  test('the output has the source sheets unchanged plus the three generated sheets, without formulas', async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(input);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(out);
    const names = source.worksheets.map((w) => w.name);
    expect(result.worksheets.map((w) => w.name)).toEqual([...names, '考核汇总', '人员考核明细', '校验问题', '评分依据']);
    const before = readWorkbook(source).sheets;
    const after = readWorkbook(result).sheets;
    for (const sheet of before) expect(after.find((s) => s.name === sheet.name)).toEqual(sheet);
    const summary = result.getWorksheet('考核汇总')!;
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const xml = await readXlsxXml(readFileSync(out));
    for (const name of ['考核汇总', '人员考核明细', '校验问题']) expect(countFormulas(xml.sheets.get(name)!)).toBe(0);
  });

  test('running again on the result replaces the generated sheets instead of adding more', async () => {
    const second = path.join(tmp(), 'ok', '结果2.xlsx');
    const again = await runCli([out, '--out', second]);
    expect(again.code).toBe(0);
    const first = await fromBytes(readFileSync(out));
    const wb = await fromBytes(readFileSync(second));
    expect(wb.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    expect(again.stdout).not.toContain('注意');
  });
});

describe('paths', () => {
  test('without --out the result goes next to the input as <name>-考核结果.xlsx', async () => {
    const input = copyFixture('default-out');
    const run = await runCli([input]);
    expect(run.code).toBe(0);
    const expected = path.join(path.dirname(input), '2022年度考核台账-考核结果.xlsx');
    expect(defaultOutPath(input)).toBe(expected);
    expect(existsSync(expected)).toBe(true);
    expect(run.stdout).toContain(`结果工作簿：${expected}`);
  });

  test('relative paths are resolved against the working folder', async () => {
    const input = copyFixture('relative');
    const run = await runCli(['2022年度考核台账.xlsx', '--out', 'sub/r.xlsx', '--year', '2022'], { cwd: path.dirname(input) });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(path.dirname(input), 'sub', 'r.xlsx'))).toBe(true);
  });

  test("a user's own 考核汇总 is kept and the summary says where the output went", async () => {
    const wb = tinyLedgerWorkbook();
    wb.addWorksheet('考核汇总').getCell('A1').value = '我自己做的汇总';
    const input = path.join(tmp(), 'own-summary.xlsx');
    writeFileSync(input, await toBytes(wb));
    const out = path.join(tmp(), 'own-summary-out.xlsx');
    const run = await runCli([input, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('“考核汇总”');
    expect(run.stdout).toContain('“考核汇总(2)”');
    const result = await fromBytes(readFileSync(out));
    expect(result.getWorksheet('考核汇总')!.getCell('A1').value).toBe('我自己做的汇总');
    expect(result.getWorksheet('考核汇总(2)')).toBeDefined();
  });

  test('progress goes to stderr only on a terminal, never to stdout', async () => {
    const input = copyFixture('tty');
    const quiet = await runCli([input, '--out', path.join(tmp(), 'tty', 'a.xlsx')]);
    expect(quiet.stderr).toBe('');
    const tty = await runCli([input, '--out', path.join(tmp(), 'tty', 'b.xlsx')], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('正在处理');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(tty.stdout).toBe(quiet.stdout.replace(path.join('tty', 'a.xlsx'), path.join('tty', 'b.xlsx')));
  });
});

describe('refusals: exit 2 with one bilingual line', () => {
  test('missing file', async () => {
    await expectRefused([path.join(tmp(), 'nope.xlsx')], 'nope.xlsx');
  });

  test('a folder', async () => {
    const dir = path.join(tmp(), 'folder.xlsx');
    mkdirSync(dir, { recursive: true });
    await expectRefused([dir], '文件夹');
  });

  test('not .xlsx by extension', async () => {
    const file = path.join(tmp(), 'ledger.xls');
    copyFileSync(FIXTURE, file);
    await expectRefused([file], '.xlsx');
  });

  test('an .xlsx that is not a zip', async () => {
    const file = path.join(tmp(), 'text.xlsx');
    writeFileSync(file, '单位,姓名\n局办公室,张三\n');
    await expectRefused([file], 'not .xlsx');
  });

  /** A compound-file header and a directory sector naming the given streams (UTF-16LE). */
  function compoundFile(streams: string[]): Buffer {
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    streams.forEach((name, i) => bytes.write(name, 1024 + i * 128, 'utf16le'));
    return bytes;
  }

  // Until the reader told them apart, both compound-file cases got one message about ".xls or password".
  test('an old .xls renamed to .xlsx', async () => {
    const file = path.join(tmp(), 'ole.xlsx');
    writeFileSync(file, compoundFile(['Root Entry', 'Workbook']));
    await expectRefused([file], '旧版 .xls/.et 格式');
  });

  test('a password-protected (encrypted) .xlsx', async () => {
    const file = path.join(tmp(), 'encrypted.xlsx');
    writeFileSync(file, compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    await expectRefused([file], '文件已加密，请在 Excel 或 WPS 中取消密码后另存为 .xlsx');
  });

  test('an OpenDocument spreadsheet renamed to .xlsx', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    const file = path.join(tmp(), 'sheet.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefused([file], 'OpenDocument');
  });

  test('an HTML page saved as .xlsx', async () => {
    const file = path.join(tmp(), 'export.xlsx');
    writeFileSync(file, '<html><head><meta charset="utf-8"></head><body><table><tr><td>单位</td></tr></table></body></html>');
    await expectRefused([file], '另存为 .xlsx');
  });

  test('a truncated zip', async () => {
    const file = path.join(tmp(), 'truncated.xlsx');
    const bytes = readFileSync(FIXTURE);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused([file], '文件已损坏或不完整');
  });

  test('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const file = path.join(tmp(), 'plain.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefused([file], 'plain.xlsx');
  });

  test('a workbook without ledgers (NO_APPRAISAL_SHEETS)', async () => {
    const file = path.join(tmp(), 'no-ledgers.xlsx');
    writeFileSync(file, await toBytes(buildWorkbook([{ name: '说明', rows: [['本工作簿由各单位报送。']] }])));
    await expectRefused([file], 'NO_APPRAISAL_SHEETS');
    expect(existsSync(defaultOutPath(file))).toBe(false);
  });

  test('--out equal to the input, directly, relatively or through a symlink', async () => {
    const input = copyFixture('same');
    const hash = sha256(input);
    await expectRefused([input, '--out', input], '--out');
    const run = await runCli(['2022年度考核台账.xlsx', '--out', './2022年度考核台账.xlsx'], { cwd: path.dirname(input) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(ONE_ERROR_LINE);
    const link = path.join(path.dirname(input), 'link.xlsx');
    symlinkSync(input, link);
    await expectRefused([input, '--out', link], '--out');
    await expectRefused([input, '--json', input], '--json');
    expect(sha256(input)).toBe(hash);
  });

  test('--out that is not .xlsx', async () => {
    await expectRefused([copyFixture('bad-out'), '--out', path.join(tmp(), 'r.csv')], '--out');
  });

  test.each([
    [['--year', '22'], '--year'],
    [['--year', 'abcd'], '--year'],
    [['--colour'], '--colour'],
  ])('bad arguments %j', async (extra, mention) => {
    await expectRefused([FIXTURE, ...extra], mention);
  });

  test('no input', async () => {
    await expectRefused([], '--help');
  });

  test('--help prints usage mentioning the default output name and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-考核结果.xlsx');
    expect(run.stdout).toContain('--year');
  });
});
