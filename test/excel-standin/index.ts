/**
 * A stand-in for the Excel JavaScript API (Excel.run, proxies, load/sync) over an in-memory workbook,
 * for tests in Node and for the browser harness. Nothing here imports Node modules.
 */
import { ErrorCodes, StandInError } from './errors';
import { RequestContext } from './runtime';
import { cellAddress, liveSheets, findSheet, getCell, parseAddress, type Counters, type StandInState, type ValueType } from './state';

export { createState, resetCounters, addSheetState, FIVE_MB } from './state';
export type { StandInState, SheetState, CellState, Counters } from './state';
export { StandInError } from './errors';
export { RequestContext } from './runtime';
export { loadExcelJsWorkbook, loadXlsxBuffer, putValues } from './load-exceljs';

let current: StandInState | undefined;

/** `Office.context.requirements.isSetSupported('ExcelApi', '1.x')` against the state's version. */
export function isSetSupported(state: StandInState, name: string, version?: string): boolean {
  if (name !== 'ExcelApi') return false;
  const m = /^1\.(\d+)$/.exec(version ?? '1.1');
  return !!m && Number(m[1]) <= state.excelApiVersion;
}

export function createExcelNamespace(getState: () => StandInState) {
  return {
    run: async <T>(
      optionsOrBatch: { delayForCellEdit?: boolean } | ((context: RequestContext) => Promise<T>),
      maybeBatch?: (context: RequestContext) => Promise<T>,
    ): Promise<T> => {
      const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
      const context = new RequestContext(getState());
      context._delayForCellEdit = typeof optionsOrBatch === 'object' && optionsOrBatch.delayForCellEdit === true;
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch finishes.
      if (context._queue.length > 0) await context.sync();
      return result;
    },
    RequestContext: class extends RequestContext {
      constructor() {
        super(getState());
      }
    },
    ErrorCodes,
    SpecialCellType: { visible: 'Visible', blanks: 'Blanks', constants: 'Constants', formulas: 'Formulas', sameConditionalFormat: 'SameConditionalFormat', sameDataValidation: 'SameDataValidation', conditionalFormats: 'ConditionalFormats', dataValidations: 'DataValidations' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    PaperType: { a4: 'A4', letter: 'Letter' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
  };
}

export function createOfficeNamespace(getState: () => StandInState) {
  const HostType = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' };
  const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' };
  return {
    HostType,
    PlatformType,
    onReady: async (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };
      callback?.(info);
      return info;
    },
    DocumentMode: { ReadOnly: 'readOnly', ReadWrite: 'readWrite' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => isSetSupported(getState(), name, version) },
      document: {
        get mode() {
          return getState().documentMode;
        },
        settings: standInSettings(getState),
      },
      host: HostType.Excel,
      platform: PlatformType.OfficeOnline,
      displayLanguage: 'zh-CN',
    },
  };
}

/**
 * Office.context.document.settings: get/set/remove work on an in-memory copy loaded when the add-in
 * starts; saveAsync stores that copy in the document (state.settings).
 */
function standInSettings(getState: () => StandInState) {
  let bag: Record<string, unknown> | undefined;
  const current = () => (bag ??= structuredClone(getState().settings));
  return {
    get: (name: string): unknown => current()[name] ?? null,
    set: (name: string, value: unknown): void => void (current()[name] = structuredClone(value)),
    remove: (name: string): void => void delete current()[name],
    saveAsync: (optionsOrCallback?: unknown, maybeCallback?: (result: { status: string }) => void): void => {
      const callback = typeof optionsOrCallback === 'function' ? (optionsOrCallback as (result: { status: string }) => void) : maybeCallback;
      getState().settings = structuredClone(current());
      setTimeout(() => callback?.({ status: 'succeeded' }), 0);
    },
  };
}

/** Define `Excel`, `Office` and `OfficeExtension` on `target` (globalThis in tests, window in the harness). */
export function installExcelStandIn(target: typeof globalThis, state: StandInState): void {
  current = state;
  const getState = () => current ?? state;
  const t = target as unknown as Record<string, unknown>;
  t.Excel = createExcelNamespace(getState);
  t.Office = createOfficeNamespace(getState);
  t.OfficeExtension = { Error: StandInError, ErrorCodes };
}

export function uninstallExcelStandIn(target: typeof globalThis): void {
  const t = target as unknown as Record<string, unknown>;
  delete t.Excel;
  delete t.Office;
  delete t.OfficeExtension;
  current = undefined;
}

export interface CellView {
  value: string | number | boolean;
  type: ValueType;
  formula: string | null;
  numberFormat: string;
}

export interface StandInView {
  sheetNames: string[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  counters: Counters;
  /** A cell as Excel would show it; `undefined` for a missing sheet. */
  cell(sheet: string, address: string): CellView | undefined;
  /** The used values of a sheet, row by row (empty cells are ''). */
  values(sheet: string): (string | number | boolean)[][] | undefined;
  state: StandInState;
}

/** Read-only look at the installed stand-in, for tests and the browser harness. */
export function getStandInState(): StandInView {
  const state = current;
  if (!state) throw new Error('The Excel stand-in is not installed.');
  return viewOf(state);
}

export function viewOf(state: StandInState): StandInView {
  const active = liveSheets(state).find((s) => s.id === state.activeSheetId);
  return {
    sheetNames: liveSheets(state).map((s) => s.name),
    activeSheet: active?.name ?? null,
    selection: state.selection,
    counters: { ...state.counters, actionsBySync: [...state.counters.actionsBySync] },
    state,
    cell(sheetName, address) {
      const sheet = findSheet(state, sheetName);
      const rect = parseAddress(address);
      if (!sheet || !rect) return undefined;
      const c = getCell(sheet, rect.top, rect.left);
      return { value: c?.value ?? '', type: c?.type ?? 'Empty', formula: c?.formula ?? null, numberFormat: c?.numberFormat ?? 'General' };
    },
    values(sheetName) {
      const sheet = findSheet(state, sheetName);
      if (!sheet) return undefined;
      return sheet.rows.map((row) => (row ?? []).map((c) => c?.value ?? ''));
    },
  };
}

export { cellAddress };
