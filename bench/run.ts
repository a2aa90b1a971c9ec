/**
 * `npm run bench [-- --no-build --runs 3 --engine-runs 5]`: the city-scale benchmark.
 * Every step runs in a fresh child process; results go to bench/results/latest.json and a table on stdout.
 * Not part of CI's test command. See README, section "性能 Benchmarks".
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { bundleSize, hasBundle } from './bundle';
import { jsonOf, run, tsx } from './lib/spawn';
import { median, round } from './lib/stats';
import { printTable } from './report';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const RESULTS = path.join(ROOT, 'bench', 'results');

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function log(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** The generated workbook for a scale, reused while the generator's sources are unchanged. */
async function workbook(scale: number): Promise<string> {
  const sources = readdirSync(path.join(ROOT, 'src', 'sample'))
    .sort()
    .map((f) => readFileSync(path.join(ROOT, 'src', 'sample', f)));
  const hash = createHash('sha1').update(String(scale)).update(Buffer.concat(sources)).digest('hex').slice(0, 10);
  const file = path.join(OUT, `sample-${scale}-${hash}.xlsx`);
  if (!existsSync(file)) {
    log(`generating ${path.relative(ROOT, file)} (scale ${scale})`);
    jsonOf(await tsx('bench/generate.ts', [file, String(scale)], ROOT), 'generate');
  }
  return file;
}

interface FloorRun {
  readMs: number;
  writeMs: number;
  floorMs: number;
}

/** The command line and the I/O floor, interleaved, `runs` times each. */
async function cliVersusFloor(input: string, runs: number) {
  const out = path.join(OUT, 'cli-result.xlsx');
  const json = path.join(OUT, 'cli-report.json');
  const cli: { wallMs: number; maxRssMB?: number }[] = [];
  const floor: FloorRun[] = [];
  for (let i = 0; i < runs; i++) {
    log(`command line run ${i + 1}/${runs}`);
    const r = await run('npm', ['run', '--silent', 'appraise', '--', input, '--out', out, '--json', json], ROOT, true);
    if (r.code !== 0) throw new Error(`command line failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
    cli.push({ wallMs: round(r.wallMs), ...(r.maxRssMB !== undefined ? { maxRssMB: r.maxRssMB } : {}) });
    log(`I/O floor run ${i + 1}/${runs}`);
    floor.push(jsonOf<FloorRun>(await run(process.execPath, ['bench/floor.mjs', input, out, path.join(OUT, 'floor-copy.xlsx')], ROOT), 'floor'));
  }
  const cliMedian = median(cli.map((c) => c.wallMs));
  const floorMedian = median(floor.map((f) => f.floorMs));
  return {
    runs,
    cli,
    floor,
    cliMedianMs: round(cliMedian),
    floorMedianMs: round(floorMedian),
    ratio: round(cliMedian / floorMedian, 3),
    cliPeakRssMB: Math.max(...cli.map((c) => c.maxRssMB ?? 0)),
    acceptance: 'CLI ≤ 1.25 × I/O floor (medians)',
    pass: cliMedian <= 1.25 * floorMedian,
    target: 'issue 12: CLI ≤ 0.35 × I/O floor (medians) and peak RSS ≤ 250 MB',
    meetsTarget: cliMedian <= 0.35 * floorMedian && Math.max(...cli.map((c) => c.maxRssMB ?? 0)) <= 250,
  };
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism(), cpu: model, node: process.version, memGiB: round(os.totalmem() / 2 ** 30, 1), loadAvgAtStart: os.loadavg().map((x) => round(x, 2)) };
}

/**
 * Issue 15: the same data as 300-odd units' files plus the 机关党委's (a folder) against one workbook,
 * both through the command line, interleaved `runs` times. Target: the folder in at most 1.5× the time.
 */
async function manyFiles(input: string, runs: number) {
  const dir = path.join(OUT, `units-${path.basename(input, '.xlsx')}`);
  if (!existsSync(dir)) {
    log(`splitting ${path.relative(ROOT, input)} into one workbook per unit`);
    jsonOf(await tsx('bench/split.ts', [input, dir], ROOT), 'split');
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length;
  const one: number[] = [];
  const many: number[] = [];
  const manyRss: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`many files run ${i + 1}/${runs}: one workbook, then the folder`);
    const a = await run('npm', ['run', '--silent', 'appraise', '--', input, '--out', path.join(OUT, 'one-result.xlsx')], ROOT, true);
    if (a.code !== 0) throw new Error(`command line failed (exit ${a.code}):\n${a.stderr.slice(-2000)}`);
    one.push(round(a.wallMs));
    const b = await run('npm', ['run', '--silent', 'appraise', '--', dir, '--out', path.join(OUT, 'many-result.xlsx')], ROOT, true);
    if (b.code !== 0) throw new Error(`command line (folder) failed (exit ${b.code}):\n${b.stderr.slice(-2000)}`);
    many.push(round(b.wallMs));
    if (b.maxRssMB !== undefined) manyRss.push(b.maxRssMB);
  }
  const ratio = round(median(many) / median(one), 3);
  return { runs, files, oneMedianMs: round(median(one)), manyMedianMs: round(median(many)), ratio, manyPeakRssMB: Math.max(0, ...manyRss), target: 'issue 15: folder ≤ 1.5 × one workbook (medians)', meetsTarget: ratio <= 1.5 };
}

async function main(): Promise<void> {
  const started = performance.now();
  const runs = option('runs', 3);
  const engineRuns = option('engine-runs', 5);
  mkdirSync(OUT, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine: machine() };

  const full = await workbook(1);
  const tenth = await workbook(0.1);

  log('engine alone on ~100 000 ledger rows');
  result.engine100k = jsonOf(await tsx('bench/engine.ts', [String(engineRuns)], ROOT), 'engine');
  log('engine alone on ~25 000 ledger rows (linearity)');
  result.engine25k = jsonOf(await tsx('bench/engine.ts', [String(engineRuns), '0.25'], ROOT), 'engine 1/4');

  log('pipeline stages on the full workbook');
  result.stages = jsonOf(await tsx('bench/stages.ts', [full], ROOT), 'stages');

  result.cli = await cliVersusFloor(full, runs);
  const many = await manyFiles(full, runs);
  result.manyFiles = many;

  log('Office.js path on the stand-in, 1/10 and full scale');
  result.office = {
    tenth: jsonOf(await tsx('bench/office.ts', [tenth], ROOT), 'office 1/10'),
    full: jsonOf(await tsx('bench/office.ts', [full], ROOT), 'office full'),
  };

  const dist = path.join(ROOT, 'dist');
  if (!hasBundle(dist) && !flag('no-build')) {
    log('no dist/taskpane*.js: running the production build (npm run build)');
    const b = await run('npm', ['run', '--silent', 'build'], ROOT);
    if (b.code !== 0) log(`build failed (exit ${b.code}); bundle size skipped`);
  }
  result.bundle = hasBundle(dist) ? bundleSize(dist) : null;

  // The web page on the same workbook, beside the command line: headless Chromium, dist/web.html from file://.
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path.join(dist, 'web.html')) && existsSync(chromium)) {
    log('web page (dist/web.html from file://) in headless Chromium on the full workbook');
    result.web = jsonOf(await run(process.execPath, ['bench/web.mjs', full, String(runs)], ROOT), 'web page');
    // The same data as every unit's own file, chosen together (the folder manyFiles made).
    const units = path.join(OUT, `units-${path.basename(full, '.xlsx')}`);
    log(`web page on the ${many.files} units' files chosen together`);
    result.webFiles = { files: many.files, ...jsonOf<Record<string, unknown>>(await run(process.execPath, ['bench/web.mjs', units, String(runs)], ROOT), 'web page, units’ files') };
  } else log(`web page step skipped: ${existsSync(chromium) ? 'no dist/web.html (npm run build)' : `no ${chromium}`}`);

  result.totalSeconds = round((performance.now() - started) / 1000, 1);
  writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
  log(`results: bench/results/latest.json (${result.totalSeconds} s)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
