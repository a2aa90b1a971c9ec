/**
 * Which number formats show a date or time, so that a numeric cell styled with one becomes a `Date`,
 * as Excel displays it and as exceljs (the previous reader) returned it.
 */

/**
 * Built-in format ids that are dates or times. 14–22 and 45–47 everywhere; 27–36 and 50–58 are the
 * date formats of the Chinese, Japanese and Korean locales (e.g. 31 = `yyyy"年"m"月"d"日"` in zh-CN),
 * written by WPS and by Excel in those locales. exceljs treated 27–36 and 50–58 as numbers.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isBuiltinDateFormat(id: number): boolean {
  return BUILTIN_DATE_IDS.has(id);
}

/**
 * A custom format code is a date when a date or time token (y, m, d, h, s; b for Buddhist years) stands
 * outside quoted text, `[...]` (colours, conditions, locales like `[$-F800]`, `[DBNum1]`, elapsed `[h]`),
 * backslash escapes, and the `_x` / `*x` spacing and fill characters. Like exceljs, one token anywhere
 * is enough; exceljs did not skip escapes, so `0.0\h` was a date there and is a number here.
 */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}
