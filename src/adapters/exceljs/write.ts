/**
 * Renders the engine's OutputSheet tables into an exceljs Workbook. Only sheets the add-in generated
 * (A2 starts with GENERATED_MARKER) are ever replaced; a user's own sheet of the same name is left alone
 * and the output goes to a free name (see placeOutputs).
 */
import type ExcelJS from 'exceljs';
import './internal-links';
import { GENERATED_MARKER, type OutputSheet } from '../../engine/output-model';
import { placeOutputs, type ExistingSheet, type OutputPlacement } from '../../engine/output-names';
import { BORDER_COLOR, FONT_NAME, HEADER_FILL, planSheet, type CellStyle } from '../result-sheet/plan';
import { toCellValue } from './read';
import { Package } from '../xlsx-splice/package';
import { attr, elements, firstElement, setAttr, splice } from '../xlsx-splice/xml';
import { readZip, textEntry, writeZip } from '../xlsx-splice/zip';

const A4 = 9;

function isGeneratedSheet(ws: ExcelJS.Worksheet): boolean {
  const a2 = toCellValue(ws.getCell('A2').value);
  return typeof a2 === 'string' && a2.startsWith(GENERATED_MARKER);
}

export function existingSheets(wb: ExcelJS.Workbook): ExistingSheet[] {
  return wb.worksheets.map((ws) => ({ name: ws.name, generated: isGeneratedSheet(ws) }));
}

function border(argb: string): Partial<ExcelJS.Borders> {
  const thin: ExcelJS.Border = { style: 'thin', color: { argb } };
  return { top: thin, left: thin, bottom: thin, right: thin };
}

function excelJsStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const { name, size, bold, underline, color } = style.font;
  return {
    font: { name, size, ...(bold !== undefined ? { bold } : {}), ...(underline ? { underline: true } : {}), ...(color ? { color: { argb: color } } : {}) },
    ...(style.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } } } : {}),
    ...(style.border ? { border: border(style.border) } : {}),
    alignment: { ...style.alignment },
    ...(style.numFmt ? { numFmt: style.numFmt } : {}),
  };
}

/**
 * Applies a result sheet's plan. Cells of one style share one style object: exceljs resolves a style
 * once per object (its writer caches by identity), which matters for sheets of tens of thousands of rows.
 * A plain string such as `=1+1` is written as text: exceljs only makes a formula from a `formula` object.
 */
export function renderSheet(ws: ExcelJS.Worksheet, out: OutputSheet): void {
  const plan = planSheet(out);
  const styles = plan.styles.map(excelJsStyle);
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((planned, r) => {
    const row = ws.getRow(r + 1);
    row.height = planned.height;
    planned.cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      if (cell.link !== undefined) target.value = { text: String(cell.value), hyperlink: `${cell.linkFile ?? ''}#${cell.link}` };
      else if (cell.value !== null) target.value = cell.value;
      target.style = styles[cell.style]!;
    });
  });
  for (const range of plan.merges) ws.mergeCells(range);
  const top = plan.freezeRows + 1;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.freezeRows, topLeftCell: `A${top}` }];
  ws.pageSetup = {
    paperSize: A4,
    orientation: plan.print.orientation,
    fitToPage: plan.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${plan.print.titleRows[0]}:${plan.print.titleRows[1]}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: plan.footer };
}

/** exceljs orders tabs by this (undeclared) field; reusing it keeps a replaced sheet in place. */
interface Ordered {
  orderNo: number;
}

/**
 * Writes the outputs into `wb` and says where each went. A replaced sheet keeps its tab position;
 * new sheets are added after the existing ones, in output order.
 */
export function writeOutputs(
  wb: ExcelJS.Workbook,
  outputs: OutputSheet[],
  placements: OutputPlacement[] = placeOutputs(outputs, existingSheets(wb)),
): OutputPlacement[] {
  for (const placement of placements) {
    let orderNo: number | undefined;
    if (placement.replace) {
      const old = wb.getWorksheet(placement.target);
      if (old) {
        orderNo = (old as unknown as Ordered).orderNo;
        wb.removeWorksheet(old.id);
      }
    }
    const ws = wb.addWorksheet(placement.target);
    if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
    renderSheet(ws, placement.output);
  }
  return placements;
}

/** Adds the 考核规则 sheet filled with the defaults, unless a sheet of that name exists. */
export function insertRulesSheet(
  wb: ExcelJS.Workbook,
  template: { name: string; columns: string[]; rows: string[][] },
): ExcelJS.Worksheet | undefined {
  if (wb.worksheets.some((ws) => ws.name.toLowerCase() === template.name.toLowerCase())) return undefined;
  const ws = wb.addWorksheet(template.name);
  const widths = [24, 28, 60];
  template.columns.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[i] ?? 20;
    const cell = ws.getRow(1).getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT_NAME, bold: true, size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = border(BORDER_COLOR);
  });
  template.rows.forEach((values, r) => {
    const row = ws.getRow(2 + r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.numFmt = '@';
      cell.border = border(BORDER_COLOR);
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
  return ws;
}

/** The names of a workbook part's sheets, in tab order. */
function sheetNames(workbookXml: string): string[] {
  const list = firstElement(workbookXml, 'sheets');
  return list ? elements(workbookXml, 'sheet', list.innerStart, list.innerEnd).map((e) => attr(e.openTag, 'name') ?? '') : [];
}

/**
 * exceljs drops defined names it cannot model when it rewrites a workbook: constants (`税率` = 0.05,
 * `"年度"`) vanish and a sheet-scoped name loses its `localSheetId`, becoming workbook-wide. This puts
 * the original workbook's names back into exceljs's output: each as it was, its localSheetId moved to
 * the same sheet's position in the output. Built-in names (`_xlnm.*`) of the replaced result sheets are
 * the ones exceljs wrote for the new sheets; names of sheets no longer there are dropped. Best effort:
 * if either package cannot be read here, exceljs's output is returned unchanged.
 */
export function keepDefinedNames(original: Uint8Array, written: Uint8Array, replacedSheets: readonly string[]): Uint8Array {
  try {
    const source = new Package(original);
    const sourceXml = source.text(source.workbookPart);
    const block = firstElement(sourceXml, 'definedNames');
    if (!block) return written;
    const sourceSheets = sheetNames(sourceXml);
    const out = new Package(written);
    let outXml = out.text(out.workbookPart);
    const outSheets = sheetNames(outXml);
    const replaced = new Set(replacedSheets.map((n) => n.toLowerCase()));
    const kept: string[] = [];
    const originalNames = new Set<string>();
    for (const el of elements(sourceXml, 'definedName', block.innerStart, block.innerEnd)) {
      const name = attr(el.openTag, 'name') ?? '';
      const local = attr(el.openTag, 'localSheetId');
      originalNames.add(name.toLowerCase());
      let open = el.openTag;
      if (local !== undefined) {
        const sheet = sourceSheets[Number(local)];
        if (sheet === undefined) continue;
        if (name.startsWith('_xlnm.') && replaced.has(sheet.toLowerCase())) continue;
        const index = outSheets.findIndex((s) => s.toLowerCase() === sheet.toLowerCase());
        if (index < 0) continue;
        open = setAttr(open, 'localSheetId', String(index));
      }
      kept.push(open + sourceXml.slice(el.openTag.length + el.start, el.end));
    }
    // exceljs's own names: those for the new result sheets, not its lossy copies of the originals.
    const outBlock = firstElement(outXml, 'definedNames');
    if (outBlock) {
      for (const el of elements(outXml, 'definedName', outBlock.innerStart, outBlock.innerEnd)) {
        const name = attr(el.openTag, 'name') ?? '';
        const local = attr(el.openTag, 'localSheetId');
        const sheet = local === undefined ? undefined : outSheets[Number(local)];
        const resultSheet = sheet !== undefined && (replaced.has(sheet.toLowerCase()) || !sourceSheets.some((s) => s.toLowerCase() === sheet.toLowerCase()));
        const fresh = name.startsWith('_xlnm.') ? resultSheet : !originalNames.has(name.toLowerCase());
        if (fresh) kept.push(outXml.slice(el.start, el.end));
      }
      outXml = splice(outXml, outBlock.start, outBlock.end, '');
    }
    if (kept.length === 0) return written;
    // The schema puts definedNames after sheets, functionGroups and externalReferences.
    const after = firstElement(outXml, 'externalReferences') ?? firstElement(outXml, 'functionGroups') ?? firstElement(outXml, 'sheets');
    if (!after) return written;
    outXml = splice(outXml, after.end, after.end, `<definedNames>${kept.join('')}</definedNames>`);
    const entries = readZip(written).map((e) => (e.name === out.workbookPart ? textEntry(e.name, outXml) : e));
    return writeZip(entries);
  } catch {
    return written;
  }
}
