/**
 * Splits a sample workbook (src/sample) the way units send their ledgers in (各单位报送): one workbook
 * per unit with its study and activity rows, without a 单位 column, the unit given by a 填报单位 line
 * (most files) or by the file's name alone (every `byNameEvery`-th file); and one 机关党委 workbook with
 * the inspections, the standardisation scores and the task list as they were.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from '../engine';

export interface SplitFile {
  name: string;
  sheets: { name: string; rows: CellValue[][] }[];
}

// The sample's sheets whose rows belong to one unit each, and the header naming the unit.
const UNIT_HEADERS = new Set(['单位', '支部', '所在支部']);
const PER_UNIT_SHEETS = ['学习笔记登记表', '三会一课记录', '主题党日活动台账'];

const text = (v: CellValue | undefined): string => (typeof v === 'string' ? v.trim() : '');

function rowsOf(grid: SheetGrid): CellValue[][] {
  return Array.from({ length: grid.values.length }, (_, r) => [...(grid.values[r] ?? [])]);
}

/** The header row (the last row of a two-row header) and the unit column. */
function unitColumn(rows: CellValue[][]): { header: number; col: number } | undefined {
  let found: { header: number; col: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, 6); r++) {
    const col = rows[r]!.findIndex((v) => UNIT_HEADERS.has(text(v)));
    if (col >= 0) found = { header: r, col };
  }
  return found;
}

/** `xx股学习台账` sheets of the sample: a unit's own study sheet, its unit in the sheet's name. */
const OWN_STUDY = /^(.+)学习台账$/;

export function splitByUnit(grids: WorkbookGrids, byNameEvery = 3): SplitFile[] {
  const units = new Map<string, { name: string; rows: CellValue[][] }[]>();
  const office: SplitFile = { name: '机关党委-2022年度考核台账.xlsx', sheets: [] };
  const add = (unit: string, sheet: string, header: CellValue[][], row: CellValue[]) => {
    let sheets = units.get(unit);
    if (!sheets) units.set(unit, (sheets = []));
    let s = sheets.find((x) => x.name === sheet);
    if (!s) sheets.push((s = { name: sheet, rows: header.map((h) => [...h]) }));
    s.rows.push(row);
  };
  for (const grid of grids.sheets) {
    const rows = rowsOf(grid);
    const own = OWN_STUDY.exec(grid.name);
    if (own) {
      // Its 填报单位 line (if any) and title stay; the unit is the sheet name's.
      const header = rows.findIndex((r) => r.some((v) => text(v) === '序号'));
      for (const row of rows.slice(header + 1)) add(own[1]!, '本单位学习台账', rows.slice(header, header + 1), row);
      continue;
    }
    const at = PER_UNIT_SHEETS.includes(grid.name) ? unitColumn(rows) : undefined;
    if (!at) {
      office.sheets.push({ name: grid.name, rows });
      continue;
    }
    // A two-row header's lower row (笔记字数 / 心得体会 under 学习情况) has no unit of its own.
    let last = at.header;
    while (last + 1 < rows.length && text(rows[last + 1]![at.col]) === '' && rows[last + 1]!.some((v) => text(v) !== '')) last++;
    // The unit column is dropped: the file says whose rows these are.
    const header = rows.slice(at.header, last + 1).map((r) => r.filter((_, c) => c !== at.col));
    for (const row of rows.slice(last + 1)) {
      const unit = text(row[at.col]).replace(/\s/g, '');
      if (unit === '') continue;
      add(unit, grid.name, header, row.filter((_, c) => c !== at.col));
    }
  }
  const files: SplitFile[] = [];
  [...units].forEach(([unit, sheets], i) => {
    const byName = i % byNameEvery === byNameEvery - 1;
    files.push({
      name: `${unit}-2022年党建台账.xlsx`,
      sheets: sheets.map((s) => ({
        // Sheet names that say nothing of the unit; the 填报单位 line above the header, or nothing.
        name: s.name === '本单位学习台账' ? 'Sheet2' : s.name,
        rows: byName ? s.rows : [[`填报单位：${unit}　　　填报日期：2022年12月28日`], ...s.rows],
      })),
    });
  });
  files.push(office);
  return files;
}
