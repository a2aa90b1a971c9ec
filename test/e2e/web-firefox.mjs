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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { assert, assertEqual, createChecks } from './checks.mjs';
import { commandLine } from './command-line.mjs';
import {
  assertSheetsEqual,
  DIST,
  download as downloadTo,
  EXAMPLE,
  pageRecord,
  assertAllClean,
  assertRanInWorker,
  watchedPage,
  ROOT,
  runAppraisal as run,
  UNITS,
  unitCount,
  WAIT_MS,
  waitListed,
  WEB_HTML,
  WEB_URL,
} from './puppeteer-web.mjs';
import { serveStatic } from './static-server.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const SHOT = path.join(ROOT, 'artifacts', 'screenshots', 'web-firefox-result.png');
const HAN = /[\u4e00-\u9fff]/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    const { page, seen } = await watchedPage(browser, label, (url) => /^(file|blob|data):/.test(url) || (origin !== null && url.startsWith(`${origin}/`)));
    watched.push(seen);
    return { page, seen };
  };
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
    await waitListed(
      page,
      files.map((f) => path.basename(f)),
    );
  };
  const fileText = (page, name) => page.$eval(`[data-testid="merge-file"][data-file="${name}"]`, (el) => el.innerText);
  /** Clicks a download link; Firefox saves the file to `downloads` by itself. Returns its name and bytes. */
  const download = (page, testId) => downloadTo(page, testId, downloads, '.part');

  let server = null;
  let exampleCli = null;
  try {
    const { page, seen } = await newPage('file:// page 1');

    await check('Firefox opens dist/web.html from file://: heading, run button disabled, no console errors or CSP violations', async () => {
      await open(page);
      assertEqual(await page.title(), '年终考核 · 网页版', 'title');
      const headings = await page.$$eval('h1, h2, [role="heading"]', (els) => els.map((el) => el.textContent));
      assert(headings.includes('年终考核 · 网页版'), `headings: ${headings.join(' | ')}`);
      assert(!(await page.evaluate(() => document.documentElement.classList.contains('no-flex-gap'))), 'Firefox marked no-flex-gap (it has flex gap since 63)');
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
      const rec = await assertRanInWorker(page, seen, 'Firefox');
      exampleCli = commandLine(tmp, [EXAMPLE], { json: true });
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
      const cli = commandLine(tmp, UNITS, { json: true });
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
      assertAllClean(watched);
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
