/**
 * Unusable input files, built from bytes at test time (nothing binary is committed). Each case is a file
 * the command line must refuse with exit 2 and one bilingual line.
 */
import { readFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { buildWorkbook, toBytes } from '../support/workbook-builder';

export const FIXTURE = path.join(__dirname, '..', 'fixtures', 'example-2022.xlsx');

export interface BadFile {
  /** What the case is, for the test title. */
  label: string;
  /** File name to write it under (the extension matters). */
  name: string;
  /** The bytes, or `undefined` for a path that does not exist. */
  bytes: () => Promise<Buffer | undefined>;
}

const fixture = (): Buffer => readFileSync(FIXTURE);

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The header of an OLE2 compound file: an old .xls (or an encrypted .xlsx). */
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0xff)]);

/** The fixture's zip with entries changed: `undefined` removes an entry, a string replaces it. */
async function rezip(changes: Record<string, string | undefined>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fixture());
  for (const [name, content] of Object.entries(changes)) {
    if (content === undefined) zip.remove(name);
    else zip.file(name, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Inverts `count` bytes from the middle of the file: deflate streams and central directory go bad. */
function flipMiddle(data: Buffer, count: number): Buffer {
  const copy = Buffer.from(data);
  const start = Math.floor(copy.length / 2) - Math.floor(count / 2);
  for (let i = start; i < start + count; i++) copy[i] = copy[i]! ^ 0xff;
  return copy;
}

export const BAD_FILES: BadFile[] = [
  { label: 'a missing file', name: 'missing.xlsx', bytes: async () => undefined },
  { label: 'a .txt file', name: 'notes.txt', bytes: async () => Buffer.from('单位\t姓名\n局办公室\t张三\n') },
  { label: 'a .csv file', name: 'ledger.csv', bytes: async () => Buffer.from('单位,姓名,笔记字数\n局办公室,张三,12000\n') },
  { label: 'a CSV renamed to .xlsx', name: 'csv.xlsx', bytes: async () => Buffer.from('\ufeff单位,姓名,笔记字数\n局办公室,张三,12000\n') },
  { label: 'an old .xls renamed to .xlsx', name: 'legacy.xlsx', bytes: async () => OLE2 },
  {
    label: 'a password-protected .xlsx (compound file with EncryptedPackage)',
    name: 'encrypted.xlsx',
    bytes: async () => {
      const data = Buffer.alloc(2048);
      OLE2.copy(data, 0, 0, 8);
      data.write('EncryptionInfo', 1024, 'utf16le');
      data.write('EncryptedPackage', 1152, 'utf16le');
      return data;
    },
  },
  {
    label: 'an OpenDocument spreadsheet renamed to .xlsx',
    name: 'calc.xlsx',
    bytes: async () => {
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
      zip.file('content.xml', '<office:document-content/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
  },
  { label: 'a PNG renamed to .xlsx', name: 'picture.xlsx', bytes: async () => PNG },
  { label: 'an HTML page renamed to .xlsx', name: 'page.xlsx', bytes: async () => Buffer.from('<html><body><table><tr><td>单位</td></tr></table></body></html>') },
  { label: 'an empty (0-byte) file', name: 'empty.xlsx', bytes: async () => Buffer.alloc(0) },
  { label: 'only the 4-byte zip signature', name: 'magic.xlsx', bytes: async () => Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
  { label: 'a real workbook cut in half', name: 'half.xlsx', bytes: async () => fixture().subarray(0, Math.floor(fixture().length / 2)) },
  { label: 'a real workbook cut to 100 bytes', name: 'cut100.xlsx', bytes: async () => fixture().subarray(0, 100) },
  { label: 'a real workbook without its last byte', name: 'cut1.xlsx', bytes: async () => fixture().subarray(0, fixture().length - 1) },
  { label: 'a real workbook with 64 bytes flipped in the middle', name: 'flipped.xlsx', bytes: async () => flipMiddle(fixture(), 64) },
  { label: 'a zip without xl/workbook.xml', name: 'no-workbook-xml.xlsx', bytes: async () => rezip({ 'xl/workbook.xml': undefined }) },
  { label: 'a zip whose workbook.xml is not XML', name: 'bad-workbook-xml.xlsx', bytes: async () => rezip({ 'xl/workbook.xml': '\u0000\u0001 not xml <<<' }) },
  {
    label: 'a zip whose worksheets are missing',
    name: 'no-sheets.xlsx',
    bytes: async () => {
      const zip = await JSZip.loadAsync(fixture());
      const changes: Record<string, undefined> = {};
      zip.forEach((name) => {
        if (name.startsWith('xl/worksheets/')) changes[name] = undefined;
      });
      return rezip(changes);
    },
  },
  {
    label: 'a zip of unrelated files',
    name: 'plain-zip.xlsx',
    bytes: async () => {
      const zip = new JSZip();
      zip.file('readme.txt', 'hello');
      zip.file('[Content_Types].xml', '<Types/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
  },
  {
    label: 'a workbook with only unrelated sheets',
    name: 'unrelated.xlsx',
    bytes: async () =>
      toBytes(
        buildWorkbook([
          { name: '说明', rows: [['本工作簿由各单位报送。'], ['联系人', '电话']] },
          { name: '通讯录', rows: [['序号', '电话', '地址'], [1, '12345', '某路1号']] },
        ]),
      ),
  },
  { label: 'a workbook with a single empty sheet', name: 'one-empty.xlsx', bytes: async () => toBytes(buildWorkbook([{ name: 'Sheet1', rows: [] }])) },
];
