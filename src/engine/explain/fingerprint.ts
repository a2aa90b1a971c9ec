/**
 * The fingerprint of the ledger data read: SHA-256 over a canonical serialisation of the normalised
 * records. It depends on what the ledgers say (values after parsing, and where each record is), not on
 * the bytes of the file: the same ledgers read by the command line and by Excel give the same fingerprint.
 *
 * Serialisation (format `appraisal-records-v1`): one JSON array per line. The kinds come in a fixed
 * order (study, activities, discipline, standardization, tasks); a line `["kind", sheet]` starts each run
 * of records of one kind from one sheet; then one line per record: its 1-based row (and column, for a
 * month's count), then its fields in a fixed order, dates as [year, month, day] (year null when the text
 * gave none), missing numbers as null.
 */
import type { DayDate } from '../parse/date';
import type { Records } from '../read/records';
import type { RowRef } from '../read/row-reader';
import { Sha256 } from './sha256';

/** Bump when the serialisation changes, so old and new fingerprints are never confused. */
const FORMAT = 'appraisal-records-v1';

/** JSON of one field value (string, number, boolean or null). */
const json = (v: string | number | boolean | null): string => JSON.stringify(v);

const day = (d: DayDate | null): string => (d ? `[${d.year},${d.month},${d.day}]` : 'null');

/** A SHA-256 over UTF-8 text that a host has natively (Node's crypto): the same digest, several times faster. */
export interface TextHasher {
  updateText(text: string): unknown;
  hex(): string;
}

/** Lines to a host's hasher in batches of about 64K characters: one native call per record costs more. */
function batched(hasher: TextHasher): { add(text: string): void; hex(): string } {
  let batch = '';
  return {
    add(text) {
      batch += text;
      if (batch.length > 1 << 16) {
        hasher.updateText(batch);
        batch = '';
      }
    },
    hex() {
      hasher.updateText(batch);
      return hasher.hex();
    },
  };
}

/**
 * `hasher`: the host's own SHA-256, if it has one; the digest is the same by definition, so the
 * fingerprint stays equal between the command line (Node's) and the task pane (the engine's own).
 */
export function recordsFingerprint(records: Records, hasher?: TextHasher): string {
  const own = new Sha256();
  // The engine's own hash takes each line encoded by hand straight into it: no batch string is built,
  // flattened and encoded again (at 100 000 records that was a tenth of a second, mostly garbage).
  const h = hasher ? batched(hasher) : { add: (text: string) => void own.updateTextSlowly(text), hex: () => own.hex() };
  h.add(`${JSON.stringify([FORMAT])}\n`);
  let kind = '';
  let sheet: string | undefined;
  const line = (k: string, ref: RowRef, fields: string) => {
    if (k !== kind || ref.sheet !== sheet) {
      kind = k;
      sheet = ref.sheet;
      h.add(`${JSON.stringify([k, sheet])}\n`);
    }
    h.add(ref.col === undefined ? `[${ref.row + 1},${fields}]\n` : `[${ref.row + 1},${ref.col + 1},${fields}]\n`);
  };
  for (const r of records.study) line('study', r.ref, `${json(r.unit)},${json(r.name)},${json(r.level)},${json(r.noteChars)},${json(r.reflections)}`);
  for (const r of records.activities) {
    line('activities', r.ref, `${json(r.unit)},${day(r.date)},${json(r.typeText)},${json(r.present)},${json(r.expected)},${json(r.count)}`);
  }
  for (const r of records.discipline) line('discipline', r.ref, `${json(r.unit)},${json(r.person)},${day(r.date)},${json(r.typeText)},${json(r.fromRemark)}`);
  for (const r of records.standardization) line('standardization', r.ref, `${json(r.unit)},${JSON.stringify([...r.aspects])}`);
  for (const r of records.tasks) line('tasks', r.ref, `${json(r.unit)},${json(r.person)},${json(r.task)},${json(r.status)},${day(r.deadline)}`);
  return h.hex();
}
