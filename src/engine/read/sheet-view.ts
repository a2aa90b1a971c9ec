import type { CellValue, SheetGrid } from '../grid';
import { isBlank } from '../parse/cell-text';

/**
 * Cell access in sheet coordinates, with merged ranges filled from their first cell.
 * Excel reports the non-first cells of a merged range as empty while exceljs repeats the first value;
 * filling them here makes both adapters read the same (a unit written once down a merged column
 * belongs to every row of it).
 */
export class SheetView {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  /** One past the last row / column holding data. */
  readonly endRow: number;
  readonly endCol: number;
  private readonly grid: SheetGrid;
  private readonly filled = new Map<number, CellValue>();

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = grid.name;
    this.firstRow = grid.originRow ?? 0;
    this.firstCol = grid.originCol ?? 0;
    this.endRow = this.firstRow + grid.values.length;
    let width = 0;
    for (const row of grid.values) if (row && row.length > width) width = row.length;
    this.endCol = this.firstCol + width;
    for (const m of grid.merges ?? []) this.fillMerge(m.top, m.left, m.bottom, m.right);
  }

  private raw(row: number, col: number): CellValue {
    return this.grid.values[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  private fillMerge(top: number, left: number, bottom: number, right: number): void {
    const anchor = this.raw(top, left);
    if (isBlank(anchor)) return;
    // A merge over a whole column or row would be millions of cells; only the used area matters.
    const lastRow = Math.min(bottom, this.endRow - 1);
    const lastCol = Math.min(right, this.endCol - 1);
    for (let r = top; r <= lastRow; r++) {
      for (let c = left; c <= lastCol; c++) {
        if ((r !== top || c !== left) && isBlank(this.raw(r, c))) this.filled.set(r * 20_000 + c, anchor);
      }
    }
  }

  cell(row: number, col: number): CellValue {
    const v = this.raw(row, col);
    if (this.filled.size > 0 && isBlank(v)) return this.filled.get(row * 20_000 + col) ?? v;
    return v;
  }
}
