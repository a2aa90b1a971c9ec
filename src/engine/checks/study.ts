/** 学习教育 (SPEC 4.1): study notes and 心得体会 per person, and the unit's share of persons who pass. */
import type { StudyRecord } from '../read/records';
import { tally, type ByUnit, type CheckContext } from './context';
import { PersonMap } from './person-map';

export interface StudiedPerson {
  record: StudyRecord;
  senior: boolean;
  requiredChars: number;
  notesMet: boolean;
  reflectionsMet: boolean;
  passed: boolean;
}

export interface StudyResult {
  persons: StudiedPerson[];
  byUnit: ByUnit<{ persons: number; passed: number }>;
  /** Persons by unit and name, for matching discipline rows to persons. */
  index: PersonMap<StudiedPerson>;
}


export function isSenior(level: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => level.includes(k));
}

export function checkStudy(records: StudyRecord[], ctx: CheckContext): StudyResult {
  const { rules, issues } = ctx;
  const persons: StudiedPerson[] = [];
  const byUnit: StudyResult['byUnit'] = new Map();
  const index = new PersonMap<StudiedPerson>();
  const sheetsWithoutLevel = new Set<string>();

  for (const record of records) {
    const first = index.get(record.unit, record.name);
    if (first) {
      issues.add('DUPLICATE_PERSON', record.ref.place('姓名', record.unit, record.name), {
        person: record.name,
        firstSheet: first.record.ref.sheet,
        firstRow: first.record.ref.row + 1,
      });
      continue;
    }
    const senior = isSenior(record.level, rules.seniorKeywords);
    const requiredChars = senior ? rules.seniorNotesMin : rules.notesMin;
    if (record.level === '') {
      if (record.hasLevelColumn) issues.add('MISSING_RANK', record.ref.place('职级', record.unit, record.name), { required: requiredChars });
      else if (!sheetsWithoutLevel.has(record.ref.sheet)) {
        sheetsWithoutLevel.add(record.ref.sheet);
        issues.add('MISSING_RANK', { file: record.ref.file, sheet: record.ref.sheet }, { scope: 'sheet' });
      }
    }
    // A missing or invalid value was reported where it was read; it fails the requirement silently here.
    const notesMet = record.noteChars !== null && record.noteChars >= requiredChars;
    if (record.noteChars !== null && !notesMet) {
      issues.add('NOTES_BELOW_MIN', record.ref.place('笔记字数', record.unit, record.name), { value: record.noteChars, required: requiredChars, senior: senior ? 'yes' : 'no' });
    }
    const reflectionsMet = record.reflections !== null && record.reflections >= rules.reflectionsMin;
    if (record.reflections !== null && !reflectionsMet) {
      issues.add('REFLECTIONS_BELOW_MIN', record.ref.place('心得体会', record.unit, record.name), { value: record.reflections, required: rules.reflectionsMin });
    }
    const person: StudiedPerson = { record, senior, requiredChars, notesMet, reflectionsMet, passed: notesMet && reflectionsMet };
    persons.push(person);
    index.set(record.unit, record.name, person);
    const t = tally(byUnit, record.unit, () => ({ persons: 0, passed: 0 }));
    t.persons++;
    if (person.passed) t.passed++;
  }
  return { persons, byUnit, index };
}

export function studyScore(result: StudyResult, unit: string, points: number): number {
  const t = result.byUnit.get(unit);
  return t && t.persons > 0 ? (points * t.passed) / t.persons : 0;
}
