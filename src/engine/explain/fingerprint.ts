/**
 * The fingerprint of the ledger data read: SHA-256 over a canonical serialisation of the normalised
 * records (one JSON array per record, one per line, kinds in a fixed order). It depends on what the
 * ledgers say (values after parsing, and where each record is), not on the bytes of the file: the same
 * ledgers read by the command line and by Excel give the same fingerprint.
 */
import type { DayDate } from '../parse/date';
import type { Records } from '../read/records';
import type { RowRef } from '../read/row-reader';
import { Sha256 } from './sha256';

/** Bump when the serialisation changes, so old and new fingerprints are never confused. */
const FORMAT = 'appraisal-records-v1';

const day = (d: DayDate | null): (number | null)[] | null => (d ? [d.year, d.month, d.day] : null);
const where = (ref: RowRef): (string | number)[] => (ref.col === undefined ? [ref.sheet, ref.row + 1] : [ref.sheet, ref.row + 1, ref.col + 1]);

export function recordsFingerprint(records: Records): string {
  const h = new Sha256();
  const line = (value: unknown[]) => h.updateText(`${JSON.stringify(value)}\n`);
  line([FORMAT]);
  for (const r of records.study) line(['study', ...where(r.ref), r.unit, r.name, r.level, r.noteChars, r.reflections]);
  for (const r of records.activities) line(['activities', ...where(r.ref), r.unit, day(r.date), r.typeText, r.present, r.expected, r.count]);
  for (const r of records.discipline) line(['discipline', ...where(r.ref), r.unit, r.person, day(r.date), r.typeText, r.fromRemark]);
  for (const r of records.standardization) line(['standardization', ...where(r.ref), r.unit, [...r.aspects]]);
  for (const r of records.tasks) line(['tasks', ...where(r.ref), r.unit, r.person, r.task, r.status, day(r.deadline)]);
  return h.hex();
}
