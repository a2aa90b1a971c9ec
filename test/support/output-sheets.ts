/** Hand-made OutputSheet tables, so writer tests do not depend on the engine's results. */
import { GENERATED_MARKER, type OutputSheet } from '../../src/engine/output-model';

/** Ledger text that a careless writer would turn into a formula or a DDE call. */
export const HOSTILE_TEXTS = ['=1+1', '@SUM(A1)', '+1', '-1', "=cmd|' /C calc'!A0"];

const PRINT: OutputSheet['print'] = { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, repeatRows: [3, 3] };

export function summarySheet(): OutputSheet {
  return {
    key: 'summary',
    name: '考核汇总',
    title: '2022年度党建工作考核汇总',
    note: `${GENERATED_MARKER}由年终考核加载项生成，重新校验时自动更新，请勿手工修改。`,
    columns: [
      { header: '名次', width: 6, format: 'integer', align: 'center' },
      { header: '单位', width: 18, format: 'text' },
      { header: '学习教育', width: 10, format: 'decimal2' },
      { header: '总分', width: 10, format: 'decimal2' },
      { header: '奖惩', width: 10, format: 'text', align: 'center' },
    ],
    rows: [
      [1, '局办公室', 25, 96.857, '表彰'],
      [2, HOSTILE_TEXTS[0]!, 18.75, 89.54, ''],
      [3, HOSTILE_TEXTS[1]!, 12.5, 74.66, '一票否决'],
    ],
    rowStyles: [{ fill: 'E2EFDA', bold: true }, undefined, { fill: 'F8CBAD', fontColor: 'C00000' }],
    links: [],
    freezeRows: 3,
    print: PRINT,
  };
}

export function personsSheet(): OutputSheet {
  return {
    key: 'persons',
    name: '人员考核明细',
    title: '2022年度人员考核明细',
    note: `${GENERATED_MARKER}人员明细。`,
    columns: [
      { header: '单位', width: 16, format: 'text' },
      { header: '姓名', width: 10, format: 'text' },
      { header: '笔记字数', width: 10, format: 'integer' },
      { header: '工号', width: 10, format: 'text' },
    ],
    rows: [
      ['局办公室', HOSTILE_TEXTS[2]!, 15000, 123],
      ['局办公室', HOSTILE_TEXTS[3]!, null, '007'],
      ['局办公室', HOSTILE_TEXTS[4]!, 9000, null],
    ],
    rowStyles: [undefined, undefined, undefined],
    links: [],
    freezeRows: 3,
    print: { ...PRINT, orientation: 'portrait' },
  };
}

export function issuesSheet(linkSheet = '学习 台账', linkCell = 'E13'): OutputSheet {
  return {
    key: 'issues',
    name: '校验问题',
    title: '2022年度考核台账校验问题',
    note: `${GENERATED_MARKER}共 2 条问题。`,
    columns: [
      { header: '级别', width: 8, format: 'text' },
      { header: '工作表', width: 16, format: 'text' },
      { header: '单元格', width: 8, format: 'text' },
      { header: '说明', width: 60, format: 'text' },
    ],
    rows: [
      ['错误', linkSheet, linkCell, '笔记字数不是数字'],
      ['警告', '', '', '单位没有人员'],
    ],
    rowStyles: [undefined, undefined],
    links: [{ row: 0, col: 2, sheet: linkSheet, cell: linkCell }],
    freezeRows: 3,
    print: PRINT,
  };
}

export function allOutputs(): OutputSheet[] {
  return [summarySheet(), personsSheet(), issuesSheet()];
}
