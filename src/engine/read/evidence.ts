/**
 * Column contents as evidence: a column whose values are mostly activity types is 活动类型 whatever it
 * is called (活动名称: 支部党员大会, 支委会…); mostly dates is a date; mostly unit names is 单位; mostly
 * 请假 / 缺席 / 迟到 remarks is a discipline finding. Only a sample of the first data rows is looked at,
 * so the cost does not grow with the ledger.
 */
import { isErrorValue, type CellValue } from '../grid';
import { cellText, isBlank } from '../parse/cell-text';
import { parseDate } from '../parse/date';
import { ACTIVITY_TYPES, DEFAULT_VETO_KEYWORDS, VIOLATION_TYPES } from '../rules/tables';
import { stripSpaces } from '../text/normalize';
import type { Column } from './columns';
import type { SheetView } from './sheet-view';
import { LEAVE_WORDS, UNIT_ENDINGS } from './vocabulary';

/** Columns that contents can speak for. */
export type EvidenceColumn = '日期' | '活动类型' | '问题类型' | '单位';

const SAMPLE = 40;
/** Share of the sampled non-empty values that must agree. */
const MAJORITY = 0.6;

// Excel serials of 1990-01-01 … 2099-12-31: the Office.js path gives date cells as such numbers.
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 73_415;

const ACTIVITY_ALIASES = ACTIVITY_TYPES.flatMap((t) => t.aliases);
const FINDING_WORDS = [
  ...VIOLATION_TYPES.flatMap((t) => t.aliases),
  ...LEAVE_WORDS,
  ...DEFAULT_VETO_KEYWORDS,
];

function looksLikeDate(v: CellValue): boolean {
  if (v instanceof Date) return true;
  if (typeof v === 'number') return Number.isInteger(v) ? v >= SERIAL_MIN && v <= SERIAL_MAX : v > SERIAL_MIN && v < SERIAL_MAX;
  if (typeof v !== 'string') return false;
  const parsed = parseDate(v);
  return parsed.kind === 'ok' && parsed.value.year !== null;
}

function text(v: CellValue): string | undefined {
  return typeof v === 'string' ? stripSpaces(v) : undefined;
}

const TESTS: Record<EvidenceColumn, (v: CellValue) => boolean> = {
  日期: looksLikeDate,
  活动类型: (v) => {
    const t = text(v);
    return t !== undefined && ACTIVITY_ALIASES.some((a) => t.includes(a));
  },
  问题类型: (v) => {
    const t = text(v);
    return t !== undefined && t.length <= 40 && FINDING_WORDS.some((w) => t.includes(w));
  },
  单位: (v) => {
    const t = text(v);
    return t !== undefined && t.length >= 2 && t.length <= 40 && UNIT_ENDINGS.some((e) => t.endsWith(e)) && !ACTIVITY_ALIASES.some((a) => t.includes(a));
  },
};

/** The columns a sheet column's first data values speak for. */
export function contentEvidence(view: SheetView, col: number, firstRow: number): Set<Column> {
  const values: CellValue[] = [];
  for (let r = firstRow; r < view.endRow && values.length < SAMPLE; r++) {
    const v = view.cell(r, col);
    if (!isBlank(v) && !isErrorValue(v) && cellText(v).trim() !== '') values.push(v);
  }
  const found = new Set<Column>();
  if (values.length === 0) return found;
  for (const [column, test] of Object.entries(TESTS) as [EvidenceColumn, (v: CellValue) => boolean][]) {
    let hits = 0;
    for (const v of values) if (test(v)) hits++;
    if (hits / values.length >= MAJORITY) found.add(column);
  }
  return found;
}
