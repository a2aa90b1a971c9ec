// The web page (dist/web.html, 网页版) in real Chromium: launching, watching requests and errors, choosing
// files, running, downloading, and measuring a run (wall time, long tasks, progress values).
// Shared by the browser test (test/e2e/web.mjs) and the benchmark's web step (bench/web.mjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const WEB_HTML = path.join(DIST, 'web.html');
export const WEB_URL = pathToFileURL(WEB_HTML).href;
const DIST_URL = pathToFileURL(DIST).href + '/';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Generous for a 2-core machine: the big sample's run takes several seconds. */
export const WAIT_MS = 120_000;

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Runs in the page before its own scripts: long tasks (buffered, so the page's start-up counts too), every
 * value the run's progress bar takes, and when the run button was clicked and the downloads appeared.
 */
function instrumentPage() {
  const w = (window.__web = { longTasks: [], progress: [], readProgress: [], clickAt: null, downloadsAt: null, drawnAt: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    w.noLongTasks = true;
  }
  const record = (list, bar) => {
    if (!bar) return;
    const value = bar.getAttribute('aria-valuenow');
    const text = bar.getAttribute('aria-valuetext') ?? '';
    const last = list[list.length - 1];
    if (!last || last.value !== value || last.text !== text) list.push({ t: performance.now(), value, text });
  };
  const observe = () => {
    record(w.progress, document.querySelector('[data-testid="run-progress"] [role="progressbar"]'));
    record(w.readProgress, document.querySelector('[data-testid="read-progress"]'));
    if (w.clickAt !== null && w.downloadsAt === null && document.querySelector('[data-testid="downloads"]')) w.downloadsAt = performance.now();
    // The results are drawn in stages; 识别结果 comes last.
    if (w.downloadsAt !== null && w.drawnAt === null && document.querySelector('[data-testid="recognition"]')) w.drawnAt = performance.now();
  };
  new MutationObserver(observe).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-valuenow', 'aria-valuetext'],
  });
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('button[type="submit"]')) {
        w.clickAt = performance.now();
        w.downloadsAt = null;
        w.drawnAt = null;
        w.progress = [];
      }
    },
    true,
  );
}

export async function newWebContext(browser, { viewport = { width: 1100, height: 900 } } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport });
  await context.addInitScript(instrumentPage);
  return context;
}

/**
 * Records a page's requests, console errors and page errors. `origin`: an http origin the page may also
 * load from (the static-server check); otherwise only dist/ over file://, blob: and data: are allowed.
 */
export function watchPage(page, origin = null) {
  const seen = { requests: [], foreign: [], errors: [] };
  const allowed = (url) =>
    url.startsWith('blob:') || url.startsWith('data:') || url.startsWith(DIST_URL) || (origin !== null && url.startsWith(`${origin}/`));
  page.on('request', (req) => {
    const url = req.url();
    seen.requests.push(url);
    if (!allowed(url)) seen.foreign.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Over http Chromium asks the server for /favicon.ico by itself (web.html names no icon); a server
    // without one answers 404. Not the page's doing, and the same origin.
    const at = msg.location()?.url ?? '';
    if (origin !== null && at === `${origin}/favicon.ico`) {
      seen.favicon404 = true;
      return;
    }
    seen.errors.push(`console: ${msg.text()}${at ? ` (${at})` : ''}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  page.on('crash', () => seen.errors.push('the page crashed'));
  page.on('worker', (worker) => {
    seen.workers = (seen.workers ?? 0) + 1;
    worker.on('console', (msg) => {
      if (msg.type() === 'error') seen.errors.push(`worker console: ${msg.text()}`);
    });
  });
  return seen;
}

/** Opens the page and waits for the drop zone. */
export async function openWebPage(page, url = WEB_URL) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-testid="drop-zone"]').waitFor({ timeout: WAIT_MS });
}

/**
 * Chooses files through the file input (as the 选择文件 dialog would); `files` are paths or
 * { name, mimeType, buffer }. Resolves when every one is listed and reading is over.
 */
export async function chooseFiles(page, files) {
  await page.locator('[data-testid="file-input"]').setInputFiles(files);
  const names = files.map((f) => (typeof f === 'string' ? path.basename(f) : f.name));
  await page.waitForFunction(
    (wanted) =>
      // One query per poll (this runs on the page's thread: a query per name was 90 000 comparisons a frame
      // for 300 files, and showed up as the page's own long tasks).
      !document.querySelector('[data-testid="read-progress"]') &&
      ((listed) => wanted.every((n) => listed.has(n)))(new Set([...document.querySelectorAll('[data-testid="merge-file"]')].map((el) => el.getAttribute('data-file')))),
    names,
    { timeout: WAIT_MS },
  );
}

/** The listed file's text (its name, and what was read or why it cannot be used). */
export function fileItem(page, name) {
  return page.locator(`[data-testid="merge-file"][data-file="${name}"]`);
}

/** Clicks 校验并生成结果; resolves to 'downloads', 'no-ledgers' or 'run-error', whichever the page shows. */
export async function runAppraisal(page) {
  await page.locator('button[type="submit"]').click();
  const outcome = page.locator('[data-testid="downloads"], [data-testid="notice-no-ledgers"], [data-testid="notice-run-error"]');
  await outcome.first().waitFor({ timeout: WAIT_MS });
  const id = await outcome.first().getAttribute('data-testid');
  return id === 'downloads' ? 'downloads' : id === 'notice-no-ledgers' ? 'no-ledgers' : 'run-error';
}

/** Clicks a download link and returns the browser's real download: its suggested name and its bytes. */
export async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.locator(`[data-testid="${testId}"]`).click()]);
  const file = await dl.path();
  if (!file) throw new Error(`download ${testId} failed: ${await dl.failure()}`);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
}

/** Waits until no long task has ended for `quietMs` (the results have finished rendering), at most `maxMs`. */
export async function waitUntilQuiet(page, quietMs = 1000, maxMs = 15_000) {
  const start = Date.now();
  for (;;) {
    const idle = await page.evaluate(() => {
      const last = window.__web.longTasks.reduce((end, t) => Math.max(end, t.start + t.ms), 0);
      return performance.now() - Math.max(last, window.__web.downloadsAt ?? 0);
    });
    if (idle >= quietMs || Date.now() - start > maxMs) return;
    await page.waitForTimeout(Math.max(100, quietMs - idle));
  }
}

const round = (x) => Math.round(x);

/**
 * The page's measurements of its last run: wall time from the click to the downloads, the long tasks
 * from the click until now (the results rendered), those before the click (start-up, reading the file)
 * apart, and the progress values shown.
 */
export async function runFigures(page) {
  const w = await page.evaluate(() => window.__web);
  if (w.clickAt === null || w.downloadsAt === null) throw new Error('no finished run to measure');
  const during = w.longTasks.filter((t) => t.start + t.ms >= w.clickAt);
  const before = w.longTasks.filter((t) => t.start + t.ms < w.clickAt);
  const values = w.progress.map((p) => Number(p.value));
  return {
    wallMs: round(w.downloadsAt - w.clickAt),
    drawnMs: w.drawnAt === null ? null : round(w.drawnAt - w.clickAt),
    maxLongTaskMs: round(Math.max(0, ...during.map((t) => t.ms))),
    longTasks: during.length,
    longTaskMs: during.map((t) => round(t.ms)),
    longTaskAt: during.map((t) => round(t.start - w.clickAt)),
    beforeRunMaxLongTaskMs: round(Math.max(0, ...before.map((t) => t.ms))),
    beforeRunLongTasks: before.length,
    progress: w.progress.map((p) => ({ ms: round(p.t - w.clickAt), value: Number(p.value), text: p.text })),
    distinctProgressValues: new Set(values).size,
    readProgressValues: new Set(w.readProgress.map((p) => p.value)).size,
    longTasksObserved: !w.noLongTasks,
  };
}

/**
 * The benchmark's generated workbook for a scale (bench/generate.ts), cached under bench/out with the same
 * name as bench/run.ts gives it (the scale and a hash of the generator's sources), so both reuse it.
 */
export function benchSample(scale = 1) {
  const dir = path.join(ROOT, 'src', 'sample');
  const sources = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(path.join(dir, f)));
  const hash = createHash('sha1').update(String(scale)).update(Buffer.concat(sources)).digest('hex').slice(0, 10);
  const file = path.join(ROOT, 'bench', 'out', `sample-${scale}-${hash}.xlsx`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate.ts', file, String(scale)], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench/generate.ts failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  }
  return file;
}

/**
 * One measured run of `file` (a path, or several: the units' files chosen together) in a fresh page:
 * chosen, appraised, results rendered. Returns runFigures plus the time to read the files in the page
 * (chooseMs) and the result workbook's name.
 */
export async function measureRun(context, file, origin = null) {
  const page = await context.newPage();
  const seen = watchPage(page, origin);
  try {
    await openWebPage(page);
    const t = Date.now();
    await chooseFiles(page, Array.isArray(file) ? file : [file]);
    const chooseMs = Date.now() - t;
    const outcome = await runAppraisal(page);
    if (outcome !== 'downloads') throw new Error(`the page showed ${outcome} instead of the downloads`);
    // The results are drawn in stages a task apart; 识别结果 is the last.
    await page.locator('[data-testid="recognition"]').waitFor({ timeout: WAIT_MS });
    await waitUntilQuiet(page);
    return { figures: { ...(await runFigures(page)), chooseMs }, page, seen };
  } catch (e) {
    await page.close();
    throw e;
  }
}
