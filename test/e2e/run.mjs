// End-to-end test of the task pane in real Chromium: the harness page runs the real task pane code
// against the Excel stand-in loaded with test/fixtures/example-2022.xlsx.
//
//   npm run test:e2e      (needs /usr/bin/chromium and fonts-noto-cjk: see .ci/run)
//
// Prints one line per check and "N passed, N failed" last; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assert, assertEqual, createChecks } from './checks.mjs';
import { serveStatic } from './static-server.mjs';
import { outcomesFromSummarySheet, summaryFromPane } from './read-results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HARNESS_DIR = path.join(ROOT, 'artifacts', 'harness');
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'example-2022.expected.json'), 'utf8'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Generous: the first run parses the fixture with exceljs in the page on a 2-core machine.
const WAIT_MS = 60_000;

function buildHarness() {
  console.log('building harness…');
  const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const r = spawnSync(process.execPath, [webpack, '--config', 'test/harness/webpack.harness.js', '--mode', 'development'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error('harness build failed');
  }
}

const fixtureUnits = EXPECTED.units;
const byOutcome = (outcome) =>
  fixtureUnits
    .filter((u) => u.outcome === outcome)
    .sort((a, b) => a.rank - b.rank)
    .map((u) => u.unit);

async function main() {
  const checks = createChecks();
  const { check } = checks;
  mkdirSync(SHOTS, { recursive: true });
  buildHarness();
  const server = await serveStatic(HARNESS_DIR);
  const origin = new URL(server.url).origin;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'appraisal-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
  });

  const consoleErrors = [];
  const foreignRequests = [];
  const failedResponses = [];
  const watch = (p) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    p.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
    p.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreignRequests.push(url);
    });
    p.on('response', (res) => {
      if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
    });
    return p;
  };
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  /** A fresh page on the harness with a scenario's query string, ready to click. */
  const openScenario = async (query) => {
    const p = watch(await context.newPage());
    await p.goto(`${server.url}?${query}`, { waitUntil: 'load' });
    await p.waitForFunction(() => window.__harness?.ready === true || window.__harness?.error, null, { timeout: WAIT_MS });
    const error = await p.evaluate(() => window.__harness.error ?? null);
    if (error) throw new Error(`harness failed: ${error}`);
    await p.getByRole('heading', { name: '年终考核 · 台账校验与评分' }).waitFor({ timeout: WAIT_MS });
    return p;
  };

  const snapshot = () => page.evaluate(() => window.__harness.snapshot());
  const sheetValues = (name) => page.evaluate((n) => window.__harness.sheetValues(n), name);
  const runButton = page.getByRole('button', { name: '校验并生成结果' });

  try {
    await check('harness loads the fixture into the stand-in and renders the task pane', async () => {
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__harness?.ready === true || window.__harness?.error, null, { timeout: WAIT_MS });
      const error = await page.evaluate(() => window.__harness.error ?? null);
      assert(!error, `harness failed: ${error}`);
      await runButton.waitFor({ timeout: WAIT_MS });
      const snap = await snapshot();
      assert(snap.sheets.includes('党支部标准化建设评分表'), `fixture sheets missing: ${snap.sheets.join(', ')}`);
      assert(!snap.sheets.includes('考核汇总'), 'output sheet present before the first run');
      await page.getByRole('heading', { name: '年终考核 · 台账校验与评分' }).waitFor();
      await page.getByRole('button', { name: '插入考核规则表' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, '01-before.png') });
    });

    await check('tab order: 考核年度 → 校验并生成结果 → 插入考核规则表', async () => {
      await page.getByRole('textbox', { name: '考核年度' }).focus();
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      await page.keyboard.press('Tab');
      assertEqual(await focused(), '校验并生成结果', 'after one Tab');
      await page.keyboard.press('Tab');
      assertEqual(await focused(), '插入考核规则表', 'after two Tabs');
    });

    await check('while running: progress with a Chinese stage, the button disabled', async () => {
      await page.evaluate(() => window.__harness.hold());
      await runButton.click();
      const progress = page.getByTestId('run-progress');
      await progress.waitFor({ timeout: WAIT_MS });
      assert((await progress.innerText()).includes('读取工作表'), `stage text: ${await progress.innerText()}`);
      assertEqual(await page.getByRole('progressbar').count(), 1, 'progress bars');
      const busyButton = page.getByRole('button', { name: '正在校验…' });
      assert(await busyButton.isDisabled(), 'run button enabled while running');
      await page.screenshot({ path: path.join(SHOTS, '04-running.png') });
    });

    let summary = null;
    await check('校验并生成结果 shows a summary', async () => {
      await page.evaluate(() => window.__harness.release());
      await page.waitForSelector('[data-testid="summary"], [data-testid="notice-no-ledgers"], [data-testid="notice-failed"]', {
        timeout: WAIT_MS,
      });
      const failed = await page.locator('[data-testid="notice-failed"]').count();
      assert(failed === 0, `run failed: ${await page.locator('[data-testid="notice-failed"]').innerText().catch(() => '')}`);
      const noLedgers = await page.locator('[data-testid="notice-no-ledgers"]').count();
      assert(noLedgers === 0, 'the engine found no ledgers in the fixture (is src/engine still the stub?)');
      summary = await summaryFromPane(page);
      await page.screenshot({ path: path.join(SHOTS, '02-after-validation.png') });
    });

    await check('the button is enabled again after the run, and still has the focus', async () => {
      assert(await runButton.isEnabled(), 'run button still disabled');
      assert(await runButton.evaluate((el) => el === document.activeElement), 'focus left the run button during the run');
    });

    await check('summary matches the 考核汇总 sheet written into the workbook', async () => {
      assert(summary, 'no summary');
      const snap = await snapshot();
      assert(snap.sheets.includes('考核汇总'), `no 考核汇总 sheet; sheets: ${snap.sheets.join(', ')}`);
      assert(snap.sheets.includes('人员考核明细'), 'no 人员考核明细 sheet');
      assert(snap.sheets.includes('校验问题'), 'no 校验问题 sheet');
      assert(snap.sheets.includes('评分依据'), 'no 评分依据 sheet');
      const fromSheet = outcomesFromSummarySheet(await sheetValues('考核汇总'));
      assertEqual(summary.units, fromSheet.units.length, 'units in pane vs rows on 考核汇总');
      // Sorted: the sheet lists tied units in its own order.
      const sorted = (list) => [...list].sort();
      assertEqual(sorted(summary.commended), sorted(fromSheet.commended), '表彰 in pane vs 考核汇总');
      assertEqual(sorted(summary.criticised), sorted(fromSheet.criticised), '通报批评 in pane vs 考核汇总');
      assertEqual(sorted(summary.vetoed), sorted(fromSheet.vetoed), '一票否决 in pane vs 考核汇总');
      assert(summary.written.includes('「考核汇总」'), `summary does not say where results went: ${summary.written}`);
    });

    await check('summary shows the fixture facts (SPEC defaults)', async () => {
      assert(summary, 'no summary');
      assertEqual(summary.year, '2022 年度', 'year');
      assertEqual(summary.units, fixtureUnits.length, 'units');
      assertEqual(summary.commended, byOutcome('表彰'), '表彰');
      assertEqual(summary.vetoed, byOutcome('一票否决'), '一票否决');
      assertEqual(summary.criticised, byOutcome('通报批评'), '通报批评');
      assertEqual(summary.quota, EXPECTED.excellentQuota, '优秀名额');
      assert(summary.counts.error > 0 && summary.counts.warning > 0, `severity counts look empty: ${JSON.stringify(summary.counts)}`);
    });

    await check('clicking the OUT_OF_RANGE issue selects 党支部标准化建设评分表!F5', async () => {
      const row = page.locator('[data-testid="issue-row"][data-code="OUT_OF_RANGE"][data-sheet="党支部标准化建设评分表"][data-cell="F5"]');
      assertEqual(await row.count(), 1, 'OUT_OF_RANGE rows at F5');
      await row.scrollIntoViewIfNeeded();
      await row.click();
      await page.waitForFunction(
        () => {
          const s = window.__harness.snapshot();
          return s.selection?.sheet === '党支部标准化建设评分表' && s.selection?.address === 'F5';
        },
        null,
        { timeout: WAIT_MS },
      );
      const snap = await snapshot();
      assertEqual(snap.activeSheet, '党支部标准化建设评分表', 'active sheet');
      assertEqual(snap.selection, { sheet: '党支部标准化建设评分表', address: 'F5' }, 'selection');
      assertEqual(await row.getAttribute('aria-current'), 'true', 'clicked row marked current');
      // The harness panel redraws every 200 ms: wait until it shows the selection before the picture.
      await page.waitForFunction(() => document.body.innerText.includes('党支部标准化建设评分表!F5'), null, { timeout: WAIT_MS });
      await page.screenshot({ path: path.join(SHOTS, '03-issue-selected.png') });
    });

    await check('an issue row is reachable by keyboard and Enter selects its cell', async () => {
      const row = page.locator('[data-testid="issue-row"][data-sheet][data-cell]:not([data-cell="F5"])').first();
      const target = { sheet: await row.getAttribute('data-sheet'), address: await row.getAttribute('data-cell') };
      assertEqual(await row.evaluate((el) => el.tagName), 'BUTTON', 'issue row element');
      await row.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (t) => {
          const s = window.__harness.snapshot();
          return s.selection?.sheet === t.sheet && s.selection?.address === t.address;
        },
        target,
        { timeout: WAIT_MS },
      );
    });

    await check('clicking a unit shows its 评分依据 block: the points of the 评分依据 sheet, each deduction one click from its cell', async () => {
      const unit = '技工学校';
      const header = page.locator(`[data-testid="unit-row"][data-unit="${unit}"] button`);
      await header.scrollIntoViewIfNeeded();
      await header.click();
      const block = page.locator(`[data-testid="unit-explain"][data-unit="${unit}"]`);
      await block.waitFor({ timeout: WAIT_MS });
      const shown = await block.locator('[data-testid="unit-explain-line"][data-points]').evaluateAll((els) =>
        els.map((e) => ({ level: e.dataset.level, part: e.dataset.part, points: Number(e.dataset.points) })),
      );
      assertEqual(shown.map((l) => l.part), ['总分', '学习教育', '组织生活', '标准化建设', '作风纪律', '任务落实'], 'parts shown');
      const sheetRows = (await sheetValues('评分依据')).filter((row) => row[1] === unit && row[2] !== '' && row[2] !== null);
      for (const line of shown) {
        const row = sheetRows.find((r) => r[2] === line.part);
        assert(row, `no ${line.part} row for ${unit} on 评分依据`);
        assert(Math.abs(Number(row[4]) - line.points) < 1e-9, `${line.part}: pane ${line.points}, sheet ${row[4]}`);
      }
      const links = block.locator('[data-testid="unit-explain-link"]');
      assert((await links.count()) >= 2, 'the block has fewer than two links');
      const deduction = block.locator('[data-testid="unit-explain-link"][data-sheet="窗口作风督查记录"]').first();
      const target = { sheet: await deduction.getAttribute('data-sheet'), address: await deduction.getAttribute('data-cell') };
      await deduction.click();
      await page.waitForFunction(
        (t) => {
          const sel = window.__harness.snapshot().selection;
          return sel?.sheet === t.sheet && sel?.address === t.address;
        },
        target,
        { timeout: WAIT_MS },
      );
      await block.scrollIntoViewIfNeeded();
      await page.locator('[data-testid="units"]').screenshot({ path: path.join(SHOTS, '13-unit-explain.png') });
      await page.screenshot({ path: path.join(SHOTS, '14-unit-explain-pane.png') });
    });

    await check('filtering by severity changes the visible issues', async () => {
      const visible = () => page.locator('[data-testid="issue-row"]').count();
      const all = await visible();
      assertEqual(all, summary.counts.error + summary.counts.warning + summary.counts.info, 'rows shown under 全部');
      await page.getByTestId('filter-error').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="issue-row"]').length !== n, all, { timeout: WAIT_MS });
      const errors = await visible();
      assertEqual(errors, summary.counts.error, 'rows shown under 错误');
      const severities = await page.locator('[data-testid="issue-row"]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.severity))]);
      assertEqual(severities, ['error'], 'severities shown under 错误');
      assertEqual(await page.getByTestId('filter-error').getAttribute('aria-pressed'), 'true', '错误 filter pressed');
      await page.getByTestId('filter-warning').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="issue-row"]').length === n, summary.counts.warning, { timeout: WAIT_MS });
      await page.getByTestId('filter-all').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="issue-row"]').length === n, all, { timeout: WAIT_MS });
    });

    await check('issue text is rendered as text, not HTML', async () => {
      const injected = await page.locator('#container script, #container img, #container iframe').count();
      assertEqual(injected, 0, 'script/img/iframe elements inside the pane');
    });

    await check('running again replaces the generated sheets instead of adding copies', async () => {
      const before = await snapshot();
      // Held so the test sees this run start, rather than the previous run's summary.
      await page.evaluate(() => window.__harness.hold());
      await runButton.click();
      await page.getByTestId('run-progress').waitFor({ timeout: WAIT_MS });
      assertEqual(await page.getByTestId('summary').count(), 0, 'old summary shown during the run');
      await page.evaluate(() => window.__harness.release());
      await page.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      assert((await snapshot()).syncs > before.syncs, 'the second run did not reach Excel');
      const after = (await snapshot()).sheets;
      assertEqual(after, before.sheets, 'sheets after a second run');
      assert(!after.some((s) => /\(\d+\)$/.test(s)), `numbered copies appeared: ${after.join(', ')}`);
    });

    await check('插入考核规则表 adds the rules sheet once, then leaves it alone', async () => {
      const rulesButton = page.getByRole('button', { name: '插入考核规则表' });
      await rulesButton.click();
      const notice = page.getByTestId('notice');
      await notice.filter({ hasText: '已插入工作表' }).waitFor({ timeout: WAIT_MS });
      const sheets = (await snapshot()).sheets;
      assert(sheets.includes('考核规则'), `no 考核规则 sheet: ${sheets.join(', ')}`);
      const values = await sheetValues('考核规则');
      assert(values.some((row) => row.includes('笔记字数下限')), '考核规则 lacks 笔记字数下限');
      await rulesButton.click();
      await notice.filter({ hasText: '未作改动' }).waitFor({ timeout: WAIT_MS });
      assertEqual((await snapshot()).sheets.filter((s) => s.startsWith('考核规则')).length, 1, '考核规则 sheets');
    });

    await check('a workbook without ledgers says which columns are expected and writes nothing', async () => {
      const p = await openScenario('fixture=none');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      const notice = p.getByTestId('notice-no-ledgers');
      await notice.waitFor({ timeout: WAIT_MS });
      const text = await notice.innerText();
      assert(text.includes('工作簿中未找到可识别的台账'), `notice: ${text}`);
      assert(text.includes('姓名、笔记字数、心得体会'), `notice lacks the study columns: ${text}`);
      assertEqual(await p.evaluate(() => window.__harness.snapshot().sheets), ['通讯录'], 'sheets after the run');
      await p.screenshot({ path: path.join(SHOTS, '05-no-ledgers.png') });
      await p.close();
    });

    await check('a workbook laid out as party-work systems export it is read: three branches, the 备注 findings', async () => {
      const p = await openScenario('fixture=real-layout-2022.xlsx');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      const pane = await summaryFromPane(p);
      assertEqual(pane.units, 3, 'units');
      assertEqual(pane.persons, 7, 'persons');
      const summarySheet = await p.evaluate(() => window.__harness.sheetValues('考核汇总'));
      const flat = summarySheet.flat().map(String);
      for (const unit of ['文学院教工第一党支部', '文学院教工第二党支部', '文学院学生党支部']) assert(flat.includes(unit), `考核汇总 lacks ${unit}`);
      assert(!flat.includes('中共某大学文学院委员会'), 'the 分党委 level became a unit');
      const leave = p.locator('[data-testid="issue-row"][data-code="LEAVE_NOT_DEDUCTED"]');
      assertEqual(await leave.count(), 2, 'LEAVE_NOT_DEDUCTED rows (请假, 病假)');
      await p.screenshot({ path: path.join(SHOTS, '09-real-layout.png') });
      await p.close();
    });

    await check('a near miss: the pane names the sheet and the missing column, and the default-named sheet', async () => {
      const p = await openScenario('fixture=near-miss-2022.xlsx');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      const notice = p.getByTestId('notice-no-ledgers');
      await notice.waitFor({ timeout: WAIT_MS });
      const text = await p.getByTestId('near-misses').innerText();
      assert(text.includes('「会议记录」第 1 行：像是党内活动台账，但没有找到“日期”列'), `near misses: ${text}`);
      assert(text.includes('工作表名“Sheet1”是默认名称'), `near misses: ${text}`);
      assertEqual(await p.evaluate(() => window.__harness.snapshot().sheets), ['说明', '会议记录', 'Sheet1'], 'sheets after the run');
      await p.screenshot({ path: path.join(SHOTS, '10-near-miss.png'), fullPage: true });
      await p.close();
    });

    await check('识别结果: the clerk picks 时间二 as 日期; the row lands in 考核规则, her own cells stay, the rerun uses it', async () => {
      const p = await openScenario('fixture=two-dates-2022.xlsx');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      const ambiguous = p.locator('[data-testid="issue-row"][data-code="AMBIGUOUS_COLUMN"]');
      assertEqual(await ambiguous.count(), 1, 'AMBIGUOUS_COLUMN rows before');
      const rulesBefore = await p.evaluate(() => window.__harness.sheetValues('考核规则'));
      const section = p.getByTestId('recognition');
      await section.getByRole('button', { name: /会议记录/ }).click();
      const dateField = p.locator('[data-testid="recognition-field"][data-sheet="会议记录"][data-field="日期"]');
      await dateField.waitFor({ timeout: WAIT_MS });
      assert((await dateField.innerText()).includes('C 时间一'), `日期 before: ${await dateField.innerText()}`);
      await dateField.scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(SHOTS, '11-recognition.png') });
      await dateField.click();
      await p.getByRole('option', { name: 'D 时间二' }).click();
      await p.waitForFunction(
        () => (window.__harness.sheetValues('考核规则') ?? []).some((r) => r[0] === '会议记录' && r[1] === '时间二' && r[2] === '日期'),
        null,
        { timeout: WAIT_MS },
      );
      // The rerun: the field now shows 时间二, chosen by 列名对应, and the ambiguity is gone.
      await p.locator('[data-testid="recognition-field"][data-sheet="会议记录"][data-field="日期"]', { hasText: 'D 时间二' }).waitFor({ timeout: WAIT_MS });
      await p.getByText('按列名对应').first().waitFor({ timeout: WAIT_MS });
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      assertEqual(await ambiguous.count(), 0, 'AMBIGUOUS_COLUMN rows after');
      const rulesAfter = await p.evaluate(() => window.__harness.sheetValues('考核规则'));
      rulesBefore.forEach((row, r) => assertEqual(rulesAfter[r].slice(0, row.length), row, `考核规则 row ${r + 1}`));
      assertEqual(rulesAfter.slice(rulesBefore.length + 1, rulesBefore.length + 3).map((r) => r.slice(0, 3)), [
        ['工作表', '列标题', '对应字段'],
        ['会议记录', '时间二', '日期'],
      ], '列名对应 block');
      await p.getByTestId('recognition').scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(SHOTS, '12-recognition-mapped.png') });
      // Clicking the field's name selects its header cell.
      await p.getByTestId('recognition').getByRole('button', { name: '日期 *' }).click();
      await p.waitForFunction(() => window.__harness.snapshot().selection?.address === 'D1', null, { timeout: WAIT_MS });
      assertEqual((await p.evaluate(() => window.__harness.snapshot())).selection, { sheet: '会议记录', address: 'D1' }, 'selection');
      await p.close();
    });

    await check('合并各单位报送文件: three units’ files picked, read in the pane, appraised with the workbook; each file says what was found', async () => {
      const p = await openScenario('fixture=none');
      const dir = path.join(ROOT, 'test', 'fixtures', 'units');
      const names = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx', '机关党委-2022年度考核台账.xlsx'];
      await p.getByTestId('merge-input').setInputFiles(names.map((n) => path.join(dir, n)));
      const list = p.getByTestId('merge-files');
      await list.waitFor({ timeout: WAIT_MS });
      assertEqual(await p.locator('[data-testid="merge-file"]').count(), 3, 'picked files');
      await p.screenshot({ path: path.join(SHOTS, '13-merge-picked.png') });
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      const office = await p.locator('[data-testid="merge-file"][data-file="机关党委-2022年度考核台账.xlsx"]').innerText();
      assert(office.includes('台账 3 张'), `机关党委 file: ${office}`);
      const unitFile = await p.locator('[data-testid="merge-file"][data-file="局办公室-2022年党建台账.xlsx"]').innerText();
      assert(unitFile.includes('单位：局办公室'), `unit file: ${unitFile}`);
      const issues = await p.evaluate(() => window.__harness.sheetValues('校验问题'));
      assertEqual(issues[2].slice(0, 4), ['序号', '级别', '文件', '工作表'], '校验问题 header');
      // No request left the page: the files were read in it.
      await p.getByTestId('merge-files').scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(SHOTS, '14-merge-summary.png') });
      await p.close();
    });

    await check('an Excel without ExcelApi 1.7 gets a clear message and no run button', async () => {
      const p = await openScenario('fixture=none&api=6');
      const notice = p.getByTestId('notice-unsupported');
      await notice.waitFor({ timeout: WAIT_MS });
      const text = await notice.innerText();
      assert(text.includes('Excel 2019') && text.includes('ExcelApi 1.7'), `notice: ${text}`);
      assertEqual(await p.getByRole('button', { name: '校验并生成结果' }).count(), 0, 'run buttons');
      await p.screenshot({ path: path.join(SHOTS, '06-unsupported.png') });
      await p.close();
    });

    await check("a user's own 考核汇总 is kept; the pane says the results went to 考核汇总(2)", async () => {
      const p = await openScenario('userSheet=考核汇总&protect=说明');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      const renamed = await p.getByTestId('summary-renamed').innerText();
      assert(renamed.includes('「考核汇总」') && renamed.includes('「考核汇总(2)」'), `renamed notice: ${renamed}`);
      assert((await p.getByTestId('summary-written').innerText()).includes('「考核汇总(2)」'), 'written-to line');
      const own = await p.evaluate(() => window.__harness.sheetValues('考核汇总'));
      assertEqual(own, [['这是用户自己的工作表，加载项不得覆盖']], "user's 考核汇总");
      const written = await p.evaluate(() => window.__harness.sheetValues('考核汇总(2)'));
      assertEqual(outcomesFromSummarySheet(written).units.length, fixtureUnits.length, 'units on 考核汇总(2)');
      const protectedNotice = await p.getByTestId('notice-protected-read').innerText();
      assert(protectedNotice.includes('「说明」'), `protected notice: ${protectedNotice}`);
      await p.screenshot({ path: path.join(SHOTS, '07-user-sheet-kept.png') });
      await p.close();
    });

    await check('thousands of issues: 200 rows per group, 显示更多 adds more; markup stays text', async () => {
      const p = await openScenario('fixture=large');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      await p.getByTestId('summary').waitFor({ timeout: WAIT_MS });
      const group = p.locator('[data-testid="issue-group"][data-sheet="学习台账"]');
      const rows = group.locator('[data-testid="issue-row"]');
      assertEqual(await rows.count(), 200, 'rows rendered at first');
      const more = group.getByRole('button', { name: /显示更多/ });
      assert((await more.innerText()).includes('/ 共 3000 条'), `show-more label: ${await more.innerText()}`);
      await more.scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(SHOTS, '08-many-issues.png') });
      await more.click();
      await p.waitForFunction(
        () => document.querySelectorAll('[data-testid="issue-group"][data-sheet="学习台账"] [data-testid="issue-row"]').length === 400,
        null,
        { timeout: WAIT_MS },
      );
      assertEqual(await p.evaluate(() => window.__xss ?? null), null, 'script from ledger text ran');
      assertEqual(await p.locator('#container img, #container script').count(), 0, 'img/script elements in the pane');
      const literal = await group.getByText('<img/src=x/onerror=window.__xss=1>').count();
      assert(literal > 0, 'the markup-like name is not shown literally');
      await p.close();
    });

    await check('a protected workbook structure gets a Chinese explanation, and nothing is written', async () => {
      const p = await openScenario('lockWorkbook=1');
      const before = await p.evaluate(() => window.__harness.snapshot().sheets);
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      const notice = p.getByTestId('notice-failed');
      await notice.waitFor({ timeout: WAIT_MS });
      const text = await notice.innerText();
      assert(text.includes('工作簿结构受保护'), `notice: ${text}`);
      assertEqual(await p.evaluate(() => window.__harness.snapshot().sheets), before, 'sheets after the refused run');
      assert(await p.getByRole('button', { name: '校验并生成结果' }).isEnabled(), 'run button not enabled after the failure');
      await p.close();
    });

    await check('an unexpected error shows a short detail, never a stack trace', async () => {
      const p = await openScenario('fixture=none&fail=sync');
      await p.getByRole('button', { name: '校验并生成结果' }).click();
      const notice = p.getByTestId('notice-failed');
      await notice.waitFor({ timeout: WAIT_MS });
      const text = await notice.innerText();
      assert(text.includes('运行未完成'), `notice: ${text}`);
      assert(text.includes('Simulated failure in the harness'), `detail missing: ${text}`);
      assert(!text.includes('harness.ts:') && !/\bat \w+ \(/.test(text), `stack trace shown: ${text}`);
      await p.screenshot({ path: path.join(SHOTS, '09-unexpected-error.png') });
      await p.close();
    });

    await check('no failed requests (404s)', async () => {
      assertEqual(failedResponses, [], 'failed responses');
    });

    await check('the console has no errors', async () => {
      assertEqual(consoleErrors, [], 'console errors');
    });

    await check('the page makes no request outside its own origin', async () => {
      assertEqual(foreignRequests, [], 'foreign requests');
    });
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  console.log(`screenshots: ${path.relative(ROOT, SHOTS)}/`);
  console.log(checks.summary());
  process.exitCode = checks.failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
