/**
 * The web page's workbook host (网页版): the files the clerk chose, read with the same reader as the
 * command line, appraised by the same engine, and the result workbook spliced exactly as the command line
 * splices it. It runs inside a Web Worker (src/web/worker.ts) so big files never block the page, but has
 * no worker, DOM or Node in it: tests drive it directly.
 *
 * One usable file is appraised as the command line appraises one workbook (no file names in the report)
 * and the result is that workbook with the result sheets added; several are appraised as the command
 * line's batch mode and the result is a new workbook.
 */
import { appraise, columnLetters, placeOutputs, type AppraisalResult, type CellValue, type SheetGrid } from '../../engine';
import { isGeneratedGrid } from '../../engine/output-names';
import { cellText } from '../../engine/parse/cell-text';
import type { Report } from '../../engine/report';
import { emptyWorkbookPackage, splicedResult, SpliceUnsupported } from '../xlsx-splice';
import { concatBytes } from '../../xlsx/bytes';
import { jsonParts } from './json-parts';
import { readPickedFile, RESULT_SUFFIX, type PickedFile } from './submitted';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** What the page shows of a chosen file: never its grids, which stay in the worker. */
export interface FileSummary {
  name: string;
  sheets: number;
  problem?: string;
}

export interface RunOutcome {
  report: Report;
  noLedgers: boolean;
  /** The result workbook and its suggested name; absent when there was nothing to appraise. */
  workbook?: { name: string; bytes: Uint8Array };
  /** The report as the command line's --json writes it. */
  json?: Uint8Array;
  /** Outputs that went to a free name because a sheet of the user's held the desired one. */
  renamed: { from: string; to: string }[];
  /**
   * The one workbook's package could not take the result sheets (the command line would rewrite it with
   * exceljs, which the page does not carry): the result is a new workbook instead.
   */
  separateWorkbook?: boolean;
}

/** A row of a source sheet around an issue's cell: the page has no grid to jump to, so it shows this. */
export interface RowPreview {
  file: string;
  sheet: string;
  /** 1-based row numbers. */
  row: number;
  headerRow: number | null;
  columns: { letter: string; header: string; value: string }[];
  /** Letter of the column, when it names one. */
  highlight: string | null;
}

interface HeldFile {
  name: string;
  /** Kept for the splice when this is the only usable file. */
  bytes: Uint8Array;
  read: PickedFile;
}

type Progress = (stage: string, fraction: number) => void;

/** At most this many columns either side of the column in a preview. */
const PREVIEW_SPAN = 6;

const encoder = new TextEncoder();

function textBytes(parts: Iterable<string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  const flush = (): void => {
    chunks.push(encoder.encode(batch.join('')));
    batch = [];
    batchLength = 0;
  };
  for (const part of parts) {
    batch.push(part);
    batchLength += part.length;
    if (batchLength >= 1 << 16) flush();
  }
  flush();
  return concatBytes(chunks);
}

function baseName(name: string): string {
  return name.replace(/\.[^./\\]*$/, '');
}

function cellAt(grid: SheetGrid, row: number, col: number): CellValue | undefined {
  return grid.values[row - (grid.originRow ?? 0)]?.[col - (grid.originCol ?? 0)];
}

function lastColumn(grid: SheetGrid, row: number): number {
  const values = grid.values[row - (grid.originRow ?? 0)];
  return values ? values.length - 1 + (grid.originCol ?? 0) : -1;
}

function parseCell(cell: string): { row: number; col: number | null } | null {
  const m = /^([A-Z]{1,3})?(\d+)$/.exec(cell.trim().toUpperCase());
  if (!m) return null;
  let col: number | null = null;
  if (m[1]) {
    col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  return { row: Number(m[2]) - 1, col };
}

export class FilesSession {
  private files: HeldFile[] = [];
  private lastReport: Report | null = null;

  constructor(private readonly options: { version?: string; now?: () => Date } = {}) {}

  /** Reads the files; one of the same name as a file already held replaces it. */
  add(files: readonly InputFile[], onProgress?: Progress): FileSummary[] {
    files.forEach((file, i) => {
      const read = readPickedFile(file.name, file.bytes, {
        onProgress: (f: number) => onProgress?.('read', (i + f) / files.length),
      });
      this.files = [...this.files.filter((f) => f.name !== file.name), { name: file.name, bytes: file.bytes, read }];
    });
    this.lastReport = null;
    return this.summaries();
  }

  remove(name: string): FileSummary[] {
    this.files = this.files.filter((f) => f.name !== name);
    this.lastReport = null;
    return this.summaries();
  }

  summaries(): FileSummary[] {
    return this.files.map((f) => ({ name: f.name, sheets: f.read.sheets.length, ...(f.read.problem ? { problem: f.read.problem } : {}) }));
  }

  private usable(): HeldFile[] {
    return this.files.filter((f) => !f.read.problem);
  }

  /** The grids as the engine gets them: a single file's untagged (as the command line reads one workbook). */
  private grids(): SheetGrid[] {
    const usable = this.usable();
    if (usable.length === 1) return usable[0]!.read.sheets.map(({ file: _file, ...sheet }) => sheet);
    return usable.flatMap((f) => f.read.sheets);
  }

  run(year: number | undefined, onProgress?: Progress): RunOutcome {
    const usable = this.usable();
    const sheets = this.grids();
    const result: AppraisalResult = appraise(
      { sheets },
      {
        ...(year !== undefined ? { year } : {}),
        ...(this.options.version ? { version: this.options.version } : {}),
        time: this.options.now?.() ?? new Date(),
        // The appraisal is the first 80% of the bar; writing the workbook and the JSON the rest.
        ...(onProgress ? { onProgress: (stage: string, fraction: number) => onProgress(stage, 0.8 * fraction) } : {}),
      },
    );
    this.lastReport = result.report;
    if (result.noLedgers || usable.length === 0) return { report: result.report, noLedgers: true, renamed: [] };
    onProgress?.('write', 0.82);
    const single = usable.length === 1 ? usable[0]! : null;
    const existing = single ? sheets.map((s) => ({ name: s.name, generated: isGeneratedGrid(s) })) : [];
    let placements = placeOutputs(result.outputs, existing);
    let bytes: Uint8Array;
    let separateWorkbook = false;
    try {
      bytes = splicedResult(single ? single.bytes : emptyWorkbookPackage(), placements);
    } catch (e) {
      if (!(e instanceof SpliceUnsupported) || !single) throw e;
      // The page carries no exceljs to rewrite an unusual package: the results go to a workbook of their own.
      placements = placeOutputs(result.outputs, []);
      bytes = splicedResult(emptyWorkbookPackage(), placements);
      separateWorkbook = true;
    }
    const name = single && !separateWorkbook ? `${baseName(single.name)}${RESULT_SUFFIX}` : `${result.report.year}年度${RESULT_SUFFIX}`;
    onProgress?.('write', 0.92);
    const json = textBytes([...jsonParts(result.report), '\n']);
    return {
      report: result.report,
      noLedgers: false,
      workbook: { name, bytes },
      json,
      renamed: placements.filter((p) => p.renamedBecauseTaken).map((p) => ({ from: p.output.name, to: p.target })),
      ...(separateWorkbook ? { separateWorkbook } : {}),
    };
  }

  /**
   * The header row and the row of a source sheet, the column and its neighbours. `file`
   * is '' for a single-file run (its report names no file).
   */
  preview(file: string, sheet: string, cell: string): RowPreview | null {
    const usable = this.usable();
    const held = file === '' ? (usable.length === 1 ? usable[0] : undefined) : usable.find((f) => f.name === file);
    const grid = held?.read.sheets.find((s) => s.name === sheet);
    const at = parseCell(cell);
    if (!held || !grid || !at) return null;
    const known = [...(this.lastReport?.sheets ?? []), ...(this.lastReport?.otherSheets ?? [])].find(
      (s) => (s.file ?? '') === file && s.sheet === sheet,
    );
    const headerRow = known?.headerRow ? known.headerRow - 1 : null;
    const width = Math.max(lastColumn(grid, at.row), headerRow === null ? -1 : lastColumn(grid, headerRow), at.col ?? 0);
    const centre = at.col ?? 0;
    const from = Math.max(0, Math.min(centre - PREVIEW_SPAN, width - 2 * PREVIEW_SPAN));
    const to = Math.min(width, from + 2 * PREVIEW_SPAN);
    const columns: RowPreview['columns'] = [];
    for (let c = from; c <= to; c++) {
      columns.push({
        letter: columnLetters(c),
        header: headerRow === null || headerRow === at.row ? '' : cellText(cellAt(grid, headerRow, c)),
        value: cellText(cellAt(grid, at.row, c)),
      });
    }
    return {
      file: held.name,
      sheet,
      row: at.row + 1,
      headerRow: headerRow === null ? null : headerRow + 1,
      columns,
      highlight: at.col === null ? null : columnLetters(at.col),
    };
  }
}
