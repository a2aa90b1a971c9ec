/** Turning the text of a cell's XML into the engine's values. */

/**
 * ECMA-376 ST_Xstring: characters XML cannot carry are written `_xHHHH_` (a line break as `_x000D_`, a
 * literal `_x` sequence as `_x005F_x…`). One pass left to right, as Excel and exceljs decode it.
 */
export function decodeXString(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days from 1900-01-00 to 1904-01-01: serial 0 in the 1904 system is serial 1462 in the 1900 one. */
const DATE1904_OFFSET = 1462;

/**
 * An Excel serial date as a Date, exactly as exceljs computed it (utils.excelToDate), so that figures
 * stay identical: UTC wall-clock time, rounded to the millisecond.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY));
}

/**
 * A `t="d"` cell: ISO 8601 text (`2022-03-05`, `2022-03-05T08:30:00`, `T08:30:00` for a time only),
 * read as UTC wall-clock time like serial dates. Unreadable text stays text.
 */
export function isoToDate(text: string): Date | string {
  const m = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return text;
  const [year, month, day] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  // Excel writes no offset; one given explicitly is honoured.
  const zone = m[8];
  if (zone === undefined || zone === 'Z') return new Date(ms);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^0-9]/g, '');
  return new Date(ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000);
}
