/**
 * String-level XML edits for the few package parts the splicer touches. These parts are small and
 * regular (SpreadsheetML written by Excel, WPS, LibreOffice or exceljs); anything outside that shape,
 * such as a namespace prefix on the root element, is refused rather than guessed at.
 */
import { SpliceUnsupported } from './unsupported';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref]!;
  });
}

function attrPattern(name: string): RegExp {
  return new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
}

/** The (unescaped) value of attribute `name` in an open tag, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** The open tag with attribute `name` set to `value` (added before the tag's end if absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const pattern = attrPattern(name);
  const written = ` ${name}="${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, written);
  return tag.replace(/\s*(\/?)>$/, `${written}$1>`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(attrPattern(name), '');
}

export interface XmlElement {
  /** Offsets into the searched text: the element spans [start, end). */
  start: number;
  end: number;
  openTag: string;
  /** Where the content between the open and close tags lies; empty for `<x/>`. */
  innerStart: number;
  innerEnd: number;
}

/**
 * Elements named `tag` in xml[from, to), in order. Elements of the same name must not nest, which
 * holds for every element this module looks for (sheet, definedName, Relationship, font, fill, xf…).
 */
export function elements(xml: string, tag: string, from = 0, to = xml.length): XmlElement[] {
  const found: XmlElement[] = [];
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let p = xml.indexOf(open, from);
  while (p >= 0 && p < to) {
    const next = xml.charCodeAt(p + open.length);
    // The name must end here: `<font` must not match `<fonts`.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
      const tagEnd = xml.indexOf('>', p);
      if (tagEnd < 0) throw new SpliceUnsupported(`unterminated <${tag}>`);
      const openTag = xml.slice(p, tagEnd + 1);
      if (openTag.endsWith('/>')) {
        found.push({ start: p, end: tagEnd + 1, openTag, innerStart: tagEnd + 1, innerEnd: tagEnd + 1 });
        p = xml.indexOf(open, tagEnd + 1);
        continue;
      }
      const closeAt = xml.indexOf(close, tagEnd + 1);
      if (closeAt < 0 || closeAt >= to) throw new SpliceUnsupported(`unclosed <${tag}>`);
      found.push({ start: p, end: closeAt + close.length, openTag, innerStart: tagEnd + 1, innerEnd: closeAt });
      p = xml.indexOf(open, closeAt + close.length);
    } else {
      p = xml.indexOf(open, p + open.length);
    }
  }
  return found;
}

export function firstElement(xml: string, tag: string, from = 0, to = xml.length): XmlElement | undefined {
  return elements(xml, tag, from, to)[0];
}

/**
 * The prefix, with its colon, that the document's root element `name` carries: '' for `<workbook …>`,
 * 'x:' for `<x:workbook xmlns:x="…">` (WPS, Tencent Docs, the OpenXML SDK and ClosedXML write SpreadsheetML
 * that way). A prefixed root must bind its prefix to `namespace`; every element this module looks for or
 * adds in the part then carries the same prefix. Fails for any other root.
 */
export function requireRoot(xml: string, name: string, part: string, namespace?: string): string {
  const m = /<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([\s/>][^>]*>)?/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  const prefix = m?.[1] === undefined ? '' : `${m[1]}:`;
  if (!m || m[2] !== name) throw new SpliceUnsupported(`${part}: root is <${m ? prefix + m[2] : '?'}>, expected <${name}>`);
  if (prefix !== '' && (namespace === undefined || !(m[3] ?? '').includes(`xmlns:${m[1]}="${namespace}"`))) {
    throw new SpliceUnsupported(`${part}: root <${prefix}${name}> in an unexpected namespace`);
  }
  return prefix;
}

/**
 * XML this module generated (no namespaces of its own, like the result's styles) with `prefix` added to
 * every element name, to sit in a part whose elements carry it.
 */
export function withPrefix(xml: string, prefix: string): string {
  return prefix === '' ? xml : xml.replace(/<(\/?)([A-Za-z_])/g, `<$1${prefix}$2`);
}

/** xml with [start, end) replaced by `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}
