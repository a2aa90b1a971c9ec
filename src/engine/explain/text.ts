/**
 * The Chinese wording of the 评分依据 (why each unit got its score), of the 考核汇总 备注 and of the run
 * record, filled late from the explain data, in this one place (like issues/catalog.ts). The 评分依据
 * sheet and the task pane show the same lines.
 */
import { roundHalfAwayFromZero } from '../score/round';
import type { Outcome, Report, UnitResult } from '../report';
import type { ExplainPlace, RuleSource, RunRecord, UnitExplain } from './types';

export type ExplainPart = '总分' | '学习教育' | '组织生活' | '标准化建设' | '作风纪律' | '任务落实';

/** One line of a unit's block: the unit line (total), a part line (its points), or a detail under a part. */
export interface ExplainLine {
  level: 'unit' | 'part' | 'detail';
  part: ExplainPart;
  text: string;
  /** The part's points (unrounded, as in `scores`), or the total on the unit line. */
  points?: number;
  place?: ExplainPlace;
}

/** Points as shown: two decimals, rounded half away from zero (SPEC 4.6). */
export const pts = (v: number): string => roundHalfAwayFromZero(v, 2).toFixed(2);
/** An input number as written: 0.5, 12, 1.25. */
const num = (v: number): string => String(roundHalfAwayFromZero(v, 2));
const quote = (t: string): string => `“${t}”`;

/** At most `n` names, then 等 k 人/项. */
function listSome(names: string[], n: number, unit: string): string {
  return names.length <= n ? names.join('、') : `${names.slice(0, n).join('、')}等 ${names.length} ${unit}`;
}

const PERIOD_WORD: Record<string, string> = { 每月: '月', 每季度: '季度', 每半年: '半年', 每年: '年' };

function studyLines(e: UnitExplain['study']): ExplainLine[] {
  if (e.persons === 0) return [{ level: 'part', part: '学习教育', text: `学习台账中没有本单位人员 → 0.00`, points: e.points }];
  const names = e.failed.map((p) => p.name);
  const who = names.length > 0 ? `（笔记字数或心得体会未达标：${listSome(names, 10, '人')}）` : '';
  const lines: ExplainLine[] = [
    { level: 'part', part: '学习教育', text: `达标 ${e.passed}/${e.persons} 人${who} → ${num(e.max)} × ${e.passed}/${e.persons} = ${pts(e.points)}`, points: e.points },
  ];
  for (const p of e.failed) {
    const why: string[] = [];
    if (!p.notesMet) why.push(p.noteChars === null ? `笔记字数未填或无效（应达 ${p.requiredChars} 字）` : `笔记 ${p.noteChars} 字，未达 ${p.requiredChars} 字`);
    if (!p.reflectionsMet) why.push(p.reflections === null ? `心得体会篇数未填或无效（应达 ${p.requiredReflections} 篇）` : `心得体会 ${p.reflections} 篇，未达 ${p.requiredReflections} 篇`);
    lines.push({ level: 'detail', part: '学习教育', text: `${p.name}${p.level ? `（${p.level}）` : ''}：${why.join('；')}`, place: placeOf(p) });
  }
  return lines;
}

function activitiesLines(e: UnitExplain['activities'], year: number): ExplainLine[] {
  const special = e.special > 0 ? `；另有特色活动 ${e.special} 次，不计分` : '';
  if (e.types.length === 0) return [{ level: 'part', part: '组织生活', text: `未要求开展的活动类型 → 满分 ${pts(e.points)}${special}`, points: e.points }];
  const ratios = e.types.map((t) => `${t.met}/${t.total}`).join(' + ');
  const formula = e.types.length === 1 ? `${num(e.max)} × ${ratios}` : `${num(e.max)} × (${ratios}) ÷ ${e.types.length}`;
  const lines: ExplainLine[] = [
    { level: 'part', part: '组织生活', text: `各类活动按期开展 → ${formula} = ${pts(e.points)}${special}`, points: e.points },
  ];
  for (const t of e.types) {
    const missing = t.missing.length > 0 ? `（缺 ${t.missing.join('、')}）` : '';
    lines.push({ level: 'detail', part: '组织生活', text: `${t.type}（${t.frequency}）：${t.met}/${t.total} ${PERIOD_WORD[t.frequency] ?? ''}${missing}` });
  }
  for (const x of e.excluded) {
    const why = x.why === 'year' ? `日期不在 ${year} 年度内，未计入` : '与前面一条重复，只计一次';
    lines.push({ level: 'detail', part: '组织生活', text: `${x.date} ${x.typeText}：${why}`, place: placeOf(x) });
  }
  return lines;
}

function aspectText(a: UnitExplain['standardization']['aspects'][number], max: number): string {
  if (a.value === null) return `${a.aspect} 未填（按 0 计）`;
  if (a.clipped) return `${a.aspect} ${num(a.value)}（超出 0–${num(max)}，按 ${num(a.counted)} 计）`;
  return `${a.aspect} ${num(a.value)}`;
}

function standardizationLines(e: UnitExplain['standardization'], aspectMax: number): ExplainLine[] {
  if (!e.row) return [{ level: 'part', part: '标准化建设', text: '没有标准化建设评分 → 0.00', points: e.points }];
  const aspects = e.aspects.map((a) => aspectText(a, aspectMax)).join('、');
  return [
    {
      level: 'part',
      part: '标准化建设',
      text: `${aspects}；合计 ${num(e.sum)}/${num(e.maxSum)} → ${num(e.max)} × ${num(e.sum)}/${num(e.maxSum)} = ${pts(e.points)}`,
      points: e.points,
      place: e.row,
    },
  ];
}

function disciplineLines(e: UnitExplain['discipline']): ExplainLine[] {
  const deductions = e.entries.filter((x) => x.kind === 'violation');
  const vetoes = e.entries.filter((x) => x.kind === 'veto');
  const leave = e.entries.filter((x) => x.kind === 'leave');
  let text =
    deductions.length === 0
      ? `无扣分记录 → ${pts(e.points)}`
      : e.deducted > e.max
        ? `扣分 ${deductions.length} 条共 ${num(e.deducted)} 分，超过 ${num(e.max)} 分 → 0.00`
        : `扣分 ${deductions.length} 条共 ${num(e.deducted)} 分 → ${num(e.max)} − ${num(e.deducted)} = ${pts(e.points)}`;
  if (vetoes.length > 0) text += `；一票否决：${vetoes.map((v) => quote(v.text)).join('、')}`;
  if (leave.length > 0) text += `；请假 ${leave.length} 条，不扣分`;
  const lines: ExplainLine[] = [{ level: 'part', part: '作风纪律', text, points: e.points }];
  for (const x of e.entries) {
    const head = `${x.date === '' ? '' : `${x.date} `}${x.person === '' ? '' : `${x.person} `}“${x.text}”`;
    const tail = x.kind === 'veto' ? '一票否决' : x.kind === 'leave' ? '请假，不扣分' : `${x.category} −${num(x.deduction)} 分`;
    lines.push({ level: 'detail', part: '作风纪律', text: `${head}：${tail}`, place: placeOf(x) });
  }
  return lines;
}

function tasksLines(e: UnitExplain['tasks']): ExplainLine[] {
  if (e.tasks === 0) return [{ level: 'part', part: '任务落实', text: `没有任务 → 满分 ${pts(e.points)}`, points: e.points }];
  const names = e.undone.map((t) => quote(t.task || '（未写任务）'));
  const which = names.length > 0 ? `（未完成：${listSome(names, 5, '项')}）` : '';
  const lines: ExplainLine[] = [
    { level: 'part', part: '任务落实', text: `完成 ${e.done}/${e.tasks} 项${which} → ${num(e.max)} × ${e.done}/${e.tasks} = ${pts(e.points)}`, points: e.points },
  ];
  for (const t of e.undone) {
    const deadline = t.deadline ? `，时限 ${t.deadline}` : '';
    lines.push({ level: 'detail', part: '任务落实', text: `${quote(t.task || '（未写任务）')}完成情况：${t.status || '未填写'}${deadline}`, place: placeOf(t) });
  }
  return lines;
}

function outcomeText(outcome: Outcome): string {
  return outcome === '' ? '' : `，${outcome}`;
}

/** The aspect maximum the rules applied (the standardisation line quotes it for clipped values). */
function aspectMaxOf(rules: Report['rules']): number {
  const v = rules['标准化单项满分'];
  return typeof v === 'number' ? v : 10;
}

/** A unit's block as the 评分依据 sheet and the task pane show it. */
export function unitExplainLines(report: Pick<Report, 'year' | 'rules'>, unit: UnitResult): ExplainLine[] {
  return explainLines(unit, report.year, aspectMaxOf(report.rules));
}

/** A unit's block: the total, then each part with its inputs, rule and points, then the rows behind them. */
export function explainLines(unit: UnitResult, year: number, aspectMax: number): ExplainLine[] {
  const e = unit.explain;
  const s = unit.scores;
  const sum = s.study + s.activities + s.standardization + s.discipline + s.tasks;
  return [
    {
      level: 'unit',
      part: '总分',
      text: `五项合计 ${pts(s.study)} + ${pts(s.activities)} + ${pts(s.standardization)} + ${pts(s.discipline)} + ${pts(s.tasks)} → 总分 ${pts(unit.total)}（未取整合计 ${roundHalfAwayFromZero(sum, 6)}）；第 ${unit.rank} 名${outcomeText(unit.outcome)}`,
      points: unit.total,
    },
    ...studyLines(e.study),
    ...activitiesLines(e.activities, year),
    ...standardizationLines(e.standardization, aspectMax),
    ...disciplineLines(e.discipline),
    ...tasksLines(e.tasks),
  ];
}

/**
 * The 考核汇总 备注 of a unit below full marks: the 一票否决 reason, then its two or three largest losses
 * in a few words (组织生活缺9月支委会；标准化 制度建设 5 分). Empty for a unit with full marks.
 */
export function remarkFor(unit: UnitResult): string {
  const e = unit.explain;
  const losses: { loss: number; text: string }[] = [];
  const lost = (x: { points: number; max: number }) => x.max - x.points;

  if (e.study.persons === 0) losses.push({ loss: lost(e.study), text: '学习台账无本单位人员' });
  else losses.push({ loss: lost(e.study), text: `学习教育 ${e.study.persons - e.study.passed} 人未达标` });

  const missed = e.activities.types.filter((t) => t.missing.length > 0);
  const typeText = missed
    .slice(0, 2)
    .map((t) => (t.missing.length <= 2 ? `${t.missing.join('和')}${t.type}` : `${t.type} ${t.missing.length} 个${PERIOD_WORD[t.frequency] ?? ''}`))
    .join('、');
  losses.push({ loss: lost(e.activities), text: `组织生活缺${typeText}${missed.length > 2 ? '等' : ''}` });

  if (!e.standardization.row) losses.push({ loss: lost(e.standardization), text: '无标准化建设评分' });
  else {
    const low = e.standardization.aspects
      .filter((a) => a.counted < e.standardization.maxSum / Math.max(1, e.standardization.aspects.length))
      .sort((a, b) => a.counted - b.counted)
      .slice(0, 2)
      .map((a) => `${a.aspect} ${num(a.counted)} 分`);
    losses.push({ loss: lost(e.standardization), text: `标准化 ${low.join('、')}` });
  }

  const counts = new Map<string, number>();
  for (const x of e.discipline.entries) if (x.kind === 'violation') counts.set(x.category, (counts.get(x.category) ?? 0) + 1);
  const kinds = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([c, n]) => `${c} ${n} 次`);
  losses.push({ loss: lost(e.discipline), text: `作风纪律扣 ${num(e.discipline.deducted)} 分（${kinds.join('、')}${counts.size > 2 ? '等' : ''}）` });

  losses.push({ loss: lost(e.tasks), text: `任务未完成 ${e.tasks.tasks - e.tasks.done} 项` });

  const parts: string[] = [];
  const vetoes = e.discipline.entries.filter((x) => x.kind === 'veto').map((x) => x.text);
  if (vetoes.length > 0) parts.push(`一票否决：${vetoes.join('；')}`);
  // Stable sort: equal losses keep the parts' order.
  for (const l of losses.filter((x) => x.loss > 1e-9).sort((a, b) => b.loss - a.loss).slice(0, 3)) parts.push(l.text);
  return parts.join('；');
}

function sourceText(source: RuleSource): string {
  switch (source.from) {
    case 'default':
      return '默认';
    case 'rules':
      return `考核规则 ${source.cell}`;
    case 'option':
      return '运行时指定';
    case 'dates':
      return '按台账日期推断';
  }
}

const KIND_NAME: Record<string, string> = {
  study: '学习台账',
  activities: '党内活动台账',
  discipline: '作风纪律督查记录',
  standardization: '党支部标准化建设评分',
  tasks: '任务清单',
};

/** Rules held as fractions and written as percentages (80%, 0.8 or 80 in 考核规则). */
const PERCENT_RULES = new Set(['到会率下限', '优秀比例']);

/** 2026-11-30 19:18:15（UTC+08:00）from the record's ISO time. */
export function shownTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})$/.exec(iso);
  return m ? `${m[1]} ${m[2]}（UTC${m[3]}）` : iso;
}

/** A place to link to, with its file when it has one (several workbooks appraised together). */
function placeOf(x: { file?: string; sheet: string; cell: string }): ExplainPlace {
  return x.file ? { file: x.file, sheet: x.sheet, cell: x.cell } : { sheet: x.sheet, cell: x.cell };
}

/** The run record as lines of 项目 | 内容 (with a place where the value came from a cell). */
export function runLines(run: RunRecord): { item: string; text: string; place?: ExplainPlace }[] {
  const link = (s: RuleSource): { place?: ExplainPlace } => (s.from === 'rules' ? { place: placeOf(s) } : {});
  const value = (name: string, v: string | number | string[]) =>
    Array.isArray(v) ? v.join('、') : typeof v === 'number' && PERCENT_RULES.has(name) ? `${roundHalfAwayFromZero(v * 100, 4)}%` : String(v);
  return [
    { item: '考核年度', text: `${run.year}（${sourceText(run.yearSource)}）`, ...link(run.yearSource) },
    ...run.parameters
      .filter((p) => p.name !== '考核年度')
      .map((p) => ({ item: p.name, text: `${value(p.name, p.value)}（${sourceText(p.source)}）`, ...link(p.source) })),
    ...run.sheets.map((s) => ({
      item: '读取的台账',
      text: `${s.file ? `「${s.file}」` : ''}「${s.sheet}」：${KIND_NAME[s.kind] ?? s.kind}，${s.rows} 行`,
      place: placeOf({ ...s, cell: 'A1' }),
    })),
    { item: '校验问题', text: `错误 ${run.issues.error} 条，警告 ${run.issues.warning} 条，提示 ${run.issues.info} 条` },
    // Two lines of their own: 64 hex digits wrap wherever a renderer likes, and the row height is estimated.
    { item: '数据指纹', text: `SHA-256\n${run.fingerprint}` },
    { item: '加载项版本', text: run.version },
    { item: '运行时间', text: shownTime(run.time) },
  ];
}
