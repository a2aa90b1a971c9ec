/**
 * The command line's pipeline, stage by stage, in one process on one workbook: exceljs load, grids,
 * the engine's parse / check / score / output, rendering the output sheets, writing the workbook
 * buffer and the JSON report. Prints one JSON object on stdout.
 * Usage: tsx bench/stages.ts <in.xlsx>
 */
import { promises as fs } from 'fs';
import { loadWorkbook } from '../src/adapters/exceljs/load';
import { readWorkbook } from '../src/adapters/exceljs/read';
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
  writeOutputs(wb, result.outputs);
  lap('renderOutputSheets');
  const buffer = await wb.xlsx.writeBuffer();
  lap('exceljsWriteBuffer');
  const json = `${JSON.stringify(result.report, null, 2)}\n`;
  lap('jsonStringify');
  const rows = grids.sheets.reduce((n, s) => n + s.values.length, 0);
  const out = {
    file,
    inputBytes: bytes.length,
    resultBytes: buffer.byteLength,
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
