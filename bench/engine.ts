/**
 * The engine alone on ~100 000 ledger rows built in memory (no exceljs): median of N appraise() runs,
 * with the parse / check / score / output split. Prints one JSON object on stdout.
 * Usage: tsx bench/engine.ts [runs=5] [scale=1]   (scale 0.25 gives ~25 000 rows, to show the time is linear)
 */
import { appraise } from '../src/engine';
import { ENGINE_100K, engineGrids, scaled } from './grids';
import { ENGINE_STAGES, median, round, StageClock } from './lib/stats';

const runs = Number(process.argv[2] ?? 5);
const scale = Number(process.argv[3] ?? 1);
const { grids, ledgerRows } = engineGrids(scaled(ENGINE_100K, scale));
const totals: number[] = [];
const cpus: number[] = [];
const stages: Record<string, number[]> = {};
let issues = 0;
for (let i = 0; i < runs; i++) {
  const clock = new StageClock();
  const t = performance.now();
  const c = process.cpuUsage();
  const result = appraise(grids, { onProgress: clock.onProgress });
  totals.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpus.push((used.user + used.system) / 1000);
  issues = result.report.issues.length;
  for (const [stage, ms] of Object.entries(clock.ms)) (stages[ENGINE_STAGES[stage] ?? stage] ??= []).push(ms);
}
const out = {
  ledgerRows,
  runs,
  issues,
  medianMs: round(median(totals)),
  allMs: totals.map((x) => round(x)),
  /** CPU time of the process during appraise() (includes GC threads): close to wall time on an idle machine. */
  cpuMedianMs: round(median(cpus)),
  stagesMedianMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(median(v))])),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
