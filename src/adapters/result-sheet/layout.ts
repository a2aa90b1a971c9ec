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
  return Math.max(minimum, Math.ceil(lines * LINE_HEIGHT + 4));
}
