/**
 * Harness entry: load a workbook into the Excel stand-in, install it as the global Excel/Office, then
 * run the REAL task pane (src/taskpane/index.tsx) beside a panel that shows the stand-in's state.
 *
 * Query parameters (for trying situations by hand and for the e2e test):
 *   fixture=example-2022.xlsx   a file from test/fixtures (default); fixture=none: a workbook without ledgers;
 *                               fixture=large: 3000 persons below the notes minimum, names holding markup
 *   api=6                       highest ExcelApi 1.x the stand-in claims (default 13)
 *   userSheet=考核汇总           add a user's own (not generated) sheet with that name
 *   protect=Sheet               turn on protection for that sheet
 *   lockWorkbook=1              protect the workbook structure (no sheets can be added)
 *   fail=sync                   every Excel sync throws an unexpected error (with a stack)
 */
import { addSheetState, createState, getStandInState, installExcelStandIn, loadXlsxBuffer, putValues } from '../excel-standin';
import type { StandInState } from '../excel-standin';
import { renderStatePanel, sheetValues, snapshot, type HarnessSnapshot } from './state-panel';

interface HarnessApi {
  ready: boolean;
  error: string | null;
  snapshot(): HarnessSnapshot;
  sheetValues(name: string): (string | number | boolean)[][] | null;
  /** Hold every Excel sync until release(): lets a test see the pane mid-run without timing. */
  hold(): void;
  release(): void;
}

declare global {
  interface Window {
    __harness: HarnessApi;
  }
}

const params = new URLSearchParams(window.location.search);
const fixture = params.get('fixture') ?? 'example-2022.xlsx';

async function loadState(): Promise<StandInState> {
  const apiVersion = Number(params.get('api') ?? '13');
  const options = { excelApiVersion: Number.isFinite(apiVersion) ? apiVersion : 13 };
  if (fixture === 'none') {
    const state = createState(options);
    putValues(state, '通讯录', [
      ['序号', '联系人', '电话'],
      [1, '张三', '0000-1234567'],
    ]);
    return state;
  }
  if (fixture === 'large') return largeWorkbook(options);
  if (!/^[\w.\-\u4e00-\u9fff]+\.xlsx$/.test(fixture)) throw new Error(`bad fixture name: ${fixture}`);
  const response = await fetch(`fixtures/${encodeURIComponent(fixture)}`);
  if (!response.ok) throw new Error(`fixture ${fixture}: HTTP ${response.status}`);
  return loadXlsxBuffer(await response.arrayBuffer(), options);
}

/** Thousands of issues, and ledger text that would run script if it were ever parsed as HTML. */
function largeWorkbook(options: { excelApiVersion: number }): StandInState {
  const state = createState(options);
  // No white space: the engine strips it from names, and these should reach the pane unchanged.
  const units = ['<script>window.__xss=1</script>办公室', '信息中心', '后勤服务中心'];
  const rows: (string | number)[][] = [['单位', '姓名', '职级', '笔记字数', '心得体会']];
  for (let i = 0; i < 3000; i++) {
    const name = i === 0 ? '<img/src=x/onerror=window.__xss=1>' : `职工${i}`;
    rows.push([units[i % units.length] ?? '信息中心', name, '科员', 100, 4]);
  }
  putValues(state, '学习台账', rows);
  return state;
}

function applyScenario(state: StandInState): void {
  const userSheet = params.get('userSheet');
  if (userSheet) putValues(state, userSheet, [['这是用户自己的工作表，加载项不得覆盖']]);
  if (params.get('lockWorkbook') === '1') state.workbookProtected = true;
  const protect = params.get('protect');
  if (protect) {
    const sheet = state.sheets.find((s) => s.name === protect) ?? addSheetState(state, protect);
    sheet.protected = true;
  }
}

/** A gate on context.sync(): open unless a test holds it. */
function createSyncGate() {
  let held: Promise<void> | null = null;
  let open: (() => void) | null = null;
  return {
    hold() {
      if (held) return;
      held = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      held = null;
      open = null;
    },
    wait: () => held ?? Promise.resolve(),
  };
}

type SyncingContext = { sync(): Promise<void> };
type Batch<T> = (context: SyncingContext) => Promise<T>;
/** Excel.run(batch) or Excel.run(options, batch), as in Office.js. */
type ExcelGlobal = { run<T>(optionsOrBatch: object | Batch<T>, batch?: Batch<T>): Promise<T> };

function gateExcelRun(gate: ReturnType<typeof createSyncGate>, fail: boolean): void {
  const excel = (window as unknown as { Excel: ExcelGlobal }).Excel;
  const run = excel.run.bind(excel);
  excel.run = <T>(optionsOrBatch: object | Batch<T>, maybeBatch?: Batch<T>) => {
    const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
    const gated: Batch<T> = (context) => {
      const sync = context.sync.bind(context);
      context.sync = async () => {
        await gate.wait();
        if (fail) throw new Error('Simulated failure in the harness\n    at sync (harness.ts:1:1)\n    at run (harness.ts:2:2)');
        return sync();
      };
      return batch(context);
    };
    return typeof optionsOrBatch === 'function' ? run(gated) : run(optionsOrBatch, gated);
  };
}

async function main(): Promise<void> {
  const panel = document.getElementById('standin-state');
  if (!panel) throw new Error('harness.html lacks #standin-state');
  const gate = createSyncGate();
  window.__harness = {
    ready: false,
    error: null,
    snapshot: () => snapshot(getStandInState().state),
    sheetValues: (name) => sheetValues(getStandInState().state, name),
    hold: gate.hold,
    release: gate.release,
  };
  try {
    const state = await loadState();
    applyScenario(state);
    installExcelStandIn(window as unknown as typeof globalThis, state);
    gateExcelRun(gate, params.get('fail') === 'sync');
    const original = new Set(state.sheets.map((s) => s.name));

    // Redraw only when something the panel shows has changed.
    let last = '';
    const refresh = () => {
      const snap = snapshot(state);
      const key = JSON.stringify(snap);
      if (key !== last) {
        last = key;
        renderStatePanel(panel, state, original, fixture === 'none' ? '（无台账的工作簿）' : fixture);
      }
    };
    refresh();
    window.setInterval(refresh, 200);

    await import('../../src/taskpane/index');
    window.__harness.ready = true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    window.__harness.error = message;
    panel.textContent = `调试台加载失败：${message}`;
    panel.className += ' error';
  }
}

void main();
