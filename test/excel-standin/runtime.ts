/**
 * Proxy objects and the request context, modelled on the Excel JavaScript API's batching:
 * - methods and property setters only queue actions; nothing reaches the workbook before `context.sync()`;
 * - a property can be read only after `load(...)` and a sync, else PropertyNotLoaded is thrown;
 * - `*OrNullObject` results expose `isNullObject` after a sync; `getItem` of a missing sheet fails the sync
 *   with ItemNotFound;
 * - a request whose JSON exceeds the payload limit (5 MB in Excel on the web) fails with
 *   RequestPayloadSizeLimitExceeded, a response too large with ResponsePayloadSizeLimitExceeded;
 * - actions run in order and are not transactional: those before a failing one stay applied;
 * - APIs newer than the configured ExcelApi version fail the sync with ApiNotFound.
 */
import { StandInError, propertyNotLoaded, type StandInErrorCode } from './errors';
import { writeValue } from './input';
import {
  addSheetState,
  cellAddress,
  ensureCell,
  findSheet,
  getCell,
  intersects,
  liveSheets,
  parseAddress,
  rectAddress,
  sheetPrefix,
  usedRect,
  usedRectWithin,
  type CellState,
  type CellStyle,
  type Hyperlink,
  type Rect,
  type SheetState,
  type StandInState,
  type Visibility,
} from './state';

/** Bytes Office.js adds per action (ids, action type, object path) on top of the arguments. */
const ACTION_ENVELOPE_BYTES = 120;
/**
 * Extra bytes for an action that creates a proxy (getCell, getRange…): office.js sends its object path
 * and an instantiate action. Calibrated against the real client library (test/real-officejs): with it the
 * stand-in's request sizes for the adapter's writes come within 15 % of the real ones.
 */
const PROXY_PATH_BYTES = 160;
/** Wires of proxy-creating actions (see PROXY_PATH_BYTES). */
const PROXY_WIRES = new WeakSet<object>();
/** Cells one range read may get. */
const MAX_GET_CELLS = 5_000_000;
/** Style writes to whole columns or rows are clipped to this many rows/columns. */
const STYLE_CLIP = 200_000;

function utf8Bytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface ActionResult {
  response: unknown;
  deliver: () => void;
}

interface Action {
  /** What Office.js would send for this action; its JSON size counts toward the request limit. */
  wire: unknown;
  /** Minor ExcelApi version the action needs. */
  minApi: number;
  location: string;
  apply: () => ActionResult | void;
}

function parseLoad(props: unknown): string[] | undefined {
  if (props === undefined || props === null) return undefined;
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => String(p).split(',')).map((s) => s.trim()).filter(Boolean);
  if (typeof props === 'object') {
    const select = (props as { select?: unknown }).select;
    return parseLoad(select);
  }
  return undefined;
}

export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** @internal */
  _queue: Action[] = [];

  /** Excel.RunOptions.delayForCellEdit of the Excel.run that made this context. @internal */
  _delayForCellEdit = false;

  constructor(readonly _state: StandInState) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  /** @internal */
  _enqueue(action: Action): void {
    this._queue.push(action);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const state = this._state;
    // Cell edit mode: the batch fails, or with delayForCellEdit waits until the user leaves the cell.
    while (state.cellEditMode) {
      if (!this._delayForCellEdit) {
        this._queue = [];
        throw new StandInError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const queue = this._queue;
    this._queue = [];
    const c = state.counters;
    c.syncs++;
    c.actions += queue.length;
    c.actionsBySync.push(queue.length);
    let requestBytes = 0;
    for (const a of queue) requestBytes += ACTION_ENVELOPE_BYTES + utf8Bytes(a.wire) + (typeof a.wire === 'object' && a.wire !== null && PROXY_WIRES.has(a.wire) ? PROXY_PATH_BYTES : 0);
    c.totalRequestBytes += requestBytes;
    c.largestRequestBytes = Math.max(c.largestRequestBytes, requestBytes);
    if (requestBytes > state.requestLimitBytes) {
      throw new StandInError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit (${state.requestLimitBytes} bytes).`);
    }
    const deliveries: (() => void)[] = [];
    let responseBytes = 0;
    const fault = state.fault && state.fault.atSync === c.syncs ? state.fault : undefined;
    if (fault) state.fault = undefined;
    const failInjected = (): StandInError =>
      new StandInError((fault?.code ?? 'GeneralException') as StandInErrorCode, `Injected failure at sync ${c.syncs}.`, 'injected');
    for (const [i, action] of queue.entries()) {
      if (fault && i === (fault.afterActions ?? 0)) throw failInjected();
      if (action.minApi > state.excelApiVersion) {
        throw new StandInError('ApiNotFound', `The API you are trying to use could not be found (${action.location} needs ExcelApi 1.${action.minApi}).`, action.location);
      }
      let result: ActionResult | void;
      try {
        result = action.apply();
      } catch (e) {
        if (e instanceof StandInError && !e.debugInfo.errorLocation) {
          throw new StandInError(e.code, e.message, action.location);
        }
        throw e;
      }
      if (result) {
        responseBytes += utf8Bytes(result.response);
        deliveries.push(result.deliver);
      }
    }
    if (fault) throw failInjected();
    c.totalResponseBytes += responseBytes;
    c.largestResponseBytes = Math.max(c.largestResponseBytes, responseBytes);
    if (responseBytes > state.responseLimitBytes) {
      throw new StandInError('ResponsePayloadSizeLimitExceeded', `The response payload size (${responseBytes} bytes) has exceeded the limit (${state.responseLimitBytes} bytes).`);
    }
    for (const d of deliveries) d();
  }
}

export class ClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  /** @internal */
  _set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded('value', 'ClientResult.value');
    return this.v as T;
  }
}

abstract class ClientObject {
  /** @internal */
  readonly _loaded = new Map<string, unknown>();
  /** @internal */
  _isNull: boolean | undefined;

  constructor(readonly context: RequestContext, protected readonly _kind: string) {}

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw propertyNotLoaded(prop, `${this._kind}.${prop}`);
    return this._loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', `${this._kind}.isNullObject`);
    return this._isNull;
  }

  protected _queue(location: string, wire: unknown, apply: () => ActionResult | void, minApi = 1): void {
    this.context._enqueue({ wire, location: `${this._kind}.${location}`, apply, minApi });
  }

  /** Scalar properties a bare load() fetches. */
  protected abstract _defaultProps(): string[];
  /** Property values read from the workbook, at sync. Null objects return nothing. */
  protected abstract _snapshot(props: string[]): Record<string, unknown>;

  load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props) ?? this._defaultProps();
    this._queue('load', { load: names }, () => {
      const snap = this._snapshot(names);
      return {
        response: snap,
        deliver: () => {
          for (const [k, v] of Object.entries(snap)) this._loaded.set(k, v);
        },
      };
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Write guard shared by everything that changes cells or sheet settings. */
function assertWritable(sheet: SheetState): void {
  if (sheet.protected) {
    throw new StandInError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}). To make a change, unprotect the sheet.`);
  }
}

function assertStructureWritable(state: StandInState): void {
  if (state.workbookProtected) throw new StandInError('AccessDenied', 'The workbook structure is protected: sheets cannot be added, deleted, renamed or moved.');
}

export class Application extends ClientObject {
  constructor(context: RequestContext) {
    super(context, 'Application');
  }
  protected _defaultProps(): string[] {
    return ['calculationMode'];
  }
  protected _snapshot(props: string[]): Record<string, unknown> {
    return props.includes('calculationMode') ? { calculationMode: 'Automatic' } : {};
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue('suspendApiCalculationUntilNextSync', { method: 'suspendApiCalculationUntilNextSync' }, () => {
      this.context._state.counters.calculationSuspensions++;
    }, 6);
  }
}

export class WorkbookProtection extends ClientObject {
  constructor(context: RequestContext) {
    super(context, 'WorkbookProtection');
  }
  protected _defaultProps(): string[] {
    return ['protected'];
  }
  protected _snapshot(): Record<string, unknown> {
    return { protected: this.context._state.workbookProtected };
  }
  override load(props?: string | string[] | { select?: string }): this {
    // WorkbookProtection is ExcelApi 1.7.
    this._queue('require', {}, () => undefined, 7);
    return super.load(props);
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
  readonly protection: WorkbookProtection;
  constructor(context: RequestContext) {
    super(context, 'Workbook');
    this.worksheets = new WorksheetCollection(context);
    this.application = context.application ?? new Application(context);
    this.protection = new WorkbookProtection(context);
  }
  protected _defaultProps(): string[] {
    return ['name'];
  }
  protected _snapshot(): Record<string, unknown> {
    return { name: 'Book1.xlsx' };
  }
  get name(): string {
    return this._get('name');
  }
  getSelectedRange(): Range {
    const ws = this.worksheets.getActiveWorksheet();
    return new Range(this.context, ws, () => {
      const sel = this.context._state.selection;
      return (sel && parseAddress(sel.address)) || { top: 0, left: 0, bottom: 0, right: 0 };
    });
  }
}

export class WorksheetCollection extends ClientObject {
  constructor(context: RequestContext) {
    super(context, 'WorksheetCollection');
  }
  protected _defaultProps(): string[] {
    return ['items'];
  }
  protected _snapshot(): Record<string, unknown> {
    return {};
  }

  get items(): Worksheet[] {
    return this._get('items');
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props);
    // "items/name" and bare "name" both mean the items' properties.
    const itemProps = names?.map((n) => n.replace(/^items\/?/, '')).filter(Boolean);
    const wanted = itemProps && itemProps.length > 0 ? itemProps : undefined;
    this._queue('load', { load: names ?? ['items'] }, () => {
      const sheets = liveSheets(this.context._state);
      const snaps = sheets.map((s) => {
        const ws = Worksheet.bound(this.context, s);
        return { ws, snap: ws._snapshotOf(s, wanted ?? ws._defaults()) };
      });
      return {
        response: snaps.map((x) => x.snap),
        deliver: () => {
          for (const { ws, snap } of snaps) for (const [k, v] of Object.entries(snap)) ws._loaded.set(k, v);
          this._loaded.set('items', snaps.map((x) => x.ws));
        },
      };
    });
    return this;
  }

  getItem(key: string): Worksheet {
    const ws = new Worksheet(this.context, () => {
      const s = findSheet(this.context._state, key) ?? liveSheets(this.context._state).find((x) => x.id === key);
      if (!s) throw new StandInError('ItemNotFound', `The requested resource doesn't exist. (worksheet '${key}')`);
      return s;
    });
    ws._bindNow('getItem', { method: 'getItem', args: [key] });
    return ws;
  }

  getItemOrNullObject(key: string): Worksheet {
    const ws = new Worksheet(this.context, () => findSheet(this.context._state, key) ?? liveSheets(this.context._state).find((x) => x.id === key) ?? null, true);
    ws._bindNow('getItemOrNullObject', { method: 'getItemOrNullObject', args: [key] });
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    const ws = new Worksheet(this.context, () => {
      const st = this.context._state;
      const s = liveSheets(st).find((x) => x.id === st.activeSheetId);
      if (!s) throw new StandInError('ItemNotFound', 'There is no active worksheet.');
      return s;
    });
    ws._bindNow('getActiveWorksheet', { method: 'getActiveWorksheet' });
    return ws;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._queue('getCount', { method: 'getCount' }, () => {
      const n = liveSheets(this.context._state).length;
      return { response: n, deliver: () => result._set(n) };
    }, 4);
    return result;
  }

  add(name?: string): Worksheet {
    let created: SheetState | undefined;
    const ws = new Worksheet(this.context, () => {
      if (!created) throw new StandInError('InvalidReference', 'The worksheet was not created.');
      return created;
    });
    this._queue('add', { method: 'add', args: [name ?? null] }, () => {
      const st = this.context._state;
      assertStructureWritable(st);
      let finalName = name;
      if (finalName === undefined || finalName === '') {
        let n = liveSheets(st).length + 1;
        while (findSheet(st, `Sheet${n}`)) n++;
        finalName = `Sheet${n}`;
      }
      if (finalName.length > 31 || /[\\/?*[\]:]/.test(finalName) || /^'|'$/.test(finalName) || finalName.toLowerCase() === 'history') {
        throw new StandInError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name '${finalName}')`);
      }
      if (findSheet(st, finalName)) {
        throw new StandInError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (worksheet '${finalName}')`);
      }
      created = addSheetState(st, finalName);
    });
    ws._bindNow('add', { method: 'bind' });
    return ws;
  }
}

export class WorksheetProtection extends ClientObject {
  constructor(context: RequestContext, private readonly ws: Worksheet) {
    super(context, 'WorksheetProtection');
  }
  protected _defaultProps(): string[] {
    return ['protected'];
  }
  protected _snapshot(): Record<string, unknown> {
    const s = this.ws._sheet();
    return s ? { protected: s.protected } : {};
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(): void {
    this._queue('protect', { method: 'protect' }, () => {
      const s = this.ws._requireSheet();
      if (s.protected) throw new StandInError('InvalidOperation', 'The sheet is already protected.');
      s.protected = true;
    }, 2);
  }
  unprotect(): void {
    this._queue('unprotect', { method: 'unprotect' }, () => {
      this.ws._requireSheet().protected = false;
    }, 2);
  }
}

export class WorksheetFreezePanes {
  constructor(private readonly ws: Worksheet) {}
  private q(method: string, args: unknown[], f: (s: SheetState) => void): void {
    this.ws.context._enqueue({
      wire: { method, args },
      minApi: 7,
      location: `WorksheetFreezePanes.${method}`,
      apply: () => {
        const s = this.ws._requireSheet();
        assertWritable(s);
        f(s);
      },
    });
  }
  freezeRows(count = 1): void {
    this.q('freezeRows', [count], (s) => {
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.q('freezeColumns', [count], (s) => {
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this.q('unfreeze', [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

export class PageLayout extends ClientObject {
  constructor(context: RequestContext, private readonly ws: Worksheet) {
    super(context, 'PageLayout');
  }
  protected _defaultProps(): string[] {
    return ['orientation', 'paperSize', 'zoom'];
  }
  protected _snapshot(props: string[]): Record<string, unknown> {
    const s = this.ws._requireSheet();
    const all: Record<string, unknown> = { orientation: s.pageLayout.orientation, paperSize: s.pageLayout.paperSize, zoom: s.pageLayout.zoom };
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
  }
  override load(props?: string | string[] | { select?: string }): this {
    this._queue('require', {}, () => undefined, 9);
    return super.load(props);
  }
  private set(prop: string, value: unknown, f: (s: SheetState) => void): void {
    this._queue(prop, { set: prop, value }, () => {
      const s = this.ws._requireSheet();
      assertWritable(s);
      f(s);
    }, 9);
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') throw new StandInError('InvalidArgument', `Invalid orientation '${v}'.`);
    this.set('orientation', v, (s) => (s.pageLayout.orientation = v));
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v, (s) => (s.pageLayout.paperSize = v));
  }
  get zoom(): PageLayoutZoom {
    return this._get('zoom');
  }
  set zoom(v: PageLayoutZoom) {
    this.set('zoom', v, (s) => (s.pageLayout.zoom = { ...v }));
  }
  setPrintTitleRows(rows: Range | string): void {
    const text = typeof rows === 'string' ? rows : '';
    this.set('setPrintTitleRows', text, (s) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(text);
      if (!m) throw new StandInError('InvalidArgument', `Print title rows must be whole rows, e.g. "$1:$3" (got '${text}').`);
      s.pageLayout.printTitleRows = text;
    });
  }
}

interface PageLayoutZoom {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export class Worksheet extends ClientObject {
  private bound: SheetState | null | undefined;
  readonly protection: WorksheetProtection;
  readonly freezePanes: WorksheetFreezePanes;
  private layout: PageLayout | undefined;

  constructor(
    context: RequestContext,
    private readonly resolver: () => SheetState | null,
    private readonly nullable = false,
  ) {
    super(context, 'Worksheet');
    this.protection = new WorksheetProtection(context, this);
    this.freezePanes = new WorksheetFreezePanes(this);
  }

  /** A proxy already bound to a sheet (collection items). @internal */
  static bound(context: RequestContext, sheet: SheetState): Worksheet {
    const ws = new Worksheet(context, () => sheet);
    ws.bound = sheet;
    ws._isNull = false;
    return ws;
  }

  /** Queue the lookup that binds this proxy, as Office.js does when it instantiates the object path. @internal */
  _bindNow(location: string, wire: unknown): void {
    if (typeof wire === 'object' && wire !== null) PROXY_WIRES.add(wire);
    this._queue(location, wire, () => {
      const s = this._sheet();
      const isNull = s === null;
      return { response: { isNull }, deliver: () => (this._isNull = isNull) };
    });
  }

  /** The bound sheet, resolving it on first use (inside a sync). Null only for null objects. @internal */
  _sheet(): SheetState | null {
    if (this.bound === undefined) {
      const s = this.resolver();
      if (s === null && !this.nullable) throw new StandInError('ItemNotFound', "The requested resource doesn't exist.");
      this.bound = s;
    }
    if (this.bound && this.bound.deleted) throw new StandInError('InvalidReference', `This reference is not valid: the worksheet '${this.bound.name}' was deleted.`);
    return this.bound;
  }

  /** @internal */
  _requireSheet(): SheetState {
    const s = this._sheet();
    if (!s) throw new StandInError('InvalidReference', 'The object is a null object.');
    return s;
  }

  /** @internal */
  _defaults(): string[] {
    return this._defaultProps();
  }

  protected _defaultProps(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }

  /** @internal */
  _snapshotOf(s: SheetState, props: string[]): Record<string, unknown> {
    const position = liveSheets(this.context._state).indexOf(s);
    const all: Record<string, unknown> = { id: s.id, name: s.name, position, visibility: s.visibility };
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
  }

  protected _snapshot(props: string[]): Record<string, unknown> {
    const s = this._sheet();
    return s ? this._snapshotOf(s, props) : {};
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._queue('name', { set: 'name', value: v }, () => {
      const st = this.context._state;
      assertStructureWritable(st);
      const s = this._requireSheet();
      const other = findSheet(st, v);
      if (other && other !== s) throw new StandInError('ItemAlreadyExists', `A sheet named '${v}' already exists.`);
      s.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): Visibility {
    return this._get('visibility');
  }
  set visibility(v: Visibility) {
    this._queue('visibility', { set: 'visibility', value: v }, () => {
      assertStructureWritable(this.context._state);
      this._requireSheet().visibility = v;
    });
  }

  get pageLayout(): PageLayout {
    this.layout ??= new PageLayout(this.context, this);
    return this.layout;
  }

  activate(): void {
    this._queue('activate', { method: 'activate' }, () => {
      const s = this._requireSheet();
      if (s.visibility !== 'Visible') throw new StandInError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context._state.activeSheetId = s.id;
    });
  }

  delete(): void {
    this._queue('delete', { method: 'delete' }, () => {
      const st = this.context._state;
      assertStructureWritable(st);
      const s = this._requireSheet();
      // Microsoft's reference for Worksheet.delete(): "if the worksheet's visibility is set to
      // "VeryHidden", the delete operation will fail with an InvalidOperation exception. You should
      // first change its visibility to hidden or visible before deleting it." (@types/office-js)
      if (s.visibility === 'VeryHidden') {
        throw new StandInError('InvalidOperation', `The worksheet '${s.name}' is very hidden: make it hidden or visible before deleting it.`);
      }
      const visible = liveSheets(st).filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) {
        throw new StandInError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.deleted = true;
      if (st.activeSheetId === s.id) {
        st.activeSheetId = liveSheets(st).find((x) => x.visibility === 'Visible')?.id ?? null;
        st.selection = null;
      }
      if (st.selection?.sheet === s.name) st.selection = null;
    });
  }

  getRange(address?: string): Range {
    const range = new Range(this.context, this, () => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: 1048575, right: 16383 };
      const bang = address.lastIndexOf('!');
      const r = parseAddress(bang >= 0 ? address.slice(bang + 1) : address);
      if (!r) throw new StandInError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address '${address}')`);
      return r;
    });
    range._bindNow('getRange', { method: 'getRange', args: [address ?? null] });
    return range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const range = new Range(this.context, this, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > 1048576 || startColumn + columnCount > 16384) {
        throw new StandInError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (getRangeByIndexes)');
      }
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
    range._bindNow('getRangeByIndexes', { method: 'getRangeByIndexes', args: [startRow, startColumn, rowCount, columnCount] }, 7);
    return range;
  }

  getCell(row: number, column: number): Range {
    const range = new Range(this.context, this, () => ({ top: row, left: column, bottom: row, right: column }));
    range._bindNow('getCell', { method: 'getCell', args: [row, column] });
    return range;
  }

  /** Excel returns A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    const range = new Range(this.context, this, (s) => usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
    range._bindNow('getUsedRange', { method: 'getUsedRange', args: [valuesOnly] });
    return range;
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const range = new Range(this.context, this, (s) => usedRect(s, valuesOnly), true);
    range._bindNow('getUsedRangeOrNullObject', { method: 'getUsedRangeOrNullObject', args: [valuesOnly] }, 4);
    return range;
  }
}

function styleOf(cell: CellState): CellStyle {
  cell.style ??= {};
  return cell.style;
}

function forEachCell(sheet: SheetState, rect: Rect, f: (cell: CellState, row: number, col: number) => void): void {
  const bottom = Math.min(rect.bottom, rect.top + STYLE_CLIP - 1);
  const right = Math.min(rect.right, rect.left + 1000);
  for (let r = rect.top; r <= bottom; r++) for (let c = rect.left; c <= right; c++) f(ensureCell(sheet, r, c), r, c);
}

function mergeAt(sheet: SheetState, row: number, col: number): Rect | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export class RangeFont {
  constructor(private readonly range: Range) {}
  private q(prop: keyof CellStyle, value: unknown, f: (st: CellStyle) => void): void {
    this.range._write(`format.font.${prop}`, value, (sheet, rect) => forEachCell(sheet, rect, (cell) => f(styleOf(cell))));
  }
  set bold(v: boolean) {
    this.q('bold', v, (st) => (st.bold = v));
  }
  set color(v: string) {
    this.q('fontColor', v, (st) => (st.fontColor = v));
  }
  set size(v: number) {
    this.q('fontSize', v, (st) => (st.fontSize = v));
  }
  get bold(): boolean {
    return this.range._styleProp('bold') as boolean;
  }
  get color(): string {
    return this.range._styleProp('fontColor') as string;
  }
  get size(): number {
    return this.range._styleProp('fontSize') as number;
  }
}

export class RangeFill {
  constructor(private readonly range: Range) {}
  set color(v: string) {
    if (!/^#?[0-9A-Fa-f]{6}$/.test(v) && !/^[a-z]+$/i.test(v)) throw new StandInError('InvalidArgument', `Invalid color '${v}'.`);
    this.range._write('format.fill.color', v, (sheet, rect) => forEachCell(sheet, rect, (cell) => (styleOf(cell).fill = v.replace(/^#/, '').toUpperCase())));
  }
  get color(): string {
    return this.range._styleProp('fill') as string;
  }
  clear(): void {
    this.range._write('format.fill.clear', null, (sheet, rect) => forEachCell(sheet, rect, (cell) => delete styleOf(cell).fill));
  }
}

export class RangeFormat {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  constructor(private readonly range: Range) {
    this.font = new RangeFont(range);
    this.fill = new RangeFill(range);
  }
  set columnWidth(points: number) {
    this.range._write('format.columnWidth', points, (sheet, rect) => {
      for (let c = rect.left; c <= Math.min(rect.right, 16383); c++) sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    return this.range._styleProp('columnWidth') as number;
  }
  set horizontalAlignment(v: string) {
    this.range._write('format.horizontalAlignment', v, (sheet, rect) => forEachCell(sheet, rect, (cell) => (styleOf(cell).horizontalAlignment = v)));
  }
  get horizontalAlignment(): string {
    return this.range._styleProp('horizontalAlignment') as string;
  }
  set verticalAlignment(v: string) {
    this.range._write('format.verticalAlignment', v, (sheet, rect) => forEachCell(sheet, rect, (cell) => (styleOf(cell).verticalAlignment = v)));
  }
  set wrapText(v: boolean) {
    this.range._write('format.wrapText', v, (sheet, rect) => forEachCell(sheet, rect, (cell) => (styleOf(cell).wrapText = v)));
  }
  get wrapText(): boolean {
    return this.range._styleProp('wrapText') as boolean;
  }
  autofitColumns(): void {
    this.range._write('format.autofitColumns', null, () => undefined);
  }
}

/** RangeAreas (ExcelApi 1.9): several rectangles of one sheet. */
export class RangeAreas extends ClientObject {
  private bound: Rect[] | null | undefined;
  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
    private readonly resolver: (sheet: SheetState) => Rect[] | null,
    private readonly nullable: boolean,
  ) {
    super(context, 'RangeAreas');
  }
  /** @internal */
  _bindNow(location: string, wire: unknown, minApi: number): void {
    if (typeof wire === 'object' && wire !== null) PROXY_WIRES.add(wire);
    this._queue(location, wire, () => {
      const areas = this.areas();
      const isNull = areas === null;
      return { response: { isNull }, deliver: () => (this._isNull = isNull) };
    }, minApi);
  }
  private areas(): Rect[] | null {
    if (this.bound === undefined) {
      const a = this.resolver(this.ws._requireSheet());
      if (a === null && !this.nullable) throw new StandInError('ItemNotFound', 'No cells were found.');
      this.bound = a;
    }
    return this.bound;
  }
  protected _defaultProps(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected _snapshot(props: string[]): Record<string, unknown> {
    const areas = this.areas();
    if (!areas) return {};
    const prefix = sheetPrefix(this.ws._requireSheet().name);
    const all: Record<string, unknown> = {
      address: areas.map((a) => `${prefix}!${rectAddress(a)}`).join(','),
      areaCount: areas.length,
      cellCount: areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0),
    };
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}

/** Visible cells of `rect` as rectangles: runs of visible rows × runs of visible columns. */
function visibleAreas(sheet: SheetState, rect: Rect): Rect[] | null {
  const runs = (from: number, to: number, hidden: Set<number>): [number, number][] => {
    const out: [number, number][] = [];
    let start = -1;
    for (let i = from; i <= to + 1; i++) {
      const visible = i <= to && !hidden.has(i);
      if (visible && start < 0) start = i;
      if (!visible && start >= 0) {
        out.push([start, i - 1]);
        start = -1;
      }
    }
    return out;
  };
  const rows = runs(rect.top, rect.bottom, sheet.hiddenRows);
  const cols = runs(rect.left, rect.right, sheet.hiddenColumns);
  const areas: Rect[] = [];
  for (const [top, bottom] of rows) for (const [left, right] of cols) areas.push({ top, bottom, left, right });
  return areas.length > 0 ? areas : null;
}

export class Range extends ClientObject {
  private bound: Rect | null | undefined;
  readonly format: RangeFormat;

  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
    private readonly resolver: (sheet: SheetState) => Rect | null,
    private readonly nullable = false,
  ) {
    super(context, 'Range');
    this.format = new RangeFormat(this);
  }

  /** @internal */
  _bindNow(location: string, wire: unknown, minApi = 1): void {
    if (typeof wire === 'object' && wire !== null) PROXY_WIRES.add(wire);
    this._queue(location, wire, () => {
      const r = this._rect();
      const isNull = r === null;
      return { response: { isNull }, deliver: () => (this._isNull = isNull) };
    }, minApi);
  }

  /** @internal */
  _rect(): Rect | null {
    if (this.bound === undefined) {
      const sheet = this.ws._sheet();
      const r = sheet ? this.resolver(sheet) : null;
      if (r === null && !this.nullable) throw new StandInError('ItemNotFound', "The requested resource doesn't exist.");
      this.bound = r;
    }
    return this.bound;
  }

  private requireRect(): { sheet: SheetState; rect: Rect } {
    const rect = this._rect();
    if (!rect) throw new StandInError('InvalidReference', 'The range is a null object.');
    return { sheet: this.ws._requireSheet(), rect };
  }

  /** Queue a change to the cells; fails on a protected sheet. @internal */
  _write(prop: string, value: unknown, f: (sheet: SheetState, rect: Rect) => void, minApi = 1): void {
    this._queue(prop, { set: prop, value }, () => {
      const { sheet, rect } = this.requireRect();
      assertWritable(sheet);
      f(sheet, rect);
    }, minApi);
  }

  /** Format properties are loaded with load('format/...'); the stand-in keeps them simple. @internal */
  _styleProp(prop: string): unknown {
    return this._get(`format/${prop}`);
  }

  protected _defaultProps(): string[] {
    return ['address', 'values', 'valueTypes', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  }

  protected _snapshot(props: string[]): Record<string, unknown> {
    const rect = this._rect();
    if (!rect) return {};
    const sheet = this.ws._requireSheet();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = <T>(f: (cell: CellState | undefined, r: number, c: number) => T): T[][] => {
      // "A range is limited to five million cells for get operations" (Office Add-ins resource limits);
      // Excel's code for it is RangeExceedsLimit (Excel.ErrorCodes.rangeExceedsLimit).
      if (rows * cols > MAX_GET_CELLS) throw new StandInError('RangeExceedsLimit', `The cell count in the range (${rows * cols}) has exceeded the maximum supported number (${MAX_GET_CELLS}).`);
      const counters = this.context._state.counters;
      counters.largestReadCells = Math.max(counters.largestReadCells, rows * cols);
      const out: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(getCell(sheet, r, c), r, c));
        out.push(row);
      }
      return out;
    };
    const topLeft = getCell(sheet, rect.top, rect.left);
    const snap: Record<string, unknown> = {};
    for (const p of props) {
      switch (p) {
        case 'address':
        case 'addressLocal':
          snap[p] = `${sheetPrefix(sheet.name)}!${rectAddress(rect)}`;
          break;
        case 'values':
          snap[p] = grid((cell) => cell?.value ?? '');
          break;
        case 'valueTypes':
          snap[p] = grid((cell) => cell?.type ?? 'Empty');
          break;
        case 'formulas':
          snap[p] = grid((cell) => cell?.formula ?? cell?.value ?? '');
          break;
        case 'numberFormat':
          snap[p] = grid((cell) => cell?.numberFormat ?? 'General');
          break;
        case 'text':
          snap[p] = grid((cell) => (cell ? String(cell.value) : ''));
          break;
        case 'rowCount':
          snap[p] = rows;
          break;
        case 'columnCount':
          snap[p] = cols;
          break;
        case 'rowIndex':
          snap[p] = rect.top;
          break;
        case 'columnIndex':
          snap[p] = rect.left;
          break;
        case 'cellCount':
          snap[p] = rows * cols;
          break;
        case 'rowHidden': {
          let hidden = 0;
          for (let r = rect.top; r <= rect.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
          snap[p] = hidden === 0 ? false : hidden === rows ? true : null;
          break;
        }
        case 'columnHidden': {
          let hidden = 0;
          for (let c = rect.left; c <= rect.right; c++) if (sheet.hiddenColumns.has(c)) hidden++;
          snap[p] = hidden === 0 ? false : hidden === cols ? true : null;
          break;
        }
        case 'hyperlink':
          snap[p] = topLeft?.hyperlink ?? null;
          break;
        case 'format/columnWidth':
          snap[p] = sheet.columnWidths.get(rect.left) ?? 48;
          break;
        case 'format/bold':
        case 'format/font/bold':
          snap['format/bold'] = topLeft?.style?.bold ?? false;
          break;
        case 'format/fill':
        case 'format/fill/color':
          snap['format/fill'] = topLeft?.style?.fill ?? '#FFFFFF';
          break;
        case 'format/fontColor':
        case 'format/font/color':
          snap['format/fontColor'] = topLeft?.style?.fontColor ?? '#000000';
          break;
        case 'format/fontSize':
        case 'format/font/size':
          snap['format/fontSize'] = topLeft?.style?.fontSize ?? 11;
          break;
        case 'format/horizontalAlignment':
          snap[p] = topLeft?.style?.horizontalAlignment ?? 'General';
          break;
        case 'format/wrapText':
          snap[p] = topLeft?.style?.wrapText ?? false;
          break;
        default:
          break;
      }
    }
    return snap;
  }

  get address(): string {
    return this._get('address');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this.setGrid('values', v, (cell, x) => writeValue(cell, x));
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setGrid('formulas', v, (cell, x) => writeValue(cell, x));
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setGrid('numberFormat', v, (cell, x) => {
      if (x === null || x === undefined) return;
      cell.numberFormat = x === '' ? 'General' : String(x);
    });
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._write('rowHidden', v, (sheet, rect) => {
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    }, 2);
  }
  get columnHidden(): boolean {
    return this._get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this._write('columnHidden', v, (sheet, rect) => {
      for (let c = rect.left; c <= rect.right; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    }, 2);
  }
  get hyperlink(): Hyperlink | null {
    return this._get('hyperlink');
  }
  /** ExcelApi 1.7. The display text is literal text in the top-left cell, never a formula. */
  set hyperlink(v: Hyperlink) {
    this._write('hyperlink', v, (sheet, rect) => {
      if (v.documentReference !== undefined) {
        const ref = v.documentReference;
        const bang = ref.lastIndexOf('!');
        const sheetPart = bang >= 0 ? ref.slice(0, bang) : '';
        const quotedOk = /^'(?:[^']|'')+'$/.test(sheetPart) || /^[^'!\s]+$/.test(sheetPart) || sheetPart === '';
        if (!quotedOk || !parseAddress(bang >= 0 ? ref.slice(bang + 1) : ref)) {
          throw new StandInError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (documentReference '${ref}')`);
        }
      }
      forEachCell(sheet, rect, (cell) => (cell.hyperlink = { ...v }));
      if (v.textToDisplay !== undefined) {
        const cell = ensureCell(sheet, rect.top, rect.left);
        delete cell.formula;
        cell.value = v.textToDisplay;
        cell.type = v.textToDisplay === '' ? 'Empty' : 'String';
      }
    }, 7);
  }

  private setGrid(prop: string, v: unknown[][], f: (cell: CellState, x: unknown) => void): void {
    this._write(prop, v, (sheet, rect) => {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (!Array.isArray(v)) {
        // A single value is applied to every cell.
        forEachCell(sheet, rect, (cell) => f(cell, v));
        return;
      }
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new StandInError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${prop}: range ${rows}x${cols})`);
      }
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const r = rect.top + i;
          const c = rect.left + j;
          const m = mergeAt(sheet, r, c);
          // Non-first cells of a merged area stay empty.
          if (prop === 'values' && m && (m.top !== r || m.left !== c)) return;
          f(ensureCell(sheet, r, c), x);
        }),
      );
    });
  }

  merge(across = false): void {
    this._write('merge', across, (sheet, rect) => {
      const parts: Rect[] = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const part of parts) {
        if (part.top === part.bottom && part.left === part.right) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, part));
        sheet.merges.push(part);
        // Excel keeps the upper-left value only.
        for (let r = part.top; r <= part.bottom; r++) {
          for (let c = part.left; c <= part.right; c++) {
            if (r === part.top && c === part.left) continue;
            const cell = getCell(sheet, r, c);
            if (cell) {
              cell.value = '';
              cell.type = 'Empty';
              delete cell.formula;
            }
          }
        }
      }
    });
  }

  unmerge(): void {
    this._write('unmerge', null, (sheet, rect) => {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  clear(): void {
    this._write('clear', null, (sheet, rect) => {
      for (let r = rect.top; r <= Math.min(rect.bottom, sheet.rows.length - 1); r++) {
        const row = sheet.rows[r];
        if (!row) continue;
        for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++) row[c] = undefined;
      }
    });
  }

  select(): void {
    this._queue('select', { method: 'select' }, () => {
      const { sheet, rect } = this.requireRect();
      const st = this.context._state;
      if (st.activeSheetId !== sheet.id) {
        if (sheet.visibility !== 'Visible') throw new StandInError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
        st.activeSheetId = sheet.id;
      }
      st.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  getCell(row: number, column: number): Range {
    const range = new Range(this.context, this.ws, () => {
      const { rect } = this.requireRect();
      return { top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column };
    });
    range._bindNow('getCell', { method: 'getCell', args: [row, column] });
    return range;
  }

  getRow(row: number): Range {
    const range = new Range(this.context, this.ws, () => {
      const { rect } = this.requireRect();
      return { ...rect, top: rect.top + row, bottom: rect.top + row };
    });
    range._bindNow('getRow', { method: 'getRow', args: [row] });
    return range;
  }

  getColumn(column: number): Range {
    const range = new Range(this.context, this.ws, () => {
      const { rect } = this.requireRect();
      return { ...rect, left: rect.left + column, right: rect.left + column };
    });
    range._bindNow('getColumn', { method: 'getColumn', args: [column] });
    return range;
  }

  /** ExcelApi 1.4: the used part of this range (cells with values only, when asked), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const range = new Range(this.context, this.ws, (sheet) => {
      const { rect } = this.requireRect();
      const used = usedRectWithin(sheet, rect, valuesOnly);
      return used;
    }, true);
    range._bindNow('getUsedRangeOrNullObject', { method: 'getUsedRangeOrNullObject', args: [valuesOnly] }, 4);
    return range;
  }

  /** ExcelApi 1.13: the merged areas intersecting this range, or a null object. */
  getMergedAreasOrNullObject(): RangeAreas {
    const areas = new RangeAreas(this.context, this.ws, (sheet) => {
      const { rect } = this.requireRect();
      const found = sheet.merges.filter((m) => intersects(m, rect));
      // "if the merged areas count in this range is more than 512, then this method will fail to return
      // the result" (@types/office-js, Excel.Range.getMergedAreasOrNullObject). The code is not documented.
      if (found.length > 512) throw new StandInError('GeneralException', `The range has ${found.length} merged areas; at most 512 can be returned.`);
      return found.length > 0 ? found : null;
    }, true);
    areas._bindNow('getMergedAreasOrNullObject', { method: 'getMergedAreasOrNullObject' }, 13);
    return areas;
  }

  /** ExcelApi 1.9. Only the "Visible" cell type is modelled. */
  getSpecialCellsOrNullObject(cellType: string): RangeAreas {
    const areas = new RangeAreas(this.context, this.ws, (sheet) => {
      if (cellType !== 'Visible') throw new StandInError('InvalidArgument', `The stand-in models getSpecialCells('Visible') only (got '${cellType}').`);
      return visibleAreas(sheet, this.requireRect().rect);
    }, true);
    areas._bindNow('getSpecialCellsOrNullObject', { method: 'getSpecialCellsOrNullObject', args: [cellType] }, 9);
    return areas;
  }

  getSpecialCells(cellType: string): RangeAreas {
    const areas = new RangeAreas(this.context, this.ws, (sheet) => {
      if (cellType !== 'Visible') throw new StandInError('InvalidArgument', `The stand-in models getSpecialCells('Visible') only (got '${cellType}').`);
      return visibleAreas(sheet, this.requireRect().rect);
    }, false);
    areas._bindNow('getSpecialCells', { method: 'getSpecialCells', args: [cellType] }, 9);
    return areas;
  }
}

/** The address of a cell for error messages and selections. */
export { cellAddress };
