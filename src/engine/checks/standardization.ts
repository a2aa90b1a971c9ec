/** 标准化建设 (SPEC 4.3): seven aspects, each 0–max, scaled to the part's points. */
import { ASPECTS } from '../read/columns';
import type { StandardizationRecord } from '../read/records';
import type { ByUnit, CheckContext } from './context';

export interface StandardizationResult {
  /** Sum of the (clipped) aspects of the unit's first row. */
  byUnit: ByUnit<number>;
  /** The unit's row that counted (its first), for the 评分依据 sheet. */
  rows: ByUnit<StandardizationRecord>;
  /** The first standardisation sheet, where a unit-level NO_STANDARDIZATION points. */
  sheet: string;
  /** That sheet's file ('' for a single workbook). */
  file: string;
}

export function checkStandardization(records: StandardizationRecord[], ctx: CheckContext): StandardizationResult {
  const { issues, rules } = ctx;
  const byUnit: StandardizationResult['byUnit'] = new Map();
  const firstRow = new Map<string, StandardizationRecord>();
  for (const rec of records) {
    const first = firstRow.get(rec.unit);
    if (first) {
      issues.add('DUPLICATE_ROW', rec.ref.place('单位', rec.unit), { firstSheet: first.ref.sheet, firstRow: first.ref.row + 1, what: '同一单位的标准化建设评分' });
      continue;
    }
    firstRow.set(rec.unit, rec);
    let sum = 0;
    for (const [aspect, value] of rec.aspects) {
      if (value === null) continue; // missing or invalid: reported when read, counts 0
      const clipped = Math.min(Math.max(value, 0), rules.aspectMax);
      if (clipped !== value) {
        issues.add('OUT_OF_RANGE', rec.ref.place(aspect, rec.unit), { column: aspect, value, max: rules.aspectMax, clipped });
      }
      sum += clipped;
    }
    byUnit.set(rec.unit, sum);
  }
  return { byUnit, rows: firstRow, sheet: records[0]?.ref.sheet ?? '', file: records[0]?.ref.file ?? '' };
}

export function standardizationScore(result: StandardizationResult, unit: string, ctx: CheckContext): number {
  const sum = result.byUnit.get(unit);
  if (sum === undefined) {
    ctx.issues.add('NO_STANDARDIZATION', { unit, sheet: result.sheet, file: result.file });
    return 0;
  }
  const max = ASPECTS.length * ctx.rules.aspectMax;
  return max > 0 ? (ctx.rules.points.standardization * sum) / max : 0;
}
