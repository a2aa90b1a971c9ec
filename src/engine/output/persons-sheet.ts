import type { OutputSheet, RowStyle } from '../output-model';
import type { Report } from '../report';
import { layout, noteRow, SHEET_NAMES, yesNo } from './common';

/** One shared object, so renderers can cache the cell style by identity. */
const NOT_PASSED_STYLE: RowStyle = { fontColor: '9C0006' };

/** 人员考核明细: one row per person for the year-end appraisal, with why someone is not eligible for 优秀. */
export function buildPersonsSheet(report: Report): OutputSheet {
  const eligible = report.persons.filter((p) => p.eligibleExcellent).length;
  return {
    key: 'persons',
    name: SHEET_NAMES.persons,
    title: `${report.year}年度干部职工学习及考核明细`,
    note: noteRow(`共 ${report.persons.length} 人，具备优秀资格 ${eligible} 人，优秀等次名额 ${report.excellentQuota} 名。`),
    columns: [
      { header: '单位', width: 16, format: 'text' },
      { header: '姓名', width: 10, format: 'text' },
      { header: '职级', width: 14, format: 'text' },
      { header: '副科级以上', width: 8, format: 'text', align: 'center' },
      { header: '笔记字数', width: 10, format: 'integer', align: 'right' },
      { header: '应达字数', width: 10, format: 'integer', align: 'right' },
      { header: '心得体会(篇)', width: 9, format: 'integer', align: 'right' },
      { header: '学习达标', width: 8, format: 'text', align: 'center' },
      { header: '违纪次数', width: 8, format: 'integer', align: 'center' },
      { header: '优秀资格', width: 8, format: 'text', align: 'center' },
      { header: '原因', width: 40, format: 'text' },
    ],
    rows: report.persons.map((p) => [
      p.unit,
      p.name,
      p.level,
      yesNo(p.senior),
      p.noteChars,
      p.requiredChars,
      p.reflections,
      yesNo(p.passed),
      p.violations,
      yesNo(p.eligibleExcellent),
      p.reasons.join('；'),
    ]),
    rowStyles: report.persons.map((p) => (p.passed ? undefined : NOT_PASSED_STYLE)),
    // The name links back to the person's row in the study ledger.
    links: report.persons.map((p, i) => (p.file === '' ? { row: i, col: 1, sheet: p.sheet, cell: p.cell } : { row: i, col: 1, sheet: p.sheet, cell: p.cell, file: p.file })),
    ...layout('landscape'),
  };
}
