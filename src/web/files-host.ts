/**
 * The page's side of the worker: each call is one request, answered with its progress and its value.
 * If the browser will not start the worker (an old policy, a blocked blob: URL), the same requests are
 * handled on the page itself: slower to the eye on big files, but the clerk still gets her result.
 */
import type { FilesSession, FileSummary, RowPreview } from '../adapters/files/session';
import { ADDIN_VERSION } from '../version';
import { assembleOutcome, type FileInput, type Message, type PageOutcome, type Replies, type ReportList, type Request } from './protocol';

/** Files sent to the worker in one message. */
const ADD_BATCH = 20;

/** The progress of the batch starting at file `from` of `total`, as a share of the whole. */
function share(onProgress: OnProgress | undefined, from: number, total: number): OnProgress | undefined {
  if (!onProgress) return undefined;
  const size = Math.min(ADD_BATCH, total - from);
  return (stage, fraction) => onProgress(stage, total === 0 ? fraction : (from + fraction * size) / total);
}

const WORKER_LOST = '后台处理意外中止（可能是文件过大、内存不足），已读取的文件已丢失。请刷新页面后重新选择文件。';

export type OnProgress = (stage: string, fraction: number) => void;

export interface FilesHost {
  add(files: FileInput[], onProgress?: OnProgress): Promise<FileSummary[]>;
  remove(name: string): Promise<FileSummary[]>;
  run(year: number | undefined, onProgress?: OnProgress): Promise<PageOutcome>;
  preview(file: string, sheet: string, cell: string): Promise<RowPreview | null>;
  /** Where the work runs: 'worker', or 'page' when the browser refused the worker. */
  where(): 'worker' | 'page';
}

interface Pending {
  request: Request;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: OnProgress;
  /** Slices of a run's report, in order, until its 'done'. */
  parts?: Partial<Record<ReportList, unknown[][]>>;
}

export function createFilesHost(workerSource: string | null): FilesHost {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let heard = false;
  // The worker died after it had started (out of memory on a huge file): the files it held are gone with it.
  let lost: string | null = null;
  let local: Promise<{ session: FilesSession; handle: typeof import('./protocol').handle }> | null = null;
  let localQueue: Promise<void> = Promise.resolve();

  const deliver = (m: Message): void => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.onProgress?.(m.stage, m.fraction);
    else if (m.kind === 'part') {
      p.parts ??= {};
      (p.parts[m.list] ??= []).push(m.items);
    } else {
      pending.delete(m.id);
      if (m.kind === 'done') p.resolve(p.request.type === 'run' ? assembleOutcome(m.value as PageOutcome, p.parts ?? {}) : m.value);
      else p.reject(new Error(m.message));
    }
  };

  /**
   * The engine, reader and writer on the page itself, loaded only when needed: with the worker they stay
   * out of the page's own scripts, which start faster.
   */
  const runLocally = (id: number, request: Request): void => {
    if (!local) {
      local = Promise.all([import('../adapters/files/session'), import('./protocol')]).then(([session, protocol]) => ({
        session: new session.FilesSession({ version: ADDIN_VERSION }),
        handle: protocol.handle,
      }));
    }
    const loaded = local;
    localQueue = localQueue.then(async () => {
      const { session, handle } = await loaded;
      await handle(session, id, request, deliver);
    });
  };

  /**
   * The worker starts with the first request, not with the page: making its blob and starting it stay
   * out of the page's start-up task (12 loads after this change: longest start-up task 97–187 ms).
   */
  let started = false;
  const startWorker = (): void => {
    if (started || workerSource === null || typeof Worker === 'undefined') return;
    started = true;
    try {
      const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
      worker = new Worker(url);
      worker.onmessage = (event: MessageEvent<Message>) => {
        heard = true;
        deliver(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const broken = worker;
        worker = null;
        broken?.terminate();
        if (!heard) {
          // It never started: do the waiting requests here instead.
          for (const [id, p] of pending) runLocally(id, p.request);
        } else {
          lost = WORKER_LOST;
          for (const [id, p] of pending) {
            pending.delete(id);
            p.reject(new Error(`${WORKER_LOST}${event.message ? `（${event.message}）` : ''}`));
          }
        }
      };
    } catch {
      worker = null;
    }
  };

  function call<K extends Request['type']>(request: Extract<Request, { type: K }>, onProgress?: OnProgress): Promise<Replies[K]> {
    const id = nextId++;
    return new Promise<Replies[K]>((resolve, reject) => {
      // A fresh session on the page would not know the files: say so rather than appraise nothing.
      if (lost !== null) return reject(new Error(lost));
      startWorker();
      pending.set(id, { request, resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      if (worker) worker.postMessage({ id, request });
      else runLocally(id, request);
    });
  }

  return {
    async add(files, onProgress) {
      // A few files a message: 300 File handles cloned into one message were one task of 160 ms on the page.
      let summaries = await call({ type: 'add', files: files.slice(0, ADD_BATCH) }, share(onProgress, 0, files.length));
      for (let i = ADD_BATCH; i < files.length; i += ADD_BATCH) {
        summaries = await call({ type: 'add', files: files.slice(i, i + ADD_BATCH) }, share(onProgress, i, files.length));
      }
      return summaries;
    },
    remove: (name) => call({ type: 'remove', name }),
    run: (year, onProgress) => call(year === undefined ? { type: 'run' } : { type: 'run', year }, onProgress),
    preview: (file, sheet, cell) => call({ type: 'preview', file, sheet, cell }),
    where: () => (workerSource === null || typeof Worker === 'undefined' ? 'page' : worker || !started ? 'worker' : 'page'),
  };
}
