import type { SheetGrid } from '../grid';
import type { IssueSink } from '../issues/sink';
import { isBlank } from '../parse/cell-text';
import { startsVisibly, stripSpaces } from '../text/normalize';
import { classifyHeader } from './classify';
import { BOOKKEEPING_COLUMNS, KIND_LABEL, type Column, type LedgerKind } from './columns';
import { findHeaderRow, headerKeys } from './header';
import { SheetView } from './sheet-view';
import { unitFromFilledBy, unitFromSheetName } from './unit-context';
import { FOOTER_PREFIXES, TOTAL_CELLS } from '../rules/tables';

/** A recognised ledger: where its header is, which column holds what, and which rows are data. */
export interface LedgerTable {
  sheet: string;
  kind: LedgerKind;
  view: SheetView;
  /** 0-based sheet row of the header. */
  headerRow: number;
  columns: Map<Column, number>;
  /** The unit of every row when the sheet has no 单位 column. */
  fixedUnit?: string;
  /** 0-based sheet rows holding records, in order. */
  dataRows: number[];
}

const TOTALS = new Set(TOTAL_CELLS);
// First characters of every total and footer word: most cells are ruled out by one look.
const FOOTER_STARTS = new Set([...TOTAL_CELLS, ...FOOTER_PREFIXES].map((w) => w[0]));

function firstVisibleChar(text: string): string | undefined {
  // Nearly every cell starts with a visible character: answer without iterating (which allocates).
  if (startsVisibly(text)) return text[0];
  for (const ch of text) if (ch.trim() !== '') return ch;
  return undefined;
}

/** Totals, subtotals and signature lines are not records (SPEC section 2). */
function isFooterRow(view: SheetView, row: number): boolean {
  for (let c = view.firstCol; c < view.endCol; c++) {
    const v = view.cell(row, c);
    if (typeof v !== 'string' || !FOOTER_STARTS.has(firstVisibleChar(v))) continue;
    // 合计 and 合计： alike.
    const t = stripSpaces(v).replace(/[：:]$/, '');
    if (TOTALS.has(t) || FOOTER_PREFIXES.some((p) => t.startsWith(p))) return true;
  }
  return false;
}

function hasData(view: SheetView, row: number, dataColumns: number[]): boolean {
  return dataColumns.some((c) => !isBlank(view.cell(row, c)));
}

/**
 * Recognise one sheet. Returns undefined for sheets of no known kind (left alone, not mentioned).
 * A recognised sheet whose unit cannot be found gets MISSING_COLUMN and is not read.
 */
export function readLedgerTable(grid: SheetGrid, issues: IssueSink): LedgerTable | undefined {
  const view = new SheetView(grid);
  const headerRow = findHeaderRow(view);
  if (headerRow === undefined) return undefined;
  const found = classifyHeader(headerKeys(view, headerRow), view.firstCol);
  if (!found) return undefined;
  const { kind, columns, missing } = found;

  let fixedUnit: string | undefined;
  if (!columns.has('单位')) {
    fixedUnit = unitFromFilledBy(view, headerRow) ?? unitFromSheetName(grid.name);
    if (fixedUnit === '') {
      issues.add('MISSING_COLUMN', { sheet: grid.name, row: headerRow + 1 }, { column: '单位', kind: KIND_LABEL[kind] });
      return undefined;
    }
  }
  for (const column of missing) {
    issues.add('MISSING_COLUMN', { sheet: grid.name, row: headerRow + 1 }, { column, kind: KIND_LABEL[kind] });
  }

  const dataColumns = [...columns].filter(([column]) => !BOOKKEEPING_COLUMNS.has(column)).map(([, c]) => c);
  const dataRows: number[] = [];
  for (let r = headerRow + 1; r < view.endRow; r++) {
    if (hasData(view, r, dataColumns) && !isFooterRow(view, r)) dataRows.push(r);
  }
  return { sheet: grid.name, kind, view, headerRow, columns, fixedUnit, dataRows };
}
