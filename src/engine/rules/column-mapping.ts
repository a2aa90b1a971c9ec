/**
 * The 列名对应 block of the 考核规则 sheet: the clerk's own answer where recognition is wrong or unsure.
 * A header row `工作表 | 列标题 | 对应字段` anywhere in the sheet, then one row per choice:
 *   会议记录 | 时间二 | 日期        the column headed 时间二 is the 日期 (by header text, so inserted
 *                                   columns do not break it)
 *   说明     |        | 不是台账    the sheet is not a ledger: it is not read
 *   Sheet3   |        | 学习台账    the sheet is read as that kind
 * The block ends at the first row whose three cells are empty. Written by the task pane, read by the
 * engine, so the command line and a colleague's Excel read the workbook the same way.
 */
import { a1, type SheetGrid } from '../grid';
import type { IssueSink } from '../issues/sink';
import { cellText } from '../parse/cell-text';
import { columnFor, KIND_LABEL, KIND_ORDER, type Column, type LedgerKind } from '../read/columns';
import { SheetView } from '../read/sheet-view';
import { headerKey, stripSpaces } from '../text/normalize';

export const MAPPING_HEADER = ['工作表', '列标题', '对应字段'] as const;
export const NOT_A_LEDGER = '不是台账';

/** What the clerk said about one sheet. */
export interface SheetOverride {
  exclude: boolean;
  kind?: LedgerKind;
  /** Column → the normalised header text that holds it, with where the choice was written. */
  fields: Map<Column, { key: string; header: string; cell: string }>;
}

export interface ColumnMappings {
  /** By sheet name without white space. */
  sheets: Map<string, SheetOverride>;
  /** Where the block is, so the parameter rows above or beside it do not read its rows as parameters. */
  block?: { top: number; bottom: number; left: number; right: number };
}

const KIND_BY_LABEL = new Map<string, LedgerKind>(KIND_ORDER.map((k) => [KIND_LABEL[k], k]));

function findHeader(view: SheetView): { row: number; cols: [number, number, number] } | undefined {
  for (let r = view.firstRow; r < view.endRow; r++) {
    for (let c = view.firstCol; c + 2 < view.endCol; c++) {
      if (MAPPING_HEADER.every((h, i) => headerKey(cellText(view.cell(r, c + i))) === h)) return { row: r, cols: [c, c + 1, c + 2] };
    }
  }
  return undefined;
}

/** Reads the block, reporting rows it cannot use (INVALID_RULE). No block: no mappings. */
export function readColumnMappings(grid: SheetGrid, issues: IssueSink): ColumnMappings {
  const view = new SheetView(grid);
  const sheets = new Map<string, SheetOverride>();
  const header = findHeader(view);
  if (!header) return { sheets };
  const [sheetCol, headerCol, fieldCol] = header.cols;
  let r = header.row + 1;
  for (; r < view.endRow; r++) {
    const sheet = cellText(view.cell(r, sheetCol)).trim();
    const head = cellText(view.cell(r, headerCol)).trim();
    const field = stripSpaces(cellText(view.cell(r, fieldCol)));
    if (sheet === '' && head === '' && field === '') break;
    const place = { sheet: grid.name, row: r + 1, cell: a1(r, fieldCol) };
    const rowText = `${sheet} | ${head} | ${field}`;
    if (sheet === '') {
      issues.add('INVALID_RULE', { ...place, cell: a1(r, sheetCol) }, { name: '列名对应', text: rowText, default: '不使用', hint: '请填写工作表名。' });
      continue;
    }
    const key = stripSpaces(sheet);
    const override: SheetOverride = sheets.get(key) ?? { exclude: false, fields: new Map() };
    sheets.set(key, override);
    if (head === '') {
      const kind = KIND_BY_LABEL.get(field);
      if (field === NOT_A_LEDGER) override.exclude = true;
      else if (kind) override.kind = kind;
      else {
        issues.add('INVALID_RULE', place, {
          name: '列名对应',
          text: rowText,
          default: '不使用',
          hint: `列标题为空时，对应字段应为“${NOT_A_LEDGER}”或台账类别（${KIND_ORDER.map((k) => KIND_LABEL[k]).join('、')}）。`,
        });
      }
      continue;
    }
    const column = columnFor(field) ?? columnFor(field, 'tasks');
    if (!column) {
      issues.add('INVALID_RULE', place, { name: '列名对应', text: rowText, default: '不使用', hint: '对应字段应为台账的字段名，例如 单位、姓名、日期、活动类型、问题类型。' });
      continue;
    }
    // The first row for a field wins, as for repeated parameters.
    if (!override.fields.has(column)) override.fields.set(column, { key: headerKey(head), header: head, cell: a1(r, headerCol) });
  }
  return { sheets, block: { top: header.row, bottom: r - 1, left: sheetCol, right: fieldCol } };
}
