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
// Chromium before 84 ignores `gap` in flex layouts: the page marks <html class="no-flex-gap"> and its own
// layouts fall back to margins; the test checks the mark and two measured spacings (see the screenshot).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureOldChromium } from '../../scripts/old-chromium.mjs';
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

const DIST_URL = pathToFileURL(DIST).href + '/';
const SHOT = path.join(ROOT, 'artifacts', 'screenshots', 'web-old-chromium-result.png');

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
    const { page, seen } = await watchedPage(browser, label, (url) => url.startsWith(DIST_URL) || url.startsWith('blob:') || url.startsWith('data:'));
    await page._client.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    watched.push(seen);
    return { page, seen };
  };
  const open = async (page) => {
    await page.goto(WEB_URL, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="drop-zone"]', { timeout: WAIT_MS });
  };
  /** Chooses files through the file input (CDP, as a file dialog would); resolves when each is listed and reading is over. */
  const choose = async (page, files) => {
    const input = await page.$('[data-testid="file-input"]');
    await page._client.send('DOM.setFileInputFiles', { objectId: input._remoteObject.objectId, files });
    await input.dispose();
    await waitListed(
      page,
      files.map((f) => path.basename(f)),
    );
  };
  /** Clicks a download link; Chromium saves the file to `downloads` (.crdownload while under way). */
  const download = (page, testId) => downloadTo(page, testId, downloads, '.crdownload');

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
      const rec = await assertRanInWorker(page, seen, 'Chromium');
      exampleCli = commandLine(tmp, [EXAMPLE], { json: true });
      const units = await unitCount(page);
      assertEqual(units, exampleCli.report.units.length, 'units shown (summary-units) vs the command line’s report');
      console.log(`       worker ${rec.workers[0]}: ${rec.workerMessages} messages; ${units} units`);
      // Flex gap is ignored before Chromium 84: the page marks <html> and spaces its own flex children with
      // margins (src/compat/flex-gap.ts, src/taskpane/gap.ts); an issue row's grid sits inside its button
      // (a <button> cannot be a grid container before Chromium 83).
      const layout = await page.evaluate(() => {
        const box = (el) => el.getBoundingClientRect();
        const error = document.querySelector('[data-testid="summary-count-error"]');
        const row = document.querySelector('[data-testid="issue-row"]');
        return {
          marked: document.documentElement.classList.contains('no-flex-gap'),
          badgeToCount: Math.round(box(error.children[1] ?? error).left - box(error.children[0]).right),
          rowBadgeWidth: Math.round(box(row.querySelector('.fui-Badge')).width),
          rowWidth: Math.round(box(row).width),
        };
      });
      assert(layout.marked, '<html> not marked no-flex-gap in Chromium 80');
      assert(layout.badgeToCount >= 3, `summary badge and its count ${layout.badgeToCount} px apart`);
      assert(layout.rowBadgeWidth < layout.rowWidth / 4, `issue row badge ${layout.rowBadgeWidth} px wide in a ${layout.rowWidth} px row`);
      console.log(`       flex gap fallback: badge–count ${layout.badgeToCount} px; issue badge ${layout.rowBadgeWidth} px in a ${layout.rowWidth} px row`);
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
      const cli = commandLine(tmp, UNITS, { json: true });
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
      assertAllClean(watched);
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
