/**
 * The left half of the harness: what the add-in did to the stand-in workbook (sheets, active sheet,
 * selection, a preview of the active sheet). Built with textContent only, since ledger text may hold markup.
 */
import { cellAddress, getCell, liveSheets, usedRect, type StandInState } from '../excel-standin/state';

const PREVIEW_ROWS = 40;
const PREVIEW_COLS = 14;

export interface HarnessSnapshot {
  sheets: string[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  syncs: number;
}

/** "Sheet1!$F$5:$F$5" → "F5"; a single-cell range is reported as its cell. */
export function normaliseAddress(address: string): string {
  const bare = (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '').toUpperCase();
  const [first, second] = bare.split(':');
  return second !== undefined && second === first ? first : bare;
}

export function snapshot(state: StandInState): HarnessSnapshot {
  const sheets = liveSheets(state);
  const active = sheets.find((s) => s.id === state.activeSheetId);
  return {
    sheets: sheets.map((s) => s.name),
    activeSheet: active?.name ?? null,
    selection: state.selection ? { sheet: state.selection.sheet, address: normaliseAddress(state.selection.address) } : null,
    syncs: state.counters.syncs,
  };
}

export function sheetValues(state: StandInState, name: string): (string | number | boolean)[][] | null {
  const sheet = liveSheets(state).find((s) => s.name === name);
  if (!sheet) return null;
  const rect = usedRect(sheet, true);
  if (!rect) return [];
  const rows: (string | number | boolean)[][] = [];
  for (let r = 0; r <= rect.bottom; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c <= rect.right; c++) row.push(getCell(sheet, r, c)?.value ?? '');
    rows.push(row);
  }
  return rows;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Roughly as Excel would display it: long fractions in a "0.00" cell show two decimals. */
function display(state: StandInState, sheetName: string, row: number, col: number, value: string | number | boolean): string {
  if (typeof value !== 'number' || Number.isInteger(value)) return String(value);
  const sheet = liveSheets(state).find((s) => s.name === sheetName);
  const format = sheet ? getCell(sheet, row, col)?.numberFormat ?? '' : '';
  return /0\.00/.test(format) ? value.toFixed(2) : String(value);
}

function preview(state: StandInState, sheetName: string, selected: string | null): HTMLElement {
  const values = sheetValues(state, sheetName) ?? [];
  const table = el('table', undefined, 'preview');
  const head = el('tr');
  head.append(el('th', ''));
  const cols = Math.min(PREVIEW_COLS, Math.max(0, ...values.map((r) => r.length)));
  for (let c = 0; c < cols; c++) head.append(el('th', cellAddress(0, c).replace(/\d+$/, '')));
  table.append(head);
  values.slice(0, PREVIEW_ROWS).forEach((row, r) => {
    const tr = el('tr');
    tr.append(el('th', String(r + 1)));
    for (let c = 0; c < cols; c++) {
      const td = el('td', display(state, sheetName, r, c, row[c] ?? ''));
      if (selected === cellAddress(r, c)) td.className = 'selected';
      tr.append(td);
    }
    table.append(tr);
  });
  return table;
}

export function renderStatePanel(root: HTMLElement, state: StandInState, original: ReadonlySet<string>, fixture: string): void {
  const snap = snapshot(state);
  root.replaceChildren();

  root.append(el('h2', '模拟工作簿'));
  const kv = el('dl', undefined, 'kv');
  const selectionText = snap.selection ? `${snap.selection.sheet}!${snap.selection.address}` : '（无）';
  for (const [k, v] of [
    ['文件', fixture],
    ['当前工作表', snap.activeSheet ?? '（无）'],
    ['选中单元格', selectionText],
    ['Excel 同步次数', String(snap.syncs)],
  ] as const) {
    kv.append(el('dt', k), el('dd', v));
  }
  kv.lastElementChild?.setAttribute('data-testid', 'standin-syncs');
  root.append(kv);

  root.append(el('h2', '工作表（虚线框为加载项生成）'));
  const list = el('ul', undefined, 'sheets');
  for (const name of snap.sheets) {
    const classes = [name === snap.activeSheet ? 'active' : '', original.has(name) ? '' : 'new'].filter(Boolean).join(' ');
    list.append(el('li', name, classes));
  }
  root.append(list);

  if (snap.activeSheet) {
    root.append(el('h2', `「${snap.activeSheet}」预览（前 ${PREVIEW_ROWS} 行）`));
    const selected = snap.selection?.sheet === snap.activeSheet ? snap.selection.address : null;
    root.append(preview(state, snap.activeSheet, selected));
  }
}
