/**
 * The shared string table: each `<si>` is plain text (`<t>`) or rich text runs (`<r><t>`), read as the
 * concatenated text. Phonetic guides (`<rPh>`, furigana/pinyin above the text) are not part of the value.
 */
import { decodeXString } from './cell-values';
import { isSpreadsheetMl } from './namespaces';
import type { PackageParts } from './package-parts';
import type { ZipEntry } from './zip';

export function readSharedStrings(parts: PackageParts, entry: ZipEntry | undefined, progress?: (consumed: number) => void): string[] {
  if (!entry) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  parts.parse(
    entry,
    {
      open(ns, local) {
        if (!isSpreadsheetMl(ns)) return true;
        switch (local) {
          case 'sst':
          case 'r':
            return;
          case 'si':
            current = '';
            return;
          case 't':
            inText = true;
            return;
          default:
            // rPh, phoneticPr, run properties (rPr), extLst
            return true;
        }
      },
      close(_ns, local) {
        if (local === 't') inText = false;
        else if (local === 'si') strings.push(decodeXString(current));
      },
      text(text) {
        if (inText) current += text;
      },
    },
    progress,
  );
  return strings;
}
