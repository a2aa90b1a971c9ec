/** Typed records, one per data row of each ledger kind. */
import type { IssueSink } from '../issues/sink';
import type { DayDate } from '../parse/date';
import type { Aspect } from './columns';
import { ASPECTS } from './columns';
import type { LedgerTable } from './ledger-table';
import { RowReader, RowRef } from './row-reader';
import { stripSpaces } from '../text/normalize';

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
  /** How many activities the record stands for: 1 for an event row, a month's count in a monthly sheet. */
  count: number;
  /** From a monthly-count sheet: the date is a month (day 1), and there is no row to be duplicated. */
  monthly: boolean;
}

export interface DisciplineRecord {
  ref: RowRef;
  unit: string;
  person: string;
  date: DayDate | null;
  typeText: string;
  /** Read from a remark column (备注: 请假 / 缺席): a remark that is no known finding is not one. */
  fromRemark: boolean;
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
    out.push({ ref: r.ref, unit: r.unit, date, typeText, present, expected, count: 1, monthly: false });
  });
}

/** Counts that mean "held this month" without a number. */
const HELD_MARKS = new Set(['√', '✓', '✔', '是', '有', '已开展']);
const NOT_HELD_MARKS = new Set(['×', '✗', '否', '无', '未开展', '-', '—', '/', '／']);

/** A monthly-count sheet: each month cell with a count n > 0 is n activities of its group's type. */
function readMonthly(table: LedgerTable, issues: IssueSink, out: ActivityRecord[]): void {
  const months = table.months!;
  eachRow(table, issues, (r) => {
    for (const m of months) {
      const ref = new RowRef(table, r.row, m.col);
      const raw = table.view.cell(r.row, m.col);
      const mark = typeof raw === 'string' ? stripSpaces(raw) : undefined;
      let count: number;
      if (mark !== undefined && HELD_MARKS.has(mark)) count = 1;
      else if (mark !== undefined && NOT_HELD_MARKS.has(mark)) count = 0;
      else {
        const n = r.numberAt(m.col, m.typeText);
        if (n === null) continue;
        count = Math.max(0, Math.floor(n));
      }
      if (count === 0) continue;
      out.push({
        ref,
        unit: r.unit,
        date: { year: null, month: m.month, day: 1 },
        typeText: m.typeText,
        present: null,
        expected: null,
        count,
        monthly: true,
      });
    }
  });
}

function readDiscipline(table: LedgerTable, issues: IssueSink, out: DisciplineRecord[]): void {
  const fromRemark = table.remarkFindings;
  eachRow(table, issues, (r) => {
    r.person = r.name('姓名');
    const typeText = r.text('问题类型');
    // In an attendance record an empty 备注 means the person was there: no finding, nothing missing.
    if (typeText === '' && fromRemark) return;
    const date = r.date('日期', false);
    if (typeText === '') {
      r.missing('问题类型', '本行未计入');
      return;
    }
    out.push({ ref: r.ref, unit: r.unit, person: r.person, date, typeText, fromRemark });
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
        if (table.months) readMonthly(table, issues, records.activities);
        else readActivities(table, issues, records.activities);
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
