/**
 * How well one header names one column: a whole synonym beats a keyword inside a longer header, and a
 * keyword is weighed by what else the header says (实际 over 计划, 党支部 over 分党委). Scores are
 * plain numbers so that column contents can add their evidence (./evidence.ts) on the same scale.
 */
import { columnFor, type Column, type LedgerKind } from './columns';
import { ACTUAL_WORDS, KEYWORDS, NOT_KEYWORDS, PLANNED_WORDS, UNIT_LEVELS } from './vocabulary';

export const SCORE = {
  /** The header is one of the column's synonyms. */
  exact: 100,
  /** The header holds one of the column's keywords and none of its excluding words. */
  keyword: 60,
  /** The column's contents look like the column, whatever the header says. */
  contentOnly: 45,
  /** Contents agreeing with a header that already names the column. */
  contentBonus: 20,
  /** 实际 / 计划 in a date header. */
  actual: 10,
  /** Each organisation level above the lowest (党支部 > 党总支 > 分党委). */
  level: 8,
} as const;

const includesAny = (key: string, words: readonly string[] | undefined): boolean => !!words && words.some((w) => key.includes(w));

/** 0 for 党支部 / 股室, 1 for 党总支, 2 for 分党委 / 院系: the lowest level a header names. */
export function unitLevel(key: string): number {
  // Higher levels' words may hold a lower level's word (支部 in 党总支部): take them out before asking
  // whether a lower level is named, so 党总支部 is level 1 and 分党委党支部 is level 0.
  for (let level = 0; level < UNIT_LEVELS.length; level++) {
    let rest = key;
    for (const higher of UNIT_LEVELS.slice(level + 1)) for (const w of higher) rest = rest.split(w).join('');
    if (UNIT_LEVELS[level]!.some((w) => rest.includes(w))) return level;
  }
  return 0;
}

/**
 * A keyword only counts in something shaped like a header: a title (`2022年度学习笔记登记表`) or a
 * `填报单位：… 填报日期：…` line holds keywords too, and must not be taken for the header row.
 */
const MAX_HEADER_LENGTH = 16;
function looksLikeHeader(key: string): boolean {
  return key.length <= MAX_HEADER_LENGTH && !key.includes('：') && !key.includes(':');
}

/** The name score of a normalised header for a column within a kind; 0 when it does not name it. */
export function nameScore(key: string, column: Column, kind: LedgerKind): number {
  if (key === '') return 0;
  let score = 0;
  if (columnFor(key, kind) === column) score = SCORE.exact;
  else if (looksLikeHeader(key) && includesAny(key, KEYWORDS[column]) && !includesAny(key, NOT_KEYWORDS[column])) score = SCORE.keyword;
  if (score === 0) return 0;
  if (column === '日期') {
    if (includesAny(key, ACTUAL_WORDS)) score += SCORE.actual;
    if (includesAny(key, PLANNED_WORDS)) score -= SCORE.actual;
  }
  if (column === '单位') score -= SCORE.level * unitLevel(key);
  return score;
}
