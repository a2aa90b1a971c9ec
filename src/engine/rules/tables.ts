/**
 * The rule tables of SPEC section 4: activity types, violation types and their defaults.
 * Aliases are matched by "contains", first row wins, so the order of each table matters.
 */

export type Frequency = '每月' | '每季度' | '每半年' | '每年' | '不考核';

/** Periods per year for each frequency; 不考核 has none. */
export const PERIODS_PER_YEAR: Record<Frequency, number> = { 每月: 12, 每季度: 4, 每半年: 2, 每年: 1, 不考核: 0 };

export const ACTIVITY_TYPES = [
  { type: '支部党员大会', aliases: ['支部党员大会', '党员大会'], frequency: '每季度' },
  { type: '支委会', aliases: ['支委会', '支部委员会'], frequency: '每月' },
  { type: '党小组会', aliases: ['党小组会', '小组会'], frequency: '不考核' },
  { type: '党课', aliases: ['党课'], frequency: '每季度' },
  { type: '主题党日', aliases: ['主题党日', '党日'], frequency: '每月' },
] as const satisfies readonly { type: string; aliases: readonly string[]; frequency: Frequency }[];

export type ActivityType = (typeof ACTIVITY_TYPES)[number]['type'];

export const VIOLATION_TYPES = [
  { type: '迟到', aliases: ['迟到'], deduction: 0.5 },
  { type: '早退', aliases: ['早退'], deduction: 0.5 },
  // Missing a meeting or duty without leave; approved leave (请假, 病假…) is never deducted (see classifyViolation).
  { type: '缺席', aliases: ['缺席', '缺勤', '旷会', '旷工', '未参加', '未到'], deduction: 1 },
  { type: '脱岗', aliases: ['脱岗', '离岗', '溜号', '串岗'], deduction: 1 },
  { type: '上网聊天', aliases: ['聊天'], deduction: 2 },
  { type: '玩游戏', aliases: ['游戏'], deduction: 2 },
  { type: '炒股', aliases: ['炒股'], deduction: 2 },
  { type: '服务态度', aliases: ['服务态度', '文明用语', '服务用语'], deduction: 1 },
] as const satisfies readonly { type: string; aliases: readonly string[]; deduction: number }[];

/** Anything that matches no violation type; deducts like the others and is flagged for review. */
export const OTHER_VIOLATION = '其他';

export type ViolationType = (typeof VIOLATION_TYPES)[number]['type'] | typeof OTHER_VIOLATION;

export const DEFAULT_VETO_KEYWORDS = ['立案', '党纪处分', '政务处分', '违法', '严重违纪'];
export const DEFAULT_SENIOR_KEYWORDS = ['副科', '正科', '副处', '正处', '科长', '局长', '主任科员', '调研员', '党组成员'];

/** 完成情况 texts that mean done (SPEC 4.5): contains 已完成, or is exactly one of these. */
export const TASK_DONE_CONTAINS = '已完成';
export const TASK_DONE_EXACT = ['完成', '是', '√', '✓', '✔'];

/** Rows that are totals or signatures, not data (SPEC section 2). */
export const TOTAL_CELLS = ['合计', '小计', '总计'];
export const FOOTER_PREFIXES = ['填表人', '审核人'];
