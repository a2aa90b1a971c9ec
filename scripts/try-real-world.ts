/**
 * Tries the .xlsx reader (src/xlsx) on real files outside the repository, e.g. the shared collection of
 * other producers' workbooks and real ledgers. Prints one line per file: ok or the failure kind, the sheets,
 * the number of non-empty cells, and how long readXlsx took. With --appraise it also runs the command line
 * on each file (`npm run --silent appraise -- FILE --out /tmp/...`) and prints its exit code and first line.
 * Nothing is copied into the repository.
 *
 *   npx tsx scripts/try-real-world.ts [--appraise] [dir-or-file ...]
 *   (default: ../shared/real-world/producers ../shared/real-world/ledgers)
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readXlsx, XlsxReadError } from '../src/xlsx';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const appraise = args.includes('--appraise');
const inputs = args.filter((a) => a !== '--appraise');
const dirs = inputs.length ? inputs : ['../shared/real-world/producers', '../shared/real-world/ledgers'].map((d) => path.resolve(root, d));

function filesOf(p: string): string[] {
  if (!fs.existsSync(p)) {
    console.log(`${p}: not found`);
    return [];
  }
  if (fs.statSync(p).isFile()) return [p];
  return fs
    .readdirSync(p)
    .filter((f) => /\.xlsx$/i.test(f))
    .sort()
    .map((f) => path.join(p, f));
}

function nonEmptyCells(grids: ReturnType<typeof readXlsx>['grids']): number {
  let n = 0;
  for (const sheet of grids.sheets) for (const row of sheet.values) for (const v of row ?? []) if (v !== null && v !== undefined && v !== '') n++;
  return n;
}

function shortList(names: string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} …(+${names.length - max})`;
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'try-real-world-'));
let ok = 0;
let failed = 0;
for (const file of dirs.flatMap(filesOf)) {
  const name = path.relative(process.cwd(), file);
  const data = new Uint8Array(fs.readFileSync(file));
  const t0 = performance.now();
  let line: string;
  try {
    const wb = readXlsx(data);
    const ms = performance.now() - t0;
    const sheets = wb.grids.sheets.map((s) => (s.hidden ? `${s.name} (hidden)` : s.name));
    line = `ok  ${name}  ${ms.toFixed(1)} ms  ${nonEmptyCells(wb.grids)} cells  ${wb.date1904 ? 'date1904  ' : ''}app=${wb.application ?? '-'}  sheets: ${shortList(sheets)}`;
    ok++;
  } catch (e) {
    const ms = performance.now() - t0;
    const kind = e instanceof XlsxReadError ? e.failure : `THROWN ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    line = `ERR ${name}  ${ms.toFixed(1)} ms  ${kind}${e instanceof XlsxReadError ? `  (${e.detail})` : ''}`;
    failed++;
  }
  console.log(line);
  if (appraise) {
    const out = path.join(outDir, path.basename(file).replace(/\.xlsx$/i, '-result.xlsx'));
    const r = spawnSync('npm', ['run', '--silent', 'appraise', '--', file, '--out', out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const first = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').find((l) => l.trim() !== '') ?? '';
    console.log(`    appraise exit ${r.status ?? r.signal}: ${first.trim()}`);
  }
}
console.log(`${ok} read, ${failed} failed`);
fs.rmSync(outDir, { recursive: true, force: true });
