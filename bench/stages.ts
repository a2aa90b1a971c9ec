/**
 * The command line's pipeline, stage by stage, in one process on one workbook: exceljs load, grids,
 * the engine's parse / check / score / output, the result workbook's bytes (result sheets spliced into the
 * input's package) and the JSON report; then, for comparison, the exceljs whole-workbook rewrite that
 * remains the fallback for packages the splicer refuses. Prints one JSON object on stdout.
 * Usage: tsx bench/stages.ts <in.xlsx>
 */
import { promises as fs } from 'fs';
import { loadWorkbook } from '../src/adapters/exceljs/load';
import { readWorkbook } from '../src/adapters/exceljs/read';
import { resultFile } from '../src/adapters/exceljs/result-file';
import { writeOutputs } from '../src/adapters/exceljs/write';
import { appraise } from '../src/engine';
import { ENGINE_STAGES, round, StageClock } from './lib/stats';

async function main(file: string): Promise<void> {
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    ms[name] = round(now - t);
    t = now;
  };
  const bytes = await fs.readFile(file);
  const wb = await loadWorkbook(bytes);
  lap('exceljsLoad');
  const grids = readWorkbook(wb);
  lap('grids');
  const clock = new StageClock();
  const result = appraise(grids, { onProgress: clock.onProgress });
  lap('appraise');
  for (const [stage, v] of Object.entries(clock.ms)) ms[`engine.${ENGINE_STAGES[stage] ?? stage}`] = round(v);
  const written = await resultFile(bytes, wb, result.outputs);
  lap('resultWorkbook');
  const json = `${JSON.stringify(result.report, null, 2)}\n`;
  lap('jsonStringify');
  writeOutputs(wb, result.outputs);
  const rewritten = await wb.xlsx.writeBuffer();
  lap('fallbackRewrite');
  const rows = grids.sheets.reduce((n, s) => n + s.values.length, 0);
  const out = {
    file,
    inputBytes: bytes.length,
    resultBytes: written.data.byteLength,
    resultMethod: written.method,
    fallbackBytes: rewritten.byteLength,
    jsonBytes: Buffer.byteLength(json),
    sheetRows: rows,
    units: result.report.units.length,
    persons: result.report.persons.length,
    issues: result.report.issues.length,
    ms,
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main(process.argv[2] ?? '');
