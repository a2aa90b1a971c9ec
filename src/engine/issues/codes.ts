/** Every issue code and its severity (SPEC section 5). The Chinese text lives in ./catalog.ts. */

export type Severity = 'error' | 'warning' | 'info';

export const ISSUE_SEVERITY = {
  NO_APPRAISAL_SHEETS: 'error',
  MISSING_COLUMN: 'error',
  MISSING_VALUE: 'error',
  INVALID_NUMBER: 'error',
  INVALID_DATE: 'error',
  FORMULA_ERROR: 'error',
  OUT_OF_RANGE: 'error',
  INVALID_RULE: 'error',
  RULES_CONFLICT: 'error',
  MISSING_RANK: 'warning',
  DUPLICATE_PERSON: 'warning',
  DUPLICATE_ROW: 'warning',
  NOTES_BELOW_MIN: 'warning',
  REFLECTIONS_BELOW_MIN: 'warning',
  UNIT_WITHOUT_STAFF: 'warning',
  DATE_OUT_OF_YEAR: 'warning',
  ACTIVITY_PERIOD_MISSING: 'warning',
  LOW_ATTENDANCE: 'warning',
  NO_STANDARDIZATION: 'warning',
  UNKNOWN_VIOLATION_TYPE: 'warning',
  UNKNOWN_PERSON: 'warning',
  UNKNOWN_UNIT: 'warning',
  VETO: 'warning',
  TASK_OVERDUE: 'warning',
  UNKNOWN_RULE: 'warning',
  INCOMPLETE_LEDGER: 'warning',
  EMPTY_LEDGER: 'warning',
  AMBIGUOUS_COLUMN: 'warning',
  COLUMN_MAPPING_UNUSED: 'warning',
  DUPLICATE_SUBMISSION: 'warning',
  UNKNOWN_ACTIVITY_TYPE: 'info',
  LEAVE_NOT_DEDUCTED: 'info',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;

export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_SEVERITY, code);
}
