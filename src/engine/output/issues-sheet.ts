import type { CellLink, OutputSheet, RowStyle } from '../output-model';
import type { Report } from '../report';
import type { Severity } from '../issues/codes';
import { layout, noteRow, SHEET_NAMES } from './common';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_STYLE: Record<Severity, RowStyle | undefined> = {
  error: { fontColor: '9C0006' },
  warning: undefined,
  info: { fontColor: '595959' },
};

function issueLinks(report: Report, col: number): CellLink[] {
  const links: CellLink[] = [];
  report.issues.forEach((i, n) => {
    if (!i.sheet || !i.cell) return;
    // A cell in another file (several units' files): a link into that file, beside its 文件 column.
    links.push(i.file === '' ? { row: n, col, sheet: i.sheet, cell: i.cell } : { row: n, col, sheet: i.sheet, cell: i.cell, file: i.file });
  });
  return links;
}

/** 校验问题: every data problem, each linked to its cell so HR can fix it in one click. */
export function buildIssuesSheet(report: Report): OutputSheet {
  const count = (s: Severity) => report.issues.filter((i) => i.severity === s).length;
  // Several workbooks appraised together: each issue says which file it is in.
  const withFile = report.issues.some((i) => i.file !== '');
  return {
    key: 'issues',
    name: SHEET_NAMES.issues,
    title: `${report.year}年度考核台账校验问题清单`,
    note: noteRow(`共 ${report.issues.length} 条：错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条。点击“位置”可跳转到对应单元格。`),
    columns: [
      { header: '序号', width: 6, format: 'integer', align: 'center' },
      { header: '级别', width: 6, format: 'text', align: 'center' },
      ...(withFile ? [{ header: '文件', width: 28, format: 'text' as const }] : []),
      { header: '工作表', width: 20, format: 'text' },
      { header: '位置', width: 8, format: 'text', align: 'center' },
      { header: '单位', width: 14, format: 'text' },
      { header: '姓名', width: 8, format: 'text' },
      { header: '问题说明', width: 70, format: 'text' },
      { header: '代码', width: 22, format: 'text' },
    ],
    rows: report.issues.map((i, n) =>
      withFile
        ? [n + 1, SEVERITY_LABEL[i.severity], i.file, i.sheet, i.cell, i.unit, i.person, i.message, i.code]
        : [n + 1, SEVERITY_LABEL[i.severity], i.sheet, i.cell, i.unit, i.person, i.message, i.code],
    ),
    rowStyles: report.issues.map((i) => SEVERITY_STYLE[i.severity]),
    links: issueLinks(report, withFile ? 4 : 3),
    ...layout('landscape'),
  };
}
