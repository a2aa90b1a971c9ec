/** 作风纪律 (SPEC 4.4): deductions per inspection finding, vetoes, and who was found. */
import type { DisciplineRecord } from '../read/records';
import { OTHER_VIOLATION, VIOLATION_TYPES, type ViolationType } from '../rules/tables';
import { formatDate } from '../parse/date';
import { stripSpaces } from '../text/normalize';
import { LEAVE_WORDS, NO_LEAVE_WORDS } from '../read/vocabulary';
import { tally, type ByUnit, type CheckContext } from './context';
import { PersonMap } from './person-map';
import type { StudyResult } from './study';

export type Finding = { kind: 'veto' } | { kind: 'leave' } | { kind: 'violation'; type: ViolationType; known: boolean };

/** Attendance findings, which approved leave excuses; conduct findings (脱岗, 上网聊天…) it does not. */
const ATTENDANCE_TYPES: ReadonlySet<ViolationType> = new Set<ViolationType>(['迟到', '早退', '缺席']);

/**
 * The first line of the table whose alias the 问题类型 contains; the veto line comes first. Approved
 * leave (请假, 病假, 出差…) excuses an attendance finding and is no violation at all — unless the text
 * denies it (未请假缺席, 无故缺席); it never excuses conduct (脱岗（称出差）is still 脱岗).
 */
export function classifyViolation(text: string, vetoKeywords: readonly string[]): Finding {
  const t = stripSpaces(text);
  if (vetoKeywords.some((k) => t.includes(k))) return { kind: 'veto' };
  const found = VIOLATION_TYPES.find((v) => v.aliases.some((a) => t.includes(a)));
  if (found && !ATTENDANCE_TYPES.has(found.type)) return { kind: 'violation', type: found.type, known: true };
  const denied = NO_LEAVE_WORDS.some((w) => t.includes(w));
  if (!denied && LEAVE_WORDS.some((w) => t.includes(w))) return { kind: 'leave' };
  if (found) return { kind: 'violation', type: found.type, known: true };
  // 未请假 alone (no 缺席 word) is still an absence without leave.
  if (denied) return { kind: 'violation', type: '缺席', known: true };
  return { kind: 'violation', type: OTHER_VIOLATION, known: false };
}

/** One discipline row of a unit as it counted: a deduction, a veto, or leave (no deduction). */
export interface DisciplineEntry {
  rec: DisciplineRecord;
  finding: Finding;
  /** Points deducted by this row (0 for a veto or leave). */
  deduction: number;
}

export interface DisciplineResult {
  /** `entries`: every row of the unit that counted or was excused, in ledger order, for the 评分依据 sheet. */
  byUnit: ByUnit<{ deduction: number; rows: number; veto: boolean; entries: DisciplineEntry[] }>;
  /** Number of discipline rows naming each person. */
  violationsByPerson: PersonMap<number>;
}

export function checkDiscipline(records: DisciplineRecord[], study: StudyResult, ctx: CheckContext): DisciplineResult {
  const { issues, rules, year } = ctx;
  const byUnit: DisciplineResult['byUnit'] = new Map();
  const violationsByPerson = new PersonMap<number>();
  // Inspection logs repeat a handful of texts thousands of times: classify each text once.
  const findings = new Map<string, Finding>();
  for (const rec of records) {
    let finding = findings.get(rec.typeText);
    if (!finding) {
      finding = classifyViolation(rec.typeText, rules.vetoKeywords);
      findings.set(rec.typeText, finding);
    }
    // A remark in an attendance record (备注: 补交笔记) that names no finding is just a remark.
    if (rec.fromRemark && finding.kind === 'violation' && !finding.known) continue;
    const u = tally(byUnit, rec.unit, () => ({ deduction: 0, rows: 0, veto: false, entries: [] as DisciplineEntry[] }));
    if (finding.kind === 'leave') {
      issues.add('LEAVE_NOT_DEDUCTED', rec.ref.place('问题类型', rec.unit, rec.person), { text: rec.typeText });
      u.entries.push({ rec, finding, deduction: 0 });
      continue;
    }
    u.rows++;
    // Every inspection row counts, even one dated outside the year: the date is only flagged.
    if (rec.date && rec.date.year !== null && rec.date.year !== year) {
      issues.add('DATE_OUT_OF_YEAR', rec.ref.place('日期', rec.unit, rec.person), { date: formatDate(rec.date), year, counted: 'yes' });
    }
    if (finding.kind === 'veto') {
      u.veto = true;
      issues.add('VETO', rec.ref.place('问题类型', rec.unit, rec.person), { text: rec.typeText });
      u.entries.push({ rec, finding, deduction: 0 });
    } else {
      const deduction = rules.deductions[finding.type];
      u.deduction += deduction;
      u.entries.push({ rec, finding, deduction });
      if (!finding.known) issues.add('UNKNOWN_VIOLATION_TYPE', rec.ref.place('问题类型', rec.unit, rec.person), { text: rec.typeText, deduction });
    }
    if (rec.person !== '') {
      violationsByPerson.set(rec.unit, rec.person, (violationsByPerson.get(rec.unit, rec.person) ?? 0) + 1);
      if (!study.index.has(rec.unit, rec.person)) issues.add('UNKNOWN_PERSON', rec.ref.place('姓名', rec.unit, rec.person), { person: rec.person });
    }
  }
  return { byUnit, violationsByPerson };
}

export function disciplineScore(result: DisciplineResult, unit: string, points: number): number {
  return Math.max(0, points - (result.byUnit.get(unit)?.deduction ?? 0));
}
