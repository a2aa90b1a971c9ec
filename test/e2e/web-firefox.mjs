// The web page (dist/web.html, 网页版) in real Firefox ESR (Debian's /usr/bin/firefox-esr), driven by
// puppeteer-core over WebDriver BiDi: opened from file:// as a clerk opens it from a folder, files chosen
// through the file input, appraised in the worker, the result really downloaded (Firefox's own download to
// a folder) and compared with the command line's on the same files; a truncated file; the same run served
// over http. The Chromium counterpart is test/e2e/web.mjs.
//
//   npm run build && npm run test:web:firefox
//
// FIREFOX_PATH overrides the browser. Prints one line per check and "N passed, N failed" last; exits 1 on
// any failure.
//
// What Firefox's BiDi does not report, and how the test sees it instead: it sends no network events for
// file: and blob: loads (only http's), so over file:// the page's own requests are not listed; CSP
// violations are recorded in the page (securitypolicyviolation), and the http run lists every request.
// Whether the run happened in the worker: a wrapper around window.Worker, installed before the page's
// scripts, records the worker's URL, its messages and its error events.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { tsImport } from 'tsx/esm/api';
import { assert, assertEqual, createChecks } from './checks.mjs';
import { serveStatic } from './static-server.mjs';

const { compareSheets, sheetNames } = await tsImport('./compare-xlsx.ts', import.meta.url);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const WEB_HTML = path.join(DIST, 'web.html');
const WEB_URL = pathToFileURL(WEB_HTML).href;
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const SHOT = path.join(ROOT, 'artifacts', 'screenshots', 'web-firefox-result.png');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const EXAMPLE = path.join(FIXTURES, 'example-2022.xlsx');
const UNITS = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx', '机关党委-2022年度考核台账.xlsx'].map((n) => path.join(FIXTURES, 'units', n));
const COMPARED = ['考核汇总', '人员考核明细', '校验问题'];
const WAIT_MS = 120_000;
const HAN = /[\u4e00-\u9fff]/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Runs in each page before its own scripts: CSP violations, and the workers it starts and hears from. */
function instrumentPage() {
  const rec = (window.__ff = { csp: [], workers: [], workerMessages: 0, workerErrors: [] });
  document.addEventListener('securitypolicyviolation', (e) => rec.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
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
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install firefox-esr`);
  mkdirSync(path.dirname(SHOT), { recursive: true });
  const tmp = mkdtempSync(path.join(tmpdir(), 'appraisal-web-firefox-'));
  const downloads = path.join(tmp, 'downloads');
  mkdirSync(downloads);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Every download goes straight to `downloads`, without asking.
    extraPrefsFirefox: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.helperApps.neverAsk.saveToDisk': `${XLSX_TYPE},application/json`,
      'intl.locale.requested': 'zh-CN',
    },
  });
  console.log(`       ${await browser.version()} (${FIREFOX}), puppeteer-core over WebDriver BiDi`);

  /** Every page's record, for the closing checks over the whole run. */
  const watched = [];
  /** A page watched for console errors, page errors and requests; `origin`: an http origin it may load from. */
  const newPage = async (label, origin = null) => {
    const page = await browser.newPage();
    const seen = { label, requests: [], foreign: [], errors: [], workers: [] };
    const allowed = (url) => /^(file|blob|data):/.test(url) || (origin !== null && url.startsWith(`${origin}/`));
    page.on('request', (req) => {
      seen.requests.push(req.url());
      if (!allowed(req.url())) seen.foreign.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') seen.errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
    page.on('workercreated', (worker) => seen.workers.push(worker.url()));
    await page.setViewport({ width: 1100, height: 900 });
    await page.evaluateOnNewDocument(instrumentPage);
    watched.push(seen);
    return { page, seen };
  };
  const pageRecord = (page) => page.evaluate(() => window.__ff);
  /** Closes a page, its CSP violations added to its errors first. */
  const close = async (page, seen) => {
    const rec = await pageRecord(page).catch(() => null);
    for (const c of rec?.csp ?? []) seen.errors.push(`CSP violation: ${c}`);
    await page.close();
  };

  const open = async (page, url = WEB_URL) => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="drop-zone"]', { timeout: WAIT_MS });
  };
  /** Chooses files through the file input; resolves when each is listed and reading is over. */
  const choose = async (page, files) => {
    const input = await page.$('[data-testid="file-input"]');
    await input.uploadFile(...files);
    await input.dispose();
    await page.waitForFunction(
      (names) =>
        !document.querySelector('[data-testid="read-progress"]') &&
        names.every((n) => [...document.querySelectorAll('[data-testid="merge-file"]')].some((el) => el.getAttribute('data-file') === n)),
      { timeout: WAIT_MS },
      files.map((f) => path.basename(f)),
    );
  };
  const fileText = (page, name) => page.$eval(`[data-testid="merge-file"][data-file="${name}"]`, (el) => el.innerText);
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
  /** Clicks a download link; Firefox saves the file to `downloads` by itself. Returns its name and bytes. */
  const download = async (page, testId) => {
    for (const f of readdirSync(downloads)) rmSync(path.join(downloads, f), { force: true });
    await page.click(`[data-testid="${testId}"]`);
    const deadline = Date.now() + WAIT_MS;
    let last = -1;
    for (;;) {
      const names = readdirSync(downloads);
      const done = names.filter((n) => !n.endsWith('.part'));
      if (done.length === 1 && names.length === 1) {
        const size = statSync(path.join(downloads, done[0])).size;
        if (size > 0 && size === last) return { name: done[0], bytes: new Uint8Array(readFileSync(path.join(downloads, done[0]))) };
        last = size;
      }
      if (Date.now() > deadline) throw new Error(`no download in ${WAIT_MS} ms (folder: ${names.join(', ') || 'empty'})`);
      await sleep(150);
    }
  };

  let server = null;
  let exampleCli = null;
  try {
    const { page, seen } = await newPage('file:// page 1');

    await check('Firefox opens dist/web.html from file://: heading, run button disabled, no console errors or CSP violations', async () => {
      await open(page);
      assertEqual(await page.title(), '年终考核 · 网页版', 'title');
      const headings = await page.$$eval('h1, h2, [role="heading"]', (els) => els.map((el) => el.textContent));
      assert(headings.includes('年终考核 · 网页版'), `headings: ${headings.join(' | ')}`);
      assert(await page.$eval('button[type="submit"]', (el) => el.disabled), 'run button enabled before any file is chosen');
      assertEqual(seen.foreign, [], 'requests outside file:, blob: and data:');
      assertEqual(seen.errors, [], 'console errors / page errors');
      assertEqual((await pageRecord(page)).csp, [], 'CSP violations');
      console.log(`       requests Firefox's BiDi reported: ${seen.requests.length} (it reports none for file: and blob:)`);
    });

    await check('one workbook through the file input, appraised in the worker started from a blob: URL; units equal the command line’s --json', async () => {
      await choose(page, [EXAMPLE]);
      const item = await fileText(page, 'example-2022.xlsx');
      assert(item.includes('已读取'), `file item: ${item}`);
      assertEqual(await run(page), 'downloads', 'outcome');
      const rec = await pageRecord(page);
      assertEqual(rec.workers.length, 1, `workers started (${rec.workers.join(', ')})`);
      assert(rec.workers[0].startsWith('blob:'), `worker URL: ${rec.workers[0]}`);
      assertEqual(rec.workerErrors, [], 'worker error events (the page would have fallen back to running itself)');
      assert(rec.workerMessages >= 2, `messages from the worker: ${rec.workerMessages}`);
      assert(
        seen.workers.some((u) => u.startsWith('blob:')),
        `Firefox reported no dedicated worker from a blob: URL (${seen.workers.join(', ') || 'none'})`,
      );
      exampleCli = commandLine(tmp, [EXAMPLE]);
      const units = await unitCount(page);
      assertEqual(units, exampleCli.report.units.length, 'units shown (summary-units) vs the command line’s report');
      console.log(`       worker ${rec.workers[0]}: ${rec.workerMessages} messages; ${units} units`);
      await page.$eval('[data-testid="downloads"]', (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
      await page.screenshot({ path: SHOT });
    });

    await check('the result workbook, really downloaded by Firefox: 考核汇总, 人员考核明细, 校验问题 equal the command line’s cell by cell', async () => {
      assert(exampleCli, 'no run to download from');
      const wb = await download(page, 'download-workbook');
      assertEqual(wb.name, 'example-2022-考核结果.xlsx', 'download name');
      console.log(`       ${wb.bytes.length} bytes; cells compared: ${assertSheetsEqual(wb.bytes, exampleCli.workbook)}`);
    });
    await close(page, seen);

    await check('three units’ files at once: downloads offered; unit count and the three sheets equal the command line’s batch', async () => {
      const { page: p, seen: s } = await newPage('file:// page 2');
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
      await close(p, s);
    });

    await check('a truncated .xlsx (its first 3000 bytes): a Chinese message on the file, no page error; a good file afterwards still runs', async () => {
      const { page: p, seen: s } = await newPage('file:// page 3');
      await open(p);
      const dir = mkdtempSync(path.join(tmp, 'bad-'));
      const name = '截断的台账.xlsx';
      writeFileSync(path.join(dir, name), readFileSync(EXAMPLE).subarray(0, 3000));
      await choose(p, [path.join(dir, name)]);
      const text = (await fileText(p, name)).replace(name, '').replace('移除', '').trim();
      assert(HAN.test(text) && !text.includes('已读取'), `${name}: ${text}`);
      console.log(`       ${name}: ${text}`);
      assert(await p.$eval('button[type="submit"]', (el) => el.disabled), 'run button enabled with no usable file');
      assertEqual(s.errors, [], 'console errors / page errors');
      await p.click(`button[aria-label="移除 ${name}"]`);
      await p.waitForFunction(() => !document.querySelector('[data-testid="merge-file"]'), { timeout: WAIT_MS });
      await choose(p, [EXAMPLE]);
      assertEqual(await run(p), 'downloads', 'outcome for the good file afterwards');
      assert(exampleCli, 'no command line result to compare with');
      assertEqual(await unitCount(p), exampleCli.report.units.length, 'units');
      assertEqual(s.errors, [], 'console errors / page errors');
      await close(p, s);
    });

    await check('served over http (test/e2e/static-server.mjs): the same run; every request is the server’s origin, blob: or data:', async () => {
      server = await serveStatic(DIST);
      const origin = new URL(server.url).origin;
      const { page: p, seen: s } = await newPage('http page', origin);
      await open(p, `${server.url}web.html`);
      await choose(p, [EXAMPLE]);
      assertEqual(await run(p), 'downloads', 'outcome');
      assert(exampleCli, 'no command line result to compare with');
      const wb = await download(p, 'download-workbook');
      assertSheetsEqual(wb.bytes, exampleCli.workbook);
      assert(s.requests.includes(`${server.url}web.html`), `page not loaded from the server (requests: ${s.requests.join(', ')})`);
      assert(s.requests.some((u) => u.endsWith('.js')), 'no script request recorded');
      assertEqual(s.foreign, [], 'requests outside the server’s origin, blob: and data:');
      const rec = await pageRecord(p);
      assert(rec.workers[0]?.startsWith(`blob:${origin}/`) && rec.workerMessages >= 2 && rec.workerErrors.length === 0, `worker: ${JSON.stringify(rec)}`);
      console.log(`       ${s.requests.length} requests recorded, all ${origin}`);
      await close(p, s);
    });

    await check('no page had console errors, page errors or CSP violations, or requested anything but file:, blob:, data: (and its own http origin)', async () => {
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
    if (server) await server.close();
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
