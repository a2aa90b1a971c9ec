/**
 * Tiny .xlsx packages built in memory from XML strings, for the reader's tests: every part, name and
 * zip feature under the test's control (data descriptors, ZIP64 records, stored or deflated entries).
 */
import { deflateSync as deflateRawSync, strToU8 } from 'fflate';
import { crc32 } from '../../src/adapters/xlsx-splice/zip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strictR: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  relType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strictRelType: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
};

export type Parts = Record<string, string | Uint8Array>;

export interface ZipOptions {
  /** Deflate entries (default) or store them. */
  deflate?: boolean;
  /** Sizes and CRC after the data (general purpose flag bit 3), zeros in the local header. */
  dataDescriptors?: boolean;
  /** ZIP64 end record and locator, and ZIP64 extra fields with the sizes and offsets. */
  zip64?: boolean;
  /** Set the encryption flag on every entry. */
  encryptedFlag?: boolean;
}

/** A zip archive of the parts, in the given order. */
export function zipParts(parts: Parts, options: ZipOptions = {}): Uint8Array {
  const deflate = options.deflate ?? true;
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    offset += b.length;
  };
  let count = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = typeof content === 'string' ? strToU8(content) : content;
    const data = deflate ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const nameBytes = strToU8(name);
    const flags = (options.dataDescriptors ? 0x8 : 0) | (options.encryptedFlag ? 0x1 : 0) | 0x800;
    const method = deflate ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    if (!options.dataDescriptors) {
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, raw.length, true);
    }
    local.setUint16(26, nameBytes.length, true);
    const localOffset = offset;
    push(new Uint8Array(local.buffer));
    push(nameBytes);
    push(data);
    if (options.dataDescriptors) {
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(4, crc, true);
      dd.setUint32(8, data.length, true);
      dd.setUint32(12, raw.length, true);
      push(new Uint8Array(dd.buffer));
    }
    const extra = options.zip64 ? new DataView(new ArrayBuffer(28)) : undefined;
    if (extra) {
      extra.setUint16(0, 0x0001, true);
      extra.setUint16(2, 24, true);
      extra.setBigUint64(4, BigInt(raw.length), true);
      extra.setBigUint64(12, BigInt(data.length), true);
      extra.setBigUint64(20, BigInt(localOffset), true);
    }
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 45, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, flags, true);
    cd.setUint16(10, method, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, extra ? 0xffffffff : data.length, true);
    cd.setUint32(24, extra ? 0xffffffff : raw.length, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint16(30, extra ? 28 : 0, true);
    cd.setUint32(42, extra ? 0xffffffff : localOffset, true);
    central.push(new Uint8Array(cd.buffer), nameBytes, ...(extra ? [new Uint8Array(extra.buffer)] : []));
    count++;
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdStart;
  if (options.zip64) {
    const end64Offset = offset;
    const e = new DataView(new ArrayBuffer(56));
    e.setUint32(0, 0x06064b50, true);
    e.setBigUint64(4, 44n, true);
    e.setUint16(12, 45, true);
    e.setUint16(14, 45, true);
    e.setBigUint64(24, BigInt(count), true);
    e.setBigUint64(32, BigInt(count), true);
    e.setBigUint64(40, BigInt(cdSize), true);
    e.setBigUint64(48, BigInt(cdStart), true);
    push(new Uint8Array(e.buffer));
    const loc = new DataView(new ArrayBuffer(20));
    loc.setUint32(0, 0x07064b50, true);
    loc.setBigUint64(8, BigInt(end64Offset), true);
    loc.setUint32(16, 1, true);
    push(new Uint8Array(loc.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, options.zip64 ? 0xffff : count, true);
  end.setUint16(10, options.zip64 ? 0xffff : count, true);
  end.setUint32(12, options.zip64 ? 0xffffffff : cdSize, true);
  end.setUint32(16, options.zip64 ? 0xffffffff : cdStart, true);
  push(new Uint8Array(end.buffer));
  const out = new Uint8Array(offset);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export interface SheetSpec {
  name: string;
  /** The worksheet XML, or just the inside of `<sheetData>`. */
  xml?: string;
  rows?: string;
  state?: 'hidden' | 'veryHidden';
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** `<si>` contents, or a whole sharedStrings part. */
  sharedStrings?: string[] | string;
  /** Inside `<styleSheet>`, e.g. `<numFmts>…</numFmts><cellXfs>…</cellXfs>`. */
  styles?: string;
  workbookPr?: string;
  application?: string;
}

export const rel = (id: string, type: string, target: string, extra = ''): string =>
  `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${NS.relType}/${type}`}" Target="${target}"${extra}/>`;

export const rels = (...items: string[]): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${items.join('')}</Relationships>`;

export const worksheet = (rows: string, after = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** The parts of a conventional workbook (Excel's names), to change or extend per test. */
export function workbookParts(spec: WorkbookSpec): Parts {
  const parts: Parts = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml'), ...(spec.application !== undefined ? [rel('rId2', 'extended-properties', 'docProps/app.xml')] : [])),
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">${spec.workbookPr ?? ''}<sheets>${spec.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  };
  const wbRels = spec.sheets.map((_s, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  spec.sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml ?? worksheet(s.rows ?? '')));
  if (spec.sharedStrings !== undefined) {
    wbRels.push(rel('rIdS', 'sharedStrings', 'sharedStrings.xml'));
    parts['xl/sharedStrings.xml'] =
      typeof spec.sharedStrings === 'string' ? spec.sharedStrings : `<sst xmlns="${NS.main}">${spec.sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  }
  if (spec.styles !== undefined) {
    wbRels.push(rel('rIdY', 'styles', 'styles.xml'));
    parts['xl/styles.xml'] = `<styleSheet xmlns="${NS.main}">${spec.styles}</styleSheet>`;
  }
  if (spec.application !== undefined) {
    parts['docProps/app.xml'] = `<Properties xmlns="${NS.app}"><Application>${spec.application}</Application></Properties>`;
  }
  parts['xl/_rels/workbook.xml.rels'] = rels(...wbRels);
  return parts;
}

export function workbookBytes(spec: WorkbookSpec, options?: ZipOptions): Uint8Array {
  return zipParts(workbookParts(spec), options);
}
