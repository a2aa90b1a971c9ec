/** Small task-pane actions: jump to a cell, insert the rules sheet. */
import { rulesSheetTemplate } from '../../engine';
import { widthInPoints } from './write';
import { jsonBytes } from './payload';
import { OfficeAdapterError } from './errors';

export async function selectCellIn(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell || 'A1').select();
  await context.sync();
}

const RULES_WIDTHS = [24, 28, 60];

export async function insertRulesSheetIn(context: Excel.RequestContext): Promise<{ status: 'inserted' | 'exists'; sheet: string }> {
  const template = rulesSheetTemplate();
  const found = context.workbook.worksheets.getItemOrNullObject(template.name);
  // Workbook structure protection forbids adding a sheet: say so before trying (WorkbookProtection, ExcelApi 1.7).
  const protection = context.workbook.protection.load('protected');
  await context.sync();
  if (!found.isNullObject) return { status: 'exists', sheet: template.name };
  if (protection.protected) throw new OfficeAdapterError('workbookProtected', 'workbook structure is protected');

  const cols = Math.max(1, template.columns.length);
  const rows = [template.columns, ...template.rows].map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? ''));
  // Rules are text the user edits; "@" keeps values such as 80% or 2022 exactly as written.
  const formats = rows.map((row) => row.map(() => '@'));
  if (jsonBytes(rows) > 4_000_000) throw new Error('rules template too large');
  const sheet = context.workbook.worksheets.add(template.name);
  const range = sheet.getRangeByIndexes(0, 0, rows.length, cols);
  range.numberFormat = formats;
  range.values = rows;
  const header = sheet.getRangeByIndexes(0, 0, 1, cols);
  header.format.font.bold = true;
  header.format.fill.color = 'D9E1F2';
  for (let c = 0; c < cols; c++) {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(RULES_WIDTHS[c] ?? 20);
  }
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  await context.sync();
  return { status: 'inserted', sheet: template.name };
}
