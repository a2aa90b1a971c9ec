/**
 * Helper of render-summary.sh: splits the generated sheets of a result workbook into one workbook each
 * (`<outdir>/<sheet>.xlsx`), so every sheet renders to its own PDF with its own print setup.
 * Prints the written paths, one a line.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { GENERATED_MARKER } from '../src/engine/output-model';

async function extract(input: string, outdir: string): Promise<void> {
  const names: string[] = [];
  const probe = new ExcelJS.Workbook();
  await probe.xlsx.readFile(input);
  for (const ws of probe.worksheets) {
    const a2 = ws.getCell('A2').value;
    if (typeof a2 === 'string' && a2.startsWith(GENERATED_MARKER)) names.push(ws.name);
  }
  for (const name of names) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    for (const ws of [...wb.worksheets]) if (ws.name !== name) wb.removeWorksheet(ws.id);
    const file = path.join(outdir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    process.stdout.write(`${file}\n`);
  }
}

const [input, outdir] = process.argv.slice(2);
if (!input || !outdir) {
  process.stderr.write('Usage: tsx scripts/render-extract.ts <result.xlsx> <outdir>\n');
  process.exitCode = 2;
} else {
  extract(input, outdir).catch((e: unknown) => {
    process.stderr.write(`错误：${String(e)} / Error: ${String(e)}\n`);
    process.exitCode = 1;
  });
}
