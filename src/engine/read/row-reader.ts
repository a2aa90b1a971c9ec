import { a1, isErrorValue } from '../grid';
import type { IssueSink } from '../issues/sink';
import { cellText, isBlank } from '../parse/cell-text';
import { parseDate, type DayDate } from '../parse/date';
import { parseNumber, type Parsed } from '../parse/number';
import { stripSpaces } from '../text/normalize';
import type { Column } from './columns';
import type { LedgerTable } from './ledger-table';

/** Where a value came from, so findings can point at the cell. */
export interface Place {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  cell: string;
}

/**
 * Typed access to one data row. Every cell is parsed at most once and reports at most one problem
 * (MISSING_VALUE / INVALID_NUMBER / INVALID_DATE / FORMULA_ERROR), so a rule finding never doubles it.
 */
export class RowReader {
  unit = '';
  person = '';
  /** Columns whose cell already gave FORMULA_ERROR: one issue per cell. */
  private readonly errorReported = new Set<Column>();

  constructor(
    readonly table: LedgerTable,
    readonly row: number,
    private readonly issues: IssueSink,
  ) {}

  has(column: Column): boolean {
    return this.table.columns.has(column);
  }

  /** The A1 address of a column in this row; the first cell of the row when the column is absent. */
  address(column?: Column): string {
    const col = column === undefined ? undefined : this.table.columns.get(column);
    return a1(this.row, col ?? this.table.view.firstCol);
  }

  place(column?: Column): Place {
    return { sheet: this.table.sheet, row: this.row + 1, cell: this.address(column) };
  }

  private raw(column: Column) {
    const col = this.table.columns.get(column);
    return col === undefined ? null : this.table.view.cell(this.row, col);
  }

  /** A cell as text; an Excel error (`#N/A`) is FORMULA_ERROR and reads as empty, never as the text `#N/A`. */
  private rawText(column: Column): string {
    const raw = this.raw(column);
    if (!isErrorValue(raw)) return cellText(raw);
    this.formulaError(column, raw.error);
    return '';
  }

  private formulaError(column: Column, error: string): void {
    if (this.errorReported.has(column)) return;
    this.errorReported.add(column);
    this.issues.add('FORMULA_ERROR', this.at(column), { column, error });
  }

  text(column: Column): string {
    return this.rawText(column).trim();
  }

  /** Text with all white space removed, for names and units. */
  name(column: Column): string {
    return stripSpaces(this.rawText(column));
  }

  isBlank(column: Column): boolean {
    return isBlank(this.raw(column));
  }

  missing(column: Column, effect?: string): void {
    if (this.errorReported.has(column)) return;
    this.issues.add('MISSING_VALUE', this.at(column), effect ? { column, effect } : { column });
  }

  private at(column: Column) {
    return { sheet: this.table.sheet, cell: this.address(column), row: this.row + 1, unit: this.unit, person: this.person };
  }

  private report<T>(column: Column, parsed: Parsed<T>, required: boolean, invalidCode: 'INVALID_NUMBER' | 'INVALID_DATE', effect?: string): T | null {
    switch (parsed.kind) {
      case 'ok':
        return parsed.value;
      case 'missing':
        if (required) this.missing(column, effect);
        return null;
      case 'error':
        this.formulaError(column, parsed.error);
        return null;
      case 'invalid':
        this.issues.add(invalidCode, this.at(column), effect ? { column, text: parsed.text, effect } : { column, text: parsed.text });
        return null;
    }
  }

  number(column: Column, required: boolean, effect?: string): number | null {
    if (!this.has(column)) return null;
    return this.report(column, parseNumber(this.raw(column)), required, 'INVALID_NUMBER', effect);
  }

  date(column: Column, required: boolean, effect?: string): DayDate | null {
    if (!this.has(column)) return null;
    return this.report(column, parseDate(this.raw(column)), required, 'INVALID_DATE', effect);
  }

  /**
   * The row's unit: its 单位 cell, or the sheet's unit when it has no 单位 column.
   * An empty 单位 cell is MISSING_VALUE and the row is skipped (returns false).
   */
  resolveUnit(): boolean {
    if (this.table.fixedUnit !== undefined) {
      this.unit = this.table.fixedUnit;
      return true;
    }
    this.unit = this.name('单位');
    if (this.unit !== '') return true;
    this.missing('单位', '本行未计入');
    return false;
  }
}
