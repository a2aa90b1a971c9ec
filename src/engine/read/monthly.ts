/**
 * Monthly-count sheets (组织生活开展情况统计表): one row per branch, and under a group title such as
 * `支委会次数` one column per month (1月 … 12月) holding how many were held. A cell's count means that
 * many activities of the group's type in that month; derived columns (按时开展月份数, 完成率) are not read.
 */
import { cellText } from '../parse/cell-text';
import { headerKey, stripSpaces } from '../text/normalize';
import type { HeaderCell } from './classify';
import { HEADER_SEARCH_ROWS, headerCells } from './header';
import { nameScore } from './header-match';
import type { SheetView } from './sheet-view';
import { monthOfHeader, MONTHLY_DERIVED } from './vocabulary';
import { ACTIVITY_TYPES } from '../rules/tables';

/** At least this many month columns make a monthly-count sheet. */
const MIN_MONTHS = 3;

const ACTIVITY_ALIASES = ACTIVITY_TYPES.flatMap((t) => t.aliases);
// A group title names activities when it names a type (支委会次数) or says it counts meetings or activities.
const ACTIVITY_WORDS = /活动|会议|党课|党日|组织生活|支委|党员大会|小组会/;

export interface MonthColumn {
  month: number;
  col: number;
  /** The group title above the month (支委会次数), the activity type text of its records. */
  typeText: string;
}

export interface MonthlyLayout {
  headerRow: number;
  months: MonthColumn[];
  /** The header cell of the unit column, if the sheet has one. */
  unit?: HeaderCell;
}

/** The nearest text above a header cell that is not itself a month: the group title. */
function groupTitle(view: SheetView, headerRow: number, col: number): string {
  for (let r = headerRow - 1; r >= view.firstRow; r--) {
    const text = cellText(view.cell(r, col)).trim();
    if (text !== '' && monthOfHeader(headerKey(text)) === undefined) return text;
  }
  return '';
}

function namesActivities(title: string): boolean {
  const t = stripSpaces(title);
  return ACTIVITY_ALIASES.some((a) => t.includes(a)) || ACTIVITY_WORDS.test(t);
}

/** The sheet's title (the first text above the header) or its name, when a group title is missing. */
function sheetTitle(view: SheetView, headerRow: number): string {
  for (let r = view.firstRow; r < headerRow; r++) {
    for (let c = view.firstCol; c < view.endCol; c++) {
      const text = cellText(view.cell(r, c)).trim();
      if (text !== '') return text;
    }
  }
  return view.name;
}

/** The monthly-count layout of a sheet, or undefined when it has none. */
export function findMonthly(view: SheetView): MonthlyLayout | undefined {
  const last = Math.min(view.endRow, view.firstRow + HEADER_SEARCH_ROWS);
  for (let r = view.firstRow; r < last; r++) {
    const cells = headerCells(view, r);
    const monthCells = cells.filter((c) => monthOfHeader(c.key) !== undefined);
    if (monthCells.length < MIN_MONTHS) continue;
    const fallback = sheetTitle(view, r);
    const months: MonthColumn[] = [];
    for (const cell of monthCells) {
      const title = groupTitle(view, r, cell.col) || fallback;
      if (namesActivities(title)) months.push({ month: monthOfHeader(cell.key)!, col: cell.col, typeText: title });
    }
    if (months.length < MIN_MONTHS) return undefined;
    const monthCols = new Set(monthCells.map((c) => c.col));
    let unit: HeaderCell | undefined;
    let unitScore = 0;
    for (const cell of cells) {
      if (monthCols.has(cell.col) || MONTHLY_DERIVED.some((w) => cell.key.includes(w))) continue;
      const score = nameScore(cell.key, '单位', 'activities');
      if (score > unitScore) {
        unit = cell;
        unitScore = score;
      }
    }
    return unit ? { headerRow: r, months, unit } : { headerRow: r, months };
  }
  return undefined;
}
