/**
 * The adapter's writes as the real office.js serialises them (Microsoft's client library in a VM with a
 * recording transport, see recording.ts), at the bench's city scale (LARGE_SAMPLE: 300 units, 15 000
 * persons): the largest request stays under 4 MB (Excel on the web refuses more than 5 MB), the
 * adapter's estimate stays close to the real size, and the stand-in's byte counts agree with both.
 */
import { generateSampleWorkbook, LARGE_SAMPLE } from '../../src/sample/generate';
import { readWorkbook as readWithExcelJs } from '../../src/adapters/exceljs';
import { appraise, type OutputSheet } from '../../src/engine';
import { writeOutputs } from '../../src/adapters/office/write';
import { createState, installExcelStandIn, uninstallExcelStandIn, putValues } from '../excel-standin';
import { recorder } from './recording';

jest.setTimeout(300_000);

const FOUR_MB = 4 * 1024 * 1024;
const APIS = { pageLayoutAndSpecialCells: true, mergedAreas: true };

let outputs: OutputSheet[] = [];
beforeAll(() => {
  outputs = appraise(readWithExcelJs(generateSampleWorkbook(LARGE_SAMPLE)), {}).outputs;
});
afterEach(() => uninstallExcelStandIn(globalThis));

describe('requests of the real office.js at city scale', () => {
  let real: { largest: number; total: number; requests: number; syncs: number; estimates: number[]; bytes: number[] };

  beforeAll(async () => {
    const rec = recorder();
    const written = await rec.run((context) => writeOutputs(context, outputs, [], { apis: APIS }));
    real = {
      largest: Math.max(...rec.requestBytes),
      total: rec.requestBytes.reduce((a, b) => a + b, 0),
      requests: rec.requestBytes.length,
      syncs: written.syncs,
      estimates: written.requestEstimates,
      bytes: rec.requestBytes,
    };
    // For the record (the bench prints the same figures).
    process.stdout.write(`real office.js write: ${real.syncs} syncs, ${real.requests} requests, largest ${real.largest} bytes, total ${real.total} bytes\n`);
  });

  test('the largest request is under 4 MB', () => {
    expect(outputs.reduce((n, o) => n + o.links.length, 0)).toBeGreaterThan(25_000);
    expect(real.total).toBeGreaterThan(5 * FOUR_MB);
    expect(real.largest).toBeLessThan(FOUR_MB);
  });

  test('the adapter never underestimates a request by more than 15 %, and overall within 15 %', () => {
    real.estimates.forEach((estimate, i) => {
      if (estimate < 100_000) return;
      expect({ request: i, under: real.bytes[i]! / estimate < 1.15 }).toEqual({ request: i, under: true });
    });
    const estimated = real.estimates.reduce((a, b) => a + b, 0);
    expect(real.total / estimated).toBeGreaterThan(0.85);
    expect(real.total / estimated).toBeLessThan(1.15);
  });

  test('the stand-in counts the same writes within 15 % of the real request sizes', async () => {
    const state = createState();
    putValues(state, '说明', [['本工作簿']]);
    installExcelStandIn(globalThis, state);
    await Excel.run((context) => writeOutputs(context, outputs, [], { apis: APIS }));
    const ratio = state.counters.largestRequestBytes / real.largest;
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
    const totalRatio = state.counters.totalRequestBytes / real.total;
    expect(totalRatio).toBeGreaterThan(0.85);
    expect(totalRatio).toBeLessThan(1.15);
  });
});
