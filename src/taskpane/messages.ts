/**
 * Every string the task pane shows, in one place, so wording stays consistent and reviewable.
 * Issue messages are NOT here: they come from the engine's catalog (report.issues[].message).
 */
import type { Severity } from '../engine/issues/codes';

export const UI = {
  title: '年终考核 · 台账校验与评分',
  intro: '读取本工作簿中各单位的台账，按考核规则校验、评分、排名，并把结果写入新的工作表。源数据不会被修改，可反复运行。',
  runButton: '校验并生成结果',
  runningButton: '正在校验…',
  rulesButton: '插入考核规则表',
  yearLabel: '考核年度',
  yearHint: '留空则自动判断（按考核规则表或台账中的日期）',
  yearPlaceholder: '自动',
  yearInvalid: '请输入四位年份，例如 2022，或留空。',
  progressLabel: '考核进度',

  summaryHeading: '考核结果',
  summaryYear: (year: number) => `${year} 年度`,
  summaryUnits: '参评单位',
  summaryPersons: '参评人员',
  summaryQuota: '优秀名额',
  summaryQuotaNote: '（人员总数的 20%，向下取整）',
  summaryCommended: '表彰',
  summaryCriticised: '通报批评',
  summaryVetoed: '一票否决',
  summaryNone: '无',
  summaryIssues: '校验问题',
  summaryNoIssues: '未发现问题。',
  summaryErrorsHint: '标为「错误」的单元格无法按原值使用（已按缺失处理，超出范围的按上下限计分），会影响得分。请先修正，再次运行。',
  groupErrors: (n: number) => `含错误 ${n} 条`,
  summaryWrittenTo: '结果已写入工作表：',
  summaryRenamed: (from: string, to: string) =>
    `工作簿中已有您自己的工作表「${from}」，为避免覆盖，本次结果写入了「${to}」。`,
  unitsSuffix: (n: number) => `${n} 个`,
  personsSuffix: (n: number) => `${n} 人`,

  issuesHeading: '问题清单',
  issuesHint: '点击某条问题可跳转到对应单元格。修改台账后，再次点击「校验并生成结果」即可。',
  filterLabel: '按严重程度筛选',
  filterAll: '全部',
  unitLevelGroup: '单位汇总',
  showMore: (shown: number, total: number) => `显示更多（已显示 ${shown} / 共 ${total} 条）`,
  showMoreGroups: (shown: number, total: number) => `显示更多工作表（已显示 ${shown} / 共 ${total} 组）`,
  noIssuesForFilter: '当前筛选条件下没有问题。',
  sheetInFile: (sheet: string, file: string) => `${sheet}（${file}）`,
  rowOnly: (row: number) => `第 ${row} 行`,
  gotoIssue: (sheet: string, where: string) => `跳转到 ${sheet} ${where}`,
  selectFailed: (sheet: string, where: string) => `无法定位到「${sheet}」${where}：该工作表可能已被删除或重命名。`,

  unitsHeading: '各单位得分与评分依据',
  unitsHint: '点击单位可查看它各项得分的计分依据（与「评分依据」表相同）；点击位置可跳到台账中扣分或未达标的单元格。',
  showMoreUnits: (shown: number, total: number) => `显示更多单位（已显示 ${shown} / 共 ${total} 个）`,
  unitTotal: (total: string) => `${total} 分`,
  unitGoto: (sheet: string, cell: string) => `跳转到「${sheet}」${cell}`,

  recognitionHeading: '识别结果',
  recognitionHint:
    '各工作表被识别成什么台账、每个字段取自哪一列（点字段名可跳到该列表头）。如有不对，在下拉框中改选：选择会记在「考核规则」表的“列名对应”中，并立即重新校验。',
  recognitionReadOnly: '各工作表被识别成什么台账、每个字段取自哪一列。',
  recognitionKind: '台账类别',
  recognitionUnrecognised: '未识别',
  recognitionNotFound: '（未找到）',
  recognitionSamples: '示例：',
  recognitionByMapping: '按列名对应',
  recognitionByContent: '按列中内容识别',
  recognitionHeaderRow: (row: number) => `表头在第 ${row} 行`,
  showMoreSheets: (shown: number, total: number) => `显示更多工作表（已显示 ${shown} / 共 ${total} 张）`,
  recognitionGoto: (sheet: string, cell: string) => `跳转到 ${sheet} ${cell}`,
  recognitionSaved: (sheet: string, field: string, header: string) =>
    header ? `已记入「考核规则」的列名对应：「${sheet}」的“${header}”列作为“${field}”，并已重新校验。` : `已记入「考核规则」的列名对应：「${sheet}」按“${field}”处理，并已重新校验。`,
  recognitionSaveFailed: '无法写入「考核规则」表，列名对应未保存。',

  mergeButton: '合并各单位报送文件',
  mergeHeading: '各单位报送文件',
  mergeHint: '下次点击「校验并生成结果」时，这些文件与本工作簿的台账一起考核；文件只在本机读取，不会上传。结果写入本工作簿，「校验问题」中的“文件”列注明出处。',
  mergeRead: (sheets: number) => `已读取，共 ${sheets} 张工作表，校验后显示识别结果。`,
  mergeFound: (s: { ledgers: number; units: string[]; issues: number; errors: number }) =>
    s.ledgers === 0
      ? `没有可识别的台账${s.issues > 0 ? `（问题 ${s.issues} 条）` : ''}`
      : `台账 ${s.ledgers} 张；单位：${s.units.slice(0, 4).join('、')}${s.units.length > 4 ? ` 等 ${s.units.length} 个` : ''}；问题 ${s.issues} 条${s.errors > 0 ? `（错误 ${s.errors} 条）` : ''}`,
  mergeRemove: '移除',
  mergeCount: (files: number, problems: number) => `共 ${files} 个文件${problems > 0 ? `，其中 ${problems} 个无法使用（列在最前）` : ''}`,
  mergeRemoveLabel: (name: string) => `移除 ${name}`,
  mergeReadFailed: (name: string) => `无法读取文件：${name}`,
  selfCheckTitle: '单位自查',
  selfCheckBody: (unit: string) =>
    `台账中只有“${unit}”一个单位：以下是本单位的校验结果和各部分得分。名次、表彰/通报批评和优秀名额须各单位汇总后确定，这里不给出。`,

  noLedgersTitle: '工作簿中未找到可识别的台账',
  noLedgersBody:
    '台账按表头的列名识别（表头须在前 10 行内）。请检查各台账的表头是否包含以下列：',
  noLedgersKinds: [
    '学习台账：姓名、笔记字数、心得体会',
    '党内活动台账（三会一课）：日期、活动类型',
    '作风纪律督查记录：问题类型',
    '党支部标准化建设评分表：班子建设、队伍建设、阵地建设、制度建设、工作职责、活动载体、成效评价（至少 5 项）',
    '任务清单：任务、完成情况',
  ],
  noLedgersFooter: '各表也可以有「单位」列；没有时按表头上方的「填报单位：」或工作表名称确定单位。',

  unsupportedTitle: '当前 Excel 版本不支持本加载项',
  unsupportedBody:
    '本加载项需要 ExcelApi 1.7 或更高版本。请使用 Excel 2019、Microsoft 365 或 Excel 网页版打开本工作簿后重试。',
  unsupportedMissing: (missing: string[]) => `缺少：${missing.join('、')}`,

  protectedTitle: '工作表受保护',
  protectedBody: (sheets: string[]) =>
    `${sheets.length > 0 ? `工作表${sheets.map((s) => `「${s}」`).join('、')}` : '工作簿中有工作表'}受保护，加载项无法写入结果。请在「审阅 → 撤消工作表保护」后重试；源台账不会被修改。`,
  protectedReadTitle: '部分工作表受保护',
  protectedReadBody: (sheets: string[]) =>
    `工作表${sheets.map((s) => `「${s}」`).join('、')}受保护。其中的数据已正常读取并参与考核；加载项不会修改受保护的工作表。`,
  linksOmittedTitle: '部分行没有跳转链接',
  linksOmittedBody: (items: { sheet: string; count: number }[]) =>
    `Excel 每张工作表最多保存 65 530 个超链接。${items.map((i) => `「${i.sheet}」有 ${i.count} 行`).join('、')}超出这一上限，这些行照常写入，但没有跳转链接；请按行中的工作表和单元格查找。`,
  mergesInferredTitle: '合并单元格是推断的',
  mergesInferredBody: (items: { sheet: string; blocks: number }[]) =>
    `当前 Excel 版本（低于 ExcelApi 1.13，如 Excel 2019）无法读取合并单元格。${items.map((i) => `「${i.sheet}」`).join('、')}中「单位」「姓名」「日期」等列下方的空单元格，已按合并单元格处理（共 ${items.reduce((n, i) => n + i.blocks, 0)} 处，取上方的值）。如果其中有确实漏填的单元格，请补填后重新校验；用 Microsoft 365、Excel 2021 或命令行可得到精确结果。`,
  readOnlyTitle: '工作簿为只读',
  readOnlyBody: '此工作簿以只读方式打开，结果工作表没有写入。下面是本次考核的结果；如需生成结果表，请以可编辑方式打开工作簿后重新校验。',
  workbookProtectedTitle: '工作簿受保护',
  workbookProtectedBody:
    '工作簿结构受保护，加载项无法添加或替换结果工作表。请在「审阅 → 保护工作簿」中取消保护后重试；源台账不会被修改。',
  payloadTooLargeBody:
    '工作簿数据量超出了 Excel 单次处理的上限（Excel 网页版较常见）。请在 Excel 桌面版中运行，或把不参与考核的大表移到其他工作簿后重试。',
  editModeBody: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点击「校验并生成结果」。',
  failedTitle: '运行未完成',
  failedBody: '处理过程中出现意外错误。结果表要么已全部写入，要么保持上次的结果，不会只写入一部分。请重试；如仍失败，请把下面的错误信息提供给技术支持。',
  failedDetail: (detail: string) => `错误信息：${detail}`,

  rulesInserted: (sheet: string) => `已插入工作表「${sheet}」，其中是默认考核规则及说明。修改「值」列即可调整规则，下次运行时生效。`,
  rulesExists: (sheet: string) => `工作簿中已有「${sheet}」工作表，未作改动。`,
  rulesFailed: (detail: string) => `插入考核规则表失败：${detail}`,
  dismiss: '关闭',
} as const;

/** The web page's own strings (网页版, src/web); everything it shares with the task pane is in UI. */
export const WEB = {
  title: '年终考核 · 网页版',
  intro:
    '把各单位的台账 .xlsx 文件拖到下面（可一次选多个），点击「校验并生成结果」：在本机浏览器中校验、评分、排名，并生成考核结果工作簿。文件只在本机读取，不会上传到任何地方。',
  dropTitle: '把 .xlsx 文件或所在文件夹拖到这里',
  dropOr: '或',
  pickButton: '选择文件',
  dropHint: '一个文件：结果表加到该工作簿的副本中；多个文件（各单位报送）：合并考核，生成新的结果工作簿。拖入文件夹时读取其中的表格文件（不含子文件夹）。原文件不会被修改。',
  dropFolderFailed: '无法读取拖入的文件夹。请打开该文件夹，选中其中的文件再拖进来，或点「选择文件」。',
  dropEmptyFolder: (names: string[]) => `文件夹「${names.join('」「')}」中没有 .xlsx 等表格文件（只读取文件夹本身中的文件，不含子文件夹）。`,
  filesHeading: '已选文件',
  reading: '正在读取文件…',
  fileRead: (sheets: number) => `已读取，共 ${sheets} 张工作表。`,
  noFiles: '请先选择要考核的 .xlsx 文件。',
  downloadsHeading: '下载',
  downloadWorkbook: '下载结果工作簿',
  downloadJson: '下载报告 JSON',
  downloadWorkbookHint: (name: string) => `结果工作簿：${name}`,
  separateWorkbook:
    '这个工作簿的结构比较特殊，网页版无法把结果表加进它的副本，已改为生成只含结果表的新工作簿（命令行版可以加进原工作簿）。',
  linksBesideFiles: '结果中的链接指向各单位的文件：把结果工作簿与这些文件放在同一个文件夹中，点击链接即可打开对应单元格。',
  issuesHint: '点击某条问题，可在下方看到台账中这一行的内容，出问题的单元格已标出。修改台账后，重新选择文件并校验即可。',
  summaryInWorkbook: '结果工作簿中的结果表：',
  unitsHint: '点击单位可查看它各项得分的计分依据（与「评分依据」表相同）；点击位置可查看台账中的这一行。',
  previewLoading: '正在读取这一行…',
  previewMissing: '无法显示这一行：文件或工作表已不在所选文件中。',
  previewTitle: (file: string, sheet: string, row: number) => `${file ? `${file} · ` : ''}${sheet} · 第 ${row} 行`,
  previewHeaderRow: (row: number) => `表头（第 ${row} 行）`,
  previewRow: (row: number) => `第 ${row} 行`,
  previewClose: '关闭',
  placeDialogTitle: '台账中的位置',
  failedTitle: '校验未完成',
  failedBody: '处理过程中出现意外错误，没有生成结果。请重试；如仍失败，请把下面的错误信息提供给技术支持。',
  noUsableFiles: '所选文件都无法读取，请查看每个文件下方的提示。',
  workerFallback: '浏览器不允许后台处理，本次在页面中处理：大文件时页面可能短暂无响应。',
} as const;

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** Stage keys come from the adapter/engine; unknown ones still get a sensible label. */
const STAGE_LABEL: Record<string, string> = {
  start: '准备中…',
  read: '读取工作表…',
  parse: '识别台账…',
  check: '校验与评分…',
  score: '校验与评分…',
  output: '生成结果表…',
  write: '写入结果…',
  done: '完成',
};

export function stageLabel(stage: string): string {
  return STAGE_LABEL[stage] ?? '处理中…';
}
