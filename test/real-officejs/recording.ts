/**
 * Microsoft's own Excel client library (@microsoft/office-js, excel-web-16.00.debug.js) in a Node VM,
 * with a host transport that records each request body instead of sending it: the requests the add-in
 * would really send to Excel on the web, byte for byte as serialised by office.js. There is no Excel
 * behind it, so it answers only what a write needs (success, and an id for each loaded object); reads
 * are measured on the stand-in.
 */
import { readFileSync } from 'fs';
import path from 'path';
import vm from 'vm';

const LIBRARY = path.join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-web-16.00.debug.js');

interface OfficeJsRuntime {
  Excel: { run: <T>(options: { session: unknown }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  OfficeExtension: { SessionBase: new () => object };
}

let runtime: OfficeJsRuntime | undefined;

/** The library loaded once into a VM with the few browser globals it touches while loading. */
function load(): OfficeJsRuntime {
  if (runtime) return runtime;
  const noop = (): void => undefined;
  const element = () => ({ setAttribute: noop, appendChild: noop, style: {}, addEventListener: noop });
  const document = { getElementsByTagName: () => [], createElement: element, addEventListener: noop, readyState: 'complete', documentElement: element(), body: element(), cookie: '' };
  const window: Record<string, unknown> = {
    document,
    location: { href: 'https://localhost/', search: '', hash: '', protocol: 'https:', host: 'localhost', hostname: 'localhost' },
    navigator: { userAgent: 'node' },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    console: { log: noop, warn: noop, error: noop, info: noop },
    performance,
    Promise,
  };
  window.window = window;
  window.self = window;
  window.parent = window;
  window.top = window;
  const context = vm.createContext(window);
  vm.runInContext(readFileSync(LIBRARY, 'utf8'), context, { filename: 'excel-web-16.00.debug.js' });
  runtime = { Excel: context.Excel as OfficeJsRuntime['Excel'], OfficeExtension: context.OfficeExtension as OfficeJsRuntime['OfficeExtension'] };
  return runtime;
}

export interface Recorder {
  /** Excel.run of the real library (objects stay valid across the batch's syncs), over the recording transport. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** UTF-8 bytes of each request body sent, in order. */
  requestBytes: number[];
  /** Actions per request. */
  actions: number[];
}

interface RichApiAction {
  Id: number;
  ActionType: number;
  ObjectPathId: number;
}

interface RichApiBody {
  Actions?: RichApiAction[];
  ObjectPaths?: Record<string, { ObjectPathType: number; Name: string }>;
}

/** ActionTypes of the RichApi protocol: instantiate an object path, query (load). */
const INSTANTIATE = 1;
const QUERY = 2;
/** ObjectPathType of a method call, e.g. worksheets.add(): valid after the sync only with an id in the response. */
const METHOD = 3;

export function recorder(): Recorder {
  const { Excel: ExcelNs, OfficeExtension } = load();
  const requestBytes: number[] = [];
  const actions: number[] = [];
  let nextId = 1;
  const executor = {
    executeAsync(_customData: unknown, _flags: number, message: { Body: RichApiBody }) {
      const body = JSON.stringify(message.Body);
      requestBytes.push(Buffer.byteLength(body, 'utf8'));
      const list = message.Body.Actions ?? [];
      actions.push(list.length);
      // Excel answers a load with the object's properties, and the creation of a sheet with its id.
      const answered = (a: RichApiAction): boolean =>
        a.ActionType === QUERY || (a.ActionType === INSTANTIATE && message.Body.ObjectPaths?.[String(a.ObjectPathId)]?.ObjectPathType === METHOD && message.Body.ObjectPaths[String(a.ObjectPathId)]!.Name === 'Add');
      const results = list.filter(answered).map((a) => ({ ActionId: a.Id, Value: { Id: `{recorded-${nextId++}}` } }));
      return Promise.resolve({ ErrorCode: '', ErrorMessage: '', Headers: {}, Body: { Results: results } });
    },
  };
  const Session = class extends (OfficeExtension.SessionBase as new () => object) {
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: 'https://recorder.invalid/', headers: {} });
    }
    _createRequestExecutorOrNull() {
      return executor;
    }
  };
  return { run: (batch) => ExcelNs.run({ session: new Session() }, batch), requestBytes, actions };
}
