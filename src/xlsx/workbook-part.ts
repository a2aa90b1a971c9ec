/** workbook.xml: the sheets in tab order with their names, visibility and relationship ids; the date system. */
import { XlsxReadError } from './errors';
import { isSpreadsheetMl, RELATIONSHIPS_ATTR } from './namespaces';
import type { PackageParts } from './package-parts';
import type { ZipEntry } from './zip';

export interface SheetRef {
  name: string;
  hidden: boolean;
  relId: string;
}

export interface WorkbookPart {
  sheets: SheetRef[];
  date1904: boolean;
}

export function readWorkbookPart(parts: PackageParts, entry: ZipEntry): WorkbookPart {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let root: string | undefined;
  parts.parse(entry, {
    // The reader resolves `r:id`, whose prefix is whatever the file bound the namespace to.
    open(ns, local, attrs, reader) {
      if (root === undefined) {
        root = isSpreadsheetMl(ns) ? local : `{${ns}}${local}`;
        return root === 'workbook' ? undefined : true;
      }
      if (!isSpreadsheetMl(ns)) return true;
      switch (local) {
        case 'sheets':
          return;
        case 'workbookPr':
          date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
          return true;
        case 'sheet':
          sheets.push({
            name: attrs.name ?? '',
            hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
            relId: reader.attribute(attrs, RELATIONSHIPS_ATTR, 'id') ?? '',
          });
          return true;
        default:
          return true;
      }
    },
  });
  if (root === undefined) throw new XlsxReadError('corrupt', `${entry.name} is not XML`);
  // A .docx or .pptx renamed to .xlsx has a main part, just not a workbook.
  if (root !== 'workbook') throw new XlsxReadError('not-xlsx', `main part is <${root}>, not a workbook`);
  return { sheets, date1904 };
}
