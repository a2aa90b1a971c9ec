/** 作风纪律 (SPEC 4.4): deductions per inspection finding, vetoes, and who was found. */
import type { DisciplineRecord } from '../read/records';
import { OTHER_VIOLATION, VIOLATION_TYPES, type ViolationType } from '../rules/tables';
import { formatDate } from '../parse/date';
import { stripSpaces } from '../text/normalize';
import { tally, type ByUnit, type CheckContext } from './context';
import { PersonMap } from './person-map';
import type { StudyResult } from './study';

export type Finding = { veto: true } | { veto: false; type: ViolationType; known: boolean };

/** The first line of the table whose alias the 问题类型 contains; the veto line comes first. */
export function classifyViolation(text: string, vetoKeywords: readonly string[]): Finding {
  const t = stripSpaces(text);
  if (vetoKeywords.some((k) => t.includes(k))) return { veto: true };
  const found = VIOLATION_TYPES.find((v) => v.aliases.some((a) => t.includes(a)));
  return found ? { veto: false, type: found.type, known: true } : { veto: false, type: OTHER_VIOLATION, known: false };
}

export interface DisciplineResult {
  byUnit: ByUnit<{ deduction: number; rows: number; veto: boolean }>;
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
    const u = tally(byUnit, rec.unit, () => ({ deduction: 0, rows: 0, veto: false }));
    u.rows++;
    // Every inspection row counts, even one dated outside the year: the date is only flagged.
    if (rec.date && rec.date.year !== null && rec.date.year !== year) {
      issues.add('DATE_OUT_OF_YEAR', rec.ref.place('日期', rec.unit, rec.person), { date: formatDate(rec.date), year, counted: 'yes' });
    }
    let finding = findings.get(rec.typeText);
    if (!finding) {
      finding = classifyViolation(rec.typeText, rules.vetoKeywords);
      findings.set(rec.typeText, finding);
    }
    if (finding.veto) {
      u.veto = true;
      issues.add('VETO', rec.ref.place('问题类型', rec.unit, rec.person), { text: rec.typeText });
    } else {
      const deduction = rules.deductions[finding.type];
      u.deduction += deduction;
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
