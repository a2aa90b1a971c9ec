/** The report's account of each sheet read: its kind, header row and where each column came from. */
import { columnLetters } from '../grid';
import type { ColumnSource, SheetSummary } from '../report';
import type { ColumnChoice } from './classify';
import { KIND_LABEL, type Column } from './columns';
import type { SheetReading } from './ledger-table';

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

export function describeSheets(readings: SheetReading[]): SheetSummary[] {
  const out: SheetSummary[] = [];
  for (const { table, nearMiss } of readings) {
    if (table) {
      const summary: SheetSummary = {
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
      out.push(summary);
    } else if (nearMiss) {
      out.push({
        sheet: nearMiss.sheet,
        kind: null,
        rows: 0,
        headerRow: nearMiss.headerRow + 1,
        columns: columnSources(nearMiss.choices),
        looksLike: nearMiss.kind,
        missing: [...nearMiss.missing],
      });
    }
  }
  return out;
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
