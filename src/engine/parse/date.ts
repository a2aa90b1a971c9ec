import { isErrorValue, type CellValue } from '../grid';
import type { Parsed } from './number';
import { stripSpaces, toHalfWidth } from '../text/normalize';

/** A calendar date; `year` is null when the text gave none (`3月5日`): it takes the appraisal year. */
export interface DayDate {
  year: number | null;
  month: number; // 1-12
  day: number; // 1-31
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
// Serials from 1900-01-01 to 9999-12-31, the range Excel itself accepts.
const MAX_SERIAL = 2_958_465;

const WITH_YEAR = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:日)?$|^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const WITHOUT_YEAR = /^(\d{1,2})月(\d{1,2})[日号]?$/;
// A trailing time of day is common in exported logs ("2022-03-05 09:30"); the day is what counts.
const TRAILING_TIME = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function valid(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year !== null && (year < 1900 || year > 9999)) return false;
  // Without a year, 2月29日 is accepted (it is a valid date in a leap appraisal year).
  const max = month === 2 && year !== null && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1]!;
  return day <= max;
}

/**
 * Days since 1970-01-01 to a calendar date, in integer arithmetic (H. Hinnant's civil_from_days):
 * a ledger has tens of thousands of dates and a Date object for each is measurable garbage.
 */
function fromEpochDays(days: number): DayDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function fromUtcMillis(ms: number): DayDate {
  return fromEpochDays(Math.floor(ms / MS_PER_DAY));
}

/** Excel serial day number (1900 date system, as Office.js `values` reports dates) to a date. */
export function serialToDate(serial: number): DayDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  return fromUtcMillis(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

/** SPEC section 3 "Dates": date cells, serial numbers, `2022-3-5`, `2022/03/05`, `2022.3.5`, `2022年3月5日`, `3月5日`. */
export function parseDate(value: CellValue | undefined): Parsed<DayDate> {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (value instanceof Date) {
    const ms = value.getTime();
    // exceljs gives date cells as UTC midnight; read them in UTC so the day never shifts with the time zone.
    return Number.isNaN(ms) ? { kind: 'invalid', text: '（无效日期）' } : { kind: 'ok', value: fromUtcMillis(ms) };
  }
  if (typeof value === 'number') {
    const d = serialToDate(value);
    return d ? { kind: 'ok', value: d } : { kind: 'invalid', text: String(value) };
  }
  if (isErrorValue(value)) return { kind: 'error', error: value.error };
  if (typeof value !== 'string') return { kind: 'invalid', text: String(value) };
  const text = stripSpaces(toHalfWidth(value.trim()).replace(TRAILING_TIME, ''));
  if (text === '') return { kind: 'missing' };
  const full = WITH_YEAR.exec(text);
  if (full) {
    const year = Number(full[1] ?? full[4]);
    const month = Number(full[2] ?? full[5]);
    const day = Number(full[3] ?? full[6]);
    return valid(year, month, day) ? { kind: 'ok', value: { year, month, day } } : { kind: 'invalid', text: value };
  }
  const short = WITHOUT_YEAR.exec(text);
  if (short) {
    const month = Number(short[1]);
    const day = Number(short[2]);
    return valid(null, month, day) ? { kind: 'ok', value: { year: null, month, day } } : { kind: 'invalid', text: value };
  }
  return { kind: 'invalid', text: value };
}

/** Comparable number yyyymmdd. */
export function dateKey(d: { year: number; month: number; day: number }): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

export function formatDate(d: DayDate): string {
  return d.year === null ? `${d.month}月${d.day}日` : `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
