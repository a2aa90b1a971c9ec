/**
 * Several workbooks read together (各单位报送): a unit known only from a file's name is matched to the
 * units the other files name, and a unit's ledger of one kind that arrives in two files is reported.
 * Rows repeated across the two files are DUPLICATE_ROW / DUPLICATE_PERSON as within one file.
 */
import { distance } from '../checks/similar-unit';
import type { IssueSink } from '../issues/sink';
import { KIND_LABEL } from './columns';
import type { LedgerTable } from './ledger-table';
import type { Records } from './records';

type AnyRecord = Records[keyof Records][number];

function allRecords(records: Records): AnyRecord[][] {
  return [records.study, records.activities, records.discipline, records.standardization, records.tasks];
}

const bare = (s: string): string => s.replace(/[-_·、，,。.（）()【】[\]—]/g, '');

/** The one unit named elsewhere that a file-name unit means: same up to punctuation, contained, or one edit away. */
function matchKnown(unit: string, known: ReadonlySet<string>): string | undefined {
  if (known.has(unit)) return unit;
  const candidates = [...known].filter((k) => {
    if (bare(k) === bare(unit)) return true;
    const [short, long] = k.length < unit.length ? [k, unit] : [unit, k];
    if (short.length >= 2 && long.includes(short)) return true;
    return Math.min(k.length, unit.length) >= 4 && distance(k, unit) <= 1;
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function reconcileSubmissions(tables: LedgerTable[], records: Records, issues: IssueSink): void {
  const lists = allRecords(records);
  const fromFile = tables.filter((t) => t.unitFromFile);
  if (fromFile.length > 0) {
    const known = new Set<string>();
    for (const list of lists) for (const r of list) if (!r.ref.table.unitFromFile) known.add(r.unit);
    const resolved = new Map<LedgerTable, string>();
    for (const t of fromFile) {
      const match = matchKnown(t.fixedUnit!, known);
      if (match !== undefined && match !== t.fixedUnit) resolved.set(t, match);
    }
    if (resolved.size > 0) {
      for (const list of lists) for (const r of list) {
        const unit = resolved.get(r.ref.table);
        if (unit !== undefined) r.unit = unit;
      }
      for (const [t, unit] of resolved) t.fixedUnit = unit;
    }
  }

  // The same unit's ledger of one kind in two files: once per unit, kind and pair of files.
  const firstFile = new Map<string, string>();
  const reported = new Set<string>();
  for (const list of lists) {
    for (const r of list) {
      const { file, kind } = r.ref.table;
      if (file === '') continue;
      const key = `${r.unit}\u0000${kind}`;
      const first = firstFile.get(key);
      if (first === undefined) firstFile.set(key, file);
      else if (first !== file && !reported.has(`${key}\u0000${file}`)) {
        reported.add(`${key}\u0000${file}`);
        issues.add('DUPLICATE_SUBMISSION', { file, sheet: r.ref.sheet, unit: r.unit }, { unitName: r.unit, kind: KIND_LABEL[kind], first, second: file });
      }
    }
  }
}
