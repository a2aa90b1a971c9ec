/** The benchmark's stdout table, from the results object written to bench/results/latest.json. */

interface Counters {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
}
interface OfficeRun {
  sheetRows: number;
  outputRows: number;
  read: Counters & { ms: number };
  write: Counters & { ms: number };
  /** The same write through the real office.js client library (test/real-officejs). */
  realWrite?: { syncs: number; requests: number; largestRequestBytes: number; totalRequestBytes: number };
}
interface EngineRun {
  ledgerRows: number;
  runs: number;
  medianMs: number;
  cpuMedianMs: number;
  stagesMedianMs: Record<string, number>;
}
/** bench/web.mjs's summary line. */
interface WebRun {
  runs: number;
  wallMedianMs: number;
  drawnMedianMs: number;
  chooseMedianMs: number;
  maxLongTaskMs: number;
  maxLongTaskMedianMs: number;
  longTasksMedian: number;
  meetsTarget: boolean;
}

interface Results {
  machine: { nproc: number; cpu: string; node: string; loadAvgAtStart: number[] };
  engine100k: EngineRun;
  engine25k?: EngineRun;
  stages: { sheetRows: number; units: number; persons: number; issues: number; ms: Record<string, number>; peakRssMB: number };
  cli: { runs: number; cliMedianMs: number; floorMedianMs: number; ratio: number; cliPeakRssMB: number; pass: boolean; meetsTarget?: boolean; floor: { readMs: number; writeMs: number }[] };
  office: { tenth: OfficeRun; full: OfficeRun };
  manyFiles?: { runs: number; files: number; oneMedianMs: number; manyMedianMs: number; ratio: number; manyPeakRssMB: number; meetsTarget: boolean };
  /** bench/web.mjs: the web page on the full workbook. */
  web?: WebRun;
  /** bench/web.mjs: the web page on the units' files of manyFiles, chosen together. */
  webFiles?: WebRun & { files: number };
  bundle: { entry?: { file: string; gzipBytes: number }; pageGzipBytes: number } | null;
  totalSeconds: number;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

export function printTable(raw: Record<string, unknown>): void {
  const r = raw as unknown as Results;
  const rows: [string, string][] = [];
  const add = (k: string, v: string) => rows.push([k, v]);
  const m = r.machine;
  add('machine', `${m.nproc} cores, ${m.cpu}, node ${m.node}, load avg ${m.loadAvgAtStart.join(' / ')}`);
  const st = r.stages;
  add(`full workbook`, `${st.sheetRows} sheet rows → ${st.units} units, ${st.persons} persons, ${st.issues} issues`);
  for (const [k, v] of Object.entries(st.ms)) add(`  stage ${k}`, s(v));
  add('  stages process peak RSS', `${st.peakRssMB} MB`);
  const c = r.cli;
  add(`CLI total (npm run, median of ${c.runs})`, s(c.cliMedianMs));
  add(`I/O floor (read input + write result, median of ${c.runs})`, s(c.floorMedianMs));
  add('CLI ÷ floor (accept ≤ 1.25)', `${c.ratio.toFixed(3)} ${c.pass ? 'PASS' : 'FAIL'}`);
  add('CLI peak RSS (/usr/bin/time)', `${c.cliPeakRssMB} MB`);
  if (c.meetsTarget !== undefined) add('issue 12 target (÷ floor ≤ 0.35, RSS ≤ 250 MB)', c.meetsTarget ? 'MET' : 'NOT MET');
  const mf = r.manyFiles;
  if (mf) {
    add(`CLI on ${mf.files} units' files (a folder, median of ${mf.runs})`, `${s(mf.manyMedianMs)} vs ${s(mf.oneMedianMs)} as one workbook, peak RSS ${mf.manyPeakRssMB} MB`);
    add('issue 15 target (folder ≤ 1.5 × one workbook)', `${mf.ratio.toFixed(2)} × ${mf.meetsTarget ? 'MET' : 'NOT MET'}`);
  }
  const w = r.web;
  if (w) {
    add(`web page, file:// (median of ${w.runs})`, `${s(w.wallMedianMs)} to the download links, ${s(w.drawnMedianMs)} all drawn (CLI ${s(c.cliMedianMs)})`);
    add(
      '  page thread: longest task (accept < 200 ms)',
      `${w.maxLongTaskMs} ms worst, ${w.maxLongTaskMedianMs} ms median; ${w.longTasksMedian} tasks ≥ 50 ms (median) ${w.meetsTarget ? 'PASS' : 'FAIL'}`,
    );
  }
  const wf = r.webFiles;
  if (wf) {
    add(
      `web page, ${wf.files} units' files (median of ${wf.runs})`,
      `reading ${s(wf.chooseMedianMs)}; ${s(wf.wallMedianMs)} to the download links, ${s(wf.drawnMedianMs)} all drawn (CLI on the folder ${mf ? s(mf.manyMedianMs) : '-'})`,
    );
    add('  page thread: longest task', `${wf.maxLongTaskMs} ms worst, ${wf.maxLongTaskMedianMs} ms median ${wf.meetsTarget ? 'PASS' : 'FAIL'} (< 200 ms)`);
  }
  const e = r.engine100k;
  add(`engine alone, ${e.ledgerRows} rows (median of ${e.runs})`, `${s(e.medianMs)} wall, ${s(e.cpuMedianMs)} CPU ${e.medianMs < 1000 ? 'PASS' : 'FAIL'} (< 1 s)`);
  add('  engine stages', Object.entries(e.stagesMedianMs).map(([k, v]) => `${k} ${v} ms`).join(', '));
  const q = r.engine25k;
  if (q) {
    // Linear in rows means equal time per row at both sizes (a ratio near 1; quadratic work would show as 4).
    const perRow = (run: EngineRun): number => (run.medianMs * 1000) / run.ledgerRows;
    add(
      `engine alone, ${q.ledgerRows} rows (median of ${q.runs})`,
      `${s(q.medianMs)} wall; per row ${perRow(q).toFixed(1)} µs vs ${perRow(e).toFixed(1)} µs at ${e.ledgerRows} (ratio ${(perRow(e) / perRow(q)).toFixed(2)})`,
    );
  }
  for (const [label, o] of [['1/10', r.office.tenth], ['full', r.office.full]] as const) {
    add(`Office.js ${label} (${o.sheetRows} rows) read`, `${o.read.syncs} syncs, largest response ${mb(o.read.largestResponseBytes)}`);
    add(`Office.js ${label} (${o.outputRows} output rows) write`, `${o.write.syncs} syncs, largest request ${mb(o.write.largestRequestBytes)}, total ${mb(o.write.totalRequestBytes)}`);
    if (o.realWrite) {
      add(`  real office.js requests, ${label}`, `${o.realWrite.syncs} syncs, largest request ${mb(o.realWrite.largestRequestBytes)}, total ${mb(o.realWrite.totalRequestBytes)}`);
    }
  }
  if (r.bundle) {
    add('task pane bundle (gzip)', `${r.bundle.entry ? `${r.bundle.entry.file} ${kb(r.bundle.entry.gzipBytes)}; ` : ''}page scripts ${kb(r.bundle.pageGzipBytes)}`);
  } else add('task pane bundle (gzip)', 'not built (--no-build)');
  add('bench total', `${r.totalSeconds} s`);
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
}
