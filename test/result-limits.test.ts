/**
 * The result workbook within Excel's own limits, for both file writers: no row above 409 points (text
 * too long for that is cut and says so), at most 65 530 links per sheet, and styles.xml that stops
 * growing when the command line is rerun on its own result.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { GENERATED_MARKER, type OutputSheet } from '../src/engine';
import { planSheet, MAX_LINKS_PER_SHEET } from '../src/adapters/result-sheet/plan';
import { CUT_MARK, MAX_ROW_HEIGHT, fitToLines, linesIn, MAX_LINES } from '../src/adapters/result-sheet/layout';
import { sheetXml } from '../src/adapters/xlsx-splice';
import { writeOutputs as writeWithExcelJs } from '../src/adapters/exceljs/write';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, toBytes } from './support/workbook-builder';
import { readXlsxXml } from './support/xlsx-xml';

jest.setTimeout(120_000);
const tmp = useTempDir('appraise-limits-');

const LONG = `长${'字'.repeat(31_999)}`;
const LONG_LINES = Array.from({ length: 400 }, (_, i) => `第${i}行`).join('\n');

function output(rows: OutputSheet['rows'], links: OutputSheet['links'] = []): OutputSheet {
  return {
    key: 'issues',
    name: '校验问题',
    title: '校验问题',
    note: `${GENERATED_MARKER}每次校验时重新生成`,
    columns: [
      { header: '单位', width: 12, format: 'text' },
      { header: '说明', width: 40, format: 'text' },
      { header: '行', width: 6, format: 'integer' },
    ],
    rows,
    rowStyles: rows.map(() => undefined),
    links,
    freezeRows: 3,
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, repeatRows: [3, 3] },
  };
}

/** Row heights (`ht`) of a worksheet part. */
function heights(xml: string): number[] {
  return [...xml.matchAll(/<row\b[^>]*\bht="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('row heights', () => {
  test('text too long for a 409-point row is cut with a mark; short text is untouched', () => {
    expect(fitToLines('短文字', 12)).toBe('短文字');
    for (const [text, width] of [[LONG, 12], [LONG, 40], [LONG_LINES, 40], ['a'.repeat(32_000), 6]] as const) {
      const cut = fitToLines(text, width);
      expect(cut.endsWith(CUT_MARK)).toBe(true);
      expect(linesIn(cut, width)).toBeLessThanOrEqual(MAX_LINES);
      // Not cut needlessly short: at least two thirds of the room is used.
      expect(linesIn(cut, width)).toBeGreaterThan((MAX_LINES * 2) / 3);
      expect(text.startsWith(cut.slice(0, -CUT_MARK.length))).toBe(true);
    }
  });

  test('hostile 32 000-character cells give no row above 409 points in the plan, the spliced XML and the exceljs rewrite', async () => {
    const out = output([[LONG, LONG, 1], ['局办公室', LONG_LINES, 2], ['局办公室', '正常', 3]]);
    const plan = planSheet(out);
    expect(Math.max(...plan.rows.map((r) => r.height))).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(Math.max(...plan.rows.map((r) => r.height))).toBeGreaterThan(300);
    expect(plan.rows[3]!.cells[1]!.value).toMatch(/…（已截断）$/);
    expect(plan.rows[5]!.cells[1]!.value).toBe('正常');
    expect(plan.rows[5]!.height).toBeLessThan(30);
    expect(Math.max(...heights(sheetXml(plan, (i) => i)))).toBeLessThanOrEqual(MAX_ROW_HEIGHT);

    const wb = buildWorkbook([{ name: '学习台账', rows: [['单位']] }]);
    writeWithExcelJs(wb, [out]);
    const xml = await readXlsxXml(await toBytes(wb));
    const hs = heights(xml.sheets.get('校验问题')!);
    expect(hs.length).toBeGreaterThan(3);
    expect(Math.max(...hs)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });

  test('the command line on a ledger with 32 000-character cells writes no row above 409 points', async () => {
    const input = path.join(tmp(), 'hostile.xlsx');
    const wb = buildWorkbook([
      {
        name: '学习台账',
        rows: [['单位', '姓名', '职级', '笔记字数', '心得体会'], ['局办公室', '张三', '科员', 12_000, 4], ['局办公室', LONG, LONG, 'NaN', LONG], [LONG, LONG, LONG, LONG, LONG]],
      },
      { name: '督查记录', rows: [['单位', '姓名', '问题类型'], ['局办公室', '张三', LONG], [LONG, LONG, LONG]] },
    ]);
    writeFileSync(input, await toBytes(wb));
    const out = path.join(tmp(), 'hostile-result.xlsx');
    const run = await runCli([input, '--out', out]);
    expect(run.code).toBe(0);
    const xml = await readXlsxXml(readFileSync(out));
    let rows = 0;
    for (const name of ['考核汇总', '人员考核明细', '校验问题']) {
      const hs = heights(xml.sheets.get(name)!);
      rows += hs.length;
      expect(Math.max(...hs)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
    expect(rows).toBeGreaterThan(9);
    expect(xml.sheets.get('校验问题')).toContain('（已截断）');
  });
});

describe('links', () => {
  test('at most 65 530 links per sheet; the rows past that are written without one', () => {
    const n = MAX_LINKS_PER_SHEET + 20;
    const rows = Array.from({ length: n }, (_, i) => [`单位${i}`, '问题', i]);
    const links = rows.map((_, i) => ({ row: i, col: 0, sheet: '学习台账', cell: `A${i + 2}` }));
    const plan = planSheet(output(rows, links));
    expect(plan.linksOmitted).toBe(20);
    const linked = plan.rows.filter((r) => r.cells.some((c) => c.link)).length;
    expect(linked).toBe(MAX_LINKS_PER_SHEET);
    expect(plan.rows[plan.rows.length - 1]!.cells[0]).toMatchObject({ value: `单位${n - 1}` });
    expect(plan.rows[plan.rows.length - 1]!.cells[0]!.link).toBeUndefined();
    expect((sheetXml(plan, (i) => i).match(/<hyperlink /g) ?? []).length).toBe(MAX_LINKS_PER_SHEET);
  });
});

describe('styles.xml on reruns', () => {
  test('rerunning the command line on its own result three times: styles.xml keeps its size from the second run on', async () => {
    const fixture = path.join(__dirname, 'fixtures', 'example-2022.xlsx');
    let input = fixture;
    const sizes: number[] = [];
    const xfCounts: number[] = [];
    for (let run = 1; run <= 3; run++) {
      const out = path.join(tmp(), `rerun-${run}.xlsx`);
      const result = await runCli([input, '--out', out]);
      expect(result.code).toBe(0);
      const styles = (await (await JSZip.loadAsync(readFileSync(out))).file('xl/styles.xml')!.async('string'));
      sizes.push(styles.length);
      xfCounts.push(Number(/<cellXfs count="(\d+)"/.exec(styles)![1]));
      input = out;
    }
    expect(sizes[2]).toBe(sizes[1]);
    expect(sizes[1]).toBe(sizes[0]);
    expect(xfCounts[2]).toBe(xfCounts[0]);
  });
});

describe('the exceljs fallback keeps defined names', () => {
  async function withNames(refused: boolean): Promise<Buffer> {
    const zip = await JSZip.loadAsync(readFileSync(path.join(__dirname, 'fixtures', 'example-2022.xlsx')));
    let wb = await zip.file('xl/workbook.xml')!.async('string');
    const names =
      '<definedName name="税率">0.05</definedName><definedName name="年度文字">"2022年度"</definedName>' +
      '<definedName name="本表" localSheetId="1">\'公共就业服务局学习台账\'!$A$1:$B$2</definedName><definedName name="全局">\'说明\'!$A$1</definedName>';
    wb = wb.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
    if (refused) {
      // A package the splicer refuses (the sheets' r:id bound to ISO Strict's relationships namespace in a
      // transitional package; exceljs goes by the literal r:id), so the result is rewritten by exceljs.
      wb = wb.replace(
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
        'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"',
      );
    }
    zip.file('xl/workbook.xml', wb);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  test('constant names and sheet-scoped names come through the command line when the workbook is rewritten', async () => {
    const input = path.join(tmp(), 'names.xlsx');
    writeFileSync(input, await withNames(true));
    const out = path.join(tmp(), 'names-result.xlsx');
    process.env.APPRAISE_DEBUG = '1';
    const run = await runCli([input, '--out', out]);
    delete process.env.APPRAISE_DEBUG;
    expect(run.stderr).toContain('whole workbook rewritten');
    expect(run.code).toBe(0);
    const xml = await readXlsxXml(readFileSync(out));
    const sheets = [...xml.workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
    const defined = [...xml.workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ attrs: m[1]!, value: m[2]! }));
    expect(defined.find((d) => d.attrs.includes('name="税率"'))?.value).toBe('0.05');
    expect(defined.find((d) => d.attrs.includes('name="年度文字"'))?.value).toMatch(/(&quot;|")2022年度(&quot;|")/);
    const local = defined.find((d) => d.attrs.includes('name="本表"'))!;
    expect(sheets[Number(/localSheetId="(\d+)"/.exec(local.attrs)![1])]).toBe('公共就业服务局学习台账');
    expect(defined.filter((d) => d.attrs.includes('name="本表"'))).toHaveLength(1);
    expect(defined.find((d) => d.attrs.includes('name="全局"'))?.attrs).not.toContain('localSheetId');
    // The new result sheets' print titles are there, each scoped to its own sheet.
    const titles = defined.filter((d) => d.attrs.includes('_xlnm.Print_Titles')).map((d) => sheets[Number(/localSheetId="(\d+)"/.exec(d.attrs)![1])]);
    expect(titles.sort()).toEqual(['人员考核明细', '校验问题', '考核汇总', '评分依据'].sort());
  });
});
