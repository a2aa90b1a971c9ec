import type { ActivityType, Frequency, ViolationType } from './tables';

/** The effective rules of one run: defaults, overridden by the 考核规则 sheet and the command line. */
export interface Rules {
  /** Appraisal year from the rules sheet; null = decide from the dates. */
  year: number | null;
  notesMin: number;
  seniorNotesMin: number;
  reflectionsMin: number;
  seniorKeywords: string[];
  points: { study: number; activities: number; standardization: number; discipline: number; tasks: number };
  aspectMax: number;
  /** Fraction, 0.8 = 80 %. */
  attendanceMin: number;
  commendCount: number;
  commendMinTotal: number;
  criticizeCount: number;
  /** Fraction of persons that may be graded 优秀. */
  excellentRatio: number;
  vetoKeywords: string[];
  deductions: Record<ViolationType, number>;
  frequencies: Record<ActivityType, Frequency>;
  /** Parameters the 考核规则 sheet set, by Chinese name → the value cell (for the run record). */
  sources?: Map<string, { file?: string; sheet: string; cell: string }>;
}
