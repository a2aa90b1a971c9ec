/** The appraisal report: what the JSON of SPEC section 8 holds, and what the task pane shows. */
import type { IssueCode, Severity } from './issues/codes';
import type { RunRecord, UnitExplain } from './explain/types';

export interface Issue {
  severity: Severity;
  code: IssueCode;
  /** The file of `sheet` when several workbooks were appraised together; '' otherwise. */
  file: string;
  /** Sheet name, or '' for a unit-level finding. */
  sheet: string;
  /** A1 address, or '' for a row- or unit-level finding. */
  cell: string;
  /** 1-based Excel row of the finding, or null for a unit-level one. */
  row: number | null;
  unit: string;
  person: string;
  /** Values the message template needs (numbers, names, lists). Never localised text. */
  params: Record<string, string | number>;
}

/** An issue with its Chinese message filled in from the catalog. */
export interface ReportedIssue extends Issue {
  message: string;
}

export type Outcome = '表彰' | '通报批评' | '一票否决' | '';

export interface PartScores {
  study: number;
  activities: number;
  standardization: number;
  discipline: number;
  tasks: number;
}

export interface UnitResult {
  unit: string;
  /** Unrounded part scores. */
  scores: PartScores;
  /** Sum of the unrounded parts, rounded half away from zero to 2 decimals. */
  total: number;
  rank: number;
  veto: boolean;
  outcome: Outcome;
  persons: number;
  passedPersons: number;
  /** Counted activities in the year (all types, 特色活动 included). */
  activities: number;
  /** 特色活动 among them. */
  specialActivities: number;
  violations: number;
  tasks: number;
  tasksDone: number;
  /** Why the unit got its scores: per part the inputs counted, the points (= `scores`) and the places behind them. */
  explain: UnitExplain;
}

export interface PersonResult {
  unit: string;
  name: string;
  /** The 职级 text as written. */
  level: string;
  senior: boolean;
  noteChars: number | null;
  requiredChars: number;
  reflections: number | null;
  requiredReflections: number;
  passed: boolean;
  violations: number;
  eligibleExcellent: boolean;
  /** Why not eligible / not passed, in Chinese, for the 人员考核明细 sheet. */
  reasons: string[];
  /** Where the person's study row is: file ('' for a single workbook), sheet, 1-based row, and the name cell. */
  file: string;
  sheet: string;
  row: number;
  cell: string;
}

export interface Report {
  year: number;
  /** Effective rules, keyed by their Chinese parameter name, with the value as applied. */
  rules: Record<string, string | number | string[]>;
  excellentQuota: number;
  /**
   * The ledgers hold exactly one unit: a unit's self-check (自查). Its checks and part scores stand, but
   * there is no ranking, no 表彰 / 通报批评 and no 优秀 quota (0), which need all units.
   */
  selfCheck?: boolean;
  units: UnitResult[];
  persons: PersonResult[];
  issues: ReportedIssue[];
  /** The ledgers that were read, and the sheets that nearly were (kind null). */
  sheets: SheetSummary[];
  /** The run record: year and rules with their sources, ledgers read, issue counts, fingerprint, version, time. */
  run: RunRecord;
  /**
   * The other source sheets (not the rules or generated sheets): not recognised, or marked 不是台账.
   * Not ledgers, so no finding is about them; listed for the task pane's 识别结果, where the clerk may
   * map one by hand.
   */
  otherSheets: OtherSheet[];
}

export interface OtherSheet {
  file?: string;
  sheet: string;
  /** 1-based row shown as its header (its first non-empty row), or null for an empty sheet. */
  headerRow: number | null;
  excluded?: boolean;
  headers?: SheetHeader[];
}

/** Where a column was read from: `{ column: 'L', header: '实际会议时间' }`. */
export interface ColumnSource {
  column: string;
  header: string;
  /** Set when the column's contents, not its header, decided it (活动名称 holding 支委会, 主题党日…). */
  by?: 'content';
  /** Set when the clerk chose it in the 考核规则 sheet's 列名对应 block. */
  mappedBy?: '列名对应';
}

/** A header cell with the first values under it: what the clerk chooses from in 识别结果. */
export interface SheetHeader {
  column: string;
  header: string;
  samples: string[];
}

export interface SheetSummary {
  /** The file the sheet came from, when several were read. */
  file?: string;
  sheet: string;
  /** The ledger kind (study, activities, discipline, standardization, tasks), or null for a near miss. */
  kind: string | null;
  /** Records read (0 for a near miss). */
  rows: number;
  /** 1-based row of the header. */
  headerRow: number;
  /** Canonical column name (SPEC section 3's first synonyms) → where it was read from. */
  columns: Record<string, ColumnSource>;
  /** A monthly-count sheet: its month columns per group title, e.g. { "支委会次数": "D:O" }. */
  months?: Record<string, string>;
  /** Where the unit of a sheet without a 单位 column came from: its 填报单位 line or its name. */
  unit?: string;
  /** The units its records name (a read ledger only). */
  units?: string[];
  /** A near miss: the kind it looks like, and the columns it lacks. */
  looksLike?: string;
  missing?: string[];
  /** The header row's cells with sample values, for choosing a column by hand in 识别结果. */
  headers?: SheetHeader[];
}
