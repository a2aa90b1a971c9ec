/**
 * Column widths and row heights for the generated sheets. exceljs does not measure text and Excel does
 * not grow rows for wrapped text when it opens a file, so the writer estimates both from the text's
 * display width (a CJK character is about two width units).
 */
import type { OutputColumn, OutputSheet, OutCell } from '../../engine/output-model';
import { displayWidth } from './text-width';

/** A text column may widen to this many units to avoid wrapping; longer text wraps instead. */
const MAX_AUTO_WIDTH = 30;
/** Samples this many rows when measuring, so huge sheets stay fast. */
const MEASURE_ROWS = 2000;
const LINE_HEIGHT = 14.5;
export const DATA_ROW_HEIGHT = 18;
/** Excel's largest row height ("Row height: 409 points", Excel specifications and limits). */
export const MAX_ROW_HEIGHT = 409;
/** Lines of 11-point text a row of MAX_ROW_HEIGHT shows (see heightFor). */
export const MAX_LINES = Math.floor((MAX_ROW_HEIGHT - 4) / LINE_HEIGHT);
/** Ends text cut to fit the tallest row. */
export const CUT_MARK = '…（已截断）';

export function shownText(value: OutCell | undefined, column: OutputColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.format === 'decimal2') return value.toFixed(2);
    if (column.format === 'integer') return value.toFixed(0);
  }
  return String(value);
}

/**
 * The engine's width is the minimum; a column whose longest value is a little wider (a code such as
 * UNKNOWN_ACTIVITY_TYPE, a long unit name) grows to fit it, up to MAX_AUTO_WIDTH.
 */
export function columnWidths(out: OutputSheet): number[] {
  const rows = out.rows.length > MEASURE_ROWS ? out.rows.slice(0, MEASURE_ROWS) : out.rows;
  return out.columns.map((col, c) => {
    let longest = 0;
    for (const row of rows) longest = Math.max(longest, displayWidth(shownText(row[c], col)));
    const wanted = longest + 2;
    return wanted > col.width && wanted <= MAX_AUTO_WIDTH ? wanted : col.width;
  });
}

/** Lines `text` takes in a column `width` units wide (explicit line breaks count). */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  // No character is wider than 2 units: short text without a line break needs no measuring.
  if (text.length * 2 <= usable && !text.includes('\n')) return 1;
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / usable));
  return lines;
}

export function heightFor(lines: number, minimum: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(minimum, Math.ceil(lines * LINE_HEIGHT + 4)));
}

/**
 * `text` as shown in a wrapped cell `width` units wide whose row may not grow past MAX_ROW_HEIGHT: the
 * text itself when it fits in `maxLines`, otherwise as much as fits followed by CUT_MARK. The rows stay
 * within Excel's limit and the cell says that it does not show everything (the ledger has the full text).
 */
export function fitToLines(text: string, width: number, maxLines: number = MAX_LINES): string {
  if (linesIn(text, width) <= maxLines) return text;
  const usable = Math.max(1, width - 1);
  const markWidth = displayWidth(CUT_MARK);
  let lines = 1;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const w = ch === '\n' ? 0 : displayWidth(ch);
    if (ch === '\n' || used + w > usable) {
      lines++;
      used = 0;
    }
    used += w;
    // Stop while the last line still has room for the mark.
    if (lines > maxLines || (lines === maxLines && used + markWidth > usable)) break;
    end += ch.length;
  }
  let cut = text.slice(0, end).replace(/\s+$/, '');
  while (cut.length > 0 && linesIn(cut + CUT_MARK, width) > maxLines) cut = cut.slice(0, -1);
  return cut + CUT_MARK;
}
