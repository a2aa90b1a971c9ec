/**
 * The pipeline: recognise ledgers → read records → decide the year → check each part → score, rank,
 * decide 奖惩 → build the report and the output sheets. Pure: grids in, data out.
 */
import { activitiesScore, checkActivities } from './checks/activities';
import type { CheckContext } from './checks/context';
import { checkDiscipline, disciplineScore } from './checks/discipline';
import { mostSimilarUnit } from './checks/similar-unit';
import { checkStandardization, standardizationScore } from './checks/standardization';
import { checkStudy, studyScore, type StudyResult } from './checks/study';
import type { PersonMap } from './checks/person-map';
import { checkTasks, tasksScore } from './checks/tasks';
import type { WorkbookGrids } from './grid';
import type { AppraisalOptions, AppraisalResult } from './index';
import { formatIssue } from './issues/catalog';
import { IssueSink } from './issues/sink';
import { sheetKey, sortIssues } from './issues/order';
import { buildOutputs } from './output/build';
import { Explainer } from './explain/build';
import { recordsFingerprint } from './explain/fingerprint';
import { runRecord, type RunInputs } from './explain/run-record';
import type { RuleSource } from './explain/types';
import { isGeneratedGrid } from './output-names';
import { recogniseSheet, type LedgerTable, type SheetReading } from './read/ledger-table';
import { describeSheets, nearestMissParams } from './read/sheet-report';
import { readRecords, type Records } from './read/records';
import { reconcileSubmissions } from './read/submissions';
import type { RowRef } from './read/row-reader';
import type { Column } from './read/columns';
import { guessYear } from './read/year';
import type { PersonResult, Report, ReportedIssue, UnitResult } from './report';
import { defaultRules, describeRules } from './rules/parameters';
import { applyRulesSheet, isRulesSheet, RULES_SHEET_NAME } from './rules/read-rules';
import { readColumnMappings, type ColumnMappings } from './rules/column-mapping';
import type { Rules } from './rules/rules';
import { stripSpaces } from './text/normalize';
import type { SheetGrid } from './grid';
import { excellentQuota, rankAndDecide, type Rankable } from './score/ranking';
import { roundHalfAwayFromZero } from './score/round';

/** Fill each issue's Chinese message from the catalog, in place: the issues are this run's own. */
function withMessages(issues: ReportedIssue[]): ReportedIssue[] {
  for (const issue of issues) issue.message = formatIssue(issue);
  return issues;
}

/** Every unit named anywhere, in order of first appearance (study first, as HR lists them). */
function collectUnits(records: Records): { all: string[]; core: Set<string> } {
  const all: string[] = [];
  const seen = new Set<string>();
  const core = new Set<string>();
  const add = (unit: string, isCore: boolean) => {
    if (!seen.has(unit)) {
      seen.add(unit);
      all.push(unit);
    }
    if (isCore) core.add(unit);
  };
  for (const r of records.study) add(r.unit, true);
  for (const r of records.activities) add(r.unit, true);
  for (const r of records.standardization) add(r.unit, true);
  for (const r of records.discipline) add(r.unit, false);
  for (const r of records.tasks) add(r.unit, false);
  return { all, core };
}

function reportUnknownUnits(records: Records, units: { all: string[]; core: Set<string> }, ctx: CheckContext): void {
  const known = units.all.filter((u) => units.core.has(u));
  const reported = new Set<string>();
  const check = (unit: string, ledger: string, ref: RowRef, column: Column) => {
    if (units.core.has(unit) || reported.has(unit)) return;
    reported.add(unit);
    const similar = mostSimilarUnit(unit, known);
    ctx.issues.add('UNKNOWN_UNIT', ref.place(column, unit), similar ? { unitName: unit, ledger, similar } : { unitName: unit, ledger });
  };
  for (const r of records.discipline) check(r.unit, '作风纪律督查记录', r.ref, '问题类型');
  for (const r of records.tasks) check(r.unit, '任务清单', r.ref, '完成情况');
}

function personResults(study: StudyResult, violations: PersonMap<number>, vetoed: Set<string>, requiredReflections: number): PersonResult[] {
  return study.persons.map((p) => {
    const r = p.record;
    const v = violations.get(r.unit, r.name) ?? 0;
    const veto = vetoed.has(r.unit);
    const reasons: string[] = [];
    if (!p.notesMet) reasons.push(r.noteChars === null ? '笔记字数未填或无效' : `学习笔记 ${r.noteChars} 字，未达 ${p.requiredChars} 字`);
    if (!p.reflectionsMet) reasons.push(r.reflections === null ? '心得体会篇数未填或无效' : `心得体会 ${r.reflections} 篇，未达要求`);
    if (v > 0) reasons.push(`作风纪律问题 ${v} 次`);
    if (veto) reasons.push('所在单位被一票否决');
    return {
      unit: r.unit,
      name: r.name,
      level: r.level,
      senior: p.senior,
      noteChars: r.noteChars,
      requiredChars: p.requiredChars,
      reflections: r.reflections,
      requiredReflections,
      passed: p.passed,
      violations: v,
      eligibleExcellent: p.passed && v === 0 && !veto,
      reasons,
      ...r.ref.at('姓名'),
    };
  });
}

/**
 * The 列名对应 block of each file's 考核规则 sheet (rules/column-mapping.ts). A mapping names sheets of
 * its own file; one naming a sheet the file does not have is reported (renamed or removed).
 */
function readMappings(sources: SheetGrid[], issues: IssueSink): Map<string, ColumnMappings> {
  const byFile = new Map<string, ColumnMappings>();
  for (const sheet of sources) {
    if (!isRulesSheet(sheet)) continue;
    const file = sheet.file ?? '';
    issues.file = file;
    const mappings = readColumnMappings(sheet, issues);
    byFile.set(file, mappings);
    const present = new Set(sources.filter((s) => (s.file ?? '') === file).map((s) => stripSpaces(s.name)));
    for (const [name, override] of mappings.sheets) {
      if (present.has(name)) continue;
      const first = override.fields.values().next().value;
      issues.add('COLUMN_MAPPING_UNUSED', { sheet: RULES_SHEET_NAME, cell: first?.cell ?? '' }, { sheetName: name });
    }
  }
  issues.file = '';
  return byFile;
}

/**
 * The rules in force. With one 考核规则 sheet, its parameters. With several (units' files sent with one
 * each), the one in a file holding no study ledger wins — the 机关党委's or HR's own file — and any other
 * that does not agree with it is RULES_CONFLICT (error) naming both files.
 */
function applyRules(sources: SheetGrid[], tables: LedgerTable[], rules: Rules, issues: IssueSink, mappings: Map<string, ColumnMappings>): void {
  const sheets = sources.filter(isRulesSheet);
  if (sheets.length === 0) return;
  const studyFiles = new Set(tables.filter((t) => t.kind === 'study').map((t) => t.file));
  const winner = sheets.find((s) => !studyFiles.has(s.file ?? '')) ?? sheets[0]!;
  issues.file = winner.file ?? '';
  applyRulesSheet(winner, rules, issues, mappings.get(winner.file ?? '')?.block);
  const agreed = JSON.stringify(describeRules(rules));
  for (const other of sheets) {
    if (other === winner) continue;
    const theirs = defaultRules();
    applyRulesSheet(other, theirs, new IssueSink(), mappings.get(other.file ?? '')?.block);
    if (JSON.stringify(describeRules(theirs)) === agreed) continue;
    issues.add('RULES_CONFLICT', { file: other.file ?? '', sheet: other.name, row: 1, cell: 'A1' }, { file: other.file ?? '', winner: winner.file ?? '' });
  }
  issues.file = '';
}

export function appraise(workbook: WorkbookGrids, options: AppraisalOptions = {}): AppraisalResult {
  const progress = options.onProgress ?? (() => undefined);
  const issues = new IssueSink();
  const rules = defaultRules();

  progress('read', 0);
  const sources = workbook.sheets.filter((s) => !isGeneratedGrid(s));
  const mappings = readMappings(sources, issues);
  const readings: SheetReading[] = [];
  for (const sheet of sources) {
    if (isRulesSheet(sheet)) continue;
    issues.file = sheet.file ?? '';
    readings.push(recogniseSheet(sheet, issues, mappings.get(sheet.file ?? '')?.sheets.get(stripSpaces(sheet.name))));
  }
  issues.file = '';
  const tables: LedgerTable[] = readings.flatMap((r) => (r.table ? [r.table] : []));
  applyRules(sources, tables, rules, issues, mappings);
  const records = readRecords(tables, issues);
  reconcileSubmissions(tables, records, issues);
  const year = options.year ?? rules.year ?? guessYear(records, sources, new Date().getFullYear());
  const yearCell = rules.sources?.get('考核年度');
  const yearSource: RuleSource =
    options.year !== undefined ? { from: 'option' } : rules.year !== null && yearCell ? { from: 'rules', ...yearCell } : { from: 'dates' };
  rules.year = year;
  const run: RunInputs = { rules, yearSource, fingerprint: recordsFingerprint(records, options.sha256?.()), version: options.version ?? '', time: options.time ?? new Date() };

  if (tables.length === 0) {
    issues.add('NO_APPRAISAL_SHEETS', {}, nearestMissParams(readings));
    const base = {
      year,
      rules: describeRules(rules),
      excellentQuota: 0,
      units: [],
      persons: [],
      issues: withMessages(issues.issues),
      ...describeSheets(readings, records),
    };
    const report: Report = { ...base, run: runRecord(base, run) };
    return { report, outputs: [], noLedgers: true };
  }

  progress('check', 0.3);
  const ctx: CheckContext = { rules, year, issues };
  const study = checkStudy(records.study, ctx);
  const activities = checkActivities(records.activities, ctx);
  const standardization = checkStandardization(records.standardization, ctx);
  const discipline = checkDiscipline(records.discipline, study, ctx);
  const tasks = checkTasks(records.tasks, ctx);
  const units = collectUnits(records);
  reportUnknownUnits(records, units, ctx);
  const explainer = new Explainer({ study, activities, standardization, discipline, tasks }, ctx);

  progress('score', 0.6);
  const rows: (Rankable & { result: Omit<UnitResult, 'rank' | 'outcome'> })[] = units.all.map((unit) => {
    const staff = study.byUnit.get(unit);
    if (!staff) issues.add('UNIT_WITHOUT_STAFF', { unit });
    const scores = {
      study: studyScore(study, unit, rules.points.study),
      activities: activitiesScore(activities, unit, ctx),
      standardization: standardizationScore(standardization, unit, ctx),
      discipline: disciplineScore(discipline, unit, rules.points.discipline),
      tasks: tasksScore(tasks, unit, rules.points.tasks),
    };
    const total = roundHalfAwayFromZero(scores.study + scores.activities + scores.standardization + scores.discipline + scores.tasks);
    const d = discipline.byUnit.get(unit);
    const a = activities.byUnit.get(unit);
    const t = tasks.byUnit.get(unit);
    const veto = d?.veto ?? false;
    return {
      unit,
      total,
      veto,
      result: {
        unit,
        scores,
        total,
        veto,
        persons: staff?.persons ?? 0,
        passedPersons: staff?.passed ?? 0,
        activities: a?.counted ?? 0,
        specialActivities: a?.special ?? 0,
        violations: d?.rows ?? 0,
        tasks: t?.tasks ?? 0,
        tasksDone: t?.done ?? 0,
        explain: explainer.explain(unit, scores),
      },
    };
  });
  const placed = rankAndDecide(rows, rules);
  const unitResults: UnitResult[] = rows
    .map((r) => ({ ...r.result, ...placed.get(r)! }))
    .sort((a, b) => a.rank - b.rank);

  // One unit alone is a unit's self-check (自查) before sending its file in: a rank, 表彰 or 通报批评 and
  // the 优秀 quota need all units, so none is given; a veto is the unit's own and stands.
  const selfCheck = unitResults.length === 1;
  if (selfCheck) for (const u of unitResults) u.outcome = u.veto ? '一票否决' : '';
  const vetoed = new Set(unitResults.filter((u) => u.veto).map((u) => u.unit));
  const persons = personResults(study, discipline.violationsByPerson, vetoed, rules.reflectionsMin);

  progress('output', 0.8);
  const base = {
    year,
    rules: describeRules(rules),
    excellentQuota: selfCheck ? 0 : excellentQuota(persons.length, rules.excellentRatio),
    ...(selfCheck ? { selfCheck: true } : {}),
    units: unitResults,
    persons,
    issues: withMessages(sortIssues(issues.issues, workbook.sheets.map((s) => sheetKey(s.file ?? '', s.name)))),
    ...describeSheets(readings, records),
  };
  const report: Report = { ...base, run: runRecord(base, run) };
  const outputs = buildOutputs(report);
  progress('done', 1);
  return { report, outputs, noLedgers: false };
}
