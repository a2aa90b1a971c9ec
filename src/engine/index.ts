/**
 * The engine's public surface. Pure: imports no Office.js, exceljs, fs or React.
 */
import type { OutputSheet } from './output-model';
import type { Report } from './report';

export * from './grid';
export * from './report';
export * from './output-model';
export * from './output-names';
export * from './issues/codes';
export { formatIssue, issueBody } from './issues/catalog';
export * from './explain/types';
export { explainLines, remarkFor, runLines, shownTime, unitExplainLines, type ExplainLine, type ExplainPart } from './explain/text';

import type { TextHasher } from './explain/fingerprint';

export interface AppraisalOptions {
  /** Appraisal year (CLI `--year`); overrides the 考核年度 rule and the year guessed from dates. */
  year?: number;
  /** Called between stages so a UI can show progress; `fraction` runs 0 → 1. */
  onProgress?: (stage: string, fraction: number) => void;
  /** The add-in's version for the run record: package.json's (the CLI reads it; webpack injects it for the pane). */
  version?: string;
  /** The time of the run for the run record; defaults to now. Tests fix it. */
  time?: Date;
  /**
   * A fresh SHA-256 for the run record's fingerprint where the host has a native one (the command line
   * passes Node's): the same digest as the engine's own pure-TypeScript one, faster.
   */
  sha256?: () => TextHasher;
}

export interface AppraisalResult {
  report: Report;
  /** 考核汇总, 人员考核明细, 校验问题, 评分依据, in that order. Empty when the workbook has no ledgers. */
  outputs: OutputSheet[];
  /** True when no ledger was found (NO_APPRAISAL_SHEETS): nothing to score, nothing to write. */
  noLedgers: boolean;
}

export { appraise } from './appraise';
export { rulesSheetTemplate } from './rules/template';
