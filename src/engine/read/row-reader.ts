import { a1, isErrorValue } from '../grid';
import type { IssuePlace, IssueSink } from '../issues/sink';
import { cellText } from '../parse/cell-text';
import { parseDate, type DayDate } from '../parse/date';
import { parseNumber, type Parsed } from '../parse/number';
import { stripSpaces } from '../text/normalize';
import type { Column } from './columns';
import type { LedgerTable } from './ledger-table';

/** Where a value came from, so findings can point at the cell. */
export interface Place {
  /** The source file ('' for a single workbook). */
  file: string;
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  cell: string;
}

/**
 * A data row of a ledger, kept by its record so findings can point at any of its cells later. The A1
 * address is built only when a finding needs it: at city scale records are 100 000 and findings few.
 */
export class RowRef {
  constructor(
    readonly table: LedgerTable,
    /** 0-based sheet row. */
    readonly row: number,
    /**
     * The one cell a record stands for, when it is a cell rather than a row (a month's count in a
     * monthly-count sheet): its findings point there whatever column they name, except the unit.
     */
    readonly col?: number,
  ) {}

  get sheet(): string {
    return this.table.sheet;
  }

  get file(): string {
    return this.table.file;
  }

  has(column: Column): boolean {
    return this.table.columns.has(column);
  }

  /** The place of a column's cell in this row; the row's first cell when the sheet lacks the column. */
  at(column?: Column): Place {
    return { file: this.table.file, sheet: this.table.sheet, row: this.row + 1, cell: this.cell(column) };
  }

  /**
   * A finding's place in this row with its unit and person, as one object for IssueSink.add: a city
   * workbook has tens of thousands of findings, and spreading `at()` into another object for each one
   * was measurable garbage.
   */
  place(column: Column | undefined, unit: string, person = ''): Required<IssuePlace> {
    return { file: this.table.file, sheet: this.table.sheet, row: this.row + 1, cell: this.cell(column), unit, person };
  }

  private cell(column: Column | undefined): string {
    if (this.col !== undefined && column !== '单位') return a1(this.row, this.col);
    const col = column === undefined ? undefined : this.table.columns.get(column);
    return a1(this.row, col ?? this.table.view.firstCol);
  }
}

/**
 * Typed access to one data row. Every cell is parsed at most once and reports at most one problem
 * (MISSING_VALUE / INVALID_NUMBER / INVALID_DATE / FORMULA_ERROR), so a rule finding never doubles it.
 */
export class RowReader {
  unit = '';
  person = '';
  /** Columns whose cell already gave FORMULA_ERROR: one issue per cell. */
  private errorReported: Set<Column> | undefined;
  /** This row, for the record to keep and for the places of its findings. */
  readonly ref: RowRef;

  constructor(
    readonly table: LedgerTable,
    readonly row: number,
    private readonly issues: IssueSink,
  ) {
    this.ref = new RowRef(table, row);
  }

  has(column: Column): boolean {
    return this.ref.has(column);
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
    if (this.errorReported?.has(column)) return;
    (this.errorReported ??= new Set()).add(column);
    this.issues.add('FORMULA_ERROR', this.at(column), { column, error });
  }

  text(column: Column): string {
    return this.rawText(column).trim();
  }

  /** Text with all white space removed, for names and units. */
  name(column: Column): string {
    return stripSpaces(this.rawText(column));
  }

  missing(column: Column, effect?: string): void {
    if (this.errorReported?.has(column)) return;
    this.issues.add('MISSING_VALUE', this.at(column), effect ? { column, effect } : { column });
  }

  private at(column: Column): Required<IssuePlace> {
    return this.ref.place(column, this.unit, this.person);
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

  /**
   * A number in a column the header does not name as a Column (a month of a monthly-count sheet):
   * reported under `label`, pointing at that cell.
   */
  numberAt(col: number, label: string): number | null {
    const parsed = parseNumber(this.table.view.cell(this.row, col));
    const place = { ...this.ref.place(undefined, this.unit, this.person), cell: a1(this.row, col) };
    switch (parsed.kind) {
      case 'ok':
        return parsed.value;
      case 'missing':
        return null;
      case 'error':
        this.issues.add('FORMULA_ERROR', place, { column: label, error: parsed.error });
        return null;
      case 'invalid':
        this.issues.add('INVALID_NUMBER', place, { column: label, text: parsed.text, effect: '该月按未开展计' });
        return null;
    }
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
