/**
 * The namespaces the reader matches elements by. Every OOXML namespace exists twice: transitional (what
 * Excel writes by default) and Strict (Excel's "Strict Open XML" save option, ISO 29500 strict).
 * Elements without any namespace are accepted too: a few generators omit the declaration, and nothing
 * else could be meant.
 */

export const SPREADSHEETML = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', ''];

/** The `r:` namespace of `r:id` attributes in workbook.xml. */
export const RELATIONSHIPS_ATTR = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

/** The namespace of `.rels` parts (the same in Strict). */
export const PACKAGE_RELATIONSHIPS = ['http://schemas.openxmlformats.org/package/2006/relationships', ''];

export const EXTENDED_PROPERTIES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
  '',
];

let lastMatch = SPREADSHEETML[0]!;

/** Called for every element of a sheet: the namespace that matched last time is tested first. */
export function isSpreadsheetMl(ns: string): boolean {
  if (ns === lastMatch) return true;
  if (!SPREADSHEETML.includes(ns)) return false;
  lastMatch = ns;
  return true;
}
