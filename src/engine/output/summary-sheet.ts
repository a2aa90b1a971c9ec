import type { OutputSheet, RowStyle } from '../output-model';
import type { Outcome, Report } from '../report';
import { remarkFor } from '../explain/text';
import { layout, noteRow, SHEET_NAMES } from './common';

const OUTCOME_STYLE: Record<Outcome, RowStyle | undefined> = {
  表彰: { fill: 'E2EFDA', fontColor: '375623', bold: true },
  通报批评: { fill: 'FFF2CC', fontColor: '7F6000' },
  一票否决: { fill: 'F8CBAD', fontColor: '9C0006', bold: true },
  '': undefined,
};


/** 考核汇总: the leaders' ranking of units, five parts, total and 奖惩, printable on A4 landscape. */
export function buildSummarySheet(report: Report): OutputSheet {
  const p = report.rules;
  // The points go on a second line of the header, so a narrow column wraps between words, not inside them.
  const pts = (name: string) => (typeof p[name] === 'number' ? `\n（${p[name]}分）` : '');
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  return {
    key: 'summary',
    name: SHEET_NAMES.summary,
    title: `${report.year}年度党建和党风廉政建设考核汇总${report.selfCheck ? '（单位自查）' : ''}`,
    note: noteRow(
      report.selfCheck
        ? `单位自查：台账中只有“${report.units[0]?.unit ?? ''}”一个单位，以下是本单位的校验结果和各部分得分。名次、表彰/通报批评和优秀等次名额须各单位汇总后确定，这里不列出。` +
            `参评人员 ${report.persons.length} 人；校验发现问题 ${report.issues.length} 条（其中错误 ${errors} 条），详见“${SHEET_NAMES.issues}”。`
        : `参评单位 ${report.units.length} 个，参评人员 ${report.persons.length} 人，优秀等次名额 ${report.excellentQuota} 名；` +
            `校验发现问题 ${report.issues.length} 条（其中错误 ${errors} 条），详见“${SHEET_NAMES.issues}”。`,
    ),
    columns: [
      { header: '名次', width: 6, format: 'integer', align: 'center' },
      { header: '单位', width: 18, format: 'text' },
      { header: `学习教育${pts('学习教育分值')}`, width: 11, format: 'decimal2', align: 'right' },
      { header: `组织生活${pts('组织生活分值')}`, width: 11, format: 'decimal2', align: 'right' },
      { header: `标准化建设${pts('标准化建设分值')}`, width: 12, format: 'decimal2', align: 'right' },
      { header: `作风纪律${pts('作风纪律分值')}`, width: 11, format: 'decimal2', align: 'right' },
      { header: `任务落实${pts('任务落实分值')}`, width: 11, format: 'decimal2', align: 'right' },
      { header: '总分', width: 9, format: 'decimal2', align: 'right' },
      { header: '奖惩结果', width: 10, format: 'text', align: 'center' },
      { header: '参评人数', width: 8, format: 'integer', align: 'center' },
      { header: '学习达标人数', width: 8, format: 'integer', align: 'center' },
      { header: '组织生活次数', width: 8, format: 'integer', align: 'center' },
      { header: '违纪违规次数', width: 8, format: 'integer', align: 'center' },
      { header: '备注', width: 30, format: 'text' },
    ],
    rows: report.units.map((u) => [
      // A self-check has no ranking: one unit is not ranked against the others.
      report.selfCheck ? null : u.rank,
      u.unit,
      u.scores.study,
      u.scores.activities,
      u.scores.standardization,
      u.scores.discipline,
      u.scores.tasks,
      u.total,
      u.outcome,
      u.persons,
      u.passedPersons,
      u.activities,
      u.violations,
      // Why the unit lost points: the 一票否决 reason and its largest losses, what a leader reads out.
      remarkFor(u),
    ]),
    rowStyles: report.units.map((u) => OUTCOME_STYLE[u.outcome]),
    links: [],
    ...layout('landscape'),
  };
}
