/**
 * Our own .xlsx reader, for Node and browsers alike (no fs, Buffer or zlib): bytes in, the engine's
 * WorkbookGrids out, synchronously. Parts are found through the package's relationships, inflated lazily
 * and streamed through a namespace-aware XML tokenizer, so memory stays near the size of the values read.
 * Files that are not a readable .xlsx fail with an XlsxReadError whose `failure` says why.
 */
import type { SheetGrid, WorkbookGrids } from '../engine/grid';
import { readApplication } from './app-properties';
import { XlsxReadError } from './errors';
import { PackageParts } from './package-parts';
import { readSharedStrings } from './shared-strings';
import { looksLikeZip, refuseNonZip } from './sniff';
import { readDateStyles } from './styles';
import { readWorkbookPart } from './workbook-part';
import { readWorksheet } from './worksheet';
import { ZipArchive } from './zip';

export { readFailureMessage, XlsxReadError, type XlsxFailure } from './errors';

export interface ReadOptions {
  /** Called with the fraction (0…1) of the cell data read so far. */
  onProgress?(fraction: number): void;
  /** The host's raw-deflate decoder (the command line passes Node's zlib); fflate's otherwise. */
  inflateRaw?(raw: Uint8Array): Uint8Array;
}

export interface XlsxWorkbook {
  grids: WorkbookGrids;
  /** The 1904 date system (old Mac workbooks); serial dates were already shifted. */
  date1904: boolean;
  /** docProps/app.xml's Application (the program that saved it), when readable. */
  application?: string;
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

function refuseOpenDocument(parts: PackageParts): void {
  const mimetype = parts.entry('mimetype');
  if (!mimetype) return;
  let text = '';
  try {
    text = new TextDecoder().decode(parts.zip.bytes(mimetype)).trim();
  } catch {
    return;
  }
  if (text === ODS_MIME) throw new XlsxReadError('ods', 'OpenDocument spreadsheet');
  if (text.startsWith('application/vnd.oasis.opendocument.')) throw new XlsxReadError('not-xlsx', `OpenDocument ${text}`);
}

export function readXlsx(data: Uint8Array, options: ReadOptions = {}): XlsxWorkbook {
  if (!looksLikeZip(data)) refuseNonZip(data);
  const parts = new PackageParts(new ZipArchive(data, options.inflateRaw));
  refuseOpenDocument(parts);

  const packageRels = parts.relationships('');
  const main = packageRels.find((r) => r.type === 'officeDocument');
  if (!main) {
    // An OOXML package always has [Content_Types].xml; a zip without one is some other zip.
    if (!parts.has('[Content_Types].xml') && !parts.has('_rels/.rels')) throw new XlsxReadError('not-xlsx', 'a zip archive, not an Office package');
    throw new XlsxReadError('corrupt', 'no officeDocument relationship in _rels/.rels');
  }
  const workbook = readWorkbookPart(parts, parts.require(main.part));
  const workbookRels = new Map(parts.relationships(main.part).map((r) => [r.id, r]));
  const partOfType = (type: string) => {
    const rel = [...workbookRels.values()].find((r) => r.type === type);
    return rel ? parts.entry(rel.part) : undefined;
  };

  // Only worksheets become grids: chart sheets, dialog sheets and macro sheets have no cells to read.
  const sheets = workbook.sheets.flatMap((sheet) => {
    const rel = workbookRels.get(sheet.relId);
    return rel?.type === 'worksheet' ? [{ ...sheet, entry: parts.require(rel.part) }] : [];
  });
  if (sheets.length === 0) throw new XlsxReadError('no-worksheets', `${workbook.sheets.length} sheets, none a worksheet`);

  const sharedStringsEntry = partOfType('sharedStrings');
  const total = sheets.reduce((n, s) => n + s.entry.compressedSize, sharedStringsEntry?.compressedSize ?? 0) || 1;
  let done = 0;
  const progress = (consumed: number) => options.onProgress?.(Math.min(1, (done + consumed) / total));
  options.onProgress?.(0);

  const sharedStrings = readSharedStrings(parts, sharedStringsEntry, progress);
  done += sharedStringsEntry?.compressedSize ?? 0;
  const context = { sharedStrings, dateStyles: readDateStyles(parts, partOfType('styles')), date1904: workbook.date1904 };
  const grids: SheetGrid[] = sheets.map((sheet) => {
    const grid = readWorksheet(parts, sheet.entry, sheet.name, context, progress);
    done += sheet.entry.compressedSize;
    if (sheet.hidden) grid.hidden = true;
    return grid;
  });

  const application = readApplication(parts, packageRels);
  return { grids: { sheets: grids }, date1904: workbook.date1904, ...(application !== undefined ? { application } : {}) };
}
