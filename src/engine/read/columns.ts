/**
 * Ledger kinds and their columns (SPEC sections 2 and 3). Sheets are recognised by the columns they
 * have, never by a fixed template; what the columns are called lives in ./vocabulary.ts.
 */
import { KIND_SYNONYMS, SYNONYMS } from './vocabulary';

export type LedgerKind = 'study' | 'standardization' | 'activities' | 'tasks' | 'discipline';

/** Tie-break order when a sheet fits several kinds equally well. */
export const KIND_ORDER: readonly LedgerKind[] = ['study', 'standardization', 'activities', 'tasks', 'discipline'];

export const KIND_LABEL: Record<LedgerKind, string> = {
  study: '学习台账',
  activities: '党内活动台账',
  discipline: '作风纪律督查记录',
  standardization: '党支部标准化建设评分',
  tasks: '任务清单',
};

export const ASPECTS = ['班子建设', '队伍建设', '阵地建设', '制度建设', '工作职责', '活动载体', '成效评价'] as const;
export type Aspect = (typeof ASPECTS)[number];

export type Column =
  | '单位' | '姓名' | '职级' | '笔记字数' | '心得体会' | '学时' | '序号' | '备注'
  | '日期' | '活动类型' | '主题' | '参加人数' | '应到人数'
  | '问题类型' | '处理情况'
  | '任务' | '完成时限' | '完成情况'
  | Aspect;

export interface KindSpec {
  required: readonly Column[];
  optional: readonly Column[];
  /** Standardisation needs at least this many of its aspects instead of all required columns. */
  minAspects?: number;
}

export const KINDS: Record<LedgerKind, KindSpec> = {
  study: { required: ['姓名', '笔记字数', '心得体会'], optional: ['单位', '职级', '学时', '序号', '备注'] },
  activities: { required: ['日期', '活动类型'], optional: ['单位', '主题', '参加人数', '应到人数', '序号', '备注'] },
  discipline: { required: ['问题类型'], optional: ['日期', '单位', '姓名', '处理情况', '序号', '备注'] },
  standardization: { required: [], optional: ['单位', '序号', '备注', ...ASPECTS], minAspects: 5 },
  tasks: { required: ['任务', '完成情况'], optional: ['单位', '姓名', '完成时限', '序号', '备注'] },
};

/** Columns that carry no data of their own: a row holding only these is not a record. */
export const BOOKKEEPING_COLUMNS: ReadonlySet<Column> = new Set<Column>(['序号', '备注']);

function buildLookup(extra: Partial<Record<Column, readonly string[]>> | undefined): Map<string, Column> {
  const map = new Map<string, Column>();
  for (const [column, names] of Object.entries(SYNONYMS) as [Column, readonly string[]][]) {
    // Synonyms are compared after the same normalisation as headers (职务/职级 keeps its slash).
    for (const name of names) if (!map.has(name)) map.set(name, column);
  }
  for (const [column, names] of Object.entries(extra ?? {}) as [Column, readonly string[]][]) {
    for (const name of names) map.set(name, column);
  }
  return map;
}

// For finding the header row any known column counts, 责任人 included.
const GENERAL_LOOKUP = buildLookup(KIND_SYNONYMS.tasks);
const KIND_LOOKUP = new Map<LedgerKind, Map<string, Column>>(
  KIND_ORDER.map((kind) => [kind, buildLookup(KIND_SYNONYMS[kind])]),
);

/** The column a normalised header names, in general or within one kind of ledger. */
export function columnFor(key: string, kind?: LedgerKind): Column | undefined {
  return (kind ? KIND_LOOKUP.get(kind) : GENERAL_LOOKUP)?.get(key);
}
