/**
 * Writing the generated sheets through Office.js. Only sheets the add-in generated are ever deleted;
 * a user's sheet holding a desired name makes the output move to a free name. Every string is written
 * into a cell already formatted as text ("@"), so ledger text such as "=1+1" can never become a formula.
 */
import {
  columnLetters,
  placeOutputs,
  type ColumnFormat,
  type ExistingSheet,
  type OutCell,
  type OutputPlacement,
  type OutputSheet,
  type RowStyle,
} from '../../engine';
import { jsonBytes, RequestBudget, DEFAULT_REQUEST_BUDGET, ACTION_OVERHEAD_BYTES } from './payload';
import { quoteSheet } from './address';
// Excel's 65 530 hyperlinks per worksheet, shared with the file writers.
import { MAX_LINKS_PER_SHEET } from '../result-sheet/plan';
import { optionalApis, type OptionalApis } from './support';
import type { ReadResult } from './read';

export interface WriteResult {
  written: { key: string; sheet: string }[];
  renamed: { from: string; to: string }[];
  /** Rows written without their link because the sheet reached Excel's 65 530 hyperlinks. */
  linksOmitted: { sheet: string; count: number }[];
  /** Worksheet.id of each sheet written, in output order. */
  sheetIds: string[];
  /** Syncs this write took (for benchmarks and tests). */
  syncs: number;
  /** The budget's estimate of each request's bytes, in order (to compare with what office.js really sends). */
  requestEstimates: number[];
}

export interface WriteOptions {
  onProgress?: (fraction: number) => void;
  /** Bytes queued before a sync is forced; far below Excel on the web's 5 MB. */
  requestBudget?: number;
  apis?: OptionalApis;
  /**
   * Called with the new sheets' ids once they are all written, before the swap: the caller remembers
   * them (document settings) so that, however the swap ends, the next run knows its sheets.
   */
  beforeSwap?: (sheetIds: string[]) => Promise<void>;
}

const TEXT = '@';
const HEADER_FILL = 'D9E1F2';
const TITLE_ROW = 0;
const FIRST_DATA_ROW = 3;
/** Temporary names while writing (at most 31 characters with the number; no characters Excel forbids). */
const TEMP_PREFIX = '~考核结果写入中';
const BACKUP_PREFIX = '~考核结果旧表';


function numberFormatOf(format: ColumnFormat): string {
  switch (format) {
    case 'text':
      return TEXT;
    case 'integer':
      return '0';
    case 'decimal2':
      return '0.00';
    default:
      return 'General';
  }
}

/** Excel column width is set in points; the model gives characters (about 7 px each, 0.75 pt per px, plus padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function cellValue(v: OutCell): string | number | boolean {
  return v === null ? '' : v;
}

/** The number format a cell needs: any string is text, whatever its column says. */
function cellFormat(v: OutCell, columnFormat: string): string {
  return typeof v === 'string' ? TEXT : columnFormat;
}

function sameStyle(a: RowStyle | undefined, b: RowStyle | undefined): boolean {
  return (a?.fill ?? '') === (b?.fill ?? '') && (a?.fontColor ?? '') === (b?.fontColor ?? '') && (a?.bold ?? false) === (b?.bold ?? false);
}

function hasStyle(s: RowStyle | undefined): s is RowStyle {
  return !!s && (!!s.fill || !!s.fontColor || s.bold === true);
}

/** Writes one result sheet; returns how many links were left out (beyond MAX_LINKS_PER_SHEET). */
async function writeOne(sheet: Excel.Worksheet, output: OutputSheet, budget: RequestBudget, apis: OptionalApis, progress: (done: number) => void): Promise<number> {
  const cols = Math.max(1, output.columns.length);
  const last = columnLetters(cols - 1);
  const formats = output.columns.map((c) => numberFormatOf(c.format));

  // Title, note and header: text cells, formatted before any value lands.
  const top = [
    [output.title, ...Array<string>(cols - 1).fill('')],
    [output.note, ...Array<string>(cols - 1).fill('')],
    output.columns.length > 0 ? output.columns.map((c) => c.header) : [''],
  ];
  const head = sheet.getRangeByIndexes(TITLE_ROW, 0, 3, cols);
  const headFormats = top.map((row) => row.map(() => TEXT));
  await budget.charge(jsonBytes(headFormats) + jsonBytes(top), 1);
  head.numberFormat = headFormats;
  head.values = top;

  // Three ranges and their format, font and fill objects, eleven settings.
  await budget.charge(11 * ACTION_OVERHEAD_BYTES, 10);
  const title = sheet.getRange(`A1:${last}1`);
  title.merge(false);
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = 'Center';
  const note = sheet.getRange(`A2:${last}2`);
  note.merge(false);
  note.format.font.color = '666666';
  const header = sheet.getRange(`A3:${last}3`);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';

  // Column widths and alignment of the data cells.
  for (let c = 0; c < output.columns.length; c++) {
    const column = output.columns[c]!;
    await budget.charge(150, 4);
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthInPoints(column.width);
    if (column.align && output.rows.length > 0) {
      const align = column.align === 'left' ? 'Left' : column.align === 'right' ? 'Right' : 'Center';
      sheet.getRangeByIndexes(FIRST_DATA_ROW, c, output.rows.length, 1).format.horizontalAlignment = align;
    }
  }

  // Links beyond Excel's per-sheet maximum are left out; their rows are written all the same.
  // A link into another file (a unit's file picked in the pane) cannot be followed from the open
  // workbook: the 文件 column names it instead.
  const reachable = output.links.filter((l) => l.file === undefined);
  const links = reachable.slice(0, MAX_LINKS_PER_SHEET);
  // A link needs something to click: an empty linked cell shows where it leads (as the file writers do).
  const linkText = new Map<number, string>();
  for (const link of links) {
    const shown = output.rows[link.row]?.[link.col];
    if (shown === null || shown === undefined || shown === '') linkText.set(link.row * 16_384 + link.col, `${link.sheet}!${link.cell}`);
  }

  // Data rows in blocks, each well within the request budget: formats first, then values.
  const blockBudget = Math.max(10_000, Math.floor(budget.limit / 2));
  let start = 0;
  while (start < output.rows.length) {
    const values: (string | number | boolean)[][] = [];
    const numberFormats: string[][] = [];
    let bytes = 0;
    let r = start;
    while (r < output.rows.length && (r === start || bytes < blockBudget)) {
      const row = output.rows[r]!;
      const v: (string | number | boolean)[] = [];
      const f: string[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = linkText.get(r * 16_384 + c) ?? row[c] ?? null;
        v.push(cellValue(cell));
        f.push(cellFormat(cell, formats[c] ?? 'General'));
      }
      bytes += jsonBytes(v) + jsonBytes(f);
      values.push(v);
      numberFormats.push(f);
      r++;
    }
    await budget.charge(bytes, 1);
    const block = sheet.getRangeByIndexes(FIRST_DATA_ROW + start, 0, values.length, cols);
    block.numberFormat = numberFormats;
    block.values = values;
    start = r;
    progress(start / Math.max(1, output.rows.length));
  }

  // Row fills: consecutive rows with the same style share one range.
  for (let r = 0; r < output.rows.length; ) {
    const style = output.rowStyles[r];
    let end = r;
    while (end + 1 < output.rows.length && sameStyle(output.rowStyles[end + 1], style)) end++;
    if (hasStyle(style)) {
      await budget.charge(300, 4);
      const range = sheet.getRangeByIndexes(FIRST_DATA_ROW + r, 0, end - r + 1, cols);
      if (style.fill) range.format.fill.color = style.fill;
      if (style.fontColor) range.format.font.color = style.fontColor;
      if (style.bold) range.format.font.bold = true;
    }
    r = end + 1;
  }

  // Links to the offending cells. The cell's text is already written (as text, above): the link sets
  // no textToDisplay, whose handling of text that looks like a formula the reference does not specify.
  for (const link of links) {
    const hyperlink = { documentReference: `${quoteSheet(link.sheet)}!${link.cell}`, screenTip: `${link.sheet}!${link.cell}` };
    await budget.charge(jsonBytes(hyperlink), 1);
    sheet.getCell(FIRST_DATA_ROW + link.row, link.col).hyperlink = hyperlink;
  }

  await budget.charge(500, 3);
  if (output.freezeRows > 0) sheet.freezePanes.freezeRows(output.freezeRows);
  if (apis.pageLayoutAndSpecialCells) {
    const layout = sheet.pageLayout;
    layout.orientation = output.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    const [from, to] = output.print.repeatRows;
    layout.setPrintTitleRows(`$${from}:$${to}`);
    if (output.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  return reachable.length - links.length;
}

/** What the writer needs to know about a sheet already in the workbook (from readWorkbook). */
export interface ExistingOfficeSheet extends ExistingSheet {
  id?: string;
  visibility?: string;
  protected?: boolean;
  /** A2 carries the marker and the sheet is not protected, whatever the remembered ids say. */
  marked?: boolean;
}

/**
 * Sheets in the workbook now, as placeOutputs sees them. A generated sheet that is protected counts as
 * the user's own: protected sheets are never changed, so the output goes to a free name instead.
 * `rememberedIds`: the result sheets' ids the last run stored in the document's settings, if any.
 */
export function existingSheets(read: ReadResult, rememberedIds?: readonly string[]): ExistingOfficeSheet[] {
  const remembered = rememberedIds ? new Set(rememberedIds) : undefined;
  return read.sheets.map((s) => ({
    name: s.name,
    // With remembered ids (document settings), a sheet carrying the marker is the add-in's only if the add-in
    // wrote that very sheet: a user's copy of a result sheet has another id and is left alone.
    generated: s.generated && !s.protected && (!remembered || remembered.has(s.id)),
    marked: s.generated && !s.protected,
    id: s.id,
    visibility: s.visibility,
    protected: s.protected,
  }));
}

/** A sheet name not in `taken` (compared without case), at most 31 characters. */
function freeSheetName(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

interface Swap {
  placement: OutputPlacement;
  /** The temporary name the new sheet is written under. */
  temp: string;
  /** Its id, known after the writing phase's last sync. */
  tempId?: string;
  /** The generated sheet being replaced, if any. */
  old?: { name: string; id?: string; veryHidden: boolean; backup: string };
}

/** Best effort: delete whichever of the temporary sheets exist. Errors here are swallowed (the first one is what the user sees). */
async function removeTemporaries(context: Excel.RequestContext, swaps: Swap[]): Promise<void> {
  try {
    const found = swaps.map((s) => context.workbook.worksheets.getItemOrNullObject(s.tempId ?? s.temp));
    await context.sync();
    found.forEach((ws) => {
      if (!ws.isNullObject) ws.delete();
    });
    await context.sync();
  } catch {
    // Nothing more can be done from here; the next successful run removes leftovers (see leftoversOf).
  }
}

/**
 * Sheets a failed run could not clean up (its temporary names, or old results renamed aside) that still
 * carry the marker: removed by the next successful swap.
 */
function leftoversOf(existing: ExistingOfficeSheet[]): ExistingOfficeSheet[] {
  return existing.filter((s) => s.marked && (s.name.startsWith(TEMP_PREFIX) || s.name.startsWith(BACKUP_PREFIX)));
}

/**
 * After the swap's sync failed part-way (actions before the failing one stay applied): finish it if any
 * old result is already gone, otherwise undo it. Either way the workbook ends with one whole result.
 */
async function settleSwap(context: Excel.RequestContext, swaps: Swap[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    await context.sync();
    const nameOf = new Map(sheets.items.map((s) => [s.id, s.name]));
    const byName = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const alive = (id: string | undefined, name: string): boolean => (id !== undefined ? nameOf.has(id) : byName.has(name.toLowerCase()));
    const oldGone = swaps.some((s) => s.old && !alive(s.old.id, s.old.backup) && !alive(s.old.id, s.old.name));
    const ws = context.workbook.worksheets;
    if (oldGone) {
      // Roll forward: remove the old results still there, give the new sheets their names.
      for (const s of swaps) {
        if (!s.old || !s.old.id || !nameOf.has(s.old.id)) continue;
        const old = ws.getItem(s.old.id);
        if (s.old.veryHidden) old.visibility = 'Hidden';
        old.delete();
      }
      for (const s of swaps) if (s.tempId && nameOf.get(s.tempId) !== s.placement.target) ws.getItem(s.tempId).name = s.placement.target;
    } else {
      // Roll back: remove the new sheets, give the old results their names and visibility back.
      for (const s of swaps) if (s.tempId && nameOf.has(s.tempId)) ws.getItem(s.tempId).delete();
      for (const s of swaps) {
        if (!s.old?.id || !nameOf.has(s.old.id)) continue;
        const old = ws.getItem(s.old.id);
        if (nameOf.get(s.old.id) !== s.old.name) old.name = s.old.name;
        if (s.old.veryHidden) old.visibility = 'VeryHidden';
      }
    }
    await context.sync();
  } catch {
    // As in removeTemporaries: the original failure is reported.
  }
}

/**
 * Write `outputs` into the workbook. `existing` lists the sheets there now (from readWorkbook).
 *
 * Transactional as far as Office.js allows (a sync is not atomic: actions before a failing one stay
 * applied): the new sheets are first written under temporary names while the previous results stay as
 * they are; a failure there deletes the temporaries. Only then, in one sync, the old generated sheets are
 * renamed aside, the new ones take their names and the old ones are deleted; if that sync fails part-way,
 * settleSwap finishes or undoes it. The user ends with the previous results or the new ones, never a mix.
 * Users' sheets are never touched.
 */
export async function writeOutputs(
  context: Excel.RequestContext,
  outputs: OutputSheet[],
  existing: ExistingOfficeSheet[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const apis = options.apis ?? optionalApis();
  const placements = placeOutputs(outputs, existing);
  const budget = new RequestBudget(context, options.requestBudget ?? DEFAULT_REQUEST_BUDGET, () =>
    context.application.suspendApiCalculationUntilNextSync(),
  );
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  for (const p of placements) taken.add(p.target.toLowerCase());
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const swaps: Swap[] = placements.map((placement) => {
    const old = placement.replace ? byName.get(placement.target.toLowerCase()) : undefined;
    return {
      placement,
      temp: freeSheetName(taken, TEMP_PREFIX),
      old: old ? { name: old.name, id: old.id, veryHidden: old.visibility === 'VeryHidden', backup: freeSheetName(taken, BACKUP_PREFIX) } : undefined,
    };
  });

  // 1. The new sheets, under temporary names. The previous results are not touched yet.
  const totalRows = Math.max(1, placements.reduce((n, p) => n + p.output.rows.length, 0));
  let rowsBefore = 0;
  const written: WriteResult['written'] = [];
  const linksOmitted: WriteResult['linksOmitted'] = [];
  const added: Excel.Worksheet[] = [];
  try {
    for (const swap of swaps) {
      const p = swap.placement;
      await budget.charge(100);
      const sheet = context.workbook.worksheets.add(swap.temp);
      added.push(sheet);
      const rows = p.output.rows.length;
      const omitted = await writeOne(sheet, p.output, budget, apis, (done) => options.onProgress?.((0.95 * (rowsBefore + done * rows)) / totalRows));
      if (omitted > 0) linksOmitted.push({ sheet: p.target, count: omitted });
      rowsBefore += rows;
      written.push({ key: p.output.key, sheet: p.target });
    }
    for (const sheet of added) sheet.load('id');
    await budget.sync();
    swaps.forEach((s, i) => (s.tempId = added[i]!.id));
  } catch (e) {
    await removeTemporaries(context, swaps);
    throw e;
  }

  await options.beforeSwap?.(swaps.map((s) => s.tempId!)).catch(() => undefined);

  // 2. The swap, in one sync: old results aside, new ones into their names, old ones deleted.
  const ws = context.workbook.worksheets;
  try {
    for (const s of swaps) {
      if (!s.old) continue;
      const old = ws.getItem(s.old.id ?? s.old.name);
      // Deleting a VeryHidden sheet fails with InvalidOperation (Worksheet.delete reference): unhide first.
      if (s.old.veryHidden) old.visibility = 'Hidden';
      old.name = s.old.backup;
    }
    for (const s of swaps) ws.getItem(s.tempId!).name = s.placement.target;
    for (const s of swaps) if (s.old) ws.getItem(s.old.id ?? s.old.backup).delete();
    for (const left of leftoversOf(existing)) {
      const sheet = ws.getItem(left.id ?? left.name);
      if (left.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
      sheet.delete();
    }
    // Show the summary first.
    if (swaps[0]) ws.getItem(swaps[0].tempId!).activate();
    await budget.sync();
  } catch (e) {
    await settleSwap(context, swaps);
    throw e;
  }
  options.onProgress?.(1);

  return {
    written,
    renamed: placements.filter((p) => p.renamedBecauseTaken).map((p) => ({ from: p.output.name, to: p.target })),
    linksOmitted,
    sheetIds: swaps.map((s) => s.tempId!),
    syncs: budget.syncs,
    requestEstimates: [...budget.estimates],
  };
}
