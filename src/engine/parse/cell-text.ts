import { isErrorValue, type CellValue } from '../grid';
import { startsVisibly } from '../text/normalize';

/** A cell as display text for names, types and free text. Numbers print as Excel would show a general number. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (isErrorValue(value)) return value.error;
  return '';
}

export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return !startsVisibly(value) && value.trim() === '';
  return false;
}
