/**
 * Reading a zip archive lazily: the central directory is parsed once, and an entry is inflated only when
 * a part is asked for, in chunks handed to the caller, so a 5 MB sheet never exists as one buffer.
 * Sizes and offsets come from the central directory, so entries written with data descriptors (sizes
 * after the data, as streaming writers do) read the same; ZIP64 end records and extra fields are followed.
 */
import { concatBytes } from './bytes';
import { Inflate, inflateSync } from 'fflate';
import { crc32 } from './crc32';
import { XlsxReadError } from './errors';

export interface ZipEntry {
  /** The name as stored, with backslashes turned into slashes and no leading slash. */
  name: string;
  method: number;
  /** CRC-32 of the uncompressed data, checked after reading. */
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** General-purpose flags, and MS-DOS time and date, as the central directory has them. */
  flags: number;
  time: number;
  date: number;
  /** The name exactly as stored (its encoding is whatever the writer used): a copier writes it back. */
  storedName: Uint8Array;
  /** A size or the offset came from a ZIP64 extra field. */
  zip64: boolean;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_END_SIG = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
/** Compressed bytes handed to the inflater at a time: big enough to be fast, small enough to stream. */
const CHUNK = 256 * 1024;
/** Entries up to this size may be inflated whole (see bytes()). */
export const WHOLE_ENTRY_LIMIT = 64 * 1024 * 1024;

function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError('corrupt', detail);
}

function u64(dv: DataView, at: number): number {
  // Exact up to 2^53, far beyond any file a browser or Node can hold in memory.
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

export class ZipArchive {
  private readonly dv: DataView;
  readonly entries: ZipEntry[] = [];
  /** The archive has a ZIP64 end record, or says it spans several disks. */
  zip64 = false;
  multiDisk = false;

  /**
   * `inflateRaw`: the host's own raw-deflate decoder, if it has one (Node's zlib is native and several
   * times faster than fflate); used for entries inflated whole. The CRC-32 is checked either way.
   */
  constructor(
    private readonly data: Uint8Array,
    private readonly inflateRaw?: (raw: Uint8Array) => Uint8Array,
  ) {
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.readCentralDirectory();
  }

  private findEnd(): number {
    // The end record is 22 bytes plus a comment of at most 64 KiB, at the very end of the file.
    const stop = Math.max(0, this.data.length - 22 - 0xffff);
    for (let i = this.data.length - 22; i >= stop; i--) {
      if (this.dv.getUint32(i, true) === END_SIG) return i;
    }
    throw corrupt('zip end record not found (truncated download?)');
  }

  private readCentralDirectory(): void {
    const { dv, data } = this;
    const end = this.findEnd();
    let count = dv.getUint16(end + 10, true);
    let cdOffset = dv.getUint32(end + 16, true);
    this.multiDisk = dv.getUint16(end + 4, true) !== 0;
    const locator = end - 20;
    if (locator >= 0 && dv.getUint32(locator, true) === ZIP64_LOCATOR_SIG) {
      this.zip64 = true;
      const end64 = u64(dv, locator + 8);
      if (end64 + 56 > data.length || dv.getUint32(end64, true) !== ZIP64_END_SIG) throw corrupt('bad ZIP64 end record');
      count = u64(dv, end64 + 32);
      cdOffset = u64(dv, end64 + 48);
    }
    const names = new TextDecoder();
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > data.length || dv.getUint32(p, true) !== CENTRAL_SIG) throw corrupt('bad central directory');
      const flags = dv.getUint16(p + 8, true);
      const method = dv.getUint16(p + 10, true);
      let compressedSize = dv.getUint32(p + 20, true);
      let size = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      let localOffset = dv.getUint32(p + 42, true);
      if (p + 46 + nameLen + extraLen > data.length) throw corrupt('bad central directory');
      // Without the UTF-8 flag names are nominally CP437; OOXML part names are ASCII, so UTF-8 reads both.
      const name = names.decode(data.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/').replace(/^\/+/, '');
      // ZIP64: the fields that overflowed come, in this order, from the 0x0001 extra field.
      const zip64 = size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff;
      if (zip64) {
        let q = p + 46 + nameLen;
        const extraEnd = q + extraLen;
        while (q + 4 <= extraEnd) {
          const id = dv.getUint16(q, true);
          const len = dv.getUint16(q + 2, true);
          if (id === ZIP64_EXTRA) {
            let f = q + 4;
            const fieldEnd = q + 4 + len;
            if (size === 0xffffffff && f + 8 <= fieldEnd) {
              size = u64(dv, f);
              f += 8;
            }
            if (compressedSize === 0xffffffff && f + 8 <= fieldEnd) {
              compressedSize = u64(dv, f);
              f += 8;
            }
            if (localOffset === 0xffffffff && f + 8 <= fieldEnd) localOffset = u64(dv, f);
            break;
          }
          q += 4 + len;
        }
      }
      if (flags & FLAG_ENCRYPTED) throw new XlsxReadError('encrypted', `zip entry ${name} is encrypted`);
      this.entries.push({
        name,
        method,
        crc: dv.getUint32(p + 16, true),
        compressedSize,
        size,
        localOffset,
        flags,
        time: dv.getUint16(p + 12, true),
        date: dv.getUint16(p + 14, true),
        storedName: data.subarray(p + 46, p + 46 + nameLen),
        zip64,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** The compressed bytes of an entry, found through its local header (a copier keeps them as they are). */
  rawData(entry: ZipEntry): Uint8Array {
    const { dv, data } = this;
    const at = entry.localOffset;
    if (at + 30 > data.length || dv.getUint32(at, true) !== LOCAL_SIG) throw corrupt(`bad local header: ${entry.name}`);
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    if (start + entry.compressedSize > data.length) throw corrupt(`truncated entry: ${entry.name}`);
    return data.subarray(start, start + entry.compressedSize);
  }

  /**
   * Hands the entry's uncompressed bytes to `sink` in chunks, in order; `progress` receives the number of
   * compressed bytes consumed so far. Throws 'corrupt' when the data does not inflate, or inflates to
   * other bytes than were stored (size or CRC-32 differ; checked at the end, after the sink saw them).
   */
  read(entry: ZipEntry, sink: (chunk: Uint8Array) => void, progress?: (consumed: number) => void): void {
    let crc = 0;
    let size = 0;
    this.readUnchecked(
      entry,
      (chunk) => {
        crc = crc32(crc, chunk);
        size += chunk.length;
        sink(chunk);
      },
      progress,
    );
    if (size !== entry.size || crc !== entry.crc) throw corrupt(`${entry.name} fails its CRC check (damaged data)`);
  }

  private readUnchecked(entry: ZipEntry, sink: (chunk: Uint8Array) => void, progress?: (consumed: number) => void): void {
    const raw = this.rawData(entry);
    if (entry.method === STORED) {
      for (let i = 0; i < raw.length; i += CHUNK) {
        sink(raw.subarray(i, Math.min(raw.length, i + CHUNK)));
        progress?.(Math.min(raw.length, i + CHUNK));
      }
      return;
    }
    if (entry.method !== DEFLATED) throw corrupt(`compression method ${entry.method} in ${entry.name}`);
    const inflater = new Inflate((chunk) => {
      if (chunk.length > 0) sink(chunk);
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let i = 0; i < raw.length; i += CHUNK) {
        const last = i + CHUNK >= raw.length;
        inflater.push(raw.subarray(i, Math.min(raw.length, i + CHUNK)), last);
        progress?.(Math.min(raw.length, i + CHUNK));
      }
    } catch (e) {
      // fflate's own errors (bad block type, unexpected end); the sink's own errors pass through.
      if (e instanceof XlsxReadError || !isInflateError(e)) throw e;
      throw corrupt(`${entry.name} does not inflate: ${(e as Error).message}`);
    }
  }

  /**
   * The whole entry in one buffer. Inflating into a buffer of the size the central directory gives is
   * about twice as fast as streaming (no growing and copying of output chunks); callers stream instead
   * when an entry is too large to hold at once.
   */
  bytes(entry: ZipEntry): Uint8Array {
    if (entry.method === DEFLATED && entry.size <= WHOLE_ENTRY_LIMIT) {
      const raw = this.rawData(entry);
      let out: Uint8Array;
      try {
        out = this.inflateRaw ? this.inflateRaw(raw) : inflateSync(raw, { out: new Uint8Array(entry.size) });
      } catch (e) {
        if (!isInflateError(e) && !this.inflateRaw) throw e;
        throw corrupt(`${entry.name} does not inflate: ${(e as Error).message}`);
      }
      if (out.length !== entry.size || crc32(0, out) !== entry.crc) throw corrupt(`${entry.name} fails its CRC check (damaged data)`);
      return out;
    }
    const chunks: Uint8Array[] = [];
    this.read(entry, (c) => chunks.push(c));
    return concatBytes(chunks);
  }
}

/** fflate marks its errors with a numeric `code` (FlateErrorCode). */
function isInflateError(e: unknown): boolean {
  return e instanceof Error && typeof (e as Error & { code?: unknown }).code === 'number';
}
