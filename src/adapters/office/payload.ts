/**
 * Estimating how many bytes a queued Office.js request will carry, so writes can sync before Excel on
 * the web's 5 MB request limit: UTF-8 bytes of the arguments' JSON, a fixed overhead per queued action,
 * and the object paths office.js adds for each new proxy (calibrated against the real client library).
 */

/** Bytes per queued action for the object path and action envelope Office.js sends. */
export const ACTION_OVERHEAD_BYTES = 200;
/**
 * Bytes office.js adds for each new range (or format, font, fill) proxy an action goes through: its
 * object path entry, an instantiate action and the ids that keep it referenced. Calibrated with the real
 * client library (excel-web-16.00.debug.js from @microsoft/office-js, run with a recording transport,
 * test/real-officejs): a hyperlink on its own cell costs about 250 bytes more than its arguments and one
 * action envelope.
 */
export const PROXY_BYTES = 260;

/**
 * Sync well before Excel on the web's 5 MB request limit. With the per-proxy bytes above, the estimate
 * comes within about 10 % of what the real office.js sends (measured at city scale: 0.95–1.08 of the
 * real size per request); 3 MB keeps the largest real request near 3.3 MB, under the 4 MB the tests
 * allow, while a city workbook's results (about 45 MB of requests) still go in about twenty syncs.
 */
export const DEFAULT_REQUEST_BUDGET = 3_000_000;

export function utf8Length(text: string): number {
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

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Counts what has been queued since the last sync and syncs once the budget is reached. */
export class RequestBudget {
  private queued = 0;
  syncs = 0;
  /** The estimate of each request sent, in order (for calibration against the real office.js). */
  readonly estimates: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = DEFAULT_REQUEST_BUDGET,
    private readonly beforeEachBatch: () => void = () => undefined,
  ) {
    this.beforeEachBatch();
  }

  /** Room left before the next sync is due. */
  get remaining(): number {
    return this.limit - this.queued;
  }

  /** Record an action of `argBytes` argument bytes through `proxies` new proxies; sync first if it would not fit. */
  async charge(argBytes: number, proxies = 0): Promise<void> {
    const bytes = argBytes + ACTION_OVERHEAD_BYTES + proxies * PROXY_BYTES;
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.sync();
    this.queued += bytes;
  }

  async sync(): Promise<void> {
    this.estimates.push(this.queued);
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
    this.beforeEachBatch();
  }

  async flush(): Promise<void> {
    if (this.queued > 0) await this.sync();
  }
}
