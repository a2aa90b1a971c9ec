/**
 * Per submitted file, what the appraisal found in it (the command line's lines and the pane's list):
 * the ledgers read, the units they name, and the issues, errors among them.
 */
import type { Report } from './report';

export interface FileSummary {
  file: string;
  /** Ledgers read from the file. */
  ledgers: number;
  units: string[];
  issues: number;
  errors: number;
}

/** `files` by name as the report names them: '' is the one workbook of a single-workbook run. */
export function summariseFiles(report: Report, files: readonly string[]): FileSummary[] {
  return files.map((file) => {
    const sheets = report.sheets.filter((s) => s.kind !== null && (s.file ?? '') === file);
    const own = report.issues.filter((i) => i.file === file);
    return {
      file,
      ledgers: sheets.length,
      units: [...new Set(sheets.flatMap((s) => s.units ?? []))],
      issues: own.length,
      errors: own.filter((i) => i.severity === 'error').length,
    };
  });
}
