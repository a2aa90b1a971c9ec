/** Finding parts: relationships, odd names and paths, namespace prefixes, Strict OOXML, encodings, zip features. */
import { strToU8 } from 'fflate';
import { readXlsx } from '../../src/xlsx';
import { NS, rel, rels, workbookBytes, workbookParts, worksheet, zipParts, type Parts } from '../support/xlsx-package';

const ONE_CELL = '<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1"><v>3</v></c></row>';

function firstValues(data: Uint8Array): unknown[][] {
  return readXlsx(data).grids.sheets[0]!.values;
}

describe('parts are found through relationships', () => {
  test('a conventional package', () => {
    expect(firstValues(workbookBytes({ sheets: [{ name: 'S', rows: ONE_CELL }] }))).toEqual([['单位', 3]]);
  });

  test('a workbook outside xl/, absolute and relative targets, .. segments, backslashes, percent-encoding, odd case', () => {
    const parts: Parts = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': rels(rel('r1', 'officeDocument', '/spreadsheet/book.xml')),
      'spreadsheet/book.xml': `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="一" sheetId="1" r:id="a"/><sheet name="二" sheetId="2" r:id="b"/><sheet name="三" sheetId="3" r:id="c"/><sheet name="四" sheetId="4" r:id="d"/></sheets></workbook>`,
      'spreadsheet/_rels/book.xml.rels': rels(
        rel('a', 'worksheet', '/XL/Worksheets/Sheet1.XML'),
        rel('b', 'worksheet', '..\\data\\sheet.xml'),
        rel('c', 'worksheet', './tabs/my%20sheet.xml'),
        rel('d', 'worksheet', '../data/../spreadsheet/tabs/x.xml'),
        rel('h', 'hyperlink', 'https://example.invalid/', ' TargetMode="External"'),
      ),
      'xl/worksheets/sheet1.xml': worksheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
      'data/sheet.xml': worksheet('<row r="1"><c r="A1"><v>2</v></c></row>'),
      'spreadsheet/tabs/my sheet.xml': worksheet('<row r="1"><c r="A1"><v>3</v></c></row>'),
      'spreadsheet/tabs/x.xml': worksheet('<row r="1"><c r="A1"><v>4</v></c></row>'),
    };
    const sheets = readXlsx(zipParts(parts)).grids.sheets;
    expect(sheets.map((s) => [s.name, s.values])).toEqual([
      ['一', [[1]]],
      ['二', [[2]]],
      ['三', [[3]]],
      ['四', [[4]]],
    ]);
  });

  test('Apple Numbers names the first sheet sheet.xml; zip names stored with percent-encoding', () => {
    const parts = workbookParts({ sheets: [{ name: 'A', rows: ONE_CELL }, { name: 'B', rows: ONE_CELL }] });
    parts['xl/worksheets/sheet.xml'] = parts['xl/worksheets/sheet1.xml']!;
    delete parts['xl/worksheets/sheet1.xml'];
    parts['xl/worksheets/sheet%202.xml'] = parts['xl/worksheets/sheet2.xml']!;
    delete parts['xl/worksheets/sheet2.xml'];
    parts['xl/_rels/workbook.xml.rels'] = rels(rel('rId1', 'worksheet', 'worksheets/sheet.xml'), rel('rId2', 'worksheet', 'worksheets/sheet%202.xml'));
    expect(readXlsx(zipParts(parts)).grids.sheets.map((s) => s.values)).toEqual([
      [['单位', 3]],
      [['单位', 3]],
    ]);
  });

  test('sheet order is workbook.xml order, not part order; hidden and very hidden sheets are marked', () => {
    const parts = workbookParts({
      sheets: [
        { name: 'first', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'veryHidden' },
        { name: 'second', rows: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: 'third', rows: '<row r="1"><c r="A1"><v>3</v></c></row>', state: 'hidden' },
      ],
    });
    const reordered: Parts = {};
    for (const k of Object.keys(parts).reverse()) reordered[k] = parts[k]!;
    const sheets = readXlsx(zipParts(reordered)).grids.sheets;
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['first', true],
      ['second', undefined],
      ['third', true],
    ]);
  });

  test('chart sheets, dialog sheets and macro sheets are not grids', () => {
    const parts = workbookParts({ sheets: [{ name: 'data', rows: ONE_CELL }] });
    parts['xl/workbook.xml'] = `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="chart" sheetId="2" r:id="c"/><sheet name="data" sheetId="1" r:id="rId1"/><sheet name="dlg" sheetId="3" r:id="d"/><sheet name="mac" sheetId="4" r:id="m"/></sheets></workbook>`;
    parts['xl/_rels/workbook.xml.rels'] = rels(
      rel('rId1', 'worksheet', 'worksheets/sheet1.xml'),
      rel('c', 'chartsheet', 'chartsheets/sheet1.xml'),
      rel('d', 'dialogsheet', 'dialogsheets/sheet1.xml'),
      rel('m', 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet', 'macrosheets/sheet1.xml'),
    );
    parts['xl/chartsheets/sheet1.xml'] = '<chartsheet/>';
    expect(readXlsx(zipParts(parts)).grids.sheets.map((s) => s.name)).toEqual(['data']);
  });

  test('parts the appraisal never needs are never read: broken comments, drawings, VBA, themes, core.xml', () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: ONE_CELL }] });
    parts['xl/_rels/workbook.xml.rels'] = rels(
      rel('rId1', 'worksheet', 'worksheets/sheet1.xml'),
      rel('t', 'theme', 'theme/theme1.xml'),
      rel('v', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'),
      rel('e', 'externalLink', 'externalLinks/externalLink1.xml'),
    );
    parts['xl/worksheets/_rels/sheet1.xml.rels'] = rels(rel('c', 'comments', '../comments1.xml'), rel('d', 'drawing', '../drawings/drawing1.xml'));
    parts['xl/comments1.xml'] = '<<< not xml';
    parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
    parts['docProps/core.xml'] = '\u0000garbage';
    // theme, drawing and external link are referenced but missing
    expect(firstValues(zipParts(parts))).toEqual([['单位', 3]]);
  });

  test('missing sharedStrings, styles and docProps are fine', () => {
    const data = workbookBytes({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>45000</v></c></row>' }] });
    const wb = readXlsx(data);
    expect(wb.grids.sheets[0]!.values).toEqual([[45000]]);
    expect(wb.application).toBeUndefined();
    expect(wb.date1904).toBe(false);
  });
});

describe('XML by namespace, any prefix', () => {
  test('prefixed SpreadsheetML elements, ns0: relationships, properties: app.xml', () => {
    const parts: Parts = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': `<ns0:Relationships xmlns:ns0="${NS.rels}"><ns0:Relationship Id="a" Type="${NS.relType}/officeDocument" Target="xl/workbook.xml"/><ns0:Relationship Id="b" Type="${NS.relType}/extended-properties" Target="docProps/app.xml"/></ns0:Relationships>`,
      'xl/workbook.xml': `<x:workbook xmlns:x="${NS.main}" xmlns:rel="${NS.r}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="S" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<ns0:Relationships xmlns:ns0="${NS.rels}"><ns0:Relationship Id="s1" Type="${NS.relType}/worksheet" Target="worksheets/sheet1.xml"/><ns0:Relationship Id="s2" Type="${NS.relType}/sharedStrings" Target="sharedStrings.xml"/></ns0:Relationships>`,
      'xl/sharedStrings.xml': `<x:sst xmlns:x="${NS.main}"><x:si><x:t>甲</x:t></x:si></x:sst>`,
      'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="${NS.main}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`,
      'docProps/app.xml': `<properties:Properties xmlns:properties="${NS.app}"><properties:Application>WPS Office</properties:Application></properties:Properties>`,
    };
    const wb = readXlsx(zipParts(parts));
    expect(wb.grids.sheets[0]).toEqual({ name: 'S', values: [['甲', 1]], originRow: 0, originCol: 0, merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] });
    expect(wb.date1904).toBe(true);
    expect(wb.application).toBe('WPS Office');
  });

  test('elements of other namespaces with the same local names are not cells', () => {
    const sheet = `<worksheet xmlns="${NS.main}" xmlns:o="urn:other"><sheetData><o:row r="1"><c r="A1"><v>9</v></c></o:row><row r="2"><c r="A2"><v>1</v></c><o:c r="B2"><v>2</v></o:c></row></sheetData></worksheet>`;
    const parts = workbookParts({ sheets: [{ name: 'S', xml: sheet }] });
    const values = firstValues(zipParts(parts));
    expect(values).toHaveLength(2);
    expect(values[0]).toBeUndefined();
    expect(values[1]).toEqual([1]);
  });

  test('Strict OOXML: purl.oclc.org namespaces and relationship types', () => {
    const parts: Parts = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': rels(rel('a', `${NS.strictRelType}/officeDocument`, 'xl/workbook.xml')),
      'xl/workbook.xml': `<workbook xmlns="${NS.strictMain}" xmlns:r="${NS.strictR}"><sheets><sheet name="S" sheetId="1" r:id="s1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(rel('s1', `${NS.strictRelType}/worksheet`, 'worksheets/sheet1.xml'), rel('s2', `${NS.strictRelType}/sharedStrings`, 'sharedStrings.xml')),
      'xl/sharedStrings.xml': `<sst xmlns="${NS.strictMain}"><si><t>乙</t></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${NS.strictMain}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    };
    expect(firstValues(zipParts(parts))).toEqual([['乙']]);
  });
});

describe('text encodings of parts', () => {
  function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
    const body = (bom ? '\ufeff' : '') + text;
    const out = new Uint8Array(body.length * 2);
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
      out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return out;
  }

  test.each([
    ['UTF-16LE with BOM', true, false],
    ['UTF-16BE with BOM', true, true],
    ['UTF-16LE declared, no BOM', false, false],
    ['UTF-16BE declared, no BOM', false, true],
  ])('%s', (_label, bom, bigEndian) => {
    const spec = { sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>好</t></is></c></row>' }], sharedStrings: ['<t>张三</t>'] };
    const parts = workbookParts(spec);
    for (const name of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels']) {
      const text = (parts[name] as string).replace(/^<\?xml[^>]*\?>\n?/, '');
      parts[name] = utf16(`<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${text}`, bigEndian, bom);
    }
    expect(firstValues(zipParts(parts))).toEqual([['张三', '好']]);
  });

  test('UTF-8 with BOM', () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: ONE_CELL }] });
    for (const name of Object.keys(parts)) {
      const text = parts[name] as string;
      parts[name] = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    }
    expect(firstValues(zipParts(parts))).toEqual([['单位', 3]]);
  });

  test('a long part split across many inflate chunks and decoder boundaries keeps every character', () => {
    const rows = Array.from({ length: 20000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>第${r}行单位名称</t></is></c></row>`).join('');
    const values = firstValues(workbookBytes({ sheets: [{ name: 'S', rows }] }));
    expect(values).toHaveLength(20000);
    expect(values.every((row, r) => row[0] === `第${r}行单位名称`)).toBe(true);
  });
});

describe('zip features', () => {
  const spec = { sheets: [{ name: 'S', rows: ONE_CELL }], application: 'Microsoft Excel' };

  test.each([
    ['stored entries', { deflate: false }],
    ['data descriptors (sizes after the data)', { dataDescriptors: true }],
    ['ZIP64 end record and extra fields', { zip64: true }],
    ['ZIP64 with data descriptors, stored', { zip64: true, dataDescriptors: true, deflate: false }],
  ])('%s', (_label, options) => {
    const wb = readXlsx(workbookBytes(spec, options));
    expect(wb.grids.sheets[0]!.values).toEqual([['单位', 3]]);
    expect(wb.application).toBe('Microsoft Excel');
  });
});
