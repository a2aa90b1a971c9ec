/**
 * The I/O floor of the command line, in a fresh plain-node process: exceljs readFile of the input plus
 * writeFile of the command line's own result workbook (loaded first, untimed). Nothing else.
 * Usage: node bench/floor.mjs <in.xlsx> <result.xlsx> <copy.xlsx>
 */
import ExcelJS from 'exceljs';

const [input, result, copy] = process.argv.slice(2);
let t = performance.now();
const a = new ExcelJS.Workbook();
await a.xlsx.readFile(input);
const readMs = performance.now() - t;
const b = new ExcelJS.Workbook();
await b.xlsx.readFile(result);
t = performance.now();
await b.xlsx.writeFile(copy);
const writeMs = performance.now() - t;
process.stdout.write(`${JSON.stringify({ readMs: Math.round(readMs), writeMs: Math.round(writeMs), floorMs: Math.round(readMs + writeMs) })}\n`);
