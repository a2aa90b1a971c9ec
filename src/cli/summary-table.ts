/** The ranking as an aligned plain-text table for the terminal. */
import type { UnitResult } from '../engine/report';
import { displayWidth, padDisplay } from './display-width';

interface Column {
  header: string;
  align: 'left' | 'right';
  value: (u: UnitResult) => string;
}

const two = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '');

const COLUMNS: Column[] = [
  { header: '名次', align: 'right', value: (u) => String(u.rank) },
  { header: '单位', align: 'left', value: (u) => u.unit },
  { header: '学习教育', align: 'right', value: (u) => two(u.scores.study) },
  { header: '组织生活', align: 'right', value: (u) => two(u.scores.activities) },
  { header: '标准化建设', align: 'right', value: (u) => two(u.scores.standardization) },
  { header: '作风纪律', align: 'right', value: (u) => two(u.scores.discipline) },
  { header: '任务落实', align: 'right', value: (u) => two(u.scores.tasks) },
  { header: '总分', align: 'right', value: (u) => two(u.total) },
  { header: '奖惩', align: 'left', value: (u) => u.outcome },
];

/** Units in ranking order (equal ranks keep the report's order). */
export function rankingOrder(units: readonly UnitResult[]): UnitResult[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => a.u.rank - b.u.rank || a.i - b.i)
    .map((x) => x.u);
}

export function rankingTable(units: readonly UnitResult[]): string[] {
  const rows = rankingOrder(units).map((u) => COLUMNS.map((c) => c.value(u)));
  const widths = COLUMNS.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((text, i) => padDisplay(text, widths[i]!, COLUMNS[i]!.align))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map((c) => c.header)), ...rows.map(line)];
}
