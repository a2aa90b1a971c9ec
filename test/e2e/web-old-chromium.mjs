// The web page (dist/web.html, 网页版) in a real Chromium 80, the oldest engine the README promises (信创
// browsers). The browser is the headless Chromium that the npm package chrome-aws-lambda@2.1.1 ships
// (HeadlessChrome 80.0.3987.0), fetched and unpacked by scripts/old-chromium.mjs, and driven by the
// puppeteer-core it was made for (2.1.1: today's puppeteer-core and playwright-core cannot drive it).
// Opened from file://, a workbook chosen through the file input, appraised in the worker, the result really
// downloaded and compared with the command line's; then three units' files at once. The current-Chromium
// test is test/e2e/web.mjs, the Firefox one test/e2e/web-firefox.mjs.
//
//   npm run build && node test/e2e/web-old-chromium.mjs
//
// The first run fetches the browser (about 43 MB from the npm registry) into .cache/old-chromium, or
// $OLD_CHROMIUM_DIR; OLD_CHROMIUM_PACKAGE picks another chrome-aws-lambda version (81: @3.1.1, 83: @5.2.1).
// Prints one line per check and "N passed, N failed" last; exits 1 on any failure.
//
// Files are set through CDP's DOM.setFileInputFiles: puppeteer 2.1's uploadFile builds the files with
// fetch() of data: URLs inside the page, which the page's CSP (connect-src 'none') rightly refuses.
// Chromium before 84 ignores `gap` in flex layouts, which the page (and Fluent UI) use for spacing: the
// test counts those containers and prints the number, as a note, not a failure (see the screenshot).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ensureOldChromium } from '../../scripts/old-chromium.mjs';
import { assert, assertEqual, createChecks } from './checks.mjs';

const { compareSheets, sheetNames } = await tsImport('./compare-xlsx.ts', import.meta.url);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const WEB_HTML = path.join(DIST, 'web.html');
const WEB_URL = pathToFileURL(WEB_HTML).href;
const DIST_URL = pathToFileURL(DIST).href + '/';
const SHOT = path.join(ROOT, 'artifacts', 'screenshots', 'web-old-chromium-result.png');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const EXAMPLE = path.join(FIXTURES, 'example-2022.xlsx');
const UNITS = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx', '机关党委-2022年度考核台账.xlsx'].map((n) => path.join(FIXTURES, 'units', n));
const COMPARED = ['考核汇总', '人员考核明细', '校验问题'];
const WAIT_MS = 120_000;

/**
 * Runs in each page before its own scripts: what the engine itself has (before src/compat/old-browsers.ts
 * fills in), and the workers the page starts and hears from.
 */
function instrumentPage() {
  let isSelector = true;
  try {
    document.createElement('a').matches(':is(a)');
  } catch {
    isSelector = false;
  }
  const rec = (window.__old = { native: { weakRef: typeof WeakRef === 'function', isSelector }, workers: [], workerMessages: 0, workerErrors: [] });
  const Native = window.Worker;
  if (typeof Native !== 'function') return;
  const Observed = function Worker(url, options) {
    const worker = new Native(url, options);
    rec.workers.push(String(url));
    worker.addEventListener('message', () => {
      rec.workerMessages += 1;
    });
    worker.addEventListener('error', (e) => rec.workerErrors.push(e.message || 'error event'));
    return worker;
  };
  Observed.prototype = Native.prototype;
  window.Worker = Observed;
}

/** The command line on copies of `inputs` in a fresh folder: its result workbook and its --json report. */
function commandLine(tmp, inputs) {
  const dir = mkdtempSync(path.join(tmp, 'cli-'));
  const copies = inputs.map((f) => {
    const to = path.join(dir, path.basename(f));
    copyFileSync(f, to);
    return to;
  });
  const out = path.join(dir, 'r.xlsx');
  const json = path.join(dir, 'r.json');
  const r = spawnSync(process.execPath, ['scripts/appraise.cjs', ...copies, '--out', out, '--json', json], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`command line failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { workbook: new Uint8Array(readFileSync(out)), report: JSON.parse(readFileSync(json, 'utf8')) };
}

function assertSheetsEqual(mine, theirs) {
  assertEqual(sheetNames(mine), sheetNames(theirs), 'sheets of the page’s and the command line’s result');
  const results = compareSheets(mine, theirs, COMPARED);
  const bad = results.filter((r) => r.differing > 0);
  assert(bad.length === 0, bad.map((r) => `${r.sheet}: ${r.differing} cells differ, e.g. ${r.differences.join('; ')}`).join('\n'));
  for (const r of results) assert(r.cells > 3, `${r.sheet} has only ${r.cells} cells`);
  return results.map((r) => `${r.sheet} ${r.cells}`).join(', ');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const started = Date.now();
  const checks = createChecks();
  const { check } = checks;
  if (!existsSync(WEB_HTML)) throw new Error('dist/web.html is missing: run npm run build first');
  const old = ensureOldChromium();
  console.log(`       ${old.spec}: ${old.seconds > 0 ? `fetched and unpacked in ${old.seconds.toFixed(1)} s` : 'from the cache'} (${old.dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, old.dir) : old.dir})`);
  const puppeteer = createRequire(path.join(old.dir, 'package.json'))('puppeteer-core');
  mkdirSync(path.dirname(SHOT), { recursive: true });
  const tmp = mkdtempSync(path.join(tmpdir(), 'appraisal-web-old-chromium-'));
  const downloads = path.join(tmp, 'downloads');
  mkdirSync(downloads);

  const browser = await puppeteer.launch({
    executablePath: old.executable,
    headless: true,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  const version = await browser.version();
  console.log(`       ${version} (${old.executable.startsWith(ROOT + path.sep) ? path.relative(ROOT, old.executable) : old.executable}), puppeteer-core ${old.puppeteerVersion} over CDP`);

  /** Every page's record, for the closing check over the whole run. */
  const watched = [];
  const newPage = async (label) => {
    const page = await browser.newPage();
    const seen = { label, requests: [], foreign: [], errors: [], workers: [] };
    const allowed = (url) => url.startsWith(DIST_URL) || url.startsWith('blob:') || url.startsWith('data:');
    page.on('request', (req) => {
      seen.requests.push(req.url());
      if (!allowed(req.url())) seen.foreign.push(req.url());
    });
    // Puppeteer 2.1 reports the worker's console messages and uncaught errors here too.
    page.on('console', (msg) => {
      if (msg.type() === 'error') seen.errors.push(`console: ${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ''}`);
    });
    page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
    page.on('error', (err) => seen.errors.push(`crash: ${err.message}`));
    page.on('workercreated', (worker) => seen.workers.push(worker.url()));
    await page.setViewport({ width: 1100, height: 900 });
    await page.evaluateOnNewDocument(instrumentPage);
    await page._client.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    watched.push(seen);
    return { page, seen };
  };
  const pageRecord = (page) => page.evaluate(() => window.__old);
  const open = async (page) => {
    await page.goto(WEB_URL, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="drop-zone"]', { timeout: WAIT_MS });
  };
  /** Chooses files through the file input (CDP, as a file dialog would); resolves when each is listed and reading is over. */
  const choose = async (page, files) => {
    const input = await page.$('[data-testid="file-input"]');
    await page._client.send('DOM.setFileInputFiles', { objectId: input._remoteObject.objectId, files });
    await input.dispose();
    await page.waitForFunction(
      (names) =>
        !document.querySelector('[data-testid="read-progress"]') &&
        names.every((n) => Array.from(document.querySelectorAll('[data-testid="merge-file"]')).some((el) => el.getAttribute('data-file') === n)),
      { timeout: WAIT_MS },
      files.map((f) => path.basename(f)),
    );
  };
  /** Presses 校验并生成结果; resolves to 'downloads', 'no-ledgers' or 'run-error', whichever the page shows. */
  const run = async (page) => {
    await page.waitForFunction(() => document.querySelector('button[type="submit"]')?.disabled === false, { timeout: WAIT_MS });
    await page.click('button[type="submit"]');
    const outcome = await page.waitForSelector('[data-testid="downloads"], [data-testid="notice-no-ledgers"], [data-testid="notice-run-error"]', {
      timeout: WAIT_MS,
    });
    const id = await outcome.evaluate((el) => el.getAttribute('data-testid'));
    await outcome.dispose();
    return { downloads: 'downloads', 'notice-no-ledgers': 'no-ledgers' }[id] ?? 'run-error';
  };
  const unitCount = async (page) => {
    const text = await page.$eval('[data-testid="summary-units"]', (el) => el.innerText);
    const m = /\d+/.exec(text);
    assert(m, `summary-units: ${text}`);
    return Number(m[0]);
  };
  /** Clicks a download link; Chromium saves the file to `downloads` (.crdownload while under way). */
  const download = async (page, testId) => {
    for (const f of readdirSync(downloads)) rmSync(path.join(downloads, f), { force: true });
    await page.click(`[data-testid="${testId}"]`);
    const deadline = Date.now() + WAIT_MS;
    let last = -1;
    for (;;) {
      const names = readdirSync(downloads);
      const done = names.filter((n) => !n.endsWith('.crdownload'));
      if (done.length === 1 && names.length === 1) {
        const size = statSync(path.join(downloads, done[0])).size;
        if (size > 0 && size === last) return { name: done[0], bytes: new Uint8Array(readFileSync(path.join(downloads, done[0]))) };
        last = size;
      }
      if (Date.now() > deadline) throw new Error(`no download in ${WAIT_MS} ms (folder: ${names.join(', ') || 'empty'})`);
      await sleep(150);
    }
  };

  let exampleCli = null;
  try {
    const { page, seen } = await newPage('file:// page 1');

    await check('the browser is Chromium 80–83 and lacks what src/compat/old-browsers.ts supplies (WeakRef, :is()), before the page’s scripts', async () => {
      const major = Number(/Chrome\/(\d+)\./.exec(version)?.[1]);
      assert(major >= 80 && major <= 83, `version: ${version}`);
      await open(page);
      const { native } = await pageRecord(page);
      assertEqual(native, { weakRef: false, isSelector: false }, 'native WeakRef and :is() (true: not the old engine this test is for)');
    });

    await check('Chromium 80 opens dist/web.html from file://: heading, run button disabled, no console errors or page errors', async () => {
      assertEqual(await page.title(), '年终考核 · 网页版', 'title');
      const headings = await page.$$eval('h1, h2, [role="heading"]', (els) => els.map((el) => el.textContent));
      assert(headings.includes('年终考核 · 网页版'), `headings: ${headings.join(' | ')}`);
      assert(await page.$eval('button[type="submit"]', (el) => el.disabled), 'run button enabled before any file is chosen');
      assertEqual(seen.errors, [], 'console errors / page errors');
      assertEqual(seen.foreign, [], 'requests outside dist/, blob: and data:');
    });

    await check('one workbook through the file input, appraised in the worker started from a blob: URL; units equal the command line’s --json', async () => {
      await choose(page, [EXAMPLE]);
      const item = await page.$eval('[data-testid="merge-file"][data-file="example-2022.xlsx"]', (el) => el.innerText);
      assert(item.includes('已读取'), `file item: ${item}`);
      assertEqual(await run(page), 'downloads', 'outcome');
      const rec = await pageRecord(page);
      assertEqual(rec.workers.length, 1, `workers started (${rec.workers.join(', ')})`);
      assert(rec.workers[0].startsWith('blob:'), `worker URL: ${rec.workers[0]}`);
      assertEqual(rec.workerErrors, [], 'worker error events (the page would have fallen back to running itself)');
      assert(rec.workerMessages >= 2, `messages from the worker: ${rec.workerMessages}`);
      assert(
        seen.workers.some((u) => u.startsWith('blob:')),
        `Chromium reported no dedicated worker from a blob: URL (${seen.workers.join(', ') || 'none'})`,
      );
      exampleCli = commandLine(tmp, [EXAMPLE]);
      const units = await unitCount(page);
      assertEqual(units, exampleCli.report.units.length, 'units shown (summary-units) vs the command line’s report');
      console.log(`       worker ${rec.workers[0]}: ${rec.workerMessages} messages; ${units} units`);
      const flexGaps = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('*')).filter((el) => {
            const cs = getComputedStyle(el);
            return cs.display.includes('flex') && [cs.rowGap, cs.columnGap].some((g) => g !== 'normal' && g !== '0px');
          }).length,
      );
      console.log(`       note: ${flexGaps} flex containers set gap, which Chromium before 84 ignores (tighter spacing in the screenshot)`);
      await page.$eval('[data-testid="downloads"]', (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
      await page.screenshot({ path: SHOT });
    });

    await check('the result workbook, really downloaded by Chromium 80: 考核汇总, 人员考核明细, 校验问题 equal the command line’s cell by cell', async () => {
      assert(exampleCli, 'no run to download from');
      const wb = await download(page, 'download-workbook');
      assertEqual(wb.name, 'example-2022-考核结果.xlsx', 'download name');
      console.log(`       ${wb.bytes.length} bytes; cells compared: ${assertSheetsEqual(wb.bytes, exampleCli.workbook)}`);
    });
    await page.close();

    await check('three units’ files at once: downloads offered; unit count and the three sheets equal the command line’s batch', async () => {
      const { page: p } = await newPage('file:// page 2');
      await open(p);
      await choose(p, UNITS);
      assertEqual((await p.$$('[data-testid="merge-file"]')).length, 3, 'files listed');
      assertEqual(await run(p), 'downloads', 'outcome');
      const cli = commandLine(tmp, UNITS);
      const units = await unitCount(p);
      assertEqual(units, cli.report.units.length, 'units shown vs the command line’s report');
      assert(units > 3, `units: ${units}`);
      const rec = await pageRecord(p);
      assert(rec.workerMessages >= 2 && rec.workerErrors.length === 0, `worker: ${JSON.stringify(rec)}`);
      const wb = await download(p, 'download-workbook');
      assert(/^\d{4}年度-考核结果\.xlsx$/.test(wb.name), `download name: ${wb.name}`);
      console.log(`       ${units} units; cells compared: ${assertSheetsEqual(wb.bytes, cli.workbook)}`);
      await p.close();
    });

    await check('no page had console errors or page errors (the worker’s included), or requested anything but dist/, blob: and data:', async () => {
      assertEqual(
        watched.flatMap((w) => w.errors.map((e) => `${w.label}: ${e}`)),
        [],
        'errors',
      );
      assertEqual(
        watched.flatMap((w) => w.foreign.map((u) => `${w.label}: ${u}`)),
        [],
        'foreign requests',
      );
    });
  } finally {
    await browser.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`screenshot: ${path.relative(ROOT, SHOT)}; ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(checks.summary());
  process.exitCode = checks.failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
