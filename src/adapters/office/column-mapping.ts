/**
 * Writes one 列名对应 row into the 考核规则 sheet (see src/engine/rules/column-mapping.ts), creating the
 * sheet from the template and the block's header when they do not exist. Only the block's own cells are
 * written: the user's parameters and notes stay as they are.
 */
import { MAPPING_HEADER } from '../../engine/rules/column-mapping';
import { RULES_SHEET_NAME } from '../../engine/rules/read-rules';
import { insertRulesSheetIn } from './navigate';

export interface ColumnMappingRow {
  sheet: string;
  /** The header text of the chosen column; empty for a sheet-level choice (a kind, or 不是台账). */
  header: string;
  /** A field name (日期), a kind label (党内活动台账) or 不是台账. */
  field: string;
}

type Cells = unknown[][];

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();
const squeeze = (v: unknown): string => text(v).replace(/\s+/g, '');
const WIDTH = MAPPING_HEADER.length;

/** The block's header row and first column within `values` (0-based, relative to the used range). */
function findBlock(values: Cells): { row: number; col: number } | undefined {
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    for (let c = 0; c + WIDTH <= row.length; c++) {
      if (MAPPING_HEADER.every((h, i) => squeeze(row[c + i]) === h)) return { row: r, col: c };
    }
  }
  return undefined;
}

/**
 * Where the row goes: over the row that already says something about the same choice (the same sheet
 * and field, or the same sheet's kind), else just below the block.
 */
function targetRow(values: Cells, block: { row: number; col: number }, mapping: ColumnMappingRow): number {
  const sheetKey = squeeze(mapping.sheet);
  const sheetLevel = mapping.header.trim() === '';
  let r = block.row + 1;
  for (; r < values.length; r++) {
    const cells = [0, 1, 2].map((i) => values[r]?.[block.col + i]);
    if (cells.every((v) => text(v) === '')) break;
    if (squeeze(cells[0]) !== sheetKey) continue;
    const rowIsSheetLevel = text(cells[1]) === '';
    if (sheetLevel ? rowIsSheetLevel : !rowIsSheetLevel && squeeze(cells[2]) === squeeze(mapping.field)) return r;
  }
  return r;
}

export async function saveColumnMappingIn(context: Excel.RequestContext, mapping: ColumnMappingRow): Promise<void> {
  let sheet = context.workbook.worksheets.getItemOrNullObject(RULES_SHEET_NAME);
  await context.sync();
  if (sheet.isNullObject) {
    await insertRulesSheetIn(context);
    sheet = context.workbook.worksheets.getItem(RULES_SHEET_NAME);
  }
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await context.sync();
  // Positions below are in sheet coordinates: the used range may not start at A1.
  const origin = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
  const values: Cells = used.isNullObject ? [] : (used.values as Cells);
  let block = findBlock(values);
  if (!block) {
    // A new block two rows below everything in the sheet, in its first used column.
    block = { row: values.length + 1, col: 0 };
    const header = sheet.getRangeByIndexes(origin.row + block.row, origin.col, 1, WIDTH);
    header.numberFormat = [MAPPING_HEADER.map(() => '@')];
    header.values = [[...MAPPING_HEADER]];
    header.format.font.bold = true;
  }
  const r = targetRow(values, block, mapping);
  const range = sheet.getRangeByIndexes(origin.row + r, origin.col + block.col, 1, WIDTH);
  // Text, never a formula: a sheet or header named `=1+1` is written as it is.
  range.numberFormat = [['@', '@', '@']];
  range.values = [[mapping.sheet, mapping.header, mapping.field]];
  await context.sync();
}
