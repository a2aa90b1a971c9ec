import { cellText } from '../parse/cell-text';
import { stripSpaces } from '../text/normalize';
import type { SheetView } from './sheet-view';
import { GENERIC_SHEET_NAME } from './vocabulary';

// 填报单位：X anywhere in a cell; a bare 单位：X only at the start, so a title's （单位：字） is not a unit.
// 填报单位（盖章）：X too: a bracketed remark may stand between the label and its colon.
const FILLED_BY = /(?:填报单位|^\s*单位)\s*(?:[（(][^）)]*[）)])?\s*[：:]\s*(\S*)/;

// Words a sheet name adds to the unit's name (SPEC section 2), longest first so 学习台账 goes before 台账.
// 会议记录, 请假缺席统计 and the like name the ledger, not a unit: nothing of them may be left as one.
const KIND_WORDS = [
  '学习台账', '学习笔记', '学习情况', '三会一课', '主题党日', '组织生活', '开展情况', '会议记录', '请假', '缺席', '考勤',
  '登记表', '统计表', '评分表', '汇总表', '明细表', '录入样表', '样表', '模板', '台账', '记录', '清单', '督查', '活动',
  '会议', '统计', '情况', '汇总', '明细', '党建', '导入',
];
const YEAR = /\d{4}\s*年度?|\d{4}/g;

/** The unit named by a `填报单位：X  填报日期：…` line above the header, if any. */
export function unitFromFilledBy(view: SheetView, headerRow: number): string | undefined {
  for (let r = view.firstRow; r < headerRow; r++) {
    for (let c = view.firstCol; c < view.endCol; c++) {
      const m = FILLED_BY.exec(cellText(view.cell(r, c)));
      if (!m) continue;
      if (m[1]) return stripSpaces(m[1]);
      // `填报单位：` in one cell and the unit in the next one.
      for (let next = c + 1; next < view.endCol; next++) {
        const text = cellText(view.cell(r, next)).trim();
        if (text !== '') return stripSpaces(text.split(/\s/)[0]!);
      }
    }
  }
  return undefined;
}

// Words a submitted file's name adds to its unit (社会保障股-2022年党建台账.xlsx), longest first.
const FILE_WORDS = [
  '三会一课', '主题党日', '学习台账', '学习笔记', '登记表', '统计表', '汇总表', '年终考核', '考核材料', '报送材料', '最终版', '终稿',
  '副本', '台账', '报送', '党建', '考核', '材料', '资料', '年度', '年终', '汇总', '工作', '记录', '清单', '学习', '活动',
];
const COPY_SUFFIX = /[（(]\d+[)）]$|-?副本$|-?copy$/i;

/**
 * `社会保障股-2022年党建台账.xlsx` → `社会保障股`: the unit a submitted file's name gives, the last resort
 * after the 单位 column, the 填报单位 line and the sheet name. Empty when nothing is left.
 */
export function unitFromFileName(file: string | undefined): string {
  if (!file) return '';
  let rest = stripSpaces(file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '')).replace(COPY_SUFFIX, '').replace(YEAR, '');
  for (const word of FILE_WORDS) rest = rest.split(word).join('');
  rest = rest.replace(/[-_·、，,。.（）()【】[\]—]+/g, '');
  // A name with no Chinese character (export.xlsx, data_final.xlsx, a system's download) names no unit here.
  return isGenericSheetName(rest) || !HAN.test(rest) ? '' : rest;
}

const HAN = /[\u4e00-\u9fff]/;

/** A default sheet name (`Sheet1`, `工作表1`, `新建 Microsoft Excel 工作表`) that never names a unit. */
export function isGenericSheetName(name: string): boolean {
  return GENERIC_SHEET_NAME.test(name.trim());
}

/**
 * `信息中心学习台账` → `信息中心`; `2022年社保中心三会一课记录` → `社保中心`. Empty when nothing is left
 * or the name is a default one: two branches in a sheet called Sheet1 must not become a unit "Sheet1".
 */
export function unitFromSheetName(name: string): string {
  if (isGenericSheetName(name)) return '';
  let rest = stripSpaces(name).replace(YEAR, '');
  for (const word of KIND_WORDS) rest = rest.split(word).join('');
  rest = rest.replace(/^[-_·、（）()]+|[-_·、（）()]+$/g, '');
  return isGenericSheetName(rest) ? '' : rest;
}
