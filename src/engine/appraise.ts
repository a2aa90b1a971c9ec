// TEMPORARY stub so adapters can be built in parallel; replaced by the real pipeline.
import type { WorkbookGrids } from './grid';
import type { AppraisalOptions, AppraisalResult } from './index';

export function appraise(workbook: WorkbookGrids, options: AppraisalOptions = {}): AppraisalResult {
  void workbook;
  return {
    report: { year: options.year ?? 2022, rules: {}, excellentQuota: 0, units: [], persons: [], issues: [], sheets: [] },
    outputs: [],
    noLedgers: true,
  };
}
