import type { CellLink, OutCell, OutputSheet, RowStyle } from '../output-model';
import type { Report } from '../report';
import { runLines, unitExplainLines, type ExplainLine } from '../explain/text';
import type { ExplainPlace } from '../explain/types';
import { layout, noteRow, SHEET_NAMES } from './common';

/** Shared objects, so renderers can cache the cell style by identity. */
const UNIT_STYLE: RowStyle = { fill: 'F2F2F2', bold: true };
const DETAIL_STYLE: RowStyle = { fontColor: '595959' };
const RUN_HEAD_STYLE: RowStyle = { fill: 'F2F2F2', bold: true };

const LINE_STYLE: Record<ExplainLine['level'], RowStyle | undefined> = { unit: UNIT_STYLE, part: undefined, detail: DETAIL_STYLE };

/** The 位置 column: where the link goes, as text to click. */
const PLACE_COL = 5;
const shownPlace = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/**
 * 评分依据: for every unit, in rank order, a block: the total, then one line per part with the inputs
 * counted, the rule applied and the points (the very numbers of 考核汇总), and under each part the rows
 * behind a miss or a deduction, each linked to its cell. The run record closes the sheet.
 */
/** A link to a ledger cell, into its own file when several workbooks were read. */
function linkTo(row: number, place: ExplainPlace): CellLink {
  return place.file ? { row, col: PLACE_COL, sheet: place.sheet, cell: place.cell, file: place.file } : { row, col: PLACE_COL, sheet: place.sheet, cell: place.cell };
}

export function buildExplainSheet(report: Report): OutputSheet {
  const rows: OutCell[][] = [];
  const rowStyles: (RowStyle | undefined)[] = [];
  const links: CellLink[] = [];
  for (const u of report.units) {
    for (const line of unitExplainLines(report, u)) {
      const r = rows.length;
      const place = line.place;
      rows.push([u.rank, u.unit, line.level === 'detail' ? '' : line.part, line.text, line.points ?? null, place ? shownPlace(place.sheet, place.cell) : '']);
      rowStyles.push(LINE_STYLE[line.level]);
      if (place) links.push(linkTo(r, place));
    }
  }
  if (report.run) {
    rows.push([null, '运行记录', '', '本次考核的依据：年度、规则及其来源、读取的台账、数据指纹（按读取到的台账记录计算：台账内容不变，指纹不变）、版本和时间', null, '']);
    rowStyles.push(RUN_HEAD_STYLE);
    for (const line of runLines(report.run)) {
      const r = rows.length;
      rows.push([null, '运行记录', line.item, line.text, null, line.place ? shownPlace(line.place.sheet, line.place.cell) : '']);
      rowStyles.push(undefined);
      if (line.place) links.push(linkTo(r, line.place));
    }
  }
  return {
    key: 'explain',
    name: SHEET_NAMES.explain,
    title: `${report.year}年度考核评分依据`,
    note: noteRow(
      `共 ${report.units.length} 个单位，按名次排列；每个单位先列总分，再列五项得分及计分依据，“得分”与“${SHEET_NAMES.summary}”一致。` +
        `点击“位置”可跳转到扣分或未达标的台账单元格。表末为运行记录。`,
    ),
    columns: [
      { header: '名次', width: 6, format: 'integer', align: 'center' },
      { header: '单位', width: 16, format: 'text' },
      { header: '项目', width: 11, format: 'text', align: 'center' },
      { header: '计分依据', width: 64, format: 'text' },
      { header: '得分', width: 9, format: 'decimal2', align: 'right' },
      { header: '位置', width: 16, format: 'text' },
    ],
    rows,
    rowStyles,
    links,
    ...layout('landscape'),
  };
}
