/**
 * Just enough of the ZIP format to add and replace parts of an .xlsx while copying every other part's
 * compressed bytes as they are: the user's sheets are not decompressed, re-encoded or re-compressed.
 * Anything unusual (ZIP64, encryption, split archives) is refused with SpliceUnsupported, and the
 * caller falls back to rewriting the whole workbook.
 */
import { fflateCodec, type ZipCodec } from './codec';
import { concatBytes } from '../../xlsx/bytes';
import { crc32 as continueCrc32 } from '../../xlsx/crc32';
import { XlsxReadError } from '../../xlsx/errors';
import { ZipArchive } from '../../xlsx/zip';
import { SpliceUnsupported } from './unsupported';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** MS-DOS time and date, kept so copied parts keep their timestamps. */
  time: number;
  date: number;
  /** The compressed bytes (a view into the archive for copied entries). */
  data: Uint8Array;
  /** A copied entry's name as stored, with its UTF-8 flag: written back exactly, whatever its encoding. */
  stored?: { name: Uint8Array; flags: number };
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_UTF8 = 0x800;

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The archive's entries in their stored order, with their compressed bytes, read by the reader's own
 * central-directory parser (src/xlsx/zip.ts). What this writer cannot write back — ZIP64, several
 * disks, encryption, other compression methods, damaged headers — is SpliceUnsupported.
 */
export function readZip(data: Uint8Array): ZipEntry[] {
  let archive: ZipArchive;
  try {
    archive = new ZipArchive(data);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new SpliceUnsupported(e.detail);
    throw e;
  }
  if (archive.zip64 || archive.multiDisk) throw new SpliceUnsupported('multi-disk or ZIP64 archive');
  const decoder = new TextDecoder();
  return archive.entries.map((e) => {
    if (e.zip64) throw new SpliceUnsupported('ZIP64 entry');
    if (e.method !== STORED && e.method !== DEFLATED) throw new SpliceUnsupported(`compression method ${e.method}`);
    let raw: Uint8Array;
    try {
      raw = archive.rawData(e);
    } catch (err) {
      if (err instanceof XlsxReadError) throw new SpliceUnsupported(err.detail);
      throw err;
    }
    return {
      // The name as stored, undecorated (the reader's `name` has backslashes turned into slashes).
      name: decoder.decode(e.storedName),
      method: e.method,
      crc: e.crc,
      compressedSize: e.compressedSize,
      size: e.size,
      time: e.time,
      date: e.date,
      data: raw,
      stored: { name: e.storedName, flags: e.flags & FLAG_UTF8 },
    };
  });
}

export function entryText(entry: ZipEntry, codec: ZipCodec = fflateCodec): string {
  const raw = entry.method === STORED ? entry.data : codec.inflateRaw(entry.data);
  return new TextDecoder().decode(raw);
}

/** CRC-32 of new entries: the reader's slicing-by-8 version, several times faster than a byte loop. */
export function crc32(data: Uint8Array): number {
  return continueCrc32(0, data);
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Long text is cut into pieces of at most this many UTF-16 code units; the encoding buffer holds four times as many bytes. */
const BATCH = 1 << 20;

/** `text` in pieces of at most BATCH code units, never splitting a surrogate pair. */
function* pieces(text: string): Generator<string> {
  let at = 0;
  while (text.length - at > BATCH) {
    const code = text.charCodeAt(at + BATCH - 1);
    const end = code >= 0xd800 && code <= 0xdbff ? at + BATCH - 1 : at + BATCH;
    yield text.slice(at, end);
    at = end;
  }
  yield at === 0 ? text : text.slice(at);
}

/**
 * A new entry holding `text`, or its parts in order (no part may end inside a surrogate pair), deflated.
 * Each part is encoded straight into one reused buffer (joining thousands of row strings first cost more
 * than encoding them); every 3 MB or so the buffer is added to the CRC-32 and pushed into one DEFLATE
 * stream (the codec's), and the last batch finishes it, so the whole text is never held as one string or one buffer.
 */
export function textEntry(name: string, text: string | Iterable<string>, now = new Date(), codec: ZipCodec = fflateCodec): ZipEntry {
  const encoder = new TextEncoder();
  const deflated: Uint8Array[] = [];
  const deflater = codec.deflater((chunk) => deflated.push(chunk));
  const buffer = new Uint8Array(typeof text === 'string' ? Math.min(4 * BATCH, 3 * text.length) : 4 * BATCH);
  let used = 0;
  let crc = 0;
  let size = 0;
  const flush = (final: boolean): void => {
    const raw = buffer.subarray(0, used);
    crc = continueCrc32(crc, raw);
    size += used;
    deflater.push(raw, final);
    used = 0;
  };
  for (const part of typeof text === 'string' ? [text] : text) {
    for (const piece of part.length > BATCH ? pieces(part) : [part]) {
      // A piece is at most BATCH code units, at most 3 bytes each in UTF-8.
      if (buffer.length - used < 3 * piece.length) flush(false);
      used += encoder.encodeInto(piece, buffer.subarray(used)).written;
      if (used >= 3 * BATCH) flush(false);
    }
  }
  flush(true);
  const data = concatBytes(deflated);
  return { name, method: DEFLATED, crc, compressedSize: data.length, size, ...dosTime(now), data };
}

const VERSION = 20;

/** The fields local headers and central-directory records share, in the same order, from `at`. */
function entryFields(dv: DataView, at: number, e: ZipEntry, flags: number, nameLength: number): void {
  dv.setUint16(at, VERSION, true); // needed to extract
  dv.setUint16(at + 2, flags, true);
  dv.setUint16(at + 4, e.method, true);
  dv.setUint16(at + 6, e.time, true);
  dv.setUint16(at + 8, e.date, true);
  dv.setUint32(at + 10, e.crc, true);
  dv.setUint32(at + 14, e.compressedSize, true);
  dv.setUint32(at + 18, e.size, true);
  dv.setUint16(at + 22, nameLength, true);
  dv.setUint16(at + 24, 0, true); // extra field length
}

/** Writes entries in order; sizes always go in the local headers (no data descriptors). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => e.stored?.name ?? encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i]!.length + e.data.length));
  if (total > 0xffffffff || entries.length >= 0xffff) throw new SpliceUnsupported('result would need ZIP64');
  const out = new Uint8Array(total);
  const dv = view(out);
  const offsets: number[] = [];
  let p = 0;
  const flagsOf = (e: ZipEntry, name: Uint8Array): number => e.stored?.flags ?? (name.some((b) => b > 0x7f) ? FLAG_UTF8 : 0);
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(p);
    dv.setUint32(p, LOCAL_SIG, true);
    entryFields(dv, p + 4, e, flagsOf(e, name), name.length);
    out.set(name, p + 30);
    out.set(e.data, p + 30 + name.length);
    p += 30 + name.length + e.data.length;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const name = names[i]!;
    dv.setUint32(p, CENTRAL_SIG, true);
    dv.setUint16(p + 4, VERSION, true); // made by
    entryFields(dv, p + 6, e, flagsOf(e, name), name.length);
    // extra, comment, disk, internal and external attributes stay 0
    dv.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  dv.setUint32(p, END_SIG, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cdStart, true);
  dv.setUint32(p + 16, cdStart, true);
  return out.subarray(0, p + 22);
}
