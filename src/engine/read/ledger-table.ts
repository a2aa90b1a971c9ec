import type { SheetGrid } from '../grid';
import type { IssueSink } from '../issues/sink';
import { isBlank } from '../parse/cell-text';
import { startsVisibly, stripSpaces } from '../text/normalize';
import { classifyHeader, type Ambiguity, type ColumnChoice, type HeaderCell, type MappedFields, type NearMiss } from './classify';
import type { SheetOverride } from '../rules/column-mapping';
import { RULES_SHEET_NAME } from '../rules/read-rules';
import { BOOKKEEPING_COLUMNS, KIND_LABEL, type Column, type LedgerKind } from './columns';
import { findHeaderRow, HEADER_SEARCH_ROWS, headerCells } from './header';
import { findMonthly, type MonthColumn, type MonthlyLayout } from './monthly';
import { SheetView } from './sheet-view';
import { isGenericSheetName, unitFromFileName, unitFromFilledBy, unitFromSheetName } from './unit-context';
import { FOOTER_PREFIXES, TOTAL_CELLS } from '../rules/tables';
import { a1, columnLetters } from '../grid';

/** A recognised ledger: where its header is, which column holds what, and which rows are data. */
export interface LedgerTable {
  /** The source file ('' for a single workbook). */
  file: string;
  sheet: string;
  kind: LedgerKind;
  view: SheetView;
  /** 0-based sheet row of the header. */
  headerRow: number;
  columns: Map<Column, number>;
  /** The header each column was read from, and whether its name or its contents decided it. */
  choices: Map<Column, ColumnChoice>;
  /** The unit of every row when the sheet has no 单位 column. */
  fixedUnit?: string;
  /** fixedUnit came from the file's name: it is matched against the units the other files name. */
  unitFromFile?: boolean;
  /** 0-based sheet rows holding records, in order. */
  dataRows: number[];
  /** 问题类型 is a remark column: an empty or unrelated remark is no finding (see classify.ts). */
  remarkFindings: boolean;
  /** A monthly-count sheet's month columns (activities only). */
  months?: MonthColumn[];
}

/**
 * How one sheet was read: a ledger, a near miss, or neither; for the 识别结果 view, also the header
 * cells it was read by (or the first non-empty row of a sheet with no recognisable header).
 */
export interface SheetReading {
  /** The source file ('' for a single workbook). */
  file: string;
  sheet: string;
  table?: LedgerTable;
  nearMiss?: NearMiss & { sheet: string; headerRow: number };
  /** The clerk marked it 不是台账 in 列名对应. */
  excluded?: boolean;
  headerRow?: number;
  headers?: HeaderCell[];
  view?: SheetView;
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

/** `D 列“实际会议时间”`: how a column is named in messages. */
export function describeChoice(choice: ColumnChoice): string {
  return `${columnLetters(choice.col)} 列“${choice.header}”`;
}

function reportAmbiguous(sheet: string, headerRow: number, ambiguous: Ambiguity[], issues: IssueSink): void {
  for (const a of ambiguous) {
    issues.add('AMBIGUOUS_COLUMN', { sheet, cell: a1(headerRow, a.chosen.col), row: headerRow + 1 }, {
      column: a.column,
      chosen: describeChoice(a.chosen),
      other: describeChoice(a.other),
    });
  }
}

/**
 * The unit of a sheet without a 单位 column: a 填报单位 line, else the sheet name (never a default name),
 * else the name of the file it came from (when several were read).
 */
function sheetUnit(grid: SheetGrid, view: SheetView, headerRow: number, kind: LedgerKind, issues: IssueSink): { unit: string; fromFile: boolean } | undefined {
  const unit = unitFromFilledBy(view, headerRow) ?? unitFromSheetName(grid.name);
  if (unit !== '') return { unit, fromFile: false };
  const fromFile = unitFromFileName(grid.file);
  if (fromFile !== '') return { unit: fromFile, fromFile: true };
  issues.add(
    'MISSING_COLUMN',
    { sheet: grid.name, row: headerRow + 1 },
    isGenericSheetName(grid.name) ? { column: '单位', kind: KIND_LABEL[kind], generic: grid.name } : { column: '单位', kind: KIND_LABEL[kind] },
  );
  return undefined;
}

function dataRowsOf(view: SheetView, headerRow: number, dataColumns: number[]): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r < view.endRow; r++) {
    if (hasData(view, r, dataColumns) && !isFooterRow(view, r)) rows.push(r);
  }
  return rows;
}

function monthlyTable(grid: SheetGrid, view: SheetView, layout: MonthlyLayout, issues: IssueSink): LedgerTable | undefined {
  const { headerRow, months, unit } = layout;
  const columns = new Map<Column, number>();
  const choices = new Map<Column, ColumnChoice>();
  let fixedUnit: string | undefined;
  let unitFromFile = false;
  if (unit) {
    columns.set('单位', unit.col);
    choices.set('单位', { col: unit.col, header: unit.text, score: 0, by: 'name' });
  } else {
    const found = sheetUnit(grid, view, headerRow, 'activities', issues);
    if (found === undefined) return undefined;
    fixedUnit = found.unit;
    unitFromFile = found.fromFile;
  }
  const dataColumns = months.map((m) => m.col);
  const dataRows = dataRowsOf(view, headerRow, dataColumns);
  return { file: grid.file ?? '', sheet: grid.name, kind: 'activities', view, headerRow, columns, choices, fixedUnit, unitFromFile, dataRows, remarkFindings: false, months };
}

/**
 * A ledger with a header and nothing under it (a blank template sent in as it came, or the rows kept on
 * another sheet) would otherwise count for nothing without a word. The issue points at the header's
 * first cell: the row under it may be outside the sheet's used range.
 */
function reportEmpty(table: LedgerTable, issues: IssueSink): void {
  const firstCol = Math.min(...table.columns.values(), ...(table.months ?? []).map((m) => m.col));
  issues.add('EMPTY_LEDGER', { sheet: table.sheet, cell: a1(table.headerRow, firstCol), row: table.headerRow + 1 }, { kind: KIND_LABEL[table.kind], headerRow: table.headerRow + 1 });
}

/**
 * Recognise one sheet: a ledger (its kind, header and columns), or a near miss reported with what it
 * lacks, or neither. A recognised sheet whose unit cannot be found gets MISSING_COLUMN and is not read.
 */
export function recogniseSheet(grid: SheetGrid, issues: IssueSink, override?: SheetOverride): SheetReading {
  const reading = readSheet(grid, issues, override);
  if (reading.table && reading.table.dataRows.length === 0) reportEmpty(reading.table, issues);
  if (reading.headerRow === undefined && !reading.excluded && reading.view) {
    // A sheet with no recognisable header: show its first non-empty row, so the clerk can map it.
    const view = reading.view;
    for (let r = view.firstRow; r < Math.min(view.endRow, view.firstRow + HEADER_SEARCH_ROWS); r++) {
      const cells = headerCells(view, r);
      if (cells.some((c) => c.key !== '')) return { ...reading, headerRow: r, headers: cells };
    }
  }
  return reading;
}

function readSheet(grid: SheetGrid, issues: IssueSink, override?: SheetOverride): SheetReading {
  const sheet = grid.name;
  const file = grid.file ?? '';
  if (override?.exclude) return { file, sheet, excluded: true };
  const view = new SheetView(grid);
  // A sheet the clerk mapped or gave a kind is read as an event ledger of that kind.
  const layout = override?.kind !== undefined || (override?.fields.size ?? 0) > 0 ? undefined : findMonthly(view);
  if (layout) {
    const table = monthlyTable(grid, view, layout, issues);
    const headers = headerCells(view, layout.headerRow);
    return table ? { file, sheet, table, headerRow: layout.headerRow, headers, view } : { file, sheet, headerRow: layout.headerRow, headers, view };
  }
  const mappedKeys = new Set([...(override?.fields.values() ?? [])].map((f) => f.key));
  const headerRow = findHeaderRow(view, mappedKeys);
  const cells = headerRow === undefined ? [] : headerCells(view, headerRow);
  const fields = override ? usableMappings(grid.name, override, cells, issues) : undefined;
  if (headerRow === undefined) return { file, sheet, view };
  const base = { file, sheet, headerRow, headers: cells, view };
  const { found, nearMiss } = classifyHeader(view, headerRow, cells, { ...(override?.kind ? { kind: override.kind } : {}), ...(fields ? { fields } : {}) });
  if (!found) {
    if (!nearMiss) return base;
    issues.add('INCOMPLETE_LEDGER', { sheet: grid.name, row: headerRow + 1 }, nearMissParams(nearMiss));
    return { ...base, nearMiss: { ...nearMiss, sheet: grid.name, headerRow } };
  }
  const { kind, columns, choices, missing, ambiguous, remarkFindings } = found;
  reportAmbiguous(grid.name, headerRow, ambiguous, issues);

  let fixedUnit: string | undefined;
  let unitFromFile = false;
  if (!columns.has('单位')) {
    const found = sheetUnit(grid, view, headerRow, kind, issues);
    // Not read (MISSING_COLUMN says why); for the 识别结果 view it is a ledger that lacks its unit.
    if (found === undefined) return { ...base, nearMiss: { kind, choices, missing: ['单位'], sheet, headerRow } };
    fixedUnit = found.unit;
    unitFromFile = found.fromFile;
  }
  for (const column of missing) {
    issues.add('MISSING_COLUMN', { sheet: grid.name, row: headerRow + 1 }, { column, kind: KIND_LABEL[kind] });
  }
  const dataColumns = [...columns].filter(([column]) => !BOOKKEEPING_COLUMNS.has(column)).map(([, c]) => c);
  const dataRows = dataRowsOf(view, headerRow, dataColumns);
  return { ...base, table: { file: grid.file ?? '', sheet: grid.name, kind, view, headerRow, columns, choices, fixedUnit, unitFromFile, dataRows, remarkFindings } };
}

/** The 列名对应 rows whose header text is in the header row; the others are reported and ignored. */
function usableMappings(sheet: string, override: SheetOverride, cells: HeaderCell[], issues: IssueSink): MappedFields {
  const keys = new Set(cells.map((c) => c.key));
  const usable = new Map<Column, { key: string }>();
  for (const [column, field] of override.fields) {
    if (keys.has(field.key)) usable.set(column, field);
    else issues.add('COLUMN_MAPPING_UNUSED', { sheet: RULES_SHEET_NAME, cell: field.cell, row: null }, { sheetName: sheet, header: field.header, column });
  }
  return usable;
}

/** The near-miss issue's params: the kind it looks like, what it lacks, and what was found. */
export function nearMissParams(near: NearMiss): Record<string, string> {
  const found = [...near.choices]
    .filter(([column]) => !BOOKKEEPING_COLUMNS.has(column))
    .map(([column, choice]) => `${column}（${describeChoice(choice)}）`)
    .join('、');
  const params: Record<string, string> = { kind: KIND_LABEL[near.kind], missing: near.missing.map((c) => `“${c}”`).join('、'), found };
  if (near.reason) params.reason = near.reason;
  return params;
}
