/** Typed records, one per data row of each ledger kind. */
import type { IssueSink } from '../issues/sink';
import type { DayDate } from '../parse/date';
import type { Aspect } from './columns';
import { ASPECTS } from './columns';
import type { LedgerTable } from './ledger-table';
import { RowReader, type RowRef } from './row-reader';

export interface StudyRecord {
  ref: RowRef;
  unit: string;
  name: string;
  level: string;
  /** The sheet has a 职级 column at all. */
  hasLevelColumn: boolean;
  noteChars: number | null;
  reflections: number | null;
}

export interface ActivityRecord {
  ref: RowRef;
  unit: string;
  date: DayDate;
  typeText: string;
  present: number | null;
  expected: number | null;
}

export interface DisciplineRecord {
  ref: RowRef;
  unit: string;
  person: string;
  date: DayDate | null;
  typeText: string;
}

export interface StandardizationRecord {
  ref: RowRef;
  unit: string;
  /** Aspect values; null when missing, invalid or an error (already reported). */
  aspects: Map<Aspect, number | null>;
}

export interface TaskRecord {
  ref: RowRef;
  unit: string;
  person: string;
  task: string;
  status: string;
  deadline: DayDate | null;
}

export interface Records {
  study: StudyRecord[];
  activities: ActivityRecord[];
  discipline: DisciplineRecord[];
  standardization: StandardizationRecord[];
  tasks: TaskRecord[];
}

function eachRow(table: LedgerTable, issues: IssueSink, fn: (r: RowReader) => void): void {
  for (const row of table.dataRows) {
    const reader = new RowReader(table, row, issues);
    if (reader.resolveUnit()) fn(reader);
  }
}

function readStudy(table: LedgerTable, issues: IssueSink, out: StudyRecord[]): void {
  eachRow(table, issues, (r) => {
    const name = r.name('姓名');
    if (name === '') {
      r.missing('姓名', '本行未计入');
      return;
    }
    r.person = name;
    out.push({
      ref: r.ref,
      unit: r.unit,
      name,
      level: r.text('职级'),
      hasLevelColumn: r.has('职级'),
      noteChars: r.number('笔记字数', true, '按未达标计'),
      reflections: r.number('心得体会', true, '按未达标计'),
    });
  });
}

function readActivities(table: LedgerTable, issues: IssueSink, out: ActivityRecord[]): void {
  eachRow(table, issues, (r) => {
    const typeText = r.text('活动类型');
    const date = r.date('日期', true, '本行未计入');
    if (typeText === '') r.missing('活动类型', '本行未计入');
    const present = r.number('参加人数', false);
    const expected = r.number('应到人数', false);
    if (date === null || typeText === '') return;
    out.push({
      ref: r.ref,
      unit: r.unit,
      date,
      typeText,
      present,
      expected,
    });
  });
}

function readDiscipline(table: LedgerTable, issues: IssueSink, out: DisciplineRecord[]): void {
  eachRow(table, issues, (r) => {
    r.person = r.name('姓名');
    const typeText = r.text('问题类型');
    const date = r.date('日期', false);
    if (typeText === '') {
      r.missing('问题类型', '本行未计入');
      return;
    }
    out.push({
      ref: r.ref,
      unit: r.unit,
      person: r.person,
      date,
      typeText,
    });
  });
}

function readStandardization(table: LedgerTable, issues: IssueSink, out: StandardizationRecord[]): void {
  eachRow(table, issues, (r) => {
    const aspects = new Map<Aspect, number | null>();
    for (const aspect of ASPECTS) {
      if (!r.has(aspect)) continue;
      aspects.set(aspect, r.number(aspect, true, '按 0 分计'));
    }
    out.push({ ref: r.ref, unit: r.unit, aspects });
  });
}

function readTasks(table: LedgerTable, issues: IssueSink, out: TaskRecord[]): void {
  eachRow(table, issues, (r) => {
    const task = r.text('任务');
    r.person = r.name('姓名');
    out.push({
      ref: r.ref,
      unit: r.unit,
      person: r.person,
      task,
      status: r.text('完成情况'),
      deadline: r.date('完成时限', false),
    });
  });
}

/** Turns recognised ledgers into records; several sheets of one kind are combined in sheet order. */
export function readRecords(tables: LedgerTable[], issues: IssueSink): Records {
  const records: Records = { study: [], activities: [], discipline: [], standardization: [], tasks: [] };
  for (const table of tables) {
    switch (table.kind) {
      case 'study':
        readStudy(table, issues, records.study);
        break;
      case 'activities':
        readActivities(table, issues, records.activities);
        break;
      case 'discipline':
        readDiscipline(table, issues, records.discipline);
        break;
      case 'standardization':
        readStandardization(table, issues, records.standardization);
        break;
      case 'tasks':
        readTasks(table, issues, records.tasks);
        break;
    }
  }
  return records;
}
