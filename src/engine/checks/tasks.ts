/** 任务落实 (SPEC 4.5): the share of a unit's tasks that are done. */
import { dateKey, formatDate } from '../parse/date';
import type { TaskRecord } from '../read/records';
import { TASK_DONE_CONTAINS, TASK_DONE_EXACT } from '../rules/tables';
import { stripSpaces } from '../text/normalize';
import { tally, type ByUnit, type CheckContext } from './context';

export function isTaskDone(status: string): boolean {
  const t = stripSpaces(status);
  return t.includes(TASK_DONE_CONTAINS) || TASK_DONE_EXACT.includes(t);
}

export interface TasksResult {
  /** `undone`: the unit's tasks not done, in ledger order, for the 评分依据 sheet. */
  byUnit: ByUnit<{ tasks: number; done: number; undone: TaskRecord[] }>;
}

export function checkTasks(records: TaskRecord[], ctx: CheckContext): TasksResult {
  const { issues, year } = ctx;
  const byUnit: TasksResult['byUnit'] = new Map();
  const yearEnd = dateKey({ year, month: 12, day: 31 });
  for (const rec of records) {
    const t = tally(byUnit, rec.unit, () => ({ tasks: 0, done: 0, undone: [] as TaskRecord[] }));
    t.tasks++;
    if (isTaskDone(rec.status)) {
      t.done++;
      continue;
    }
    t.undone.push(rec);
    if (rec.deadline) {
      const deadline = { ...rec.deadline, year: rec.deadline.year ?? year };
      if (dateKey(deadline) <= yearEnd) {
        issues.add('TASK_OVERDUE', rec.ref.place('完成情况', rec.unit, rec.person), {
          task: rec.task,
          deadline: formatDate(deadline),
          status: rec.status === '' ? '未填写' : rec.status,
        });
      }
    }
  }
  return { byUnit };
}

export function tasksScore(result: TasksResult, unit: string, points: number): number {
  const t = result.byUnit.get(unit);
  return t && t.tasks > 0 ? (points * t.done) / t.tasks : points;
}
