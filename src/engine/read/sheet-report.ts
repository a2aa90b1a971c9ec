/** The report's account of each sheet read: its kind, header row and where each column came from. */
import { columnLetters } from '../grid';
import type { ColumnSource, OtherSheet, SheetHeader, SheetSummary } from '../report';
import { cellText } from '../parse/cell-text';
import { formatDate, serialToDate } from '../parse/date';
import type { CellValue } from '../grid';
import { nameScore } from './header-match';
import type { ColumnChoice } from './classify';
import { KIND_LABEL, type Column } from './columns';
import type { LedgerTable, SheetReading } from './ledger-table';
import type { Records } from './records';

function columnSources(choices: Map<Column, ColumnChoice>): Record<string, ColumnSource> {
  const out: Record<string, ColumnSource> = {};
  for (const [column, choice] of choices) {
    const source: ColumnSource = { column: columnLetters(choice.col), header: choice.header };
    if (choice.by === 'content') source.by = 'content';
    if (choice.by === 'mapping') source.mappedBy = '列名对应';
    out[column] = source;
  }
  return out;
}

/** The units each ledger's records name, in order of first appearance. */
function unitsByTable(records: Records): Map<LedgerTable, string[]> {
  const sets = new Map<LedgerTable, Set<string>>();
  for (const list of [records.study, records.activities, records.discipline, records.standardization, records.tasks]) {
    for (const r of list) {
      let set = sets.get(r.ref.table);
      if (!set) sets.set(r.ref.table, (set = new Set()));
      set.add(r.unit);
    }
  }
  return new Map([...sets].map(([t, s]) => [t, [...s]]));
}

/** Sample values shown beside each header in the 识别结果 view. */
const SAMPLES = 3;

/** The header cells of a sheet with the first few values under each, for choosing a column by hand. */
/**
 * A sample as the clerk would see it. In a date column a serial number is shown as the date it is: the
 * Office.js path reads date cells as serials, the file reader as dates, and both must show the same.
 */
function sampleText(v: CellValue, dated: boolean): string {
  if (dated && typeof v === 'number') {
    const d = serialToDate(v);
    if (d) return formatDate(d);
  }
  return cellText(v);
}

function headerList(reading: SheetReading): SheetHeader[] | undefined {
  const { headers, view, headerRow } = reading;
  if (!headers || !view || headerRow === undefined) return undefined;
  return headers
    .filter((h) => h.text !== '')
    .map((h) => {
      const dated = nameScore(h.key, '日期', 'activities') > 0 || nameScore(h.key, '完成时限', 'tasks') > 0;
      const samples: string[] = [];
      for (let r = headerRow + 1; r < view.endRow && samples.length < SAMPLES; r++) {
        const text = sampleText(view.cell(r, h.col), dated).trim();
        if (text !== '') samples.push(text.length > 40 ? `${text.slice(0, 40)}…` : text);
      }
      return { column: columnLetters(h.col), header: h.text, samples };
    });
}

/** The sheets read or nearly read (report.sheets), and the others (report.otherSheets). */
export function describeSheets(readings: SheetReading[], records: Records): { sheets: SheetSummary[]; otherSheets: OtherSheet[] } {
  const units = unitsByTable(records);
  const sheets: SheetSummary[] = [];
  const otherSheets: OtherSheet[] = [];
  for (const reading of readings) {
    const { table, nearMiss } = reading;
    const headers = headerList(reading);
    let summary: SheetSummary;
    if (table) {
      summary = {
        sheet: table.sheet,
        kind: table.kind,
        rows: table.dataRows.length,
        headerRow: table.headerRow + 1,
        columns: columnSources(table.choices),
      };
      if (table.months) {
        const groups: Record<string, string> = {};
        for (const m of table.months) {
          const letter = columnLetters(m.col);
          const range = groups[m.typeText];
          groups[m.typeText] = range === undefined ? letter : `${range.split(':')[0]}:${letter}`;
        }
        summary.months = groups;
      }
      if (table.fixedUnit !== undefined) summary.unit = table.fixedUnit;
      summary.units = units.get(table) ?? [];
    } else if (nearMiss) {
      summary = {
        sheet: reading.sheet,
        kind: null,
        rows: 0,
        headerRow: nearMiss.headerRow + 1,
        columns: columnSources(nearMiss.choices),
        looksLike: nearMiss.kind,
        missing: [...nearMiss.missing],
      };
    } else {
      const other: OtherSheet = { sheet: reading.sheet, headerRow: reading.headerRow === undefined ? null : reading.headerRow + 1 };
      if (reading.file !== '') other.file = reading.file;
      if (reading.excluded) other.excluded = true;
      if (headers) other.headers = headers;
      otherSheets.push(other);
      continue;
    }
    if (headers) summary.headers = headers;
    sheets.push(reading.file === '' ? summary : { file: reading.file, ...summary });
  }
  return { sheets, otherSheets };
}

/** NO_APPRAISAL_SHEETS names the closest near miss: the one that matched the most columns. */
export function nearestMissParams(readings: SheetReading[]): Record<string, string> {
  let best: NonNullable<SheetReading['nearMiss']> | undefined;
  for (const { nearMiss } of readings) {
    if (nearMiss && (!best || nearMiss.choices.size > best.choices.size)) best = nearMiss;
  }
  if (!best) return {};
  const params: Record<string, string> = {
    nearSheet: best.sheet,
    nearKind: KIND_LABEL[best.kind],
    nearMissing: best.missing.map((c) => `“${c}”`).join('、'),
  };
  if (best.reason) params.nearReason = best.reason;
  return params;
}
