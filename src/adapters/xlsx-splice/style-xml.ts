/**
 * The result sheets' cell formats as a small styles part (fonts, fills, borders, number formats, cell
 * formats), for mergeStyles to append to the workbook's own. Equal formats share one entry.
 */
import type { CellStyle } from '../result-sheet/plan';
import { escapeXml } from './xml';

/** Excel's built-in number formats that the result sheets use; others get custom ids from 164. */
const BUILT_IN_NUMFMT: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '@': 49 };

class Interned {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.push(xml) - 1;
      this.index.set(xml, i);
    }
    return i;
  }
}

function fontXml(font: CellStyle['font']): string {
  return (
    `<font>${font.bold ? '<b/>' : ''}${font.underline ? '<u/>' : ''}<sz val="${font.size}"/>` +
    `${font.color ? `<color rgb="${font.color}"/>` : ''}<name val="${escapeXml(font.name)}"/><charset val="134"/></font>`
  );
}

function fillXml(argb: string | undefined): string {
  return argb
    ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`
    : '<fill><patternFill patternType="none"/></fill>';
}

function borderXml(argb: string | undefined): string {
  if (!argb) return '<border><left/><right/><top/><bottom/><diagonal/></border>';
  const side = (name: string): string => `<${name} style="thin"><color rgb="${argb}"/></${name}>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

export class StyleTable {
  private readonly fonts = new Interned();
  private readonly fills = new Interned();
  private readonly borders = new Interned();
  private readonly xfs = new Interned();
  private readonly customFormats = new Map<string, number>();

  /** The local cell-format index of `style`. */
  add(style: CellStyle): number {
    const numFmtId = this.numFmtId(style.numFmt ?? 'General');
    const fontId = this.fonts.id(fontXml(style.font));
    const fillId = this.fills.id(fillXml(style.fill));
    const borderId = this.borders.id(borderXml(style.border));
    const a = style.alignment;
    const alignment = `<alignment horizontal="${a.horizontal}" vertical="center"${a.wrapText ? ' wrapText="1"' : ''}/>`;
    return this.xfs.id(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ''} applyFont="1"${style.fill ? ' applyFill="1"' : ''}` +
        `${style.border ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</xf>`,
    );
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_NUMFMT[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) this.customFormats.set(code, (id = 164 + this.customFormats.size));
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]): string => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length > 0 ? list('numFmts', numFmts) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      list('cellXfs', this.xfs.items) +
      '</styleSheet>'
    );
  }
}
