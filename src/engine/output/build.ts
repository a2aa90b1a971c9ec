/** The four generated sheets (SPEC section 7) as plain tables with formatting intents. */
import type { Report } from '../report';
import type { OutCell, OutputSheet } from '../output-model';
import { buildExplainSheet } from './explain-sheet';
import { buildIssuesSheet } from './issues-sheet';
import { buildPersonsSheet } from './persons-sheet';
import { buildSummarySheet } from './summary-sheet';

/** Excel holds at most 32 767 characters in a cell: longer text is a "repaired" file or a failed Office.js write. */
export const MAX_CELL_CHARS = 32_767;

function fitCell(value: OutCell): OutCell {
  if (typeof value !== 'string' || value.length <= MAX_CELL_CHARS) return value;
  let end = MAX_CELL_CHARS - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${value.slice(0, end)}…`;
}

export function buildOutputs(report: Report): OutputSheet[] {
  const sheets = [buildSummarySheet(report), buildPersonsSheet(report), buildIssuesSheet(report), buildExplainSheet(report)];
  // The rows were just built for this call, so fitting them in place copies nothing at city scale.
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (let c = 0; c < row.length; c++) row[c] = fitCell(row[c] ?? null);
    }
  }
  return sheets;
}
