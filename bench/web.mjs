/**
 * The web page (dist/web.html, opened from file://) on a workbook in headless Chromium, `runs` times, each
 * in a fresh page: wall time from 校验并生成结果 to the download links, the longest task on the page's
 * thread from the click until the results are drawn, and how many tasks took 50 ms or more.
 * Needs a production build (npm run build) and /usr/bin/chromium. The last stdout line is JSON.
 * Usage: node bench/web.mjs <in.xlsx | folder of units' files> [runs]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, measureRun, newWebContext, WEB_HTML } from '../test/e2e/web-page.mjs';

const [input, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
if (!input || !existsSync(input)) throw new Error(`usage: node bench/web.mjs <in.xlsx | folder> [runs] (no file ${input})`);
// A folder: all its .xlsx chosen at once, as a clerk selects every unit's file in the dialog.
const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => path.join(input, f))
  : input;
if (!existsSync(WEB_HTML)) throw new Error('dist/web.html is missing: run npm run build first');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await launchBrowser();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await newWebContext(browser);
    const { figures, page } = await measureRun(context, files);
    await page.close();
    await context.close();
    process.stderr.write(`[bench web] run ${i + 1}/${runs}: ${figures.wallMs} ms, long tasks ${figures.longTaskMs.join(', ') || 'none'} ms\n`);
    results.push({
      wallMs: figures.wallMs,
      drawnMs: figures.drawnMs,
      chooseMs: figures.chooseMs,
      maxLongTaskMs: figures.maxLongTaskMs,
      longTasks: figures.longTasks,
      longTaskMs: figures.longTaskMs,
      beforeRunMaxLongTaskMs: figures.beforeRunMaxLongTaskMs,
      progressValues: figures.distinctProgressValues,
    });
  }
} finally {
  await browser.close();
}
const summary = {
  runs,
  wallMedianMs: Math.round(median(results.map((r) => r.wallMs))),
  drawnMedianMs: Math.round(median(results.map((r) => r.drawnMs ?? r.wallMs))),
  chooseMedianMs: Math.round(median(results.map((r) => r.chooseMs))),
  maxLongTaskMs: Math.max(...results.map((r) => r.maxLongTaskMs)),
  maxLongTaskMedianMs: Math.round(median(results.map((r) => r.maxLongTaskMs))),
  longTasksMedian: median(results.map((r) => r.longTasks)),
  target: 'longest task on the page’s thread < 200 ms (click to results drawn)',
  meetsTarget: results.every((r) => r.maxLongTaskMs < 200),
  results,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
