/**
 * Writes the benchmark workbooks with the deterministic sample generator: full scale (LARGE_SAMPLE,
 * 300 units × 50 persons, 15 000 activity rows, 22 000 discipline rows, 1 500 tasks) and 1/10 of it.
 * Usage: tsx bench/generate.ts <file.xlsx> <scale>
 */
import { LARGE_SAMPLE, writeSampleWorkbook, type SampleOptions } from '../src/sample/generate';

export function scaled(scale: number): SampleOptions {
  const n = (x: number | undefined) => Math.max(1, Math.round((x ?? 0) * scale));
  return { ...LARGE_SAMPLE, units: n(LARGE_SAMPLE.units), activityRows: n(LARGE_SAMPLE.activityRows), disciplineRows: n(LARGE_SAMPLE.disciplineRows), taskRows: n(LARGE_SAMPLE.taskRows) };
}

if (require.main === module) {
  const [file, scale] = process.argv.slice(2);
  const t = performance.now();
  void writeSampleWorkbook(file ?? 'bench/out/large.xlsx', scaled(Number(scale ?? 1))).then(() =>
    process.stdout.write(`${JSON.stringify({ file, ms: Math.round(performance.now() - t) })}\n`),
  );
}
