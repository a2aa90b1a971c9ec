/** Small builders for workbooks as grids, so rule tests state their data in a line each. */
import type { CellValue, SheetGrid, WorkbookGrids } from '../../src/engine';

export const sheet = (name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, values, ...extra });

export const workbook = (...sheets: SheetGrid[]): WorkbookGrids => ({ sheets });

export type StudyRow = [unit: string, name: string, level: string, notes: CellValue, reflections: CellValue];
export const study = (rows: StudyRow[], name = '学习台账'): SheetGrid =>
  sheet(name, [['单位', '姓名', '职级', '笔记字数', '心得体会'], ...rows]);

export type ActivityRow = [unit: string, date: CellValue, type: string, expected?: number, present?: number];
export const activities = (rows: ActivityRow[], name = '三会一课记录'): SheetGrid =>
  sheet(name, [['支部', '活动日期', '活动类型', '应到人数', '实到人数'], ...rows.map((r) => [r[0], r[1], r[2], r[3] ?? null, r[4] ?? null])]);

/** A year of activities that meets every default frequency for `unit`. */
export function fullYear(unit: string, year = 2022): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (let m = 1; m <= 12; m++) {
    rows.push([unit, `${year}-${m}-5`, '支委会'], [unit, `${year}-${m}-6`, '主题党日']);
    if (m % 3 === 1) rows.push([unit, `${year}-${m}-7`, '支部党员大会'], [unit, `${year}-${m}-8`, '党课']);
  }
  return rows;
}

export const standardization = (rows: [string, ...number[]][], name = '标准化评分'): SheetGrid =>
  sheet(name, [['单位', '班子建设', '队伍建设', '阵地建设', '制度建设', '工作职责', '活动载体', '成效评价'], ...rows]);

export const discipline = (rows: [unit: string, name: string, type: string][], name = '督查记录'): SheetGrid =>
  sheet(name, [['单位', '姓名', '问题类型'], ...rows]);

export const tasks = (rows: [unit: string, task: string, status: string, deadline?: CellValue][], name = '任务清单'): SheetGrid =>
  sheet(name, [['责任单位', '工作任务', '完成情况', '完成时限'], ...rows.map((r) => [r[0], r[1], r[2], r[3] ?? null])]);

export const rulesSheet = (rows: [string, CellValue][]): SheetGrid => sheet('考核规则', [['参数', '值', '说明'], ...rows]);
