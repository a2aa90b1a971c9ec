/**
 * Adds the result sheets' cell formats to the workbook's own styles part. The workbook's fonts, fills,
 * borders and formats keep their indices (its sheets refer to them); the result's are appended after
 * them and its sheets' style indices are shifted to match.
 */
import { SpliceUnsupported } from './unsupported';
import { SPREADSHEETML_NS } from './package';
import { attr, elements, firstElement, removeAttr, requireRoot, setAttr, splice, withPrefix, type XmlElement } from './xml';

/** Custom number formats start at 164; lower ids are Excel's built-in formats. */
const FIRST_CUSTOM_NUMFMT = 164;

export interface MergedStyles {
  xml: string;
  /** The workbook's cellXfs index of each of the result's cellXfs, in order. */
  xfMap: number[];
}

function required(xml: string, tag: string, part: string): XmlElement {
  const el = firstElement(xml, tag);
  if (!el) throw new SpliceUnsupported(`${part} has no <${tag}>`);
  return el;
}

function children(xml: string, section: XmlElement | undefined, tag: string): XmlElement[] {
  return section ? elements(xml, tag, section.innerStart, section.innerEnd) : [];
}

function texts(xml: string, list: XmlElement[]): string[] {
  return list.map((el) => xml.slice(el.start, el.end));
}

/** The section with `added` appended to its children and its count attribute updated. */
function appended(xml: string, section: XmlElement, tag: string, added: string[], count: number): string {
  const open = setAttr(section.openTag.replace(/\s*\/>$/, '>'), 'count', String(count));
  return `${open}${xml.slice(section.innerStart, section.innerEnd)}${added.join('')}</${tag}>`;
}

export function mergeStyles(original: string, result: string): MergedStyles {
  // The workbook's part may carry a prefix (`<x:styleSheet>`); the result's, ours, never does: its entries
  // get the workbook's prefix as they are compared and appended.
  const p = requireRoot(original, 'styleSheet', 'styles.xml', SPREADSHEETML_NS);
  requireRoot(result, 'styleSheet', 'result styles.xml');
  const own = (text: string): string => withPrefix(text, p);

  const fonts = required(original, `${p}fonts`, 'styles.xml');
  const fills = required(original, `${p}fills`, 'styles.xml');
  const borders = required(original, `${p}borders`, 'styles.xml');
  const cellXfs = required(original, `${p}cellXfs`, 'styles.xml');
  const numFmts = firstElement(original, `${p}numFmts`);
  const hasStyleXfs = firstElement(original, `${p}cellStyleXfs`) !== undefined;
  if (!(fonts.start < fills.start && fills.start < borders.start && borders.start < cellXfs.start)) {
    throw new SpliceUnsupported('styles.xml sections out of order');
  }

  const ownFontList = texts(original, children(original, fonts, `${p}font`));
  const ownFillList = texts(original, children(original, fills, `${p}fill`));
  const ownBorderList = texts(original, children(original, borders, `${p}border`));
  const ownXfList = texts(original, children(original, cellXfs, `${p}xf`));
  const ownNumFmts = children(original, numFmts, `${p}numFmt`);

  // Custom number formats: reuse the workbook's id for the same code, otherwise take the next free id.
  const idByCode = new Map<string, string>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const f of ownNumFmts) {
    const id = attr(f.openTag, 'numFmtId') ?? '';
    idByCode.set(attr(f.openTag, 'formatCode') ?? '', id);
    nextId = Math.max(nextId, Number(id) + 1);
  }
  const numFmtMap = new Map<string, string>();
  const addedNumFmts: string[] = [];
  for (const f of children(result, firstElement(result, 'numFmts'), 'numFmt')) {
    const id = attr(f.openTag, 'numFmtId') ?? '';
    const code = attr(f.openTag, 'formatCode') ?? '';
    let mapped = idByCode.get(code);
    if (mapped === undefined) {
      mapped = String(nextId++);
      idByCode.set(code, mapped);
      addedNumFmts.push(own(setAttr(result.slice(f.start, f.end), 'numFmtId', mapped)));
    }
    numFmtMap.set(id, mapped);
  }

  // Fonts, fills, borders and cell formats equal (as text) to one the workbook has are reused: a rerun
  // on a result workbook finds the previous run's entries and adds nothing, so styles.xml stops growing.
  const fontMap = reuseOrAppend(ownFontList, texts(result, children(result, firstElement(result, 'fonts'), 'font')).map(own));
  const fillMap = reuseOrAppend(ownFillList, texts(result, children(result, firstElement(result, 'fills'), 'fill')).map(own));
  const borderMap = reuseOrAppend(ownBorderList, texts(result, children(result, firstElement(result, 'borders'), 'border')).map(own));

  const mapAttr = (tag: string, name: string, map: number[]): string => {
    const value = attr(tag, name);
    if (value === undefined) return tag;
    const mapped = map[Number(value)];
    if (mapped === undefined) throw new SpliceUnsupported(`result uses undefined ${name} ${value}`);
    return setAttr(tag, name, String(mapped));
  };
  const resultXfs = children(result, firstElement(result, 'cellXfs'), 'xf').map((xf) => {
    let open = xf.openTag;
    open = mapAttr(open, 'fontId', fontMap.indices);
    open = mapAttr(open, 'fillId', fillMap.indices);
    open = mapAttr(open, 'borderId', borderMap.indices);
    const numFmtId = attr(open, 'numFmtId');
    if (numFmtId !== undefined && Number(numFmtId) >= FIRST_CUSTOM_NUMFMT) {
      const mapped = numFmtMap.get(numFmtId);
      if (mapped === undefined) throw new SpliceUnsupported(`result uses undefined number format ${numFmtId}`);
      open = setAttr(open, 'numFmtId', mapped);
    }
    // The result's formats derive from the workbook's default cell style (xfId 0), when it has one.
    open = hasStyleXfs ? setAttr(open, 'xfId', '0') : removeAttr(open, 'xfId');
    return own(open + result.slice(xf.innerStart, xf.end));
  });
  const xfMap = reuseOrAppend(ownXfList, resultXfs);
  const addedFonts = fontMap.added;
  const addedFills = fillMap.added;
  const addedBorders = borderMap.added;
  const addedXfs = xfMap.added;
  const ownFonts = ownFontList.length;
  const ownFills = ownFillList.length;
  const ownBorders = ownBorderList.length;
  const ownXfs = ownXfList.length;

  // Edit from the end so earlier offsets stay valid.
  let xml = original;
  if (addedXfs.length > 0) xml = splice(xml, cellXfs.start, cellXfs.end, appended(xml, cellXfs, `${p}cellXfs`, addedXfs, ownXfs + addedXfs.length));
  if (addedBorders.length > 0) xml = splice(xml, borders.start, borders.end, appended(xml, borders, `${p}borders`, addedBorders, ownBorders + addedBorders.length));
  if (addedFills.length > 0) xml = splice(xml, fills.start, fills.end, appended(xml, fills, `${p}fills`, addedFills, ownFills + addedFills.length));
  if (addedFonts.length > 0) xml = splice(xml, fonts.start, fonts.end, appended(xml, fonts, `${p}fonts`, addedFonts, ownFonts + addedFonts.length));
  if (addedNumFmts.length > 0) {
    const total = ownNumFmts.length + addedNumFmts.length;
    xml = numFmts
      ? splice(xml, numFmts.start, numFmts.end, appended(xml, numFmts, `${p}numFmts`, addedNumFmts, total))
      : splice(xml, fonts.start, fonts.start, `<${p}numFmts count="${total}">${addedNumFmts.join('')}</${p}numFmts>`);
  }
  return { xml, xfMap: xfMap.indices };
}

/** Each item's index in `own` when an equal entry is there, else its index once appended. */
function reuseOrAppend(own: string[], items: string[]): { indices: number[]; added: string[] } {
  const index = new Map<string, number>();
  own.forEach((text, i) => index.has(text) || index.set(text, i));
  const added: string[] = [];
  const indices = items.map((text) => {
    let i = index.get(text);
    if (i === undefined) {
      i = own.length + added.push(text) - 1;
      index.set(text, i);
    }
    return i;
  });
  return { indices, added };
}
