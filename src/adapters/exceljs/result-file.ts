/**
 * The bytes of the result workbook: the user's workbook plus the result sheets. The result sheets are
 * serialised from their plans and spliced into the user's package, which keeps every source part byte
 * for byte and skips re-encoding tens of thousands of ledger rows. A package the splicer does not
 * understand is rewritten whole by exceljs instead, from the same plans.
 *
 * exceljs is loaded only for that fallback (dynamic import): the command line reads with src/xlsx and
 * splices, so the normal path never pays for loading exceljs.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookGrids } from '../../engine/grid';
import { GENERATED_MARKER, type OutputSheet } from '../../engine/output-model';
import { placeOutputs, type ExistingSheet, type OutputPlacement } from '../../engine/output-names';
import { splicedResult, SpliceUnsupported, type ZipCodec } from '../xlsx-splice';

export interface ResultFile {
  data: Uint8Array;
  placements: OutputPlacement[];
  /** How it was written: spliced into the original package, or the whole workbook rewritten. */
  method: 'splice' | 'rewrite';
  /** Why splicing was not possible, when it was not. */
  spliceRefused?: string;
}

/** The worksheets of a workbook as read into grids, with those the add-in generated (A2 holds the marker). */
export function existingSheetsOf(grids: WorkbookGrids): ExistingSheet[] {
  return grids.sheets.map((s) => {
    const a2 = s.values[1 - (s.originRow ?? 0)]?.[0 - (s.originCol ?? 0)];
    return { name: s.name, generated: typeof a2 === 'string' && a2.startsWith(GENERATED_MARKER) };
  });
}

/**
 * `source` is the input's existing sheets (existingSheetsOf), or an exceljs workbook loaded from
 * `original`, which is then changed when splicing is refused.
 */
export async function resultFile(
  original: Uint8Array,
  source: readonly ExistingSheet[] | ExcelJS.Workbook,
  outputs: OutputSheet[],
  codec?: ZipCodec,
): Promise<ResultFile> {
  const existing = Array.isArray(source) ? (source as readonly ExistingSheet[]) : (await import('./write')).existingSheets(source as ExcelJS.Workbook);
  const placements = placeOutputs(outputs, [...existing]);
  try {
    return { data: splicedResult(original, placements, codec), placements, method: 'splice' };
  } catch (e) {
    if (!(e instanceof SpliceUnsupported)) throw e;
    const [{ loadWorkbook }, { writeOutputs, keepDefinedNames }] = await Promise.all([import('./load'), import('./write')]);
    const workbook = Array.isArray(source) ? await loadWorkbook(original) : (source as ExcelJS.Workbook);
    writeOutputs(workbook, outputs, placements);
    const replaced = placements.filter((p) => p.replace).map((p) => p.target);
    const data = keepDefinedNames(original, new Uint8Array(await workbook.xlsx.writeBuffer()), replaced);
    return { data, placements, method: 'rewrite', spliceRefused: e.reason };
  }
}
