/**
 * The Chinese text of every issue, filled late from the issue's data (like zod's issue codes):
 * what is wrong, where, and what to do. The engine never builds message strings elsewhere.
 */
import type { Issue } from '../report';
import type { IssueCode } from './codes';

type Params = Issue['params'];
type Template = (p: Params, issue: Issue) => string;

const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** Where the first of two duplicates is: 第 8 行 in the same sheet, 「其他表」第 8 行 elsewhere. */
const firstPlace = (p: Params, issue: Issue): string =>
  p.firstSheet === issue.sheet ? `第 ${s(p.firstRow)} 行` : `「${s(p.firstSheet)}」第 ${s(p.firstRow)} 行`;

/** The closest near miss, for NO_APPRAISAL_SHEETS: 最接近的是「会议记录」：像是党内活动台账，但没有找到“日期”列。 */
const nearest = (p: Params): string => {
  if (!p.nearSheet) return '';
  const lacks = p.nearReason === 'persons' ? '但每行是一名人员，不是单位开展的活动' : `但没有找到${s(p.nearMissing)}列`;
  return `最接近的是「${s(p.nearSheet)}」：像是${s(p.nearKind)}，${lacks}。`;
};

const CATALOG: Record<IssueCode, Template> = {
  NO_APPRAISAL_SHEETS: (p) =>
    `工作簿中没有可识别的台账。${nearest(p)}学习台账需有“姓名、笔记字数、心得体会”列，活动台账需有“日期、活动类型”列，督查记录需有“问题类型”列，任务清单需有“任务、完成情况”列，标准化评分表需有七个方面中至少 5 项。请检查表头（前 10 行内）。`,
  MISSING_COLUMN: (p) =>
    p.column === '单位'
      ? p.generic
        ? `工作表名“${s(p.generic)}”是默认名称，不能当作单位名；表中没有“单位”列，表头上方也没有“填报单位：”一行，无法确定各行属于哪个单位，本表未读取。请任选一种方式注明单位：增加“单位”列；或在表头上方加一行“填报单位：单位名”；或把工作表改名为“单位名+${s(p.kind)}”。`
        : `无法确定本表所属单位：表中没有“单位”列，表头上方也没有“填报单位：”一行，工作表名也看不出单位。请增加“单位”列，或将工作表命名为“单位名+${s(p.kind)}”。`
      : `${s(p.kind)}缺少“${s(p.column)}”列，该项按 0 分计。请在表头补充此列。`,
  MISSING_VALUE: (p) => `“${s(p.column)}”未填写${p.effect ? `，${s(p.effect)}` : ''}。请补充。`,
  INVALID_NUMBER: (p) =>
    `“${s(p.column)}”的内容“${s(p.text)}”不是有效数字${p.effect ? `，${s(p.effect)}` : ''}。请填写数字，例如 12000、1.2万、4篇。`,
  INVALID_DATE: (p) =>
    `“${s(p.column)}”的内容“${s(p.text)}”不是有效日期${p.effect ? `，${s(p.effect)}` : ''}。请写成 2022-3-5、2022年3月5日 或日期格式。`,
  FORMULA_ERROR: (p) => `“${s(p.column)}”的公式出错（${s(p.error)}），按未填写处理。请修正公式或改填数值。`,
  OUT_OF_RANGE: (p) => `“${s(p.column)}”为 ${s(p.value)} 分，超出 0–${s(p.max)} 分的范围，已按 ${s(p.clipped)} 分计。请核实。`,
  INVALID_RULE: (p) => `考核规则“${s(p.name)}”的值“${s(p.text)}”无法识别，已按默认值 ${s(p.default)} 执行。${s(p.hint)}`,
  MISSING_RANK: (p) =>
    p.scope === 'sheet'
      ? '本表没有“职级”列，本表人员均按副科级以下（笔记 10000 字）要求。如有副科级以上干部请增加“职级”列。'
      : `未填写职级，按副科级以下要求（笔记 ${s(p.required)} 字）。请补充职级。`,
  DUPLICATE_PERSON: (p, i) => `同一单位的“${s(p.person)}”在学习台账中重复出现（首次在${firstPlace(p, i)}），本行未计入。请删除重复行或核对姓名。`,
  DUPLICATE_ROW: (p, i) => `与${firstPlace(p, i)}重复（${s(p.what)}），只计一次。请删除重复记录。`,
  NOTES_BELOW_MIN: (p) => `学习笔记 ${s(p.value)} 字，未达到${p.senior === 'yes' ? '副科级以上' : ''}要求的 ${s(p.required)} 字。`,
  REFLECTIONS_BELOW_MIN: (p) => `心得体会 ${s(p.value)} 篇，未达到要求的 ${s(p.required)} 篇。`,
  UNIT_WITHOUT_STAFF: () => '该单位在学习台账中没有人员，学习教育得 0 分。请补报本单位人员的学习台账，或核对单位名称是否一致。',
  DATE_OUT_OF_YEAR: (p) =>
    p.counted === 'yes'
      ? `日期 ${s(p.date)} 不在 ${s(p.year)} 年度内，仍计入扣分。请核实日期。`
      : `日期 ${s(p.date)} 不在 ${s(p.year)} 年度内，不计入本年度考核。请核实日期。`,
  ACTIVITY_PERIOD_MISSING: (p) =>
    `${s(p.type)}应${s(p.frequency)}至少开展一次，缺少：${s(p.periods)}（${s(p.met)}/${s(p.total)} 期达标）。`,
  LOW_ATTENDANCE: (p) => `到会率 ${s(p.rate)}（实到 ${s(p.present)} 人 / 应到 ${s(p.expected)} 人），低于 ${s(p.min)}。`,
  NO_STANDARDIZATION: () => '该单位没有党支部标准化建设评分，此项得 0 分。请在评分表中补充该单位。',
  UNKNOWN_VIOLATION_TYPE: (p) => `问题类型“${s(p.text)}”无法归类，按“其他”扣 ${s(p.deduction)} 分。请核实问题类型。`,
  UNKNOWN_PERSON: (p) => `“${s(p.person)}”不在本单位的学习台账中。请核对姓名或单位。`,
  UNKNOWN_UNIT: (p) =>
    p.similar
      ? `单位“${s(p.unitName)}”只出现在${s(p.ledger)}中，学习、活动和标准化台账里都没有，可能是“${s(p.similar)}”的笔误。请核对单位名称。`
      : `单位“${s(p.unitName)}”只出现在${s(p.ledger)}中，学习、活动和标准化台账里都没有。请核对单位名称。`,
  VETO: (p) => `“${s(p.text)}”属一票否决情形，该单位本年度考核一票否决。`,
  TASK_OVERDUE: (p) => `任务“${s(p.task)}”完成时限 ${s(p.deadline)} 已到，完成情况为“${s(p.status)}”。请督促落实或更新完成情况。`,
  UNKNOWN_RULE: (p) => `考核规则中的参数“${s(p.name)}”无法识别，已忽略。可用的参数见插入的考核规则表。`,
  INCOMPLETE_LEDGER: (p) =>
    p.reason === 'persons'
      ? `像是${s(p.kind)}，但每行是一名人员（表中有“姓名”列），所列活动是个人参加的，不能当作单位开展的活动，本表未读取（已识别：${s(p.found)}）。单位开展的活动请另列一张活动台账。`
      : `像是${s(p.kind)}，但没有找到${s(p.missing)}列，本表未读取（已识别：${s(p.found)}）。请增加该列，或把相应列的标题改为${s(p.missing)}。`,
  EMPTY_LEDGER: (p) =>
    `识别为${s(p.kind)}（表头在第 ${s(p.headerRow)} 行），但表头下面没有数据，本表未计入考核。如果这是还没填写的模板，请填写后再考核；如果数据在别的工作表或文件里，请一并读取。`,
  AMBIGUOUS_COLUMN: (p) =>
    `有两列都像“${s(p.column)}”：${s(p.chosen)}和 ${s(p.other)}，已按 ${s(p.chosen)} 读取。如不对，请在任务窗格「识别结果」中改选（记入考核规则表的“列名对应”），或修改列标题加以区分${p.column === '日期' ? '（例如“实际时间”与“计划时间”）' : ''}。`,
  RULES_CONFLICT: (p) =>
    `「${s(p.file)}」中的考核规则与「${s(p.winner) || '本工作簿'}」中的不一致，已按「${s(p.winner) || '本工作簿'}」（不含学习台账的机关党委或人事部门文件）的规则执行。请统一各文件的考核规则，或删除单位文件中的考核规则表。`,
  DUPLICATE_SUBMISSION: (p) =>
    `单位“${s(p.unitName)}”的${s(p.kind)}在两个文件中都有：「${s(p.first)}」和「${s(p.second)}」。两份都已读取，相同的行只计一次；如其中一份是旧版本，请删除后重新考核。`,
  COLUMN_MAPPING_UNUSED: (p) =>
    p.header
      ? `列名对应“${s(p.sheetName)} | ${s(p.header)} | ${s(p.column)}”没有用上：「${s(p.sheetName)}」的表头中没有标题为“${s(p.header)}”的列，已忽略。请改为现在的列标题，或删除这一行。`
      : `列名对应中的工作表「${s(p.sheetName)}」在工作簿中不存在，已忽略。请改为现在的工作表名，或删除这一行。`,
  LEAVE_NOT_DEDUCTED: (p) => `“${s(p.text)}”属请假，已记录，不扣分。`,
  UNKNOWN_ACTIVITY_TYPE: (p) => `活动类型“${s(p.text)}”不属于三会一课或主题党日，计为特色活动，不计分。`,
};

/** Where an issue is, in words: 「学习台账」E13 / 「学习台账」 / 单位“局办公室”. */
export function issueLocation(issue: Issue): string {
  if (issue.sheet && issue.cell) return `「${issue.sheet}」${issue.cell}`;
  if (issue.sheet && issue.row !== null) return `「${issue.sheet}」第 ${issue.row} 行`;
  if (issue.unit) return `单位“${issue.unit}”`;
  return issue.sheet ? `「${issue.sheet}」` : '';
}

/** What is wrong and what to do, without the place: for lists that already show sheet, cell and person. */
export function issueBody(issue: Issue): string {
  return CATALOG[issue.code](issue.params, issue);
}

/** The full Chinese message: place, what is wrong, what to do. */
export function formatIssue(issue: Issue): string {
  const where = issueLocation(issue);
  const who = issue.person && issue.code !== 'DUPLICATE_PERSON' && issue.code !== 'UNKNOWN_PERSON' ? `（${issue.person}）` : '';
  const body = issueBody(issue);
  return where ? `${where}${who}：${body}` : `${body}`;
}
