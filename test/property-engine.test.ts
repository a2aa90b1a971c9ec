/**
 * Property-based test of the engine: random, often hostile workbooks never make appraise() throw, and
 * whatever it reports obeys the contract (issue codes and places, score bounds, ranking, outcomes, quota).
 */
import fc from 'fast-check';
import { appraise, isIssueCode, ISSUE_SEVERITY, parseA1, type CellValue, type Merge, type OutputSheet, type SheetGrid, type WorkbookGrids } from '../src/engine';
import type { Report } from '../src/engine/report';

jest.setTimeout(60_000);

const NUM_RUNS = 300;
/** Fixed by default so CI is stable; set PROPERTY_SEED to explore other workbooks. */
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20221231;

// ---- vocabulary -------------------------------------------------------------------------------------

const SYNONYMS = [
  ...['单位', '部门', '科室', '股室', '处室', '支部', '党支部', '所在单位', '所在支部', '所在部门', '责任单位', '责任部门'],
  ...['姓名', '名字', '党员姓名', '干部姓名', '责任人'],
  ...['职级', '职务', '职务职级', '职务/职级', '级别'],
  ...['笔记字数', '学习笔记字数', '学习笔记', '笔记', '笔记字数\n（字）'],
  ...['心得体会', '心得体会篇数', '心得', '体会文章', '心得体会(篇)'],
  ...['日期', '时间', '活动日期', '活动时间', '检查日期', '督查日期', '督查时间'],
  ...['活动类型', '会议类型', '活动形式', '类型', '主题', '内容', '参加人数', '实到人数', '应到人数', '应参加人数'],
  ...['问题类型', '违纪类型', '违规情形', '问题', '处理情况'],
  ...['任务', '工作任务', '任务内容', '完成时限', '时限', '截止日期', '完成情况', '进度', '状态'],
  ...['班子建设', '队伍建设', '阵地建设', '制度建设', '工作职责', '活动载体', '成效评价'],
  ...['参数', '值', '说明', '序号', '备注'],
];
const JUNK_HEADERS = ['合计', '', ' ', '电话', '__proto__', 'constructor', '=1+1', '学习情况', '填报单位：就业服务中心'];

const SHEET_NAMES = [
  '学习台账', '办公室学习台账', '信息中心学习台账', '三会一课记录', '督查记录', '任务清单', '标准化评分', '考核规则',
  '考核汇总', '人员考核明细', '校验问题', 'Sheet1', '__proto__', 'constructor', 'hasOwnProperty', "It's", 'a b',
  '2022年度干部职工学习笔记登记表', '社保中心学习台账',
];

const UNITS = ['局办公室', '人事科', '社保中心', '__proto__', 'constructor', 'prototype', '张　三', '=1+1', '@SUM(A1)', ''];

const TEXTS = [
  '科员', '副科长', '四级主任科员', '支委会', '主题党日', '党课', '支部党员大会', '争先创优', '迟到', '立案', '上网聊天',
  '已完成', '完成', '未完成', '√', '是', '合计', '小计', '填表人：王五', '12000', '１２０００', '1.5万', '1.2万字', '4篇',
  '12,000', '2022-3-5', '2022/03/05', '2022.3.5', '2022年3月5日', '3月5日', '2021-12-31', '13月40日', '80%',
  "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', '+1', '-1', '<script>alert(1)</script>', 'NaN', 'Infinity',
  '1e308', '-0', '每月', '每季度', '不考核', '考核年度', '表彰名额', '2022', '优秀比例', '20%',
];

const NUMBERS = [0, -0, 1, 4, 10, 11, 12000, 15000, 2022, 44621, -1, -1e308, 1e308, 0.5, 99.999, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER];

// ---- arbitraries -------------------------------------------------------------------------------------

const dateArb: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ min: new Date(Date.UTC(1899, 11, 30)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
  fc.constant(new Date(Number.NaN)),
  fc.constant(new Date(Date.UTC(2022, 2, 5))),
);

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNITS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: dateArb },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' }) },
  { weight: 2, arbitrary: fc.constant(null) },
);

const headerArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SYNONYMS) }, { weight: 1, arbitrary: fc.constantFrom(...JUNK_HEADERS) });

const sheetNameArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SHEET_NAMES) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) });

const mergeArb: fc.Arbitrary<Merge> = fc
  .record({ top: fc.integer({ min: -2, max: 14 }), left: fc.integer({ min: -2, max: 10 }), h: fc.integer({ min: -1, max: 4 }), w: fc.integer({ min: -1, max: 6 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

/** A ledger-like grid: maybe a title row, maybe a 填报单位 line, a header, then ragged data rows. */
const ledgerValuesArb: fc.Arbitrary<CellValue[][]> = fc
  .record({
    title: fc.option(fc.constantFrom('2022年度干部职工学习笔记登记表', '填报单位：就业服务中心  填报日期：2022-12-31', '学习情况'), { nil: undefined }),
    header: fc.array(headerArb, { minLength: 1, maxLength: 9 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 10 }),
  })
  .map(({ title, header, rows }) => [...(title !== undefined ? [[title]] : []), header, ...rows]);

const randomValuesArb: fc.Arbitrary<CellValue[][]> = fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 8 });

const sheetBodyArb = fc.record({
  values: fc.oneof({ weight: 4, arbitrary: ledgerValuesArb }, { weight: 1, arbitrary: randomValuesArb }),
  originRow: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  originCol: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  merges: fc.option(fc.array(mergeArb, { maxLength: 4 }), { nil: undefined }),
  hidden: fc.option(fc.boolean(), { nil: undefined }),
});

const workbookArb: fc.Arbitrary<WorkbookGrids> = fc
  .uniqueArray(fc.tuple(sheetNameArb, sheetBodyArb), { minLength: 0, maxLength: 5, selector: ([name]) => name.toLowerCase() })
  .map((sheets) =>
    ({
      sheets: sheets.map(([name, body]): SheetGrid => {
        const grid: SheetGrid = { name, values: body.values };
        if (body.originRow !== undefined) grid.originRow = body.originRow;
        if (body.originCol !== undefined) grid.originCol = body.originCol;
        if (body.merges !== undefined) grid.merges = body.merges;
        if (body.hidden !== undefined) grid.hidden = body.hidden;
        return grid;
      }),
    }),
  );

const yearArb = fc.option(fc.constantFrom(2021, 2022, 2023), { nil: undefined });

// ---- the contract ------------------------------------------------------------------------------------

const PARTS = [
  ['study', '学习教育分值'],
  ['activities', '组织生活分值'],
  ['standardization', '标准化建设分值'],
  ['discipline', '作风纪律分值'],
  ['tasks', '任务落实分值'],
] as const;

const EPS = 1e-9;

function ruleNumber(report: Report, name: string): number {
  const v = report.rules[name];
  if (typeof v !== 'number') throw new Error(`rule ${name} is not a number: ${String(v)}`);
  return v;
}

function checkIssues(wb: WorkbookGrids, report: Report): void {
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  for (const issue of report.issues) {
    expect(isIssueCode(issue.code)).toBe(true);
    expect(issue.severity).toBe(ISSUE_SEVERITY[issue.code]);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.sheet !== '') expect(byName.has(issue.sheet)).toBe(true);
    if (issue.cell === '') continue;
    expect(issue.sheet).not.toBe('');
    const grid = byName.get(issue.sheet)!;
    const at = parseA1(issue.cell);
    expect(at).toBeDefined();
    const top = grid.originRow ?? 0;
    const left = grid.originCol ?? 0;
    const width = Math.max(0, ...grid.values.map((r) => r.length));
    const inside = at!.row >= top && at!.row < top + grid.values.length && at!.col >= left && at!.col < left + width;
    if (!inside) throw new Error(`${issue.code} at ${issue.sheet}!${issue.cell} is outside rows ${top}+${grid.values.length}, cols ${left}+${width}`);
  }
}

function checkScores(report: Report): void {
  const max = PARTS.reduce((sum, [, rule]) => sum + ruleNumber(report, rule), 0);
  for (const u of report.units) {
    let sum = 0;
    for (const [part, rule] of PARTS) {
      const v = u.scores[part];
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(-EPS);
      expect(v).toBeLessThanOrEqual(ruleNumber(report, rule) + EPS);
      sum += v;
    }
    expect(Number.isFinite(u.total)).toBe(true);
    expect(Math.abs(u.total - sum)).toBeLessThanOrEqual(0.005 + EPS);
    expect(Math.round(u.total * 100)).toBeCloseTo(u.total * 100, 6);
    expect(u.total).toBeGreaterThanOrEqual(0);
    expect(u.total).toBeLessThanOrEqual(max + EPS);
  }
}

/**
 * 评分依据 (issue 14): explain carries the very part scores; the sheet's part lines show them; every
 * discipline row of a unit is one entry; a unit below full marks has a 备注 on 考核汇总.
 */
function checkExplain(report: Report, outputs: OutputSheet[]): void {
  const explainSheet = outputs.find((o) => o.key === 'explain');
  const summary = outputs.find((o) => o.key === 'summary');
  const max = PARTS.reduce((sum, [, rule]) => sum + ruleNumber(report, rule), 0);
  const names = { study: '学习教育', activities: '组织生活', standardization: '标准化建设', discipline: '作风纪律', tasks: '任务落实' } as const;
  report.units.forEach((u, i) => {
    for (const [part] of PARTS) expect(u.explain[part].points).toBe(u.scores[part]);
    expect(u.explain.discipline.entries.filter((e) => e.kind !== 'leave')).toHaveLength(u.violations);
    if (!explainSheet || !summary) return;
    const rows = explainSheet.rows.filter((r) => r[1] === u.unit && r[0] === u.rank);
    for (const [part] of PARTS) expect(rows.filter((r) => r[2] === names[part]).map((r) => r[4])).toEqual([u.scores[part]]);
    if (u.total < max - 0.005) expect(summary.rows[i]![13]).not.toBe('');
  });
  expect(report.run.fingerprint).toMatch(/^[0-9a-f]{64}$/);
}

/** Competition ranking: non-vetoed first, each rank = 1 + (number strictly ahead); vetoed after them. */
function checkRanking(report: Report): void {
  const ok = report.units.filter((u) => !u.veto);
  const vetoed = report.units.filter((u) => u.veto);
  for (const u of ok) expect(u.rank).toBe(1 + ok.filter((o) => o.total > u.total).length);
  for (const u of vetoed) expect(u.rank).toBe(ok.length + 1 + vetoed.filter((o) => o.total > u.total).length);
}

function checkOutcomes(report: Report): void {
  const commendCount = ruleNumber(report, '表彰名额');
  const commendMin = ruleNumber(report, '表彰最低分');
  const criticizeCount = ruleNumber(report, '通报批评名额');
  if (report.selfCheck) {
    // One unit alone (自查): no 表彰 or 通报批评, which need all units; a veto stands; no quota.
    expect(report.units).toHaveLength(1);
    expect(report.units[0]!.outcome).toBe(report.units[0]!.veto ? '一票否决' : '');
    expect(report.excellentQuota).toBe(0);
    return;
  }
  expect(report.units.length === 1).toBe(false);
  for (const u of report.units) {
    expect(u.outcome === '一票否决').toBe(u.veto);
    const commendable = !u.veto && u.rank <= commendCount && u.total >= commendMin;
    expect(u.outcome === '表彰').toBe(commendable);
  }
  const rest = report.units.filter((u) => u.outcome !== '一票否决' && u.outcome !== '表彰');
  const criticized = rest.filter((u) => u.outcome === '通报批评');
  expect(criticized.length).toBeGreaterThanOrEqual(Math.min(Math.max(criticizeCount, 0), rest.length));
  // Nobody outside the lowest totals is criticised.
  for (const c of criticized) for (const r of rest) if (r.outcome === '') expect(r.total).toBeGreaterThan(c.total);
}

const ERROR_TEXTS = new Set(['#N/A', '#DIV/0!', '#REF!']);

function checkPersons(report: Report): void {
  // An error cell is FORMULA_ERROR and missing: it never names a unit or a person (the generator writes no such text).
  for (const u of report.units) expect(ERROR_TEXTS.has(u.unit)).toBe(false);
  expect(report.excellentQuota).toBe(Math.floor(ruleNumber(report, '优秀比例') * report.persons.length + 1e-9));
  const units = new Set(report.units.map((u) => u.unit));
  for (const p of report.persons) {
    expect(units.has(p.unit)).toBe(true);
    expect(ERROR_TEXTS.has(p.name)).toBe(false);
    if (p.noteChars !== null) expect(Number.isFinite(p.noteChars)).toBe(true);
    if (p.reflections !== null) expect(Number.isFinite(p.reflections)).toBe(true);
    if (p.eligibleExcellent) expect(p.passed && p.violations === 0).toBe(true);
  }
}

function nonFiniteNumbers(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) found.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, found));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, found);
  return found;
}

test('appraise() never throws and its report keeps the contract on random workbooks', () => {
  fc.assert(
    fc.property(workbookArb, yearArb, (wb, year) => {
      const result = appraise(wb, year !== undefined ? { year } : {});
      const { report } = result;
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
      checkIssues(wb, report);
      checkScores(report);
      checkRanking(report);
      checkOutcomes(report);
      checkPersons(report);
      checkExplain(report, result.outputs);
      // The report survives JSON: no NaN or Infinity that would silently turn into null.
      expect(nonFiniteNumbers(report)).toEqual([]);
      for (const out of result.outputs) {
        for (const row of out.rows) for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }
      expect(result.noLedgers).toBe(result.outputs.length === 0);
    }),
    { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
  );
});

test('the default rules give totals within 0..100 on ledger-shaped workbooks', () => {
  const ruleFree = workbookArb.map((wb) => ({ sheets: wb.sheets.filter((s) => s.name !== '考核规则') }));
  fc.assert(
    fc.property(ruleFree, (wb) => {
      const { report } = appraise(wb, { year: 2022 });
      for (const u of report.units) {
        expect(u.total).toBeGreaterThanOrEqual(0);
        expect(u.total).toBeLessThanOrEqual(100);
      }
      expect(report.excellentQuota).toBe(Math.floor(0.2 * report.persons.length + 1e-9));
    }),
    { numRuns: 150, seed: SEED + 1 },
  );
});
