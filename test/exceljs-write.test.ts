import ExcelJS from 'exceljs';
import { readWorkbook } from '../src/adapters/exceljs/read';
import { insertRulesSheet, writeOutputs } from '../src/adapters/exceljs/write';
import { GENERATED_MARKER } from '../src/engine/output-model';
import { allOutputs, HOSTILE_TEXTS, issuesSheet } from './support/output-sheets';
import { buildWorkbook, fromBytes, tinyLedgerWorkbook, toBytes } from './support/workbook-builder';
import { countFormulas, readXlsxXml } from './support/xlsx-xml';

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ bytes: Buffer; back: ExcelJS.Workbook }> {
  const bytes = await toBytes(wb);
  return { bytes, back: await fromBytes(bytes) };
}

function sourceWorkbook(): ExcelJS.Workbook {
  return buildWorkbook([
    { name: '学习 台账', rows: [['单位', '姓名'], ['局办公室', '张三']] },
    { name: '说明', rows: [['本工作簿由各单位报送。']] },
  ]);
}

describe('writing output sheets', () => {
  test('writes the three sheets after the source sheets with title, note and header', async () => {
    const wb = sourceWorkbook();
    const placements = writeOutputs(wb, allOutputs());
    expect(placements.map((p) => [p.target, p.replace, p.renamedBecauseTaken])).toEqual([
      ['考核汇总', false, false],
      ['人员考核明细', false, false],
      ['校验问题', false, false],
    ]);
    const { back } = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
    const ws = back.getWorksheet('考核汇总')!;
    expect(ws.getCell('A1').value).toBe('2022年度党建工作考核汇总');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(16);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2']));
    expect(String(ws.getCell('A2').value).startsWith(GENERATED_MARKER)).toBe(true);
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['名次', '单位', '学习教育', '总分', '奖惩']);
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('A3').border?.top?.style).toBe('thin');
  });

  test('numbers stay numbers with their formats; text columns are text', async () => {
    const wb = sourceWorkbook();
    writeOutputs(wb, allOutputs());
    const { back } = await roundTrip(wb);
    const s = back.getWorksheet('考核汇总')!;
    expect(s.getCell('A4').value).toBe(1);
    expect(s.getCell('A4').numFmt).toBe('0');
    expect(s.getCell('D4').value).toBe(96.857);
    expect(s.getCell('D4').numFmt).toBe('0.00');
    expect(s.getCell('B4').value).toBe('局办公室');
    expect(s.getCell('B4').numFmt).toBe('@');
    const p = back.getWorksheet('人员考核明细')!;
    expect(p.getCell('C4').value).toBe(15000);
    expect(p.getCell('C5').value).toBeNull();
    // A number in a text column is written as its text, so Excel shows it as typed.
    expect(p.getCell('D4').value).toBe('123');
    expect(p.getCell('D5').value).toBe('007');
  });

  test('row styles, widths, frozen rows and A4 print setup', async () => {
    const wb = sourceWorkbook();
    writeOutputs(wb, allOutputs());
    const { back } = await roundTrip(wb);
    const s = back.getWorksheet('考核汇总')!;
    expect(s.getColumn(2).width).toBe(18);
    const fill = s.getCell('B4').fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFE2EFDA');
    expect(s.getCell('B4').font?.bold).toBe(true);
    expect(s.getCell('B6').font?.color?.argb).toBe('FFC00000');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(s.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(back.getWorksheet('人员考核明细')!.pageSetup.orientation).toBe('portrait');
  });

  test('hostile ledger text stays literal text: read back as strings, no <f> in the XML', async () => {
    const wb = sourceWorkbook();
    writeOutputs(wb, allOutputs());
    const { bytes, back } = await roundTrip(wb);
    const s = back.getWorksheet('考核汇总')!;
    const p = back.getWorksheet('人员考核明细')!;
    const written = [s.getCell('B5').value, s.getCell('B6').value, p.getCell('B4').value, p.getCell('B5').value, p.getCell('B6').value];
    expect(written).toEqual(HOSTILE_TEXTS);
    const xml = await readXlsxXml(bytes);
    for (const name of ['考核汇总', '人员考核明细', '校验问题']) {
      const sheetXml = xml.sheets.get(name);
      expect(sheetXml).toBeDefined();
      expect(countFormulas(sheetXml!)).toBe(0);
    }
    expect(xml.sharedStrings).toContain('=1+1');
    expect(xml.sharedStrings).toContain('<t>=cmd|&apos; /C calc&apos;!A0</t>');
  });

  test('an issue row links to its cell inside the workbook, not to an external file', async () => {
    const wb = sourceWorkbook();
    writeOutputs(wb, allOutputs());
    const { bytes, back } = await roundTrip(wb);
    const xml = await readXlsxXml(bytes);
    const issuesXml = xml.sheets.get('校验问题')!;
    expect(issuesXml).toMatch(/<hyperlink ref="C4" location="&apos;学习 台账&apos;!E13"\s*\/>/);
    expect(xml.sheetRels.get('校验问题') ?? '').not.toContain('TargetMode="External"');
    const cell = back.getWorksheet('校验问题')!.getCell('C4');
    expect(cell.value).toEqual({ text: 'E13', hyperlink: "#'学习 台账'!E13" });
  });

  test("a quote in a sheet name is doubled in the link", async () => {
    const wb = buildWorkbook([{ name: "张三's 台账", rows: [['x']] }]);
    writeOutputs(wb, [issuesSheet("张三's 台账", 'B2')]);
    const xml = await readXlsxXml(await toBytes(wb));
    expect(xml.sheets.get('校验问题')).toContain('location="&apos;张三&apos;&apos;s 台账&apos;!B2"');
  });

  test("a user's own 考核汇总 is kept intact; the output goes to 考核汇总(2)", async () => {
    const wb = buildWorkbook([
      { name: '考核汇总', rows: [['我自己的汇总'], ['不要删除'], [1, 2, 3]] },
      { name: '说明', rows: [['x']] },
    ]);
    const placements = writeOutputs(wb, allOutputs());
    expect(placements[0]).toMatchObject({ target: '考核汇总(2)', replace: false, renamedBecauseTaken: true });
    const { back } = await roundTrip(wb);
    const own = back.getWorksheet('考核汇总')!;
    expect([own.getCell('A1').value, own.getCell('A2').value, own.getCell('C3').value]).toEqual(['我自己的汇总', '不要删除', 3]);
    expect(back.getWorksheet('考核汇总(2)')!.getCell('A1').value).toBe('2022年度党建工作考核汇总');

    // The next run reuses 考核汇总(2) instead of adding 考核汇总(3).
    const again = writeOutputs(back, allOutputs());
    expect(again[0]).toMatchObject({ target: '考核汇总(2)', replace: true });
    const third = (await roundTrip(back)).back;
    expect(third.worksheets.map((w) => w.name)).toEqual(['考核汇总', '说明', '考核汇总(2)', '人员考核明细', '校验问题']);
  });

  test('a second run replaces the generated sheets in place: no pile-up, same tab order', async () => {
    const wb = sourceWorkbook();
    writeOutputs(wb, allOutputs());
    const first = (await roundTrip(wb)).back;
    // A user moves 考核汇总 to the front and adds a sheet after the outputs.
    first.addWorksheet('我的备注').getCell('A1').value = '保留';
    const changed = allOutputs();
    changed[0]!.rows = [[1, '唯一单位', 20, 80, '']];
    changed[0]!.rowStyles = [undefined];
    const placements = writeOutputs(first, changed);
    expect(placements.every((p) => p.replace && !p.renamedBecauseTaken)).toBe(true);
    const { bytes, back } = await roundTrip(first);
    expect(back.worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题', '我的备注']);
    const s = back.getWorksheet('考核汇总')!;
    expect(s.getCell('B4').value).toBe('唯一单位');
    expect(s.getCell('B5').value).toBeNull();
    expect(back.getWorksheet('我的备注')!.getCell('A1').value).toBe('保留');
    const xml = await readXlsxXml(bytes);
    expect((xml.workbook.match(/_xlnm\.Print_Titles/g) ?? []).length).toBe(3);
  });

  test('source cells are unchanged in the output', async () => {
    const source = tinyLedgerWorkbook();
    const before = readWorkbook(await fromBytes(await toBytes(source)));
    const wb = await fromBytes(await toBytes(source));
    writeOutputs(wb, allOutputs());
    const after = readWorkbook((await roundTrip(wb)).back);
    for (const sheet of before.sheets) {
      expect(after.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    }
  });
});

describe('the rules sheet', () => {
  test('is added with its rows as text, and never over an existing sheet', async () => {
    const wb = sourceWorkbook();
    const template = { name: '考核规则', columns: ['参数', '值', '说明'], rows: [['笔记字数下限', '10000', '每人每年'], ['到会率下限', '80%', '']] };
    expect(insertRulesSheet(wb, template)).toBeDefined();
    expect(insertRulesSheet(wb, template)).toBeUndefined();
    const back = (await roundTrip(wb)).back;
    const ws = back.getWorksheet('考核规则')!;
    expect(ws.getCell('A1').value).toBe('参数');
    expect(ws.getCell('B2').value).toBe('10000');
    expect(ws.getCell('B3').value).toBe('80%');
  });
});
