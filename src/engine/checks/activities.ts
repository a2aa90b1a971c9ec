/** 组织生活 (SPEC 4.2): 三会一课 and 主题党日 frequency per unit, attendance, duplicates, the year. */
import { dateKey, formatDate } from '../parse/date';
import type { ActivityRecord } from '../read/records';
import { ACTIVITY_TYPES, PERIODS_PER_YEAR, type ActivityType, type Frequency } from '../rules/tables';
import { stripSpaces } from '../text/normalize';
import type { ByUnit, CheckContext } from './context';

/** The first activity type, in table order, one of whose aliases the text contains; undefined = 特色活动. */
export function matchActivityType(text: string): ActivityType | undefined {
  const t = stripSpaces(text);
  return ACTIVITY_TYPES.find((a) => a.aliases.some((alias) => t.includes(alias)))?.type;
}

/** 0-based period of a month under a frequency: 5月 is period 1 of 每季度 (第2季度). */
export function periodOf(month: number, frequency: Frequency): number {
  const n = PERIODS_PER_YEAR[frequency];
  return n === 0 ? 0 : Math.floor(((month - 1) * n) / 12);
}

export function periodName(index: number, frequency: Frequency): string {
  switch (frequency) {
    case '每月':
      return `${index + 1}月`;
    case '每季度':
      return `第${index + 1}季度`;
    case '每半年':
      return index === 0 ? '上半年' : '下半年';
    default:
      return '全年';
  }
}

interface UnitActivities {
  counted: number;
  special: number;
  /** type → months (1-12) with at least one counted activity. */
  months: Map<ActivityType, Set<number>>;
  /** Rows read but not counted (dated outside the year, or a duplicate), for the 评分依据 sheet. */
  excluded: { rec: ActivityRecord; why: 'year' | 'duplicate' }[];
}

export interface ActivitiesResult {
  byUnit: ByUnit<UnitActivities>;
}

export function checkActivities(records: ActivityRecord[], ctx: CheckContext): ActivitiesResult {
  const { issues, rules, year } = ctx;
  const byUnit: ActivitiesResult['byUnit'] = new Map();
  const seen = new Map<string, ActivityRecord>();
  // Logs repeat a handful of type texts: match each text once.
  const types = new Map<string, ActivityType | undefined>();
  // A monthly-count sheet's group of 特色活动 (党员集体活动) is reported once, not once per month cell.
  const reportedGroups = new Set<string>();
  for (const rec of records) {
    const unit = rec.unit;
    let u = byUnit.get(unit);
    if (!u) byUnit.set(unit, (u = { counted: 0, special: 0, months: new Map(), excluded: [] }));
    const { month, day } = rec.date;
    if (rec.date.year !== null && rec.date.year !== year) {
      issues.add('DATE_OUT_OF_YEAR', rec.ref.place('日期', unit), { date: formatDate(rec.date), year });
      u.excluded.push({ rec, why: 'year' });
      continue;
    }
    let type = types.get(rec.typeText);
    if (type === undefined && !types.has(rec.typeText)) {
      type = matchActivityType(rec.typeText);
      types.set(rec.typeText, type);
    }
    const key = `${unit}\u0000${dateKey({ year, month, day })}\u0000${type ?? stripSpaces(rec.typeText)}`;
    // A month's count is no row that could be entered twice.
    const first = rec.monthly ? undefined : seen.get(key);
    if (first) {
      issues.add('DUPLICATE_ROW', rec.ref.place('日期', unit), {
        firstSheet: first.ref.sheet,
        firstRow: first.ref.row + 1,
        what: `同一单位、同一日期的${type ?? rec.typeText}`,
      });
      u.excluded.push({ rec, why: 'duplicate' });
      continue;
    }
    if (!rec.monthly) seen.set(key, rec);
    u.counted += rec.count;
    if (type) {
      let months = u.months.get(type);
      if (!months) u.months.set(type, (months = new Set<number>()));
      months.add(month);
    } else {
      u.special += rec.count;
      const group = `${rec.ref.sheet}\u0000${rec.typeText}`;
      if (!rec.monthly || !reportedGroups.has(group)) {
        reportedGroups.add(group);
        issues.add('UNKNOWN_ACTIVITY_TYPE', rec.ref.place('活动类型', unit), { text: rec.typeText });
      }
    }
    if (rec.present !== null && rec.expected !== null && rec.expected > 0 && rec.present / rec.expected < rules.attendanceMin) {
      issues.add('LOW_ATTENDANCE', rec.ref.place(rec.ref.has('参加人数') ? '参加人数' : '应到人数', unit), {
        present: rec.present,
        expected: rec.expected,
        rate: `${Math.round((rec.present / rec.expected) * 1000) / 10}%`,
        min: `${Math.round(rules.attendanceMin * 1000) / 10}%`,
      });
    }
  }
  return { byUnit };
}

/** The periods (0-based) of `frequency` in which the unit held at least one activity of the type. */
export function periodsMet(months: Iterable<number> | undefined, frequency: Frequency): Set<number> {
  const met = new Set<number>();
  for (const m of months ?? []) met.add(periodOf(m, frequency));
  return met;
}

/**
 * The unit's 组织生活 score: points × the mean, over required types, of met periods ÷ periods.
 * Reports one ACTIVITY_PERIOD_MISSING per required type with missing periods.
 */
export function activitiesScore(result: ActivitiesResult, unit: string, ctx: CheckContext): number {
  const { rules, issues } = ctx;
  const months = result.byUnit.get(unit)?.months;
  const required = ACTIVITY_TYPES.filter((t) => PERIODS_PER_YEAR[rules.frequencies[t.type]] > 0);
  if (required.length === 0) return rules.points.activities;
  let sum = 0;
  for (const { type } of required) {
    const frequency = rules.frequencies[type];
    const total = PERIODS_PER_YEAR[frequency];
    const met = periodsMet(months?.get(type), frequency);
    sum += met.size / total;
    if (met.size < total) {
      const missing: string[] = [];
      for (let i = 0; i < total; i++) if (!met.has(i)) missing.push(periodName(i, frequency));
      issues.add('ACTIVITY_PERIOD_MISSING', { unit }, { type, frequency, periods: missing.join('、'), met: met.size, total });
    }
  }
  return (rules.points.activities * sum) / required.length;
}
