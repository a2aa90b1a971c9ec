/**
 * The bytes of the result workbook: the user's workbook plus the result sheets. The result sheets are
 * serialised from their plans and spliced into the user's package, which keeps every source part byte
 * for byte and skips re-encoding tens of thousands of ledger rows. A package the splicer does not
 * understand is rewritten whole by exceljs instead, from the same plans.
 */
import type ExcelJS from 'exceljs';
import type { OutputSheet } from '../../engine/output-model';
import { placeOutputs, type OutputPlacement } from '../../engine/output-names';
import { planSheet } from '../result-sheet/plan';
import { sheetXml, spliceSheets, SpliceUnsupported, StyleTable } from '../xlsx-splice';
import { existingSheets, writeOutputs } from './write';

export interface ResultFile {
  data: Uint8Array;
  placements: OutputPlacement[];
  /** How it was written: spliced into the original package, or the whole workbook rewritten. */
  method: 'splice' | 'rewrite';
  /** Why splicing was not possible, when it was not. */
  spliceRefused?: string;
}

function spliced(original: Uint8Array, placements: OutputPlacement[]): Uint8Array {
  const styles = new StyleTable();
  const sheets = placements.map((p) => {
    const plan = planSheet(p.output);
    const local = plan.styles.map((style) => styles.add(style));
    return {
      name: p.target,
      replace: p.replace,
      printTitleRows: plan.print.titleRows,
      xml: (xfOffset: number) => sheetXml(plan, (i) => xfOffset + local[i]!),
    };
  });
  return spliceSheets(original, { styles: styles.xml(), sheets });
}

/** `workbook` must have been loaded from `original`; it is changed only when splicing is refused. */
export async function resultFile(original: Uint8Array, workbook: ExcelJS.Workbook, outputs: OutputSheet[]): Promise<ResultFile> {
  const placements = placeOutputs(outputs, existingSheets(workbook));
  try {
    return { data: spliced(original, placements), placements, method: 'splice' };
  } catch (e) {
    if (!(e instanceof SpliceUnsupported)) throw e;
    writeOutputs(workbook, outputs, placements);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    return { data, placements, method: 'rewrite', spliceRefused: e.reason };
  }
}
