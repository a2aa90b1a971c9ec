/**
 * The command line's result writer: result sheets spliced into the user's own package. It must give the
 * same sheets as the exceljs rewrite, leave every other part of the user's package byte for byte, and
 * fall back to the rewrite for packages it does not understand.
 */
import { readFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseStringPromise } from 'xml2js';
import { loadWorkbook } from '../src/adapters/exceljs/load';
import { readWorkbook } from '../src/adapters/exceljs/read';
import { resultFile } from '../src/adapters/exceljs/result-file';
import { writeOutputs } from '../src/adapters/exceljs/write';
import { Package } from '../src/adapters/xlsx-splice/package';
import { crc32, readZip, textEntry, writeZip, entryText } from '../src/adapters/xlsx-splice/zip';
import { mergeStyles } from '../src/adapters/xlsx-splice/styles';
import { xmlText } from '../src/adapters/xlsx-splice/sheet-xml';
import { appraise } from '../src/engine';
import type { OutputSheet } from '../src/engine/output-model';
import { allOutputs, HOSTILE_TEXTS, issuesSheet } from './support/output-sheets';
import { buildWorkbook, fromBytes, toBytes } from './support/workbook-builder';

const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

async function sourceBytes(): Promise<Uint8Array> {
  return toBytes(
    buildWorkbook([
      { name: '学习 台账', rows: [['单位', '姓名'], ['局办公室', '张三']] },
      { name: '说明', rows: [['本工作簿由各单位报送。']] },
    ]),
  );
}

async function both(original: Uint8Array, outputs: OutputSheet[]): Promise<{ spliced: ExcelJS.Workbook; rewritten: ExcelJS.Workbook; data: Uint8Array }> {
  const result = await resultFile(original, await loadWorkbook(original), outputs);
  expect(result.method).toBe('splice');
  const wb = await loadWorkbook(original);
  writeOutputs(wb, outputs);
  return { spliced: await fromBytes(result.data), rewritten: await fromBytes(await toBytes(wb)), data: result.data };
}

/** What a reader sees of a result sheet: values, formats, merges, links, sizes, view and print setup. */
function appearance(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push(['row', r, row.height]);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      cells.push([
        cell.address,
        v === '' ? null : v,
        cell.numFmt ?? null,
        cell.font?.bold ?? false,
        cell.font?.size,
        cell.font?.name,
        cell.font?.color?.argb ?? null,
        cell.font?.underline ?? false,
        (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null,
        cell.border?.left?.style ?? null,
        cell.border?.bottom?.color?.argb ?? null,
        cell.alignment?.horizontal,
        cell.alignment?.wrapText ?? false,
        c,
      ]);
    });
  });
  return {
    cells,
    // exceljs leaves out a column of width 9, its default; the splicer writes every planned width.
    widths: ws.columns.map((col) => col.width ?? 9),
    merges: [...ws.model.merges].sort(),
    views: ws.views.map((v) => [v.state, (v as ExcelJS.WorksheetViewFrozen).ySplit]),
    print: [ws.pageSetup.orientation, ws.pageSetup.printTitlesRow, ws.pageSetup.fitToPage, ws.pageSetup.paperSize],
    footer: ws.headerFooter.oddFooter,
  };
}

/** Rejects unless `xml` is well-formed (xml2js parses strictly). */
async function wellFormed(xml: string): Promise<void> {
  await parseStringPromise(xml, { strict: true });
}

describe('splicing result sheets into the user’s package', () => {
  test('gives the same sheets as the exceljs rewrite, in the same places', async () => {
    const { spliced, rewritten } = await both(await sourceBytes(), allOutputs());
    expect(spliced.worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
    expect(spliced.worksheets.map((w) => w.name)).toEqual(rewritten.worksheets.map((w) => w.name));
    for (const name of ['考核汇总', '人员考核明细', '校验问题']) {
      expect(appearance(spliced.getWorksheet(name)!)).toEqual(appearance(rewritten.getWorksheet(name)!));
    }
    const link = spliced.getWorksheet('校验问题')!.getCell('C4').value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe("#'学习 台账'!E13");
  });

  test('on the fixture: same result sheets, and the source sheets read as before', async () => {
    const original = new Uint8Array(readFileSync(FIXTURE));
    const { outputs } = appraise(readWorkbook(await loadWorkbook(original)), {});
    const { spliced, rewritten } = await both(original, outputs);
    for (const name of ['考核汇总', '人员考核明细', '校验问题', '评分依据']) {
      expect(appearance(spliced.getWorksheet(name)!)).toEqual(appearance(rewritten.getWorksheet(name)!));
    }
    expect(readWorkbook(spliced).sheets.slice(0, 9)).toEqual(readWorkbook(await loadWorkbook(original)).sheets);
    expect(spliced.getWorksheet('考核汇总')!.getCell('B4').value).toBe('局办公室'); // rank 1 in the fixture's expected results
  });

  test('on the fixture as LibreOffice saves it: spliced, same sheets, its custom properties kept', async () => {
    const original = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'example-2022-libreoffice.xlsx')));
    const { outputs, report } = appraise(readWorkbook(await loadWorkbook(original)), {});
    expect(report.units.find((u) => u.rank === 1)?.unit).toBe('局办公室');
    const { spliced, rewritten, data } = await both(original, outputs);
    for (const name of ['考核汇总', '人员考核明细', '校验问题', '评分依据']) {
      expect(appearance(spliced.getWorksheet(name)!)).toEqual(appearance(rewritten.getWorksheet(name)!));
    }
    expect(readWorkbook(spliced).sheets.slice(0, 9)).toEqual(readWorkbook(await loadWorkbook(original)).sheets);
    const before = new Map(readZip(original).map((e) => [e.name, e]));
    const custom = readZip(data).find((e) => e.name === 'docProps/custom.xml')!;
    expect(Buffer.from(custom.data).equals(Buffer.from(before.get('docProps/custom.xml')!.data))).toBe(true);
    for (const e of readZip(data)) if (e.name.endsWith('.xml') || e.name.endsWith('.rels')) await wellFormed(entryText(e));
  });

  test('copies every part it does not edit byte for byte, still compressed', async () => {
    const original = new Uint8Array(readFileSync(FIXTURE));
    const { outputs } = appraise(readWorkbook(await loadWorkbook(original)), {});
    const { data } = await resultFile(original, await loadWorkbook(original), outputs);
    const before = new Map(readZip(original).map((e) => [e.name, e]));
    const after = new Map(readZip(data).map((e) => [e.name, e]));
    let copied = 0;
    for (const [name, entry] of before) {
      const now = after.get(name)!;
      expect(now).toBeDefined();
      if (EDITED.has(name)) continue;
      expect([name, Buffer.from(now.data).equals(Buffer.from(entry.data)), now.crc]).toEqual([name, true, entry.crc]);
      copied++;
    }
    expect(copied).toBe(before.size - EDITED.size);
    for (const e of readZip(data)) if (e.name.endsWith('.xml') || e.name.endsWith('.rels')) await wellFormed(entryText(e));
  });

  test('keeps parts exceljs would drop (custom document properties)', async () => {
    const zip = await JSZip.loadAsync(await sourceBytes());
    const custom =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报送单位"><vt:lpwstr>人社局</vt:lpwstr></property></Properties>';
    zip.file('docProps/custom.xml', custom);
    const rels = (await zip.file('_rels/.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    );
    zip.file('_rels/.rels', rels);
    const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    );
    zip.file('[Content_Types].xml', types);
    const original = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

    const result = await resultFile(original, await loadWorkbook(original), allOutputs());
    const out = await JSZip.loadAsync(result.data);
    expect(await out.file('docProps/custom.xml')?.async('string')).toBe(custom);
    expect(await out.file('_rels/.rels')?.async('string')).toBe(rels);
    expect(await out.file('[Content_Types].xml')?.async('string')).toContain('/docProps/custom.xml');

    // For contrast: the exceljs rewrite loses it.
    const wb = await loadWorkbook(original);
    writeOutputs(wb, allOutputs());
    expect((await JSZip.loadAsync(await toBytes(wb))).file('docProps/custom.xml')).toBeNull();
  });

  test('a second run replaces its own sheets in place, with one print-title name each, and drops the calc chain', async () => {
    const first = (await resultFile(await sourceBytes(), await loadWorkbook(await sourceBytes()), allOutputs())).data;
    // Give the first result a calculation chain, as Excel would after a recalculation.
    const zip = await JSZip.loadAsync(first);
    zip.file('xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>');
    zip.file('xl/_rels/workbook.xml.rels', (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ));
    const withChain = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

    const second = await resultFile(withChain, await loadWorkbook(withChain), [issuesSheet('说明', 'A1'), ...allOutputs().slice(0, 2)]);
    expect(second.method).toBe('splice');
    expect(second.placements.every((p) => p.replace)).toBe(true);
    const back = await fromBytes(second.data);
    expect(back.worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
    expect((back.getWorksheet('校验问题')!.getCell('C4').value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#'说明'!A1");
    const out = await JSZip.loadAsync(second.data);
    const workbookXml = await out.file('xl/workbook.xml')!.async('string');
    expect(workbookXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(3);
    expect([...workbookXml.matchAll(/localSheetId="(\d+)"/g)].map((m) => m[1]).sort()).toEqual(['2', '3', '4']);
    expect(out.file('xl/calcChain.xml')).toBeNull();
    expect(await out.file('[Content_Types].xml')!.async('string')).not.toContain('calcChain');
    expect(await out.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toContain('calcChain');
  });

  test('new part names never clash with existing ones, whatever their case', async () => {
    const zip = await JSZip.loadAsync(await sourceBytes());
    zip.file('xl/worksheets/Sheet3.xml', await zip.file('xl/worksheets/sheet2.xml')!.async('uint8array'));
    zip.remove('xl/worksheets/sheet2.xml');
    zip.file('xl/_rels/workbook.xml.rels', (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace('worksheets/sheet2.xml', 'worksheets/Sheet3.xml'));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/Sheet3.xml'));
    const original = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await resultFile(original, await loadWorkbook(original), allOutputs());
    expect(result.method).toBe('splice');
    const names = readZip(result.data).map((e) => e.name).filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'));
    expect(names).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/Sheet3.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
    // (exceljs itself only finds parts named sheetN.xml, so the package is checked directly.)
    const pkg = new Package(result.data);
    const sheets = pkg.sheets(pkg.text('xl/workbook.xml'), pkg.relationships(pkg.workbookPart));
    expect(sheets.map((x) => [x.name, x.part])).toEqual([
      ['学习 台账', 'xl/worksheets/sheet1.xml'],
      ['说明', 'xl/worksheets/Sheet3.xml'],
      ['考核汇总', 'xl/worksheets/sheet2.xml'],
      ['人员考核明细', 'xl/worksheets/sheet4.xml'],
      ['校验问题', 'xl/worksheets/sheet5.xml'],
    ]);
  });

  test('text stays text and survives characters XML cannot carry', async () => {
    const texts = [...HOSTILE_TEXTS, ' 前后空格 ', '换\n行', 'x\u0008y', '字面 _x0041_ 转义', 'a & b < c > "d"', '表情😀'];
    const sheet = issuesSheet();
    sheet.rows = texts.map((t) => [t, '单位', t, 'CODE', '学习 台账!E13']);
    sheet.rowStyles = texts.map(() => undefined);
    sheet.links = [];
    const { spliced, data } = await both(await sourceBytes(), [sheet]);
    const ws = spliced.getWorksheet('校验问题')!;
    const plain = texts.filter((t) => !t.includes('\u0008') && !t.includes('_x0041_'));
    expect(plain.map((t) => ws.getRow(4 + texts.indexOf(t)).getCell(3).value)).toEqual(plain);
    expect(texts.map((_, i) => ws.getRow(4 + i).getCell(3).formula)).toEqual(texts.map(() => undefined));
    // exceljs does not decode SpreadsheetML's _xHHHH_ escape in inline strings (Excel does), so these two
    // are checked in the XML: the control character escaped, the literal escape's underscore escaped.
    const xml = entryText(readZip(data).find((e) => e.name === 'xl/worksheets/sheet3.xml')!);
    expect(xml).toContain('<t>x_x0008_y</t>');
    expect(xml).toContain('<t>字面 _x005F_x0041_ 转义</t>');
    expect(xml).toContain('<t xml:space="preserve"> 前后空格 </t>');
    await wellFormed(xml);
  });

  test('a package it does not understand is rewritten whole instead', async () => {
    const zip = await JSZip.loadAsync(await sourceBytes());
    // The sheets' r:id bound to ISO Strict's relationships namespace in a transitional package: readers that
    // go by the literal r:id (exceljs) cope, the splicer will not guess, and exceljs rewrites the workbook.
    const workbook = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"',
    );
    zip.file('xl/workbook.xml', workbook);
    const odd = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await resultFile(odd, await loadWorkbook(odd), allOutputs());
    expect(result.method).toBe('rewrite');
    expect(result.spliceRefused).toMatch(/unexpected relationships namespace/);
    expect((await fromBytes(result.data)).worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
  });

  test('a package without a styles part (LibreOffice, the OpenXML SDK) gets one, holding the result’s formats', async () => {
    const zip = await JSZip.loadAsync(await sourceBytes());
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(/<Relationship [^>]*styles"[^>]*\/>/, '');
    zip.file('xl/_rels/workbook.xml.rels', rels);
    zip.remove('xl/styles.xml');
    const bare = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await resultFile(bare, await loadWorkbook(bare), allOutputs());
    expect(result.method).toBe('splice');
    const out = await JSZip.loadAsync(result.data);
    const styles = await out.file('xl/styles.xml')!.async('string');
    await wellFormed(styles);
    expect(Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1])).toBeGreaterThan(3);
    expect(await out.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(/Type="[^"]*\/styles" Target="styles.xml"/);
    expect(await out.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    const back = await fromBytes(result.data);
    expect(back.worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
    expect(back.getWorksheet('考核汇总')!.getCell('A1').font?.bold).toBe(true);
  });

  test('prefixed parts (<ct:Types>, <x:workbook> as WPS and Tencent Docs write them) are spliced with their own prefix', async () => {
    const zip = await JSZip.loadAsync(await sourceBytes());
    const types = (await zip.file('[Content_Types].xml')!.async('string'))
      .replace('<Types xmlns=', '<ct:Types xmlns:ct=')
      .replace(/<(\/?)(Types|Default|Override)\b/g, '<$1ct:$2');
    zip.file('[Content_Types].xml', types);
    const prefixed = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await resultFile(prefixed, await loadWorkbook(prefixed), allOutputs());
    expect(result.method).toBe('splice');
    const out = await JSZip.loadAsync(result.data);
    const written = await out.file('[Content_Types].xml')!.async('string');
    expect(written.match(/<ct:Override PartName="\/xl\/worksheets\/sheet\d+\.xml"/g)?.length).toBe(5);
    expect(written).not.toMatch(/<Override/);
    await wellFormed(written);
    expect((await fromBytes(result.data)).worksheets.map((w) => w.name)).toEqual(['学习 台账', '说明', '考核汇总', '人员考核明细', '校验问题']);
  });
});

describe('zip copying', () => {
  test('reads archives whose entries carry data descriptors (as Java and streaming writers make them)', async () => {
    const original = await sourceBytes();
    const entries = readZip(original);
    // Rewrite the archive with bit 3 set, zero sizes in local headers and a descriptor after each entry.
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x8, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(name.length, 26);
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(e.crc, 4);
      descriptor.writeUInt32LE(e.compressedSize, 8);
      descriptor.writeUInt32LE(e.size, 12);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(0x8, 8);
      cd.writeUInt16LE(e.method, 10);
      cd.writeUInt32LE(e.crc, 16);
      cd.writeUInt32LE(e.compressedSize, 20);
      cd.writeUInt32LE(e.size, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
      chunks.push(local, name, Buffer.from(e.data), descriptor);
      offset += 30 + name.length + e.data.length + 16;
    }
    const cdBytes = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(cdBytes.length, 12);
    end.writeUInt32LE(offset, 16);
    const streamed = new Uint8Array(Buffer.concat([...chunks, cdBytes, end]));

    const result = await resultFile(streamed, await loadWorkbook(streamed), allOutputs());
    expect(result.method).toBe('splice');
    expect((await fromBytes(result.data)).getWorksheet('学习 台账')!.getCell('B2').value).toBe('张三');
    expect(readZip(writeZip(readZip(streamed))).map((e) => e.crc)).toEqual(entries.map((e) => e.crc));
  });
  test('copies a name stored in a legacy encoding byte for byte, without claiming UTF-8', async () => {
    const entries = readZip(await sourceBytes());
    const gbk = new Uint8Array([0xb2, 0xe2, 0xca, 0xd4, 0x2e, 0x74, 0x78, 0x74]); // 测试.txt in GBK, as old Chinese zip tools write it
    const first = entries[0]!;
    const legacy = { ...first, name: 'legacy', stored: { name: gbk, flags: 0 } };
    const back = readZip(writeZip([...entries, legacy])).at(-1)!;
    expect(Buffer.from(back.stored!.name).equals(Buffer.from(gbk))).toBe(true);
    expect(back.stored!.flags).toBe(0);
    expect(back.crc).toBe(first.crc);
  });
  test('a new entry deflated batch by batch is one deflate stream of the whole text, with its CRC-32 and size', () => {
    // Rows of Chinese text well past one batch (2^20 code units), and a surrogate pair across a batch boundary.
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c><is><t>第${i}行 考核单位 张三</t></is></c></row>`);
    const long = `${'a'.repeat((1 << 20) - 1)}😀${'中'.repeat(1 << 20)}`;
    for (const [text, parts] of [
      [rows.join(''), rows],
      [long, long],
      ['', []],
    ] as const) {
      const raw = Buffer.from(text, 'utf8');
      const entry = textEntry('x.xml', parts);
      expect(entryText(entry)).toBe(text);
      expect(entry.size).toBe(raw.length);
      expect(entry.crc).toBe(crc32(raw));
      expect(entry.compressedSize).toBe(entry.data.length);
    }
  });
});

describe('styles merging', () => {
  const own =
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy-mm-dd"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0"/><xf fontId="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  const added =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
    '<fonts count="1"><font><i/></font></fonts><fills count="1"><fill><patternFill patternType="solid"/></fill></fills><borders count="1"><border><left style="thin"/></border></borders>' +
    '<cellXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

  test('appends after the workbook’s own entries, shifting ids and reusing equal number formats', async () => {
    const { xml, xfMap } = mergeStyles(own, added);
    expect(xfMap).toEqual([3, 4]);
    await wellFormed(xml);
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy-mm-dd"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>');
    expect(xml).toContain('<fonts count="3">');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<borders count="2">');
    expect(xml).toContain(
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0"/><xf fontId="1"/>' +
        '<xf numFmtId="170" fontId="2" fillId="2" borderId="1" xfId="0"/><xf numFmtId="171" fontId="2" fillId="2" borderId="1" xfId="0"><alignment wrapText="1"/></xf></cellXfs>',
    );
    expect(xml).toContain('<cellStyles count="1">');
  });

  test('escapes text for XML and SpreadsheetML', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlText('x\u0001y')).toBe('x_x0001_y');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('\uD800!')).toBe('\uFFFD!');
    expect(xmlText('😀')).toBe('😀');
  });
});
