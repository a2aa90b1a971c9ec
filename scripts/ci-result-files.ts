/**
 * `npx tsx scripts/ci-result-files.ts <dir>`: writes result workbooks that stress Excel's limits, for
 * .ci/run to check against the ECMA-376 schemas and Excel's stricter rules (../shared/ooxml):
 * - hostile-result.xlsx: ledger text of 32 000 characters, formula-like and markup-like text;
 * - hostile-rerun.xlsx: the command line run again on that result (replaced sheets, reused styles);
 * - rewrite-result.xlsx: the example workbook with constant and sheet-scoped defined names, in a
 *   package the splicer refuses, so exceljs rewrites it (the fallback writer);
 * - created-styles-result.xlsx: the same workbook without a styles part, which the splicer creates;
 * - prefixed-result.xlsx: the example with its workbook and styles parts under an `x:` prefix (WPS).
 * Prints the result files' paths, one a line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import { buildWorkbook, toBytes } from '../test/support/workbook-builder';

const LONG = `长${'字'.repeat(31_999)}`;
const LINES = Array.from({ length: 400 }, (_, i) => `第${i}行`).join('\n');
const TRICKY = ['=1+1', "=cmd|' /C calc'!A0", '@SUM(A1)', '<script>alert(1)</script>', '_x0041_', 'a\u0001b'];

const quiet = { stdout: { write: () => undefined }, stderr: { write: (s: string) => void process.stderr.write(s), isTTY: false } };

async function appraise(input: string, out: string): Promise<void> {
  const code = await main([input, '--out', out], quiet);
  if (code !== 0) throw new Error(`appraise ${input} exited with ${code}`);
  process.stdout.write(`${out}\n`);
}

async function run(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const hostile = path.join(dir, 'hostile.xlsx');
  const wb = buildWorkbook([
    {
      name: '学习台账',
      rows: [
        ['单位', '姓名', '职级', '笔记字数', '心得体会'],
        ['局办公室', '张三', '科员', 12_000, 4],
        ['局办公室', LONG, LONG, 'NaN', LONG],
        [LONG, LINES, LONG, LONG, LONG],
        ...TRICKY.map((t, i) => [t, TRICKY[(i + 1) % TRICKY.length]!, '科员', 10_000 + i, 3]),
      ],
    },
    { name: '督查记录', rows: [['单位', '姓名', '问题类型'], ['局办公室', '张三', LONG], [LONG, LONG, LINES], ...TRICKY.map((t) => [t, t, t])] },
  ]);
  writeFileSync(hostile, await toBytes(wb));
  const result = path.join(dir, 'hostile-result.xlsx');
  await appraise(hostile, result);
  await appraise(result, path.join(dir, 'hostile-rerun.xlsx'));

  const zip = await JSZip.loadAsync(readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'example-2022.xlsx')));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  zip.file(
    'xl/workbook.xml',
    workbook.replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="税率">0.05</definedName>' +
        '<definedName name="本表" localSheetId="1">\'公共就业服务局学习台账\'!$A$1:$B$2</definedName></definedNames>',
    ),
  );
  const named = await zip.generateAsync({ type: 'nodebuffer' });

  // The sheets' r:id bound to ISO Strict's relationships namespace in a transitional package: the splicer
  // refuses it, so exceljs rewrites the workbook (the fallback writer).
  const odd = await JSZip.loadAsync(named);
  odd.file(
    'xl/workbook.xml',
    (await odd.file('xl/workbook.xml')!.async('string')).replace(
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"',
    ),
  );
  const refused = path.join(dir, 'names-refused.xlsx');
  writeFileSync(refused, await odd.generateAsync({ type: 'nodebuffer' }));
  await appraise(refused, path.join(dir, 'rewrite-result.xlsx'));

  // No styles part: the splicer creates one holding the result's formats.
  const bare = await JSZip.loadAsync(named);
  const rels = await bare.file('xl/_rels/workbook.xml.rels')!.async('string');
  bare.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles"[^>]*\/>/, ''));
  bare.remove('xl/styles.xml');
  const names = path.join(dir, 'names-no-styles.xlsx');
  writeFileSync(names, await bare.generateAsync({ type: 'nodebuffer' }));
  await appraise(names, path.join(dir, 'created-styles-result.xlsx'));

  // SpreadsheetML under a prefix, as WPS and Tencent Docs write it (<x:workbook>, <x:styleSheet>).
  const prefixed = await JSZip.loadAsync(readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'example-2022.xlsx')));
  const withX = (xml: string): string =>
    xml.replace(/ xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"').replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2');
  for (const part of ['xl/workbook.xml', 'xl/styles.xml']) prefixed.file(part, withX(await prefixed.file(part)!.async('string')));
  const wps = path.join(dir, 'prefixed.xlsx');
  writeFileSync(wps, await prefixed.generateAsync({ type: 'nodebuffer' }));
  await appraise(wps, path.join(dir, 'prefixed-result.xlsx'));
}

run(process.argv[2] ?? path.join('out', 'ci')).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
