/**
 * A SheetPlan as a SpreadsheetML worksheet part. Strings are written inline, so the workbook's own
 * shared-string part stays untouched, and always as text: nothing here can turn `=1+1` into a formula.
 */
import { columnLetters } from '../../engine/grid';
import type { PlannedCell, SheetPlan } from '../result-sheet/plan';

const A4 = 9;

/**
 * Text for a `<t>` element. XML 1.0 cannot carry most control characters, so they are written with
 * SpreadsheetML's `_xHHHH_` escape (and a literal `_xHHHH_` gets its underscore escaped the same way);
 * an unpaired surrogate becomes U+FFFD.
 */
export function xmlText(text: string): string {
  // Most ledger text needs none of the replacements below: one test instead of five passes.
  // eslint-disable-next-line no-control-regex -- the characters the replacements below act on
  if (!/[&<>_\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    // With the u flag a surrogate pair is one code point, so this class matches lone surrogates only
    // (no lookbehind: Safari before 16.4 cannot parse it).
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The relationship id of a sheet's link into its i-th other workbook (SheetPlan.linkFiles). */
export function externalLinkId(i: number): string {
  return `rIdFile${i + 1}`;
}

/**
 * A relative file path as a relationship's Target (xsd:anyURI): spaces, controls and non-ASCII
 * percent-encoded, and `#` / `?` too, which in a file name would otherwise start a fragment or query.
 */
function targetUri(file: string): string {
  return encodeURI(file).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

/**
 * The sheet's relationships part when it links into other workbooks: one external hyperlink target per
 * file, its path relative to the result's folder with `/` separators, percent-encoded as a URI.
 */
export function sheetRelsXml(linkFiles: readonly string[]): string {
  const rels = linkFiles.map(
    (f, i) =>
      `<Relationship Id="${externalLinkId(i)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${attrValue(targetUri(f))}" TargetMode="External"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

function attrValue(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

function cellXml(ref: string, cell: PlannedCell, style: number): string {
  const v = cell.value;
  if (v === null || v === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'boolean') return `<c r="${ref}" s="${style}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
}

/** `xf` maps the plan's style index to the workbook's cell-format index. */
export function sheetXml(plan: SheetPlan, xf: (style: number) => number): string {
  return [...sheetXmlParts(plan, xf)].join('');
}

/**
 * The worksheet part in pieces, in order: the head, each row, then the tail. The splicer encodes and
 * deflates a few thousand rows at a time, so a sheet of tens of thousands of rows never exists as one
 * string (tens of MB for a city's ledgers).
 */
export function* sheetXmlParts(plan: SheetPlan, xf: (style: number) => number): Generator<string> {
  const ncols = Math.max(1, ...plan.rows.map((r) => r.cells.length));
  const letters = Array.from({ length: ncols }, (_, c) => columnLetters(c));
  const xfs = plan.styles.map((_, i) => xf(i));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    plan.print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${letters[ncols - 1]}${Math.max(1, plan.rows.length)}"/>`,
  ];
  const top = `A${plan.freezeRows + 1}`;
  out.push(
    plan.freezeRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${plan.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
          `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
  );
  yield out.join('');
  out.length = 0;
  const links: string[] = [];
  const fileIndex = new Map(plan.linkFiles.map((f, i) => [f, i]));
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    const n = r + 1;
    let xml = `<row r="${n}" ht="${row.height}" customHeight="1">`;
    row.cells.forEach((cell, c) => {
      const ref = `${letters[c]}${n}`;
      xml += cellXml(ref, cell, xfs[cell.style]!);
      if (cell.link === undefined) return;
      // Another workbook: its relationship (externalLinkId) names the file, location the cell in it.
      links.push(
        cell.linkFile === undefined
          ? `<hyperlink ref="${ref}" location="${attrValue(cell.link)}"/>`
          : `<hyperlink ref="${ref}" r:id="${externalLinkId(fileIndex.get(cell.linkFile)!)}" location="${attrValue(cell.link)}"/>`,
      );
    });
    yield `${xml}</row>`;
  }
  out.push('</sheetData>');
  if (plan.merges.length > 0) out.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  if (links.length > 0) out.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  out.push(
    '<printOptions horizontalCentered="1"/>',
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="${A4}" orientation="${plan.print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
    `<headerFooter><oddFooter>${xmlText(plan.footer)}</oddFooter></headerFooter>`,
    '</worksheet>',
  );
  yield out.join('');
}
