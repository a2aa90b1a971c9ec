/**
 * What a file that is not a zip package is, from its first bytes: an OLE2 compound file (an encrypted
 * .xlsx, or an old .xls / WPS .et), or text (HTML, SpreadsheetML 2003, CSV) saved under an .xlsx name.
 * Telling them apart is what lets the message say what to do.
 */
import { XlsxReadError } from './errors';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip starts with its end record. */
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

function startsWith(data: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (data.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (data[at + i] !== magic[i]) return false;
  return true;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[2 * i] = text.charCodeAt(i);
  return out;
}

/**
 * Excel and WPS encrypt an .xlsx by wrapping it in a compound file with these two streams (MS-OFFCRYPTO).
 * Directory entry names are UTF-16LE; searching the bytes for them needs no compound-file parser, and an
 * .xls never holds these names in its directory (its cell text lives in compressed or 8-bit form).
 */
const ENCRYPTION_STREAMS = [utf16le('EncryptedPackage'), utf16le('EncryptionInfo')];

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  const last = data.length - needle.length;
  outer: for (let i = data.indexOf(first); i !== -1 && i <= last; i = data.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function looksLikeZip(data: Uint8Array): boolean {
  return startsWith(data, ZIP_LOCAL) || startsWith(data, ZIP_END);
}

/** The start of a text file as text, whatever its Unicode encoding, for telling HTML from XML from CSV. */
function leadingText(data: Uint8Array): string {
  const head = data.subarray(0, 2048);
  let encoding = 'utf-8';
  if (startsWith(head, [0xff, 0xfe]) || (head[0] === 0x3c && head[1] === 0)) encoding = 'utf-16le';
  else if (startsWith(head, [0xfe, 0xff]) || (head[0] === 0 && head[1] === 0x3c)) encoding = 'utf-16be';
  return new TextDecoder(encoding).decode(head, { stream: true }).replace(/^\ufeff/, '');
}

/** C0 control characters other than tab, line breaks and form feed, or bytes that are not UTF-8. */
function isBinaryChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0xfffd;
}

/** Throws the failure for any file that is not a zip package. */
export function refuseNonZip(data: Uint8Array): never {
  if (data.length === 0) throw new XlsxReadError('corrupt', 'the file is empty');
  if (startsWith(data, CFB_MAGIC)) {
    if (ENCRYPTION_STREAMS.some((name) => contains(data, name))) throw new XlsxReadError('encrypted', 'OLE2 compound file with EncryptedPackage');
    throw new XlsxReadError('legacy-xls', 'OLE2 compound file (.xls / .et)');
  }
  const text = leadingText(data).trimStart().slice(0, 1024).toLowerCase();
  if (text.startsWith('<')) {
    if (/<html|<!doctype html|<table|<body|<head/.test(text)) throw new XlsxReadError('not-xlsx', 'HTML');
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<(ss:)?workbook/.test(text)) {
      throw new XlsxReadError('not-xlsx', 'SpreadsheetML 2003 XML');
    }
    throw new XlsxReadError('not-xlsx', 'XML text');
  }
  // Text without control characters: CSV, tab-separated or plain text.
  if (![...text].some(isBinaryChar)) throw new XlsxReadError('not-xlsx', 'plain text or CSV');
  throw new XlsxReadError('not-xlsx', 'unknown binary content');
}
