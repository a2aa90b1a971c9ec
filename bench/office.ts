/**
 * The Office.js path on the Excel stand-in: syncs and request / response bytes to read a workbook and
 * to write the three output sheets. Prints one JSON object on stdout.
 * Usage: tsx bench/office.ts <in.xlsx>
 */
import { promises as fs } from 'fs';
import { existingSheets, readWorkbook, writeOutputs } from '../src/adapters/office';
import { appraise } from '../src/engine';
import { installExcelStandIn, loadXlsxBuffer, resetCounters, type Counters } from '../test/excel-standin';
import { recorder } from '../test/real-officejs/recording';
import { round } from './lib/stats';

function summary(c: Counters) {
  return {
    syncs: c.syncs,
    actions: c.actions,
    largestRequestBytes: c.largestRequestBytes,
    totalRequestBytes: c.totalRequestBytes,
    largestResponseBytes: c.largestResponseBytes,
    totalResponseBytes: c.totalResponseBytes,
  };
}

async function main(file: string): Promise<void> {
  const state = await loadXlsxBuffer(await fs.readFile(file));
  installExcelStandIn(globalThis, state);
  const out = await Excel.run(async (context) => {
    resetCounters(state);
    let t = performance.now();
    const read = await readWorkbook(context);
    const readMs = performance.now() - t;
    const readCounters = summary(state.counters);
    const result = appraise(read.grids);
    resetCounters(state);
    t = performance.now();
    const written = await writeOutputs(context, result.outputs, existingSheets(read));
    await context.sync();
    const writeMs = performance.now() - t;
    const writeCounters = summary(state.counters);
    const sheetRows = read.grids.sheets.reduce((n, s) => n + s.values.length, 0);
    const outputRows = result.outputs.reduce((n, o) => n + o.rows.length, 0);
    return {
      sheetRows,
      outputRows,
      read: { ...readCounters, ms: round(readMs) },
      write: { ...writeCounters, ms: round(writeMs), adapterSyncs: written.syncs },
    };
  });
  // The same write through Microsoft's real office.js client (requests recorded, not sent): the real sizes.
  const state2 = await loadXlsxBuffer(await fs.readFile(file));
  installExcelStandIn(globalThis, state2);
  const outputs = await Excel.run(async (context) => appraise((await readWorkbook(context)).grids).outputs);
  const rec = recorder();
  const realWritten = await rec.run((context) => writeOutputs(context, outputs, [], { apis: { pageLayoutAndSpecialCells: true, mergedAreas: true } }));
  const realWrite = {
    syncs: realWritten.syncs,
    requests: rec.requestBytes.length,
    largestRequestBytes: Math.max(...rec.requestBytes),
    totalRequestBytes: rec.requestBytes.reduce((a, b) => a + b, 0),
  };
  process.stdout.write(`${JSON.stringify({ ...out, realWrite })}\n`);
}

void main(process.argv[2] ?? '');
