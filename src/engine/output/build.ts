/** The three generated sheets (SPEC section 7) as plain tables with formatting intents. */
import type { Report } from '../report';
import type { OutputSheet } from '../output-model';
import { buildIssuesSheet } from './issues-sheet';
import { buildPersonsSheet } from './persons-sheet';
import { buildSummarySheet } from './summary-sheet';

export function buildOutputs(report: Report): OutputSheet[] {
  return [buildSummarySheet(report), buildPersonsSheet(report), buildIssuesSheet(report)];
}
