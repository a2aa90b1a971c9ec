/** The short Chinese summary printed after a run. */
import type { OutputPlacement } from '../engine/output-names';
import type { Report } from '../engine/report';
import { rankingTable } from './summary-table';

export interface WrittenFiles {
  workbook: string;
  json?: string;
}

export function issueCounts(report: Report): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of report.issues) counts[issue.severity]++;
  return counts;
}

export function summaryLines(report: Report, placements: readonly OutputPlacement[], files: WrittenFiles): string[] {
  const c = issueCounts(report);
  const lines = [
    `${report.year}年度考核结果：${report.units.length} 个单位，${report.persons.length} 人，优秀名额 ${report.excellentQuota} 人`,
    '',
    ...rankingTable(report.units),
    '',
    `校验问题：错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条` +
      (report.issues.length > 0 ? '（详见结果工作簿的“校验问题”表）' : ''),
  ];
  for (const p of placements) {
    if (p.renamedBecauseTaken) {
      lines.push(`注意：工作簿中已有您自己的工作表“${p.output.name}”，未作改动；本次结果写入了“${p.target}”。`);
    }
  }
  lines.push(`结果工作簿：${files.workbook}（${placements.map((p) => p.target).join('、')}）`);
  if (files.json) lines.push(`JSON 报告：${files.json}`);
  return lines;
}
