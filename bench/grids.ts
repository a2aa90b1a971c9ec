/**
 * Engine-only input: ledger grids built directly in memory (no exceljs, no file), so the engine can be
 * timed alone on ~100 000 ledger rows. Values are varied the way real ledgers are (text numbers, `万`,
 * date text, full-width spaces, unknown types), deterministically from a seed.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from '../src/engine/grid';
import { personName, unitNames } from '../src/sample/names';
import { Rng } from '../src/sample/prng';

export interface GridSize {
  units: number;
  personsPerUnit: number;
  activityRows: number;
  disciplineRows: number;
  taskRows: number;
}

/** 25 000 + 30 000 + 40 000 + 5 000 + 400 ≈ 100 000 ledger rows. */
export const ENGINE_100K: GridSize = { units: 400, personsPerUnit: 62, activityRows: 30_000, disciplineRows: 40_000, taskRows: 5_000 };

/** A smaller or larger workbook of the same shape (units and every row count times `factor`). */
export function scaled(size: GridSize, factor: number): GridSize {
  const n = (x: number): number => Math.max(1, Math.round(x * factor));
  return { ...size, units: n(size.units), activityRows: n(size.activityRows), disciplineRows: n(size.disciplineRows), taskRows: n(size.taskRows) };
}

const LEVELS = ['科员', '一级科员', '四级主任科员', '副科长', '科长', '办事员', '二级主任科员', ''];
const ACTIVITY_TYPES = ['支委会', '主题党日', '支部党员大会', '党课', '党小组会', '警示教育', '支部委员会会议'];
const VIOLATIONS = ['上班迟到', '早退', '脱岗', '上班时间聊天', '玩游戏', '服务态度生硬', '着装不规范'];
const ASPECTS = ['班子建设', '队伍建设', '阵地建设', '制度建设', '工作职责', '活动载体', '成效评价'];
const STATES = ['已完成', '完成', '√', '进行中', '未完成', ''];

function dateValue(rng: Rng, year: number): CellValue {
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  switch (rng.int(0, 4)) {
    case 0:
      return `${year}-${m}-${d}`;
    case 1:
      return `${year}年${m}月${d}日`;
    case 2:
      return Math.round(Date.UTC(year, m - 1, d) / 86_400_000) + 25_569;
    default:
      return new Date(Date.UTC(year, m - 1, d));
  }
}

function sheet(name: string, title: string, header: string[], rows: CellValue[][]): SheetGrid {
  return { name, values: [[title], header, ...rows], merges: [{ top: 0, left: 0, bottom: 0, right: header.length - 1 }] };
}

export function engineGrids(size: GridSize, seed = 100_000, year = 2022): { grids: WorkbookGrids; ledgerRows: number } {
  const rng = new Rng(seed);
  const units = unitNames(size.units);
  const persons = new Map<string, string[]>();
  const study: CellValue[][] = [];
  for (const unit of units) {
    const names = new Set<string>();
    while (names.size < size.personsPerUnit) names.add(personName(rng));
    persons.set(unit, [...names]);
    for (const name of names) {
      const notes = rng.int(8, 30) * 1000;
      const notesCell: CellValue = rng.chance(0.1) ? `${notes / 10_000}万字` : rng.chance(0.05) ? `${notes.toLocaleString('en-US')}字` : notes;
      study.push([study.length + 1, unit, rng.chance(0.05) ? `${name[0]}\u3000${name.slice(1)}` : name, rng.pick(LEVELS), notesCell, rng.int(2, 8)]);
    }
  }
  const activities: CellValue[][] = [];
  for (let i = 0; i < size.activityRows; i++) {
    const expected = rng.int(5, 60);
    activities.push([i + 1, rng.pick(units), dateValue(rng, year), rng.pick(ACTIVITY_TYPES), '学习贯彻党的二十大精神', expected, expected - rng.int(0, 12)]);
  }
  const discipline: CellValue[][] = [];
  for (let i = 0; i < size.disciplineRows; i++) {
    const unit = rng.pick(units);
    const type = i % 9000 === 4500 ? '因严重违纪被立案审查' : rng.pick(VIOLATIONS);
    discipline.push([dateValue(rng, year), unit, rng.pick(persons.get(unit)!), type, '已约谈提醒']);
  }
  const standardization: CellValue[][] = units.map((unit, i) => [i + 1, unit, ...ASPECTS.map(() => rng.int(4, 10))]);
  const tasks: CellValue[][] = [];
  for (let i = 0; i < size.taskRows; i++) {
    const unit = units[i % units.length]!;
    tasks.push([i + 1, '落实党风廉政建设主体责任', unit, rng.pick(persons.get(unit)!), new Date(Date.UTC(year, rng.int(2, 11), 28)), rng.pick(STATES)]);
  }
  const grids: WorkbookGrids = {
    sheets: [
      sheet('学习笔记登记表', `${year}年度干部职工学习笔记登记表`, ['序号', '单位', '姓名', '职务/职级', '笔记字数\n（字）', '心得体会(篇)'], study),
      sheet('三会一课记录', `${year}年度“三会一课”活动登记表`, ['序号', '支部', '活动时间', '会议类型', '会议主题', '应到人数', '实到人数'], activities),
      sheet('作风督查记录', '作风纪律督查记录', ['督查日期', '单位', '姓名', '问题类型', '处理情况'], discipline),
      sheet('党支部标准化建设评分表', '标准化建设评分', ['序号', '党支部', ...ASPECTS], standardization),
      sheet('任务清单', '任务分解清单', ['序号', '工作任务', '责任部门', '责任人', '完成时限', '完成情况'], tasks),
    ],
  };
  return { grids, ledgerRows: study.length + activities.length + discipline.length + standardization.length + tasks.length };
}
