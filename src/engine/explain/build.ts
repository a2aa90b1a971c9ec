/**
 * Builds each unit's `explain` from the check results the scores came from. The points are the part
 * scores themselves, passed in; everything else is read from the same tallies the scores used.
 */
import type { ActivitiesResult } from '../checks/activities';
import { periodName, periodsMet } from '../checks/activities';
import type { CheckContext } from '../checks/context';
import type { DisciplineResult } from '../checks/discipline';
import type { StandardizationResult } from '../checks/standardization';
import type { StudiedPerson, StudyResult } from '../checks/study';
import type { TasksResult } from '../checks/tasks';
import { formatDate } from '../parse/date';
import { ASPECTS } from '../read/columns';
import type { PartScores } from '../report';
import { ACTIVITY_TYPES, PERIODS_PER_YEAR } from '../rules/tables';
import type { DisciplineEntryExplain, ExplainPlace, UnitExplain } from './types';

export interface CheckResults {
  study: StudyResult;
  activities: ActivitiesResult;
  standardization: StandardizationResult;
  discipline: DisciplineResult;
  tasks: TasksResult;
}

/** Explains units one at a time; the persons are grouped by unit once, not scanned per unit. */
export class Explainer {
  private readonly failedByUnit = new Map<string, StudiedPerson[]>();

  constructor(
    private readonly checks: CheckResults,
    private readonly ctx: CheckContext,
  ) {
    for (const p of checks.study.persons) {
      if (p.passed) continue;
      const list = this.failedByUnit.get(p.record.unit);
      if (list) list.push(p);
      else this.failedByUnit.set(p.record.unit, [p]);
    }
  }

  explain(unit: string, scores: PartScores): UnitExplain {
    const { rules } = this.ctx;
    const { study, activities, standardization, discipline, tasks } = this.checks;

    const staff = study.byUnit.get(unit);
    const failed = (this.failedByUnit.get(unit) ?? []).map((p) => {
      const r = p.record;
      const at = r.ref.at(p.notesMet ? '心得体会' : '笔记字数');
      return {
        name: r.name,
        level: r.level,
        noteChars: r.noteChars,
        requiredChars: p.requiredChars,
        reflections: r.reflections,
        requiredReflections: rules.reflectionsMin,
        notesMet: p.notesMet,
        reflectionsMet: p.reflectionsMet,
        ...place(at),
      };
    });

    const a = activities.byUnit.get(unit);
    const types = ACTIVITY_TYPES.filter((t) => PERIODS_PER_YEAR[rules.frequencies[t.type]] > 0).map(({ type }) => {
      const frequency = rules.frequencies[type];
      const total = PERIODS_PER_YEAR[frequency];
      const met = periodsMet(a?.months.get(type), frequency);
      const missing: string[] = [];
      for (let i = 0; i < total; i++) if (!met.has(i)) missing.push(periodName(i, frequency));
      return { type, frequency, met: met.size, total, missing };
    });

    const row = standardization.rows.get(unit);
    const aspects = row
      ? ASPECTS.map((aspect) => {
          const value = row.aspects.get(aspect) ?? null;
          const counted = value === null ? 0 : Math.min(Math.max(value, 0), rules.aspectMax);
          return { aspect, value, counted, clipped: value !== null && counted !== value, ...place(row.ref.at(aspect)) };
        })
      : [];

    const d = discipline.byUnit.get(unit);
    const entries = (d?.entries ?? []).map((e): DisciplineEntryExplain => {
      const f = e.finding;
      const at = e.rec.ref.at('问题类型');
      return {
        date: e.rec.date ? formatDate(e.rec.date) : '',
        person: e.rec.person,
        text: e.rec.typeText,
        category: f.kind === 'violation' ? f.type : f.kind === 'veto' ? '一票否决' : '请假',
        kind: f.kind,
        deduction: e.deduction,
        ...place(at),
      };
    });

    const t = tasks.byUnit.get(unit);
    return {
      study: { points: scores.study, max: rules.points.study, persons: staff?.persons ?? 0, passed: staff?.passed ?? 0, failed },
      activities: {
        points: scores.activities,
        max: rules.points.activities,
        types,
        counted: a?.counted ?? 0,
        special: a?.special ?? 0,
        excluded: (a?.excluded ?? []).map(({ rec, why }) => ({
          date: formatDate(rec.date),
          typeText: rec.typeText,
          why,
          ...place(rec.ref.at('日期')),
        })),
      },
      standardization: {
        points: scores.standardization,
        max: rules.points.standardization,
        row: row ? place(row.ref.at(ASPECTS.find((x) => row.ref.has(x)))) : null,
        aspects,
        sum: standardization.byUnit.get(unit) ?? 0,
        maxSum: ASPECTS.length * rules.aspectMax,
      },
      discipline: { points: scores.discipline, max: rules.points.discipline, deducted: d?.deduction ?? 0, veto: d?.veto ?? false, entries },
      tasks: {
        points: scores.tasks,
        max: rules.points.tasks,
        tasks: t?.tasks ?? 0,
        done: t?.done ?? 0,
        undone: (t?.undone ?? []).map((rec) => ({
          task: rec.task,
          status: rec.status,
          deadline: rec.deadline ? formatDate(rec.deadline) : '',
          ...place(rec.ref.at('完成情况')),
        })),
      },
    };
  }
}

function place(p: { file: string; sheet: string; cell: string }): ExplainPlace {
  return p.file === '' ? { sheet: p.sheet, cell: p.cell } : { file: p.file, sheet: p.sheet, cell: p.cell };
}
