/**
 * From styles.xml only what reading values needs: for each cell format (`cellXfs`, the `s` index of a
 * cell), whether its number format is a date. Fonts, fills, borders and named styles are skipped unread.
 */
import { isSpreadsheetMl } from './namespaces';
import { isBuiltinDateFormat, isDateFormatCode } from './number-formats';
import type { PackageParts } from './package-parts';
import type { ZipEntry } from './zip';

/** `dateStyles[s]` is true when cell format `s` shows a date. */
export type DateStyles = readonly boolean[];

export function readDateStyles(parts: PackageParts, entry: ZipEntry | undefined): DateStyles {
  if (!entry) return [];
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parts.parse(entry, {
    open(ns, local, attrs) {
      if (!isSpreadsheetMl(ns)) return true;
      switch (local) {
        case 'styleSheet':
        case 'numFmts':
          return;
        case 'numFmt':
          customCodes.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
          return true;
        case 'cellXfs':
          inCellXfs = true;
          return;
        case 'xf':
          if (inCellXfs) formatIds.push(Number(attrs.numFmtId ?? 0));
          return true;
        default:
          return true;
      }
    },
    close(_ns, local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => {
    // A custom code with a built-in id overrides the built-in one.
    const code = customCodes.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id);
  });
}
