/** Files that are not a readable .xlsx, each told apart so that the message can say what to do. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { strToU8 } from 'fflate';
import { readFailureMessage, readXlsx, XlsxReadError, type XlsxFailure } from '../../src/xlsx';
import { NS, rel, rels, workbookBytes, workbookParts, zipParts } from '../support/xlsx-package';

function failureOf(data: Uint8Array): XlsxFailure | 'read' {
  try {
    readXlsx(data);
    return 'read';
  } catch (e) {
    if (e instanceof XlsxReadError) return e.failure;
    throw e;
  }
}

/** A compound file: the header, then some sectors whose directory names the given streams (UTF-16LE). */
function compoundFile(streams: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(512 * 4).fill(0);
  out.set(header);
  streams.forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let j = 0; j < name.length; j++) out[at + 2 * j] = name.charCodeAt(j);
  });
  return out;
}

const GOOD = { sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] };

describe('what the file is', () => {
  test.each<[string, () => Uint8Array, XlsxFailure]>([
    ['an encrypted .xlsx (compound file with EncryptionInfo and EncryptedPackage)', () => compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'encrypted'],
    ['an .xls (compound file with a Workbook stream)', () => compoundFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']), 'legacy-xls'],
    ['a WPS .et (compound file)', () => compoundFile(['Root Entry', 'WpsContent']), 'legacy-xls'],
    [
      'an .ods',
      () => zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest/>' }, { deflate: false }),
      'ods',
    ],
    ['an .odt', () => zipParts({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }, { deflate: false }), 'not-xlsx'],
    ['HTML saved as .xlsx', () => strToU8('<!DOCTYPE html><html><body><table><tr><td>单位</td></tr></table></body></html>'), 'not-xlsx'],
    ['an HTML table export', () => strToU8('\ufeff<table border="1"><tr><td>单位</td></tr></table>'), 'not-xlsx'],
    [
      'SpreadsheetML 2003 XML',
      () => strToU8('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"/></Workbook>'),
      'not-xlsx',
    ],
    ['CSV', () => strToU8('单位,姓名,笔记字数\n局办公室,张三,12000\n'), 'not-xlsx'],
    ['a PNG', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'not-xlsx'],
    ['a zip of unrelated files', () => zipParts({ 'readme.txt': 'hello', 'photo.jpg': new Uint8Array([0xff, 0xd8]) }), 'not-xlsx'],
    [
      'a .docx renamed',
      () =>
        zipParts({
          '[Content_Types].xml': '<Types/>',
          '_rels/.rels': rels(rel('r1', 'officeDocument', 'word/document.xml')),
          'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
        }),
      'not-xlsx',
    ],
  ])('%s', (_label, bytes, failure) => {
    expect(failureOf(bytes())).toBe(failure);
  });
});

describe('damaged packages are corrupt', () => {
  const good = workbookBytes(GOOD);

  test.each<[string, () => Uint8Array]>([
    ['an empty file', () => new Uint8Array(0)],
    ['only the zip signature', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04])],
    ['cut in half', () => good.subarray(0, good.length >> 1)],
    ['without its last byte', () => good.subarray(0, good.length - 1)],
    [
      'without the workbook part',
      () => {
        const parts = workbookParts(GOOD);
        delete parts['xl/workbook.xml'];
        return zipParts(parts);
      },
    ],
    [
      'with a referenced worksheet missing',
      () => {
        const parts = workbookParts(GOOD);
        delete parts['xl/worksheets/sheet1.xml'];
        return zipParts(parts);
      },
    ],
    [
      'whose workbook.xml is not XML',
      () => {
        const parts = workbookParts(GOOD);
        parts['xl/workbook.xml'] = '\u0000\u0001 not xml <<<';
        return zipParts(parts);
      },
    ],
    [
      'whose worksheet does not inflate',
      () => {
        const data = workbookBytes(GOOD).slice();
        const name = strToU8('xl/worksheets/sheet1.xml');
        // The local header's data starts right after its name: corrupt the deflate stream there.
        let at = -1;
        for (let i = 0; i < data.length && at < 0; i++) if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 3 && name.every((b, j) => data[i + 30 + j] === b)) at = i + 30 + name.length;
        data.fill(0xff, at, at + 6);
        return data;
      },
    ],
    ['without _rels/.rels but with content types', () => {
      const parts = workbookParts(GOOD);
      delete parts['_rels/.rels'];
      return zipParts(parts);
    }],
  ])('%s', (_label, bytes) => {
    expect(failureOf(bytes())).toBe('corrupt');
  });

  test('a stored worksheet with a changed byte still parses, but fails its CRC check', () => {
    const data = workbookBytes(GOOD, { deflate: false }).slice();
    const at = Buffer.from(data).indexOf('<v>1</v>');
    data[at + 3] = '7'.charCodeAt(0);
    expect(failureOf(data)).toBe('corrupt');
  });

  test('an entry with the zip encryption flag is encrypted', () => {
    expect(failureOf(workbookBytes(GOOD, { encryptedFlag: true }))).toBe('encrypted');
  });
});

describe('a workbook without worksheets', () => {
  test('only a chart sheet: no-worksheets', () => {
    const parts = workbookParts(GOOD);
    parts['xl/workbook.xml'] = `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="图表" sheetId="1" r:id="c"/></sheets></workbook>`;
    parts['xl/_rels/workbook.xml.rels'] = rels(rel('c', 'chartsheet', 'chartsheets/sheet1.xml'));
    expect(failureOf(zipParts(parts))).toBe('no-worksheets');
  });

  test('an empty <sheets>: no-worksheets', () => {
    const parts = workbookParts(GOOD);
    parts['xl/workbook.xml'] = `<workbook xmlns="${NS.main}"><sheets/></workbook>`;
    expect(failureOf(zipParts(parts))).toBe('no-worksheets');
  });
});

describe('the message catalog', () => {
  const failures: XlsxFailure[] = ['encrypted', 'legacy-xls', 'ods', 'not-xlsx', 'corrupt', 'no-worksheets'];

  test.each(failures)('%s names the file in both languages, one line each', (failure) => {
    const { zh, en } = readFailureMessage(failure, 'D:\\台账\\2022.xlsx');
    expect(zh).toContain('D:\\台账\\2022.xlsx');
    expect(en).toContain('D:\\台账\\2022.xlsx');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(`${zh}${en}`).not.toMatch(/\n/);
  });

  test('the advice the users need', () => {
    expect(readFailureMessage('encrypted', 'a').zh).toContain('文件已加密，请在 Excel 或 WPS 中取消密码后另存为 .xlsx');
    expect(readFailureMessage('legacy-xls', 'a').zh).toContain('这是旧版 .xls/.et 格式，请用 Excel 或 WPS 另存为 .xlsx');
    expect(readFailureMessage('ods', 'a').zh).toContain('请用 Excel 或 WPS 另存为 .xlsx');
    expect(readFailureMessage('not-xlsx', 'a').zh).toContain('请用 Excel 或 WPS 另存为 .xlsx');
    expect(readFailureMessage('corrupt', 'a').zh).toContain('文件已损坏或不完整');
  });
});

describe('the host’s inflater (the command line passes Node’s zlib)', () => {
  const fixture = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'example-2022.xlsx')));
  test('reads the same cells as fflate', () => {
    expect(readXlsx(fixture, { inflateRaw: inflateRawSync }).grids).toEqual(readXlsx(fixture).grids);
  });
  test('a part that does not inflate is still corrupt, not an internal error', () => {
    const damaged = fixture.slice();
    for (let i = 4000; i < 4064; i++) damaged[i] = damaged[i]! ^ 0xff;
    let failure: unknown;
    try {
      readXlsx(damaged, { inflateRaw: inflateRawSync });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(XlsxReadError);
    expect((failure as XlsxReadError).failure).toBe('corrupt');
  });
});
