/**
 * Why each unit got its score (SPEC section 7, 评分依据), as data: the inputs each part counted, the
 * points it gave (the very numbers of `scores`, never recomputed from rounded text) and the places in
 * the ledgers behind every miss or deduction. The Chinese wording is filled late (explain/text.ts).
 */

/** A cell in a ledger: where a link goes. */
export interface ExplainPlace {
  /** The file the sheet is in, when several workbooks were appraised together. */
  file?: string;
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface StudyExplain {
  points: number;
  max: number;
  persons: number;
  passed: number;
  /** Persons who did not pass, in ledger order; the place is the first requirement they missed. */
  failed: (ExplainPlace & {
    name: string;
    level: string;
    noteChars: number | null;
    requiredChars: number;
    reflections: number | null;
    requiredReflections: number;
    notesMet: boolean;
    reflectionsMet: boolean;
  })[];
}

export interface ActivityTypeExplain {
  type: string;
  /** 每月, 每季度, 每半年 or 每年. */
  frequency: string;
  met: number;
  total: number;
  /** The periods without such an activity: 9月, 第3季度 … */
  missing: string[];
}

export interface ActivitiesExplain {
  points: number;
  max: number;
  /** The required types in table order; empty when none is required (full marks). */
  types: ActivityTypeExplain[];
  /** Counted activities (all types, 特色活动 included) and 特色活动 among them. */
  counted: number;
  special: number;
  /** Rows read but not counted: dated outside the year, or a duplicate of an earlier row. */
  excluded: (ExplainPlace & { date: string; typeText: string; why: 'year' | 'duplicate' })[];
}

export interface AspectExplain extends ExplainPlace {
  aspect: string;
  /** As read; null when missing or invalid (counts 0). */
  value: number | null;
  /** As counted: clipped into 0–max. */
  counted: number;
  clipped: boolean;
}

export interface StandardizationExplain {
  points: number;
  max: number;
  /** The unit's scoring row, or null when it has none (0 points). */
  row: ExplainPlace | null;
  /** The aspects present in the sheet, in the sheet's order. */
  aspects: AspectExplain[];
  /** Sum of the counted aspects, and the most it could be (7 × the aspect maximum). */
  sum: number;
  maxSum: number;
}

export interface DisciplineEntryExplain extends ExplainPlace {
  /** 2022-03-05, or '' when the row has no date. */
  date: string;
  person: string;
  /** 问题类型 as written. */
  text: string;
  /** The category: a violation type (迟到, 脱岗 …, 其他), 一票否决 or 请假. */
  category: string;
  kind: 'violation' | 'veto' | 'leave';
  /** Points deducted by this row (0 for a veto or leave). */
  deduction: number;
}

export interface DisciplineExplain {
  points: number;
  max: number;
  /** Sum of the deductions (may exceed max; the points do not go below 0). */
  deducted: number;
  veto: boolean;
  /** Every discipline row of the unit, once, in ledger order. */
  entries: DisciplineEntryExplain[];
}

export interface TasksExplain {
  points: number;
  max: number;
  tasks: number;
  done: number;
  /** Tasks not done, in ledger order; the place is the 完成情况 cell. */
  undone: (ExplainPlace & { task: string; status: string; deadline: string })[];
}

export interface UnitExplain {
  study: StudyExplain;
  activities: ActivitiesExplain;
  standardization: StandardizationExplain;
  discipline: DisciplineExplain;
  tasks: TasksExplain;
}

/** Where a rule value or the year came from. */
export type RuleSource = { from: 'default' } | { from: 'rules'; file?: string; sheet: string; cell: string } | { from: 'option' } | { from: 'dates' };

/** The run record: enough to re-check a result a year later. */
export interface RunRecord {
  year: number;
  /** --year / the pane's year box (option), the 考核年度 cell (rules), or guessed from the ledger dates. */
  yearSource: RuleSource;
  /** Every rule parameter in force, in the 考核规则 order, with its value and where it came from. */
  parameters: { name: string; value: string | number | string[]; source: RuleSource }[];
  /** The ledgers read (kind and records), in workbook order. */
  sheets: { file?: string; sheet: string; kind: string; rows: number }[];
  issues: { error: number; warning: number; info: number };
  /** SHA-256 (hex) over the canonical serialisation of the records read: the same ledger data, the same value. */
  fingerprint: string;
  /** The add-in's version (package.json), as the caller passed it. */
  version: string;
  /** When the run happened: ISO 8601 with the local UTC offset, e.g. 2026-11-30T19:18:15+08:00. */
  time: string;
}
