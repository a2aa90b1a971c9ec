// What the web page's puppeteer-driven tests share (web-firefox.mjs: Firefox ESR over WebDriver BiDi;
// web-old-chromium.mjs: a real Chromium 80 over CDP with the puppeteer-core of its time): the fixtures, the
// page's instrumentation, the comparison with the command line's result (command-line.mjs runs it), and the
// steps on the page, written against the puppeteer API both versions have. The playwright-driven Chromium test has its own (web-page.mjs).
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { assert, assertEqual } from './checks.mjs';

const { compareSheets, sheetNames } = await tsImport('./compare-xlsx.ts', import.meta.url);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const WEB_HTML = path.join(DIST, 'web.html');
export const WEB_URL = pathToFileURL(WEB_HTML).href;
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLE = path.join(FIXTURES, 'example-2022.xlsx');
export const UNITS = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx', '机关党委-2022年度考核台账.xlsx'].map((n) => path.join(FIXTURES, 'units', n));
const COMPARED = ['考核汇总', '人员考核明细', '校验问题'];
export const WAIT_MS = 120_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs in each page before its own scripts (handed to the browser as source: it must use nothing from this
 * module). Records in window.__page: CSP violations; what the engine has natively, before
 * src/compat/old-browsers.ts fills in (WeakRef, the :is() selector); and the workers the page starts, their
 * messages and error events, through a wrapper around window.Worker.
 */
export function instrumentPage() {
  let isSelector = true;
  try {
    document.createElement('a').matches(':is(a)');
  } catch {
    isSelector = false;
  }
  const rec = (window.__page = { csp: [], native: { weakRef: typeof WeakRef === 'function', isSelector }, workers: [], workerMessages: 0, workerErrors: [] });
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

/** What instrumentPage recorded in `page`. */
export const pageRecord = (page) => page.evaluate(() => window.__page);

/**
 * A new page of `browser`, instrumented before its scripts and watched: every request (those `allowed`
 * rejects are `foreign`), console errors, page errors and crashes, dedicated workers. Returns { page, seen }.
 */
export async function watchedPage(browser, label, allowed) {
  const page = await browser.newPage();
  const seen = { label, requests: [], foreign: [], errors: [], workers: [] };
  page.on('request', (req) => {
    seen.requests.push(req.url());
    if (!allowed(req.url())) seen.foreign.push(req.url());
  });
  // Puppeteer over CDP reports the worker's console messages and uncaught errors here too.
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.errors.push(`console: ${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ''}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  page.on('error', (err) => seen.errors.push(`crash: ${err.message}`));
  page.on('workercreated', (worker) => seen.workers.push(worker.url()));
  await page.setViewport({ width: 1100, height: 900 });
  await page.evaluateOnNewDocument(instrumentPage);
  return { page, seen };
}

/** No watched page had an error, or requested anything it should not have. */
export function assertAllClean(watched) {
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
}

/** The last run happened in one worker started from a blob: URL, which answered and raised no error. */
export async function assertRanInWorker(page, seen, browserName) {
  const rec = await pageRecord(page);
  assertEqual(rec.workers.length, 1, `workers started (${rec.workers.join(', ')})`);
  assert(rec.workers[0].startsWith('blob:'), `worker URL: ${rec.workers[0]}`);
  assertEqual(rec.workerErrors, [], 'worker error events (the page would have fallen back to running itself)');
  assert(rec.workerMessages >= 2, `messages from the worker: ${rec.workerMessages}`);
  assert(
    seen.workers.some((u) => u.startsWith('blob:')),
    `${browserName} reported no dedicated worker from a blob: URL (${seen.workers.join(', ') || 'none'})`,
  );
  return rec;
}

/** The page's result against the command line's: the same sheets, and 考核汇总 / 人员考核明细 / 校验问题 cell by cell. */
export function assertSheetsEqual(mine, theirs) {
  assertEqual(sheetNames(mine), sheetNames(theirs), 'sheets of the page’s and the command line’s result');
  const results = compareSheets(mine, theirs, COMPARED);
  const bad = results.filter((r) => r.differing > 0);
  assert(bad.length === 0, bad.map((r) => `${r.sheet}: ${r.differing} cells differ, e.g. ${r.differences.join('; ')}`).join('\n'));
  for (const r of results) assert(r.cells > 3, `${r.sheet} has only ${r.cells} cells`);
  return results.map((r) => `${r.sheet} ${r.cells}`).join(', ');
}

/** Resolves when each of `names` is listed and reading is over. */
export function waitListed(page, names) {
  return page.waitForFunction(
    (wanted) =>
      !document.querySelector('[data-testid="read-progress"]') &&
      wanted.every((n) => Array.from(document.querySelectorAll('[data-testid="merge-file"]')).some((el) => el.getAttribute('data-file') === n)),
    { timeout: WAIT_MS },
    names,
  );
}

/** Presses 校验并生成结果; resolves to 'downloads', 'no-ledgers' or 'run-error', whichever the page shows. */
export async function runAppraisal(page) {
  await page.waitForFunction(() => document.querySelector('button[type="submit"]')?.disabled === false, { timeout: WAIT_MS });
  await page.click('button[type="submit"]');
  const outcome = await page.waitForSelector('[data-testid="downloads"], [data-testid="notice-no-ledgers"], [data-testid="notice-run-error"]', {
    timeout: WAIT_MS,
  });
  const id = await outcome.evaluate((el) => el.getAttribute('data-testid'));
  await outcome.dispose();
  return { downloads: 'downloads', 'notice-no-ledgers': 'no-ledgers' }[id] ?? 'run-error';
}

/** The number of units the summary card shows. */
export async function unitCount(page) {
  const text = await page.$eval('[data-testid="summary-units"]', (el) => el.innerText);
  const m = /\d+/.exec(text);
  assert(m, `summary-units: ${text}`);
  return Number(m[0]);
}

/**
 * Clicks a download link and waits for the browser's own download into `folder` (`partial`: the suffix of a
 * file still being written, .part in Firefox, .crdownload in Chromium). Returns its name and bytes.
 */
export async function download(page, testId, folder, partial) {
  for (const f of readdirSync(folder)) rmSync(path.join(folder, f), { force: true });
  await page.click(`[data-testid="${testId}"]`);
  const deadline = Date.now() + WAIT_MS;
  let last = -1;
  for (;;) {
    const names = readdirSync(folder);
    const done = names.filter((n) => !n.endsWith(partial));
    if (done.length === 1 && names.length === 1) {
      const size = statSync(path.join(folder, done[0])).size;
      if (size > 0 && size === last) return { name: done[0], bytes: new Uint8Array(readFileSync(path.join(folder, done[0]))) };
      last = size;
    }
    if (Date.now() > deadline) throw new Error(`no download in ${WAIT_MS} ms (folder: ${names.join(', ') || 'empty'})`);
    await sleep(150);
  }
}
