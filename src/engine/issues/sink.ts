import type { Issue, ReportedIssue } from '../report';
import { ISSUE_SEVERITY, type IssueCode } from './codes';

export interface IssuePlace {
  /** The source file; defaults to the file being read (IssueSink.file). */
  file?: string;
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
  /** The file whose sheets are being read: issues found while reading them name it. */
  file = '';

  add(code: IssueCode, place: IssuePlace, params: Issue['params'] = {}): void {
    this.issues.push({
      severity: ISSUE_SEVERITY[code],
      code,
      file: place.file ?? (place.sheet ? this.file : ''),
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
