import { isErrorValue, type CellValue } from '../grid';
import { stripSpaces, toHalfWidth } from '../text/normalize';

export type Parsed<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  | { kind: 'invalid'; text: string }
  | { kind: 'error'; error: string };

// Digits with optional decimals, optional 万 (ten thousand), optional counting unit: 1.5万字, 12000, 4篇.
const NUMBER_TEXT = /^(\d+(?:\.\d+)?)(万)?(字|篇|次|分|人)?$/;

/** An invalid Date has no ISO text: toISOString would throw. */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? String(d) : d.toISOString().slice(0, 10);
}

/**
 * SPEC section 3 "Numbers": numeric cells, or text with half/full-width digits, thousands separators,
 * an optional trailing unit and an optional 万. Anything else is invalid.
 */
export function parseNumber(value: CellValue | undefined): Parsed<number> {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'ok', value } : { kind: 'invalid', text: String(value) };
  }
  if (isErrorValue(value)) return { kind: 'error', error: value.error };
  if (typeof value !== 'string') return { kind: 'invalid', text: value instanceof Date ? dateText(value) : String(value) };
  const compact = stripSpaces(toHalfWidth(value));
  if (compact === '') return { kind: 'missing' };
  const match = NUMBER_TEXT.exec(compact.replace(/,(?=\d{3}(?:\D|$))/g, ''));
  if (!match) return { kind: 'invalid', text: value };
  const base = Number(match[1]);
  const n = match[2] ? Math.round(base * 10000 * 1e6) / 1e6 : base;
  return Number.isFinite(n) ? { kind: 'ok', value: n } : { kind: 'invalid', text: value };
}
