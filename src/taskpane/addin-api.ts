/**
 * What the task pane needs from Excel. The real implementation is src/adapters/office; the pane takes
 * it as a prop so the same App runs in Excel, in the browser harness (Excel stand-in) and in tests.
 */
import type { SheetGrid } from '../engine/grid';
import type { Report } from '../engine/report';

export interface RunOptions {
  year?: number;
  onProgress?: (stage: string, fraction: number) => void;
  /** Sheets of units' files picked in the pane, each tagged with its file. */
  extraSheets?: SheetGrid[];
}

export interface RunResult {
  report: Report;
  /** Outputs that went to a free name because a user's own sheet held the desired one. */
  renamed: { from: string; to: string }[];
  /** Sheets that could not be read or written because they are protected. */
  protectedSheets: string[];
  /** Result sheets that reached Excel's 65 530 links per sheet: `count` rows were written without one. */
  linksOmitted?: { sheet: string; count: number }[];
  /** Sheets whose merged cells could not be read (ExcelApi below 1.13) and were inferred instead. */
  mergesInferred?: { sheet: string; blocks: number }[];
  /** The document is open read-only: the results could not be written (Office.context.document.mode). */
  readOnly?: boolean;
  noLedgers: boolean;
}

export interface AddinApi {
  checkApiSupport(): { supported: boolean; missing: string[] };
  runAppraisalInExcel(options: RunOptions): Promise<RunResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  insertRulesSheet(): Promise<{ status: 'inserted' | 'exists'; sheet: string }>;
  /** Write one 列名对应 row into 考核规则 (识别结果); absent where the host cannot write (then read-only). */
  saveColumnMapping?(mapping: { sheet: string; header: string; field: string }): Promise<void>;
}
