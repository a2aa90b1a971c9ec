/**
 * The header vocabulary, as data, in one place: what ledgers call their columns, the words that hint
 * at a column inside a longer header, the words that rule one out, and the words a column's contents
 * are recognised by. Grown from real templates: party-work systems' import sheets (三会一课录入样表,
 * 主题党日活动录入样表, 组织生活开展情况统计表, 请假缺席统计, 学时统计) and bureaus' own ledgers.
 * Every text here is compared after headerKey() normalisation (no white space, no bracketed remarks).
 */
import type { Column, LedgerKind } from './columns';

/** Whole-header synonyms; the first one of each column is its canonical name (SPEC section 3). */
export const SYNONYMS: Record<Column, readonly string[]> = {
  单位: [
    '单位', '部门', '科室', '股室', '处室', '支部', '党支部', '所在单位', '所在支部', '所在部门', '责任单位', '责任部门',
    '所在党支部', '党支部名称', '支部名称', '单位名称', '部门名称', '填报单位', '所属党支部', '所属支部', '所属单位',
    '所属部门', '基层党组织', '党组织名称', '科室名称', '股室名称',
  ],
  姓名: ['姓名', '名字', '党员姓名', '干部姓名', '人员姓名', '职工姓名', '被检查人', '当事人'],
  职级: ['职级', '职务', '职务职级', '职务/职级', '级别', '现任职务', '职务级别'],
  笔记字数: ['笔记字数', '学习笔记字数', '学习笔记', '笔记', '笔记数量'],
  心得体会: ['心得体会', '心得体会篇数', '心得', '体会文章', '心得体会数量', '撰写心得体会'],
  学时: ['学时', '学时数', '总学时', '总学时数', '学习时长'],
  序号: ['序号', '编号'],
  备注: ['备注'],
  日期: [
    '日期', '时间', '活动日期', '活动时间', '检查日期', '督查日期', '督查时间', '会议时间', '会议日期', '开展时间',
    '开展日期', '实际会议时间', '实际时间', '实际开展时间', '召开时间', '召开日期', '举办时间', '发现时间', '检查时间',
  ],
  活动类型: ['活动类型', '会议类型', '活动形式', '类型', '会议形式', '会议类别', '活动类别', '组织生活类型'],
  主题: ['主题', '内容', '活动主题', '会议主题', '会议议题', '会议名称', '主要内容', '会议内容', '活动内容', '议题'],
  参加人数: ['参加人数', '实到人数', '到会人数', '出席人数', '实际参加人数', '参会人数'],
  应到人数: ['应到人数', '应参加人数', '应出席人数', '应参会人数'],
  问题类型: ['问题类型', '违纪类型', '违规情形', '问题', '存在问题', '发现问题', '问题描述', '违规类型', '违纪情形'],
  处理情况: ['处理情况', '处理结果', '处理意见', '整改情况'],
  任务: ['任务', '工作任务', '任务内容', '任务名称', '重点任务', '工作事项'],
  完成时限: ['完成时限', '时限', '截止日期', '完成时间', '截止时间', '时间节点'],
  完成情况: ['完成情况', '进度', '状态', '完成进度', '进展情况', '落实情况', '是否完成'],
  班子建设: ['班子建设'],
  队伍建设: ['队伍建设'],
  阵地建设: ['阵地建设'],
  制度建设: ['制度建设'],
  工作职责: ['工作职责'],
  活动载体: ['活动载体'],
  成效评价: ['成效评价'],
};

/** 责任人 names the person only in a task list (SPEC section 3). */
export const KIND_SYNONYMS: Partial<Record<LedgerKind, Partial<Record<Column, readonly string[]>>>> = {
  tasks: { 姓名: ['责任人'] },
};

/**
 * Words that, inside a longer header, hint at a column: `实际会议时间` holds 时间, `所在分党委` holds 党委.
 * A keyword match scores below a whole synonym, so `会议类型` beats `会议名称` for 活动类型.
 */
export const KEYWORDS: Partial<Record<Column, readonly string[]>> = {
  单位: ['党支部', '支部', '单位', '部门', '科室', '股室', '处室', '分党委', '党委', '党总支', '总支', '党组织', '院系'],
  姓名: ['姓名'],
  日期: ['时间', '日期'],
  笔记字数: ['笔记'],
  心得体会: ['心得'],
  学时: ['学时'],
  活动类型: ['类型', '类别'],
  参加人数: ['实到', '出席人数', '参会人数', '参加人数'],
  应到人数: ['应到', '应参加', '应出席'],
  问题类型: ['问题', '违纪', '违规'],
  完成情况: ['完成情况', '完成进度', '是否完成'],
  完成时限: ['时限', '截止'],
};

/**
 * Words that rule a header out for a column however it matched a keyword: `所在党支部编码` is a code,
 * not the branch; `主持人姓名` is not the person a record is about; `党支部类型` is not a unit.
 */
export const NOT_KEYWORDS: Partial<Record<Column, readonly string[]>> = {
  单位: ['编码', '代码', '编号', '类型', '书记', '人数', '电话', '地址', '性质', '层级', '学工号'],
  姓名: ['主持人', '记录人', '联系人', '审核人', '填表人', '检查人', '督查人', '拼音', '学工号'],
  日期: ['时长', '用时', '分钟', '小时'],
  活动类型: ['党支部', '支部', '单位', '问题', '违纪', '人员', '身份'],
  问题类型: ['整改', '处理', '编号'],
};

/**
 * Organisation levels in unit headers, lowest first. The appraisal scores the lowest level a ledger
 * names (党支部 within 分党委, 股室 within the bureau), so when several unit columns exist the lowest wins.
 */
export const UNIT_LEVELS: readonly (readonly string[])[] = [
  ['党支部', '支部', '股室', '科室', '处室', '部门', '单位'],
  ['党总支', '总支'],
  ['分党委', '党委', '院系', '党组织', '学院'],
];

/** 实际 over 计划: a 计划会议时间 beside a 实际会议时间 is the plan, not the day it happened. */
export const ACTUAL_WORDS: readonly string[] = ['实际', '召开', '开展'];
export const PLANNED_WORDS: readonly string[] = ['计划', '拟', '预计'];

/**
 * Headers under which a remark column may carry attendance findings (请假 / 缺席 / 迟到 / 早退): such a
 * column is a 问题类型 only when its contents say so.
 */
export const REMARK_HEADERS: readonly string[] = [
  '备注', '情况', '说明', '出勤情况', '考勤情况', '出席情况', '参会情况', '到会情况', '缺勤情况', '缺席情况', '请假情况', '考勤',
];

/**
 * Attendance and conduct words that make a remark a discipline finding. Leave kinds are recorded but
 * never deducted; 缺席 without leave is deducted under its own rule (缺席扣分).
 */
export const LEAVE_WORDS: readonly string[] = ['请假', '公假', '病假', '事假', '婚假', '产假', '丧假', '探亲假', '休假', '年假', '公出', '出差'];
/** Words that turn a leave word into its opposite: 未请假缺席 is an absence, not a leave. */
export const NO_LEAVE_WORDS: readonly string[] = ['未请假', '没请假', '不请假', '无故', '未经批准', '擅自'];

/** Default sheet names that never name a unit: `Sheet1`, `工作表1`, `新建 Microsoft Excel 工作表`. */
export const GENERIC_SHEET_NAME =
  /^(?:sheet|工作表|表|blad|feuil|tabelle|hoja|foglio|planilha|лист|シート)\s*\d*$|^新建.*工作表|^未命名|^untitled/i;

/** A month column of a monthly-count sheet (组织生活开展情况统计表): `1月` … `12月`, `3 月`, `一月`. */
export const MONTH_HEADER = /^(?:(1[0-2]|[1-9])|(十[一二]?|[一二三四五六七八九]))月(?:份)?(?:次数)?$/;
const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The month (1–12) a normalised header names, or undefined. */
export function monthOfHeader(key: string): number | undefined {
  const m = MONTH_HEADER.exec(key);
  if (!m) return undefined;
  return m[1] ? Number(m[1]) : CHINESE_MONTHS.indexOf(m[2]!) + 1;
}

/** Columns a monthly-count sheet may carry that are derived from the months, not read. */
export const MONTHLY_DERIVED = ['按时开展月份数', '完成率', '合计', '小计', '总计', '开展次数', '全年'];

/**
 * Unit-like endings, for recognising a unit column by its contents alone. Kept strict: 室, 所, 站 would
 * take a 活动地点 column (党员活动室) for the unit, which is exactly the silent wrong guess to avoid.
 */
export const UNIT_ENDINGS: readonly string[] = ['党支部', '支部', '党委', '总支', '股', '科', '中心', '局', '办公室', '委员会', '处'];

/** Headers that name a place or a contact, never a unit, whatever their contents end with. */
export const NOT_UNIT_CONTENT_HEADERS: readonly string[] = ['地点', '地址', '场所', '位置', '电话'];
