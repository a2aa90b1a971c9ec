/**
 * What the task pane needs from Excel. The real implementation is src/adapters/office; the pane takes
 * it as a prop so the same App runs in Excel, in the browser harness (Excel stand-in) and in tests.
 */
import type { Report } from '../engine/report';

export interface RunOptions {
  year?: number;
  onProgress?: (stage: string, fraction: number) => void;
}

export interface RunResult {
  report: Report;
  /** Outputs that went to a free name because a user's own sheet held the desired one. */
  renamed: { from: string; to: string }[];
  /** Sheets that could not be read or written because they are protected. */
  protectedSheets: string[];
  noLedgers: boolean;
}

export interface AddinApi {
  checkApiSupport(): { supported: boolean; missing: string[] };
  runAppraisalInExcel(options: RunOptions): Promise<RunResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  insertRulesSheet(): Promise<{ status: 'inserted' | 'exists'; sheet: string }>;
}
