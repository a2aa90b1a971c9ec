/**
 * The result workbook by splicing alone: the result sheets planned from the engine's output tables and
 * added to (or replacing earlier results in) the user's package. Shared by the command line, which falls
 * back to exceljs when this throws SpliceUnsupported, and the web page, which has no exceljs.
 */
import type { OutputPlacement } from '../../engine/output-names';
import { planSheet } from '../result-sheet/plan';
import type { ZipCodec } from './codec';
import { spliceSheets } from './index';
import { sheetRelsXml, sheetXmlParts } from './sheet-xml';
import { StyleTable } from './style-xml';

export function splicedResult(original: Uint8Array, placements: readonly OutputPlacement[], codec?: ZipCodec): Uint8Array {
  const styles = new StyleTable();
  const sheets = placements.map((p) => {
    const plan = planSheet(p.output);
    const local = plan.styles.map((style) => styles.add(style));
    return {
      name: p.target,
      replace: p.replace,
      printTitleRows: plan.print.titleRows,
      ...(plan.linkFiles.length > 0 ? { rels: sheetRelsXml(plan.linkFiles) } : {}),
      xml: (xf: (resultXf: number) => number) => sheetXmlParts(plan, (i) => xf(local[i]!)),
    };
  });
  return spliceSheets(original, { styles: styles.xml(), sheets, ...(codec ? { codec } : {}) });
}
