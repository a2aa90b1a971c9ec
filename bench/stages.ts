/**
 * The command line's pipeline, stage by stage, in one process on one workbook: our reader (src/xlsx, grids
 * included), the engine's parse / check / score / output, the result workbook's bytes (result sheets
 * spliced into the input's package) and the JSON report; then, for comparison, exceljs's read of the same
 * input (the reader before src/xlsx) and the exceljs whole-workbook rewrite that remains the fallback for
 * packages the splicer refuses. Prints one JSON object on stdout.
 * Usage: tsx bench/stages.ts <in.xlsx>
 */
import { promises as fs } from 'fs';
import { existingSheetsOf, resultFile } from '../src/adapters/exceljs/result-file';
import { appraise } from '../src/engine';
import { readXlsx } from '../src/xlsx';
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
  t = performance.now();
  const { grids } = readXlsx(bytes);
  lap('read');
  const clock = new StageClock();
  const result = appraise(grids, { onProgress: clock.onProgress });
  lap('appraise');
  for (const [stage, v] of Object.entries(clock.ms)) ms[`engine.${ENGINE_STAGES[stage] ?? stage}`] = round(v);
  const written = await resultFile(bytes, existingSheetsOf(grids), result.outputs);
  lap('resultWorkbook');
  const json = `${JSON.stringify(result.report, null, 2)}\n`;
  lap('jsonStringify');
  const readPeakRssMB = round(process.resourceUsage().maxRSS / 1024);

  // Comparison only: exceljs, loaded here so that its module loading is not timed as reading.
  const [{ loadWorkbook }, { readWorkbook }, { writeOutputs }] = await Promise.all([
    import('../src/adapters/exceljs/load'),
    import('../src/adapters/exceljs/read'),
    import('../src/adapters/exceljs/write'),
  ]);
  t = performance.now();
  const wb = await loadWorkbook(bytes);
  readWorkbook(wb);
  lap('comparison.exceljsRead');
  writeOutputs(wb, result.outputs);
  const rewritten = await wb.xlsx.writeBuffer();
  lap('comparison.fallbackRewrite');
  const rows = grids.sheets.reduce((n, s) => n + s.values.filter((r) => r !== undefined).length, 0);
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
    /** Peak RSS before the exceljs comparison ran. */
    peakRssMB: readPeakRssMB,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main(process.argv[2] ?? '');
