/**
 * The web page's worker: reads, appraises and writes off the page's thread, so a city's workbook never
 * freezes the tab. Built on its own by esbuild into a string (scripts/build/inline-worker-loader.cjs) and
 * started from a blob: URL, which works from file:// as well as from a server.
 */
import { FilesSession } from '../adapters/files/session';
import { ADDIN_VERSION } from '../version';
import { handle, type Message, type Request } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; request: Request }>) => void) | null;
  postMessage(message: Message, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = new FilesSession({ version: ADDIN_VERSION });
// One request at a time, in order: a run never sees a half-added file.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, request } = event.data;
  queue = queue.then(() => handle(session, id, request, (m, transfer) => scope.postMessage(m, transfer ?? [])));
};
