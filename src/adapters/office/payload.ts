/**
 * Estimating how many bytes a queued Office.js request will carry, so writes can sync before Excel on
 * the web's 5 MB request limit. The estimate is deliberately generous (UTF-8 bytes of the JSON plus a
 * fixed overhead per queued action).
 */

/** Bytes per queued action for the object path and action envelope Office.js sends. */
export const ACTION_OVERHEAD_BYTES = 200;

/**
 * Sync well before the 5 MB limit: the estimate is an estimate (on the Excel stand-in the largest
 * request comes out about a third above it). Half the limit keeps that margin while a city workbook's
 * results (about 18 MB of values, formats and links) still go in a handful of syncs.
 */
export const DEFAULT_REQUEST_BUDGET = 2_500_000;

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

  /** Record an action of `argBytes` argument bytes; sync first if it would not fit. */
  async charge(argBytes: number): Promise<void> {
    const bytes = argBytes + ACTION_OVERHEAD_BYTES;
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.sync();
    this.queued += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
    this.beforeEachBatch();
  }

  async flush(): Promise<void> {
    if (this.queued > 0) await this.sync();
  }
}
