/**
 * The Office.js adapter: the task pane's only door into Excel. Reads every sheet into the engine's
 * grids, runs the engine, writes the generated sheets back.
 */
import { appraise, type Report, type SheetGrid } from '../../engine';
import { checkApiSupport } from './support';
import { readWorkbook } from './read';
import { writeOutputs, existingSheets } from './write';
import { selectCellIn, insertRulesSheetIn } from './navigate';
import { OfficeAdapterError, toOfficeAdapterError } from './errors';
import { documentIsReadOnly, rememberGeneratedIds, rememberedGeneratedIds } from './document';

/**
 * Every batch waits while the user is editing a cell instead of failing: "When true, the batch request is
 * executed immediately if the user is not in cell edit mode, but if the user is in cell edit mode the
 * batch request is delayed until the user exits cell edit mode" (Excel.RunOptions.delayForCellEdit).
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };
import { ADDIN_VERSION } from '../../version';
import { saveColumnMappingIn, type ColumnMappingRow } from './column-mapping';
import { RULES_SHEET_NAME } from '../../engine/rules/read-rules';

export { checkApiSupport } from './support';
export { readWorkbook } from './read';
export type { ReadResult } from './read';
export { writeOutputs, existingSheets } from './write';
export type { WriteResult } from './write';
export { OfficeAdapterError, isOfficeAdapterError } from './errors';
export type { OfficeFailureKind } from './errors';
export type { ColumnMappingRow } from './column-mapping';

export type ProgressStage = 'read' | 'check' | 'write' | 'done';

const FRAME_MS = 16;

export interface RunOptions {
  year?: number;
  onProgress?: (stage: ProgressStage | string, fraction: number) => void;
  /** Units' files read in the pane (合并各单位报送文件), each sheet tagged with its file: appraised with the workbook's own. */
  extraSheets?: SheetGrid[];
}

export interface RunResult {
  report: Report;
  /** Outputs written under another name because a user's own sheet held the desired one. */
  renamed: { from: string; to: string }[];
  /** Sheets with worksheet protection on (read fine; the add-in never writes to them). */
  protectedSheets: string[];
  /** Result sheets that reached Excel's 65 530 links per sheet: `count` rows were written without one. */
  linksOmitted: { sheet: string; count: number }[];
  /** Sheets whose merged-down blocks were inferred because Excel could not report merges (below ExcelApi 1.13). */
  mergesInferred: { sheet: string; blocks: number }[];
  /** The document is open read-only (Office.context.document.mode): the report is complete, nothing was written. */
  readOnly: boolean;
  /** No ledger was found: nothing was written. */
  noLedgers: boolean;
}

/**
 * Read → appraise → write, in one Excel.run. Excel-side failures reject with an OfficeAdapterError
 * (kind says what the user should do); data problems are in `report.issues`.
 */
export async function runAppraisalInExcel(options: RunOptions = {}): Promise<RunResult> {
  const progress = options.onProgress ?? (() => undefined);
  const support = checkApiSupport();
  if (!support.supported) throw new OfficeAdapterError('apiNotSupported', `missing ${support.missing.join(', ')}`);
  try {
    return await Excel.run(RUN_OPTIONS, async (context) => {
      progress('read', 0);
      const read = await readWorkbook(context);
      progress('check', 0.4);
      // The engine runs synchronously (about half a second for a city workbook): give the task pane
      // one frame to show 「正在校验」 first. A timer, not requestAnimationFrame, which never fires
      // while the pane is hidden.
      await new Promise<void>((resolve) => setTimeout(resolve, FRAME_MS));
      const grids = options.extraSheets?.length ? { sheets: [...read.grids.sheets, ...options.extraSheets] } : read.grids;
      const result = appraise(grids, {
        year: options.year,
        // For the run record at the end of 评分依据.
        version: ADDIN_VERSION,
        time: new Date(),
        // The engine's own stages fill the middle of the bar.
        onProgress: (_stage, fraction) => progress('check', 0.4 + 0.3 * fraction),
      });
      let renamed: { from: string; to: string }[] = [];
      let linksOmitted: RunResult['linksOmitted'] = [];
      let readOnly = false;
      if (!result.noLedgers && result.outputs.length > 0) {
        if (documentIsReadOnly()) {
          // Office.context.document.mode is ReadOnly: nothing can be written; the report is still shown.
          readOnly = true;
        } else {
          progress('write', 0.7);
          if (read.workbookProtected) throw new OfficeAdapterError('workbookProtected', 'workbook structure is protected');
          const remembered = rememberedGeneratedIds();
          const live = new Set(read.sheets.map((s) => s.id));
          const written = await writeOutputs(context, result.outputs, existingSheets(read, remembered), {
            onProgress: (fraction) => progress('write', 0.7 + 0.3 * fraction),
            // The ids still in the workbook and the new sheets': right whether the swap completes or is undone.
            beforeSwap: (ids) => rememberGeneratedIds([...(remembered ?? []).filter((id) => live.has(id)), ...ids]),
          });
          renamed = written.renamed;
          linksOmitted = written.linksOmitted;
        }
      }
      progress('done', 1);
      return { report: result.report, renamed, protectedSheets: read.protectedSheets, linksOmitted, mergesInferred: read.mergesInferred, readOnly, noLedgers: result.noLedgers };
    });
  } catch (e) {
    throw toOfficeAdapterError(e);
  }
}

/** Activate `sheet` and select `cell` (an A1 address), for the issue list's links. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  try {
    await Excel.run(RUN_OPTIONS, (context) => selectCellIn(context, sheet, cell));
  } catch (e) {
    throw toOfficeAdapterError(e, sheet);
  }
}

/** Remember the clerk's choice in the 考核规则 sheet's 列名对应 block (the sheet is created if missing). */
export async function saveColumnMapping(mapping: ColumnMappingRow): Promise<void> {
  try {
    await Excel.run((context) => saveColumnMappingIn(context, mapping));
  } catch (e) {
    throw toOfficeAdapterError(e, RULES_SHEET_NAME);
  }
}

/** Add the 考核规则 sheet filled with the defaults; an existing one is never overwritten. */
export async function insertRulesSheet(): Promise<{ status: 'inserted' | 'exists'; sheet: string }> {
  try {
    return await Excel.run(RUN_OPTIONS, (context) => insertRulesSheetIn(context));
  } catch (e) {
    throw toOfficeAdapterError(e);
  }
}
