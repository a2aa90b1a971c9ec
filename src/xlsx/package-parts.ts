/**
 * The package as parts (Open Packaging Conventions): every part is found through relationships, never by
 * a fixed name, because producers differ: the workbook need not live in `xl/`, Apple Numbers names the
 * first sheet `sheet.xml`, some tools write backslashes or odd case in zip names, and Strict files use
 * other relationship type URIs. Part names compare without regard to case, as OPC requires.
 */
import { XlsxReadError } from './errors';
import { PACKAGE_RELATIONSHIPS } from './namespaces';
import { decodeText, TextStream } from './text-stream';
import { XmlReader, type XmlVisitor } from './xml-reader';
import { WHOLE_ENTRY_LIMIT, type ZipArchive, type ZipEntry } from './zip';

export interface Relationship {
  id: string;
  /** The last path segment of the type URI: `officeDocument`, `worksheet`, `sharedStrings`, `styles`… */
  type: string;
  /** The target part's name, resolved (no leading slash); '' for external targets. */
  part: string;
}

/** Percent-decoded without failing on a stray `%`. */
function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const base = clean.startsWith('/') ? '' : sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  const parts: string[] = [];
  for (const piece of `${base}${clean}`.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(percentDecode(piece));
  }
  return parts.join('/');
}

/** The relationships part of a part ('' for the package itself): `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly zip: ZipArchive) {
    for (const entry of zip.entries) {
      if (entry.name.endsWith('/')) continue; // folder entries
      // Zip names may be stored percent-encoded (as OPC part names are) or not: answer both.
      this.byName.set(entry.name.toLowerCase(), entry);
      const decoded = entry.name.split('/').map(percentDecode).join('/').toLowerCase();
      if (!this.byName.has(decoded)) this.byName.set(decoded, entry);
    }
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** A needed part: missing or not inflating is 'corrupt'. */
  require(part: string): ZipEntry {
    const entry = this.entry(part);
    if (!entry) throw new XlsxReadError('corrupt', `missing part ${part}`);
    return entry;
  }

  /**
   * A part's text through an XML visitor. Parts up to WHOLE_ENTRY_LIMIT are inflated and decoded whole
   * (twice as fast as streaming both, and a city workbook's largest sheet is 5 MB); larger ones stream,
   * so that memory stays bounded whatever the file.
   */
  parse(entry: ZipEntry, visitor: XmlVisitor, progress?: (consumed: number) => void): void {
    const reader = new XmlReader(visitor);
    if (entry.size <= WHOLE_ENTRY_LIMIT) {
      reader.write(decodeText(this.zip.bytes(entry)));
      progress?.(entry.compressedSize);
    } else {
      const text = new TextStream((t) => reader.write(t));
      this.zip.read(entry, (chunk) => text.push(chunk), progress);
      text.end();
    }
    reader.end();
  }

  /** A small part's whole text. */
  text(entry: ZipEntry): string {
    return decodeText(this.zip.bytes(entry));
  }

  /** The relationships of a part ('' for the package's own, `_rels/.rels`); none when the part has no rels part. */
  relationships(part: string): Relationship[] {
    const entry = this.entry(relsPartOf(part));
    if (!entry) return [];
    const rels: Relationship[] = [];
    this.parse(entry, {
      open: (ns, local, attrs) => {
        if (local !== 'Relationship' || !PACKAGE_RELATIONSHIPS.includes(ns)) return;
        if ((attrs.TargetMode ?? '').toLowerCase() === 'external') return true;
        rels.push({ id: attrs.Id ?? '', type: lastSegment(attrs.Type ?? ''), part: resolveTarget(part, attrs.Target ?? '') });
        return true;
      },
    });
    return rels;
  }
}
