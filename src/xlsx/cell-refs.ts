/** A1 references in a worksheet's XML, read without regular expressions (hundreds of thousands per sheet). */

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * `B12` → column 1 and row 11 (0-based); either part may be missing (`B` in `B:D`, `12` in `12:14`),
 * then -1. `$` signs are ignored. Returns false for anything that is not a reference.
 */
export function parseRef(ref: string, out: { col: number; row: number }): boolean {
  let col = 0;
  let row = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36 /* $ */) i++;
  let letters = 0;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    letters++;
  }
  while (i < n && ref.charCodeAt(i) === 36) i++;
  let digits = 0;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
    digits++;
  }
  if (i !== n || (letters === 0 && digits === 0) || letters > 3) return false;
  out.col = letters === 0 ? -1 : col - 1;
  out.row = digits === 0 ? -1 : row - 1;
  return true;
}
