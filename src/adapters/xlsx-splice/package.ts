/** An .xlsx package as parts: where the workbook part is, its sheets, and relationship targets. */
import { SpliceUnsupported } from './unsupported';
import { fflateCodec, type ZipCodec } from './codec';
import { entryText, readZip, type ZipEntry } from './zip';
import { attr, elements, firstElement, requireRoot, type XmlElement } from './xml';

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
};

export const SPREADSHEETML_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at, as a package path without a leading slash. */
  part: string;
  element: XmlElement;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
  element: XmlElement;
}

export class Package {
  readonly entries: Map<string, ZipEntry>;
  readonly order: string[];
  readonly workbookPart: string;

  constructor(
    data: Uint8Array,
    private readonly codec: ZipCodec = fflateCodec,
  ) {
    const list = readZip(data);
    this.order = list.map((e) => e.name);
    this.entries = new Map(list.map((e) => [e.name, e]));
    const root = this.relationships('').find((r) => r.type === REL_TYPES.officeDocument);
    if (!root) throw new SpliceUnsupported('no workbook part');
    this.workbookPart = root.part;
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  text(part: string): string {
    const entry = this.entries.get(part);
    if (!entry) throw new SpliceUnsupported(`missing part ${part}`);
    return entryText(entry, this.codec);
  }

  /** The relationships part of `part` ('' for the package's own). */
  relsPath(part: string): string {
    const slash = part.lastIndexOf('/');
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  relationships(part: string, xml?: string): Relationship[] {
    const path = this.relsPath(part);
    if (xml === undefined && !this.has(path)) return [];
    const text = xml ?? this.text(path);
    const p = requireRoot(text, 'Relationships', path, RELS_NS);
    return elements(text, `${p}Relationship`).map((element) => {
      const external = attr(element.openTag, 'TargetMode') === 'External';
      const target = attr(element.openTag, 'Target') ?? '';
      return {
        id: attr(element.openTag, 'Id') ?? '',
        type: attr(element.openTag, 'Type') ?? '',
        part: external ? '' : resolvePart(part, target),
        element,
      };
    });
  }

  /** The workbook's `<sheet>` elements with the part each points at (`workbookRels`: the workbook part's relationships). */
  sheets(workbookXml: string, workbookRels: readonly Relationship[]): SheetEntry[] {
    const rels = new Map(workbookRels.map((r) => [r.id, r]));
    const p = requireRoot(workbookXml, 'workbook', this.workbookPart, SPREADSHEETML_NS);
    const list = firstElement(workbookXml, `${p}sheets`);
    if (!list) throw new SpliceUnsupported('workbook has no <sheets>');
    return elements(workbookXml, `${p}sheet`, list.innerStart, list.innerEnd).map((element) => {
      const relId = /\s[A-Za-z_][\w.-]*:id\s*=\s*"([^"]*)"/.exec(element.openTag)?.[1];
      const rel = relId === undefined ? undefined : rels.get(relId);
      if (!rel) throw new SpliceUnsupported('sheet without a relationship');
      return {
        name: attr(element.openTag, 'name') ?? '',
        sheetId: Number(attr(element.openTag, 'sheetId')),
        relId: relId!,
        part: rel.part,
        element,
      };
    });
  }
}

/** A relationship target resolved against the part that holds the relationship. */
export function resolvePart(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : `${source.slice(0, source.lastIndexOf('/') + 1)}${target}`;
  const parts: string[] = [];
  let decoded: string;
  try {
    decoded = decodeURI(raw);
  } catch {
    throw new SpliceUnsupported(`bad relationship target ${target}`);
  }
  for (const piece of decoded.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
