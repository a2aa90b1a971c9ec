/** Small helpers shared by the benchmark scripts. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Stage durations (ms) from the engine's onProgress callbacks: read → check → score → output → done. */
export class StageClock {
  private last = performance.now();
  private lastStage: string | undefined;
  readonly ms: Record<string, number> = {};
  readonly onProgress = (stage: string): void => {
    const now = performance.now();
    if (this.lastStage !== undefined) this.ms[this.lastStage] = (this.ms[this.lastStage] ?? 0) + now - this.last;
    this.lastStage = stage;
    this.last = now;
  };
}

/** Engine stage names as reported: what happens between two progress callbacks. */
export const ENGINE_STAGES: Record<string, string> = { read: 'parse', check: 'check', score: 'score', output: 'output' };
