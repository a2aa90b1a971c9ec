import type { Issue, ReportedIssue } from '../report';
import { ISSUE_SEVERITY, type IssueCode } from './codes';

export interface IssuePlace {
  sheet?: string;
  cell?: string;
  /** 1-based Excel row. */
  row?: number | null;
  unit?: string;
  person?: string;
}

/**
 * Collects data problems as they are found; the engine returns them, it never throws them.
 * The message stays empty until the catalog fills it, once the run is over.
 */
export class IssueSink {
  readonly issues: ReportedIssue[] = [];

  add(code: IssueCode, place: IssuePlace, params: Issue['params'] = {}): void {
    this.issues.push({
      severity: ISSUE_SEVERITY[code],
      code,
      sheet: place.sheet ?? '',
      cell: place.cell ?? '',
      row: place.row ?? null,
      unit: place.unit ?? '',
      person: place.person ?? '',
      params,
      message: '',
    });
  }
}
