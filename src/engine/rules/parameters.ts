/**
 * Every parameter of the 考核规则 sheet (SPEC section 6): its Chinese name, how its value is read,
 * its default and its explanation. This table is the one place the defaults live; e.g. the rule
 * "副科级以上 needs 15 000 characters" is the row `副科级以上笔记字数下限`.
 */
import type { Rules } from './rules';
import {
  ACTIVITY_TYPES,
  DEFAULT_SENIOR_KEYWORDS,
  DEFAULT_VETO_KEYWORDS,
  OTHER_VIOLATION,
  VIOLATION_TYPES,
  type Frequency,
  type ViolationType,
} from './tables';

export type ValueKind = 'number' | 'integer' | 'percent' | 'list' | 'frequency' | 'year';

export interface RuleParameter {
  name: string;
  kind: ValueKind;
  description: string;
  get(rules: Rules): number | string | string[] | null;
  set(rules: Rules, value: number | string | string[]): void;
}

/** Rules fields that hold one value (a number, a list or the year) rather than a table. */
type ScalarKey = Exclude<keyof Rules, 'points' | 'deductions' | 'frequencies' | 'sources'>;

function param(name: string, kind: ValueKind, description: string, key: ScalarKey): RuleParameter {
  return { name, kind, description, get: (r) => r[key], set: (r, v) => Object.assign(r, { [key]: v }) };
}

function pointsParam(name: string, part: keyof Rules['points'], label: string): RuleParameter {
  return {
    name,
    kind: 'number',
    description: `${label}部分的满分`,
    get: (r) => r.points[part],
    set: (r, v) => { r.points[part] = v as number; },
  };
}

export const RULE_PARAMETERS: readonly RuleParameter[] = [
  param('考核年度', 'year', '只统计该年度的活动；留空则按台账中最多的活动与督查日期所在年份确定', 'year'),
  param('笔记字数下限', 'number', '每人每年学习笔记至少应达到的字数', 'notesMin'),
  param('副科级以上笔记字数下限', 'number', '副科级以上干部每年学习笔记至少应达到的字数', 'seniorNotesMin'),
  param('心得体会篇数下限', 'number', '每人每年至少应撰写的心得体会篇数', 'reflectionsMin'),
  param('副科级以上职级关键词', 'list', '职级中含任一关键词即视为副科级以上，用顿号或逗号分隔', 'seniorKeywords'),
  pointsParam('学习教育分值', 'study', '学习教育'),
  pointsParam('组织生活分值', 'activities', '组织生活'),
  pointsParam('标准化建设分值', 'standardization', '标准化建设'),
  pointsParam('作风纪律分值', 'discipline', '作风纪律'),
  pointsParam('任务落实分值', 'tasks', '任务落实'),
  param('标准化单项满分', 'number', '党支部标准化建设七个方面每项的满分', 'aspectMax'),
  param('到会率下限', 'percent', '实到人数÷应到人数低于此值时提示到会率偏低，可写 80%、0.8 或 80', 'attendanceMin'),
  param('表彰名额', 'integer', '排名前几位且总分达到表彰最低分的单位予以表彰', 'commendCount'),
  param('表彰最低分', 'number', '获得表彰的单位总分不得低于此分', 'commendMinTotal'),
  param('通报批评名额', 'integer', '未获表彰、未被一票否决的单位中总分最低的几位予以通报批评（与末位同分者一并通报）', 'criticizeCount'),
  param('优秀比例', 'percent', '年度考核优秀等次名额占参评人数的比例，可写 20%、0.2 或 20', 'excellentRatio'),
  param('一票否决关键词', 'list', '问题类型中含任一关键词即对所在单位一票否决，用顿号或逗号分隔', 'vetoKeywords'),
  ...([...VIOLATION_TYPES.map((t) => t.type), OTHER_VIOLATION] as ViolationType[]).map(
    (type): RuleParameter => ({
      name: `${type}扣分`,
      kind: 'number',
      description: type === OTHER_VIOLATION ? '无法归类的作风纪律问题每次扣分' : `每发现一次${type}扣分`,
      get: (r) => r.deductions[type],
      set: (r, v) => { r.deductions[type] = v as number; },
    }),
  ),
  ...ACTIVITY_TYPES.map(
    (t): RuleParameter => ({
      name: `${t.type}频次`,
      kind: 'frequency',
      description: `${t.type}的最低开展频次：每月、每季度、每半年、每年或不考核`,
      get: (r) => r.frequencies[t.type],
      set: (r, v) => { r.frequencies[t.type] = v as Frequency; },
    }),
  ),
];

export function defaultRules(): Rules {
  return {
    year: null,
    notesMin: 10_000,
    seniorNotesMin: 15_000,
    reflectionsMin: 4,
    seniorKeywords: [...DEFAULT_SENIOR_KEYWORDS],
    points: { study: 25, activities: 25, standardization: 20, discipline: 20, tasks: 10 },
    aspectMax: 10,
    attendanceMin: 0.8,
    commendCount: 3,
    commendMinTotal: 85,
    criticizeCount: 3,
    excellentRatio: 0.2,
    vetoKeywords: [...DEFAULT_VETO_KEYWORDS],
    deductions: Object.fromEntries([
      ...VIOLATION_TYPES.map((t) => [t.type, t.deduction]),
      [OTHER_VIOLATION, 1],
    ]) as Rules['deductions'],
    frequencies: Object.fromEntries(ACTIVITY_TYPES.map((t) => [t.type, t.frequency])) as Rules['frequencies'],
  };
}

/** Effective rules as the report shows them: Chinese name → value. */
export function describeRules(rules: Rules): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const p of RULE_PARAMETERS) {
    const v = p.get(rules);
    out[p.name] = v === null ? '自动' : Array.isArray(v) ? [...v] : v;
  }
  return out;
}
