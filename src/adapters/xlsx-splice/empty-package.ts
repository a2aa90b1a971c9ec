/**
 * The smallest valid workbook package with no sheet: the base a result workbook is spliced into when
 * there is no user's workbook to add to (several submitted files appraised together). `<sheets>` is
 * written open and closed, not self-closing: the splicer inserts the result sheets inside it.
 */
import { textEntry, writeZip } from './zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A styles part with only the defaults Excel expects (a font, the two reserved fills, a border, a format). */
export const EMPTY_STYLES_XML =
  `${DECL}<styleSheet xmlns="${NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  ],
  ['_rels/.rels', `${DECL}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ['xl/workbook.xml', `${DECL}<workbook xmlns="${NS}" xmlns:r="${OFFICE_REL}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`],
  ['xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_REL}/styles" Target="styles.xml"/></Relationships>`],
  ['xl/styles.xml', EMPTY_STYLES_XML],
];

export function emptyWorkbookPackage(now = new Date()): Uint8Array {
  return writeZip(PARTS.map(([name, text]) => textEntry(name, text, now)));
}
