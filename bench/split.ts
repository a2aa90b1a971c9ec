/**
 * Splits a benchmark workbook the way units send their ledgers in: one workbook per unit plus the
 * 机关党委's (src/sample/split-by-unit.ts), written into a folder for the many-files command-line run.
 * Usage: tsx bench/split.ts <workbook.xlsx> <folder>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { splitByUnit } from '../src/sample/split-by-unit';
import { readXlsx } from '../src/xlsx';
import { buildWorkbook, toBytes, type SheetSpec } from '../test/support/workbook-builder';

async function main(): Promise<void> {
  const [input, dir] = process.argv.slice(2);
  const t = performance.now();
  const files = splitByUnit(readXlsx(new Uint8Array(readFileSync(input!))).grids);
  mkdirSync(dir!, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir!, f.name), await toBytes(buildWorkbook(f.sheets as SheetSpec[])));
  process.stdout.write(`${JSON.stringify({ files: files.length, ms: Math.round(performance.now() - t) })}\n`);
}

void main();
