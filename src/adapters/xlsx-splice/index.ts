/**
 * Writes the result workbook by adding the result sheets to the user's own .xlsx package instead of
 * re-encoding it: every part of the user's workbook except workbook.xml, its relationships, the content
 * types and styles.xml is copied byte for byte (still compressed). So nothing exceljs does not model
 * (charts, pivot tables, comments, slicers…) is lost, and only the result sheets cost time to write.
 *
 * A package this module does not understand raises SpliceUnsupported; the caller then rewrites the
 * whole workbook with exceljs.
 */
import { CONTENT_TYPES_NS, Package, REL_TYPES, RELS_NS, SPREADSHEETML_NS, type Relationship, type SheetEntry } from './package';
import { mergeStyles } from './styles';
import { EMPTY_STYLES_XML } from './empty-package';
import { SpliceUnsupported } from './unsupported';
import { attr, elements, escapeXml, firstElement, removeAttr, requireRoot, splice } from './xml';
import { fflateCodec, type ZipCodec } from './codec';
import { textEntry as zipTextEntry, writeZip, type ZipEntry } from './zip';

export { SpliceUnsupported } from './unsupported';
export { StyleTable } from './style-xml';
export { sheetRelsXml, sheetXml, sheetXmlParts } from './sheet-xml';
export { emptyWorkbookPackage } from './empty-package';
export { fflateCodec, type ZipCodec } from './codec';

export interface SplicedSheet {
  /** The sheet's name in the result workbook. */
  name: string;
  /** Replace the workbook's sheet of this name (a sheet the add-in generated earlier) in place. */
  replace: boolean;
  /** Rows repeated at the top of every printed page, 1-based inclusive. */
  printTitleRows?: [number, number];
  /** Other workbooks the sheet links into (sheetRelsXml): its relationships part. */
  rels?: string;
  /**
   * The worksheet part, given the workbook's cellXfs index of each of the result's cell formats: one
   * string, or its parts in order (sheetXmlParts), which are deflated as they come.
   */
  xml(xf: (resultXf: number) => number): string | Iterable<string>;
}

export interface SpliceInput {
  /** A styles part holding the cell formats the sheets use (see StyleTable). */
  styles: string;
  sheets: SplicedSheet[];
  /** How the written parts are compressed: fflate unless the host has a faster one (Node's zlib). */
  codec?: ZipCodec;
}

const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const PRINT_TITLES = '_xlnm.Print_Titles';

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The prefix the workbook uses for relationship ids (`r` in `r:id`), and whether its root element declares
 * it. openpyxl declares it on each <sheet> instead: a new <sheet> then has to declare it itself, or its
 * `r:id` is an undeclared prefix and the workbook is not namespace-well-formed (Excel refuses it).
 */
function relPrefix(sheets: SheetEntry[], workbookXml: string, p: string): { prefix: string; onRoot: boolean } {
  const first = sheets[0];
  // A package without sheets (the base of a result built from several files) says it on its root.
  const m = first
    ? /\s([A-Za-z_][\w.-]*):id\s*=/.exec(first.element.openTag)
    : /\sxmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbookXml);
  if (!m) throw new SpliceUnsupported('cannot tell the relationships prefix');
  const declaration = `xmlns:${m[1]}="${RELATIONSHIPS_NS}"`;
  if (!workbookXml.includes(declaration)) throw new SpliceUnsupported('unexpected relationships namespace');
  const root = firstElement(workbookXml, `${p}workbook`);
  return { prefix: m[1]!, onRoot: root !== undefined && root.openTag.includes(declaration) };
}

const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * The workbook's styles part, or, when it has none (LibreOffice and the OpenXML SDK may leave it out: every
 * cell then has the default format), a new one to create at a free name beside the workbook part.
 */
function stylesPart(pkg: Package, rels: readonly Relationship[], wbDir: string): { part: string; created: boolean; related: boolean } {
  const rel = rels.find((r) => r.type === REL_TYPES.styles);
  // A relationship to a styles part the package lacks (seen from LibreOffice): the part is created there.
  if (rel) return { part: rel.part, created: !pkg.has(rel.part), related: true };
  const taken = new Set(pkg.order.map((n) => n.toLowerCase()));
  return { part: freeName((p) => taken.has(p.toLowerCase()), (n) => `${wbDir}styles${n === 1 ? '' : n}.xml`), created: true, related: false };
}

/** `xml` with `text` inserted before the closing tag of its root element `root`. */
function beforeClose(xml: string, root: string, text: string): string {
  const close = `</${root}>`;
  const at = xml.lastIndexOf(close);
  if (at < 0 || xml.slice(at + close.length).trim() !== '') throw new SpliceUnsupported(`no closing </${root}>`);
  return splice(xml, at, at, text);
}

function freeName(taken: (candidate: string) => boolean, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(make(n))) return make(n);
}

export function spliceSheets(originalData: Uint8Array, input: SpliceInput): Uint8Array {
  const codec = input.codec ?? fflateCodec;
  const textEntry = (name: string, text: string | Iterable<string>): ZipEntry => zipTextEntry(name, text, undefined, codec);
  const pkg = new Package(originalData, codec);
  const wbPart = pkg.workbookPart;
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const relsPart = pkg.relsPath(wbPart);
  let workbookXml = pkg.text(wbPart);
  let relsXml = pkg.text(relsPart);
  let typesXml = pkg.text('[Content_Types].xml');
  // Each edited part's own prefix ('' or e.g. 'x:'), carried by every element looked for or added there.
  const p = requireRoot(workbookXml, 'workbook', wbPart, SPREADSHEETML_NS);
  const tp = requireRoot(typesXml, 'Types', '[Content_Types].xml', CONTENT_TYPES_NS);
  const rp = requireRoot(relsXml, 'Relationships', relsPart, RELS_NS);

  // Parsed once, from relsXml as read: the calc-chain edit below uses these offsets before anything is appended.
  const rels = pkg.relationships(wbPart, relsXml);
  const { part: ownStylesPart, created: stylesCreated, related: stylesRelated } = stylesPart(pkg, rels, wbDir);
  const { xml: stylesXml, xfMap } = mergeStyles(stylesCreated ? EMPTY_STYLES_XML : pkg.text(ownStylesPart), input.styles);
  const xf = (resultXf: number): number => {
    const mapped = xfMap[resultXf];
    if (mapped === undefined) throw new SpliceUnsupported(`result uses undefined cell format ${resultXf}`);
    return mapped;
  };

  const sheets = pkg.sheets(workbookXml, rels);
  const { prefix, onRoot } = relPrefix(sheets, workbookXml, p);
  const declare = onRoot ? '' : ` xmlns:${prefix}="${RELATIONSHIPS_NS}"`;
  const replaced = new Map<string, ZipEntry>();
  const removed = new Set<string>();
  const added: ZipEntry[] = [];
  const newSheetTags: string[] = [];
  const newRels: string[] = [];
  const newTypes: string[] = [];
  const titles: { index: number; name: string; rows: [number, number] }[] = [];
  const sheetTagEdits: { start: number; end: number; text: string }[] = [];
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const relIds = new Set(rels.map((r) => r.id));

  for (const sheet of input.sheets) {
    const xml = sheet.xml(xf);
    const existing = sheets.findIndex((s) => s.name === sheet.name);
    let index: number;
    if (sheet.replace) {
      const old = sheets[existing];
      if (!old) throw new SpliceUnsupported(`no sheet ${sheet.name} to replace`);
      index = existing;
      replaced.set(old.part, textEntry(old.part, xml));
      if (pkg.has(pkg.relsPath(old.part))) removed.add(pkg.relsPath(old.part));
      if (sheet.rels !== undefined) added.push(textEntry(pkg.relsPath(old.part), sheet.rels));
      // A fresh result is shown even if the old one had been hidden.
      sheetTagEdits.push({ start: old.element.start, end: old.element.end, text: removeAttr(old.element.openTag, 'state') });
    } else {
      if (sheets.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase())) throw new SpliceUnsupported(`sheet ${sheet.name} exists`);
      index = sheets.length + newSheetTags.length;
      // Part names compare without case (OPC): sheet3.xml must not sit beside a Sheet3.xml.
      const taken = new Set([...pkg.order, ...added.map((e) => e.name)].map((n) => n.toLowerCase()));
      const part = freeName((p) => taken.has(p.toLowerCase()), (n) => `${wbDir}worksheets/sheet${n}.xml`);
      const relId = freeName((id) => relIds.has(id), (n) => `rId${n}`);
      relIds.add(relId);
      added.push(textEntry(part, xml));
      if (sheet.rels !== undefined) added.push(textEntry(pkg.relsPath(part), sheet.rels));
      newSheetTags.push(`<${p}sheet${declare} name="${escapeXml(sheet.name)}" sheetId="${nextSheetId++}" ${prefix}:id="${relId}"/>`);
      newRels.push(`<${rp}Relationship Id="${relId}" Type="${REL_TYPES.worksheet}" Target="${escapeXml(part.slice(wbDir.length))}"/>`);
      newTypes.push(`<${tp}Override PartName="/${escapeXml(part)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`);
    }
    if (sheet.printTitleRows) titles.push({ index, name: sheet.name, rows: sheet.printTitleRows });
  }

  // workbook.xml: edits from the end backwards keep the recorded offsets valid.
  workbookXml = editDefinedNames(workbookXml, titles, p);
  const list = firstElement(workbookXml, `${p}sheets`)!;
  workbookXml = splice(workbookXml, list.innerEnd, list.innerEnd, newSheetTags.join(''));
  for (const edit of sheetTagEdits.sort((a, b) => b.start - a.start)) {
    const el = elements(workbookXml, `${p}sheet`, list.innerStart, list.innerEnd).find((e) => e.start === edit.start);
    if (!el) throw new SpliceUnsupported('sheet element moved');
    workbookXml = splice(workbookXml, el.start, el.start + el.openTag.length, edit.text);
  }

  // A calculation chain may name cells of a replaced sheet; Excel rebuilds a missing chain silently.
  if (replaced.size > 0) {
    for (const rel of rels.filter((r) => r.type === REL_TYPES.calcChain).reverse()) {
      removed.add(rel.part);
      relsXml = splice(relsXml, rel.element.start, rel.element.end, '');
      typesXml = typesXml.replace(new RegExp(`<${tp}Override[^>]*PartName="/${rel.part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
    }
  }
  if (stylesCreated) {
    if (!stylesRelated) {
      const relId = freeName((id) => relIds.has(id), (n) => `rId${n}`);
      relIds.add(relId);
      newRels.push(`<${rp}Relationship Id="${relId}" Type="${REL_TYPES.styles}" Target="${escapeXml(ownStylesPart.slice(wbDir.length))}"/>`);
    }
    if (!typesXml.includes(`PartName="/${escapeXml(ownStylesPart)}"`)) {
      newTypes.push(`<${tp}Override PartName="/${escapeXml(ownStylesPart)}" ContentType="${STYLES_CONTENT_TYPE}"/>`);
    }
    added.unshift(textEntry(ownStylesPart, stylesXml));
  }
  relsXml = beforeClose(relsXml, `${rp}Relationships`, newRels.join(''));
  typesXml = beforeClose(typesXml, `${tp}Types`, newTypes.join(''));

  const changed = new Map<string, string>([
    [wbPart, workbookXml],
    [relsPart, relsXml],
    ['[Content_Types].xml', typesXml],
    [ownStylesPart, stylesXml],
  ]);
  const entries: ZipEntry[] = [];
  for (const name of pkg.order) {
    if (removed.has(name)) continue;
    const text = changed.get(name);
    entries.push(text !== undefined ? textEntry(name, text) : (replaced.get(name) ?? pkg.entries.get(name)!));
  }
  entries.push(...added);
  return writeZip(entries);
}

/** Sets `_xlnm.Print_Titles` for each placed sheet, replacing any the sheet had. */
function editDefinedNames(workbookXml: string, titles: { index: number; name: string; rows: [number, number] }[], p: string): string {
  if (titles.length === 0) return workbookXml;
  const names = titles.map(
    (t) =>
      `<${p}definedName name="${PRINT_TITLES}" localSheetId="${t.index}">${escapeXml(`${quotedSheet(t.name)}!$${t.rows[0]}:$${t.rows[1]}`)}</${p}definedName>`,
  );
  const indices = new Set(titles.map((t) => String(t.index)));
  const block = firstElement(workbookXml, `${p}definedNames`);
  if (block) {
    let xml = workbookXml;
    for (const el of elements(workbookXml, `${p}definedName`, block.innerStart, block.innerEnd).reverse()) {
      if (attr(el.openTag, 'name') === PRINT_TITLES && indices.has(attr(el.openTag, 'localSheetId') ?? '')) {
        xml = splice(xml, el.start, el.end, '');
      }
    }
    const closeAt = xml.indexOf(`</${p}definedNames>`, block.innerStart);
    if (closeAt < 0) {
      // <definedNames/>: open it up.
      return splice(xml, block.start, block.end, `${block.openTag.replace(/\s*\/>$/, '>')}${names.join('')}</${p}definedNames>`);
    }
    return splice(xml, closeAt, closeAt, names.join(''));
  }
  // The schema puts definedNames after sheets, functionGroups and externalReferences.
  const after = firstElement(workbookXml, `${p}externalReferences`) ?? firstElement(workbookXml, `${p}functionGroups`) ?? firstElement(workbookXml, `${p}sheets`)!;
  return splice(workbookXml, after.end, after.end, `<${p}definedNames>${names.join('')}</${p}definedNames>`);
}
export { splicedResult } from './result';
