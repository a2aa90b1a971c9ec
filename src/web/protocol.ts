/**
 * The messages between the web page and its worker. The same handler serves a real Web Worker and, where
 * a browser refuses to start one, the page itself (in-process), so both paths run the same code.
 */
import type { FileSummary, FilesSession, RowPreview, RunOutcome } from '../adapters/files/session';

/** A file as the page hands it over: a File (cheap to pass to a worker) or bytes already read. */
export interface FileInput {
  name: string;
  file?: Blob;
  bytes?: Uint8Array;
}

export type Request =
  | { type: 'add'; files: FileInput[] }
  | { type: 'remove'; name: string }
  | { type: 'run'; year?: number }
  | { type: 'preview'; file: string; sheet: string; cell: string };

/**
 * A run's outcome as the page gets it: the result workbook and the report's JSON as Blobs, made in the
 * worker. Made on the page, copying 28 MB into them was a 120 ms task of its own.
 */
export interface PageOutcome extends Omit<RunOutcome, 'workbook' | 'json'> {
  workbook?: { name: string; blob: Blob };
  json?: Blob;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Replies {
  add: FileSummary[];
  remove: FileSummary[];
  run: PageOutcome;
  preview: RowPreview | null;
}

/** The report's long lists, sent ahead of the rest in slices (see REPORT_SLICES). */
export type ReportList = 'issues' | 'persons' | 'units';

export type Message =
  | { id: number; kind: 'progress'; stage: string; fraction: number }
  | { id: number; kind: 'part'; list: ReportList; items: unknown[] }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; message: string };

export type Post = (message: Message, transfer?: Transferable[]) => void;

/** Progress is posted when the stage changes or it moves by a percent: enough for a smooth bar, few messages. */
function progressPoster(id: number, post: Post): (stage: string, fraction: number) => void {
  let lastStage = '';
  let last = -1;
  return (stage, fraction) => {
    if (stage === lastStage && fraction - last < 0.01 && fraction < 1) return;
    lastStage = stage;
    last = fraction;
    post({ id, kind: 'progress', stage, fraction });
  };
}

/**
 * A city's report is 23 MB as JSON (15 000 persons, 12 000 issues, 300 units' explanations). Posted as one
 * object, the page would spend a quarter of a second unpacking it in one task and the tab would stall;
 * in slices of about 0.3 MB each, every message is unpacked in a few milliseconds.
 */
const REPORT_SLICES: Record<ReportList, number> = { issues: 1000, persons: 1000, units: 20 };

function postOutcome(id: number, outcome: RunOutcome, post: Post): void {
  const { report, workbook, json, ...rest } = outcome;
  const lists = { issues: report.issues, persons: report.persons, units: report.units } as Record<ReportList, unknown[]>;
  for (const list of Object.keys(REPORT_SLICES) as ReportList[]) {
    const items = lists[list];
    for (let at = 0; at < items.length; at += REPORT_SLICES[list]) post({ id, kind: 'part', list, items: items.slice(at, at + REPORT_SLICES[list]) });
  }
  const value: PageOutcome = {
    ...rest,
    report: { ...report, issues: [], persons: [], units: [] },
    ...(workbook ? { workbook: { name: workbook.name, blob: new Blob([workbook.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }) } } : {}),
    ...(json ? { json: new Blob([json as Uint8Array<ArrayBuffer>], { type: 'application/json' }) } : {}),
  };
  post({ id, kind: 'done', value });
}

/** The page's side of postOutcome: the slices put back into the report. */
export function assembleOutcome(value: PageOutcome, parts: Partial<Record<ReportList, unknown[][]>>): PageOutcome {
  const report = { ...value.report };
  for (const list of Object.keys(REPORT_SLICES) as ReportList[]) {
    const slices = parts[list];
    if (slices) (report as Record<ReportList, unknown[]>)[list] = ([] as unknown[]).concat(...slices);
  }
  return { ...value, report };
}

async function bytesOf(input: FileInput): Promise<Uint8Array> {
  if (input.bytes) return input.bytes;
  if (!input.file) return new Uint8Array(0);
  return new Uint8Array(await input.file.arrayBuffer());
}

export async function handle(session: FilesSession, id: number, request: Request, post: Post): Promise<void> {
  const progress = progressPoster(id, post);
  try {
    switch (request.type) {
      case 'add': {
        const files = [];
        for (const f of request.files) files.push({ name: f.name, bytes: await bytesOf(f) });
        post({ id, kind: 'done', value: session.add(files, progress) });
        return;
      }
      case 'remove':
        post({ id, kind: 'done', value: session.remove(request.name) });
        return;
      case 'run': {
        postOutcome(id, session.run(request.year, progress), post);
        return;
      }
      case 'preview':
        post({ id, kind: 'done', value: session.preview(request.file, request.sheet, request.cell) });
        return;
    }
  } catch (e) {
    post({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
