/** Parsing the A1 addresses Excel returns ("'Sheet 1'!A1:C3", "Sheet1!A1:B2, Sheet1!D4"). */
import { parseA1, type Merge } from '../../engine';

/** A 0-based inclusive rectangle. */
export type Rect = Merge;

function rectOf(ref: string): Rect | undefined {
  const [from, to] = ref.split(':');
  const a = from === undefined ? undefined : parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * The rectangles of a range or range-areas address. Sheet names may be quoted and may themselves contain
 * commas, so the cell part is taken from after each `!` rather than by splitting on commas.
 */
export function parseAreas(address: string): Rect[] {
  const rects: Rect[] = [];
  const re = /(?:^|!|,\s*)(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    const r = rectOf(m[1]!);
    if (r) rects.push(r);
  }
  return rects;
}

/** The single rectangle of a range address, e.g. a used range. */
export function parseRangeAddress(address: string): Rect | undefined {
  const bang = address.lastIndexOf('!');
  return rectOf(bang >= 0 ? address.slice(bang + 1) : address);
}

/** A sheet name as Excel wants it inside a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
