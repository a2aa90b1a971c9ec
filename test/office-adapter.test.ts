/**
 * The Office.js adapter driven through the Excel stand-in: the same .xlsx read via Office.js and via
 * exceljs must give the engine the same cells; writes stay within Excel on the web's limits and keep
 * ledger text literal; users' sheets are never replaced.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { appraise, GENERATED_MARKER, isErrorValue, type CellValue, type OutputSheet, type SheetGrid } from '../src/engine';
import { readWorkbook as readWithExcelJs } from '../src/adapters/exceljs';
import { readWorkbook, writeOutputs, existingSheets, runAppraisalInExcel, selectCell, insertRulesSheet, checkApiSupport, isOfficeAdapterError } from '../src/adapters/office';
import { toOfficeAdapterError } from '../src/adapters/office/errors';
import { createState, installExcelStandIn, uninstallExcelStandIn, getStandInState, loadExcelJsWorkbook, putValues, resetCounters, FIVE_MB, type StandInState } from './excel-standin';

const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');

async function fixtureWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  return wb;
}

function install(state: StandInState): StandInState {
  installExcelStandIn(globalThis, state);
  return state;
}

afterEach(() => uninstallExcelStandIn(globalThis));

function at(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row - (grid.originRow ?? 0)]?.[col - (grid.originCol ?? 0)] ?? null;
}

/** What Excel's `values` gives for an exceljs value: dates as serial numbers, '' as empty. */
function asExcelSees(v: CellValue): CellValue {
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  if (v === '') return null;
  return v;
}

function inMerge(grid: SheetGrid, row: number, col: number): 'first' | 'other' | 'none' {
  const m = grid.merges?.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
  if (!m) return 'none';
  return m.top === row && m.left === col ? 'first' : 'other';
}

const sortMerges = (g: SheetGrid) => [...(g.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left);

describe('reading the example workbook through Office.js', () => {
  test('gives the engine the same cells as exceljs: values, dates, errors, merges, hidden rows', async () => {
    const wb = await fixtureWorkbook();
    const viaExcelJs = readWithExcelJs(wb);
    install(loadExcelJsWorkbook(wb));
    const viaOffice = await Excel.run((context) => readWorkbook(context));

    expect(viaOffice.grids.sheets.map((s) => s.name)).toEqual(viaExcelJs.sheets.map((s) => s.name));
    let compared = 0;
    let errors = 0;
    let mergedEmpties = 0;
    viaExcelJs.sheets.forEach((ej, k) => {
      const of = viaOffice.grids.sheets[k]!;
      expect(sortMerges(of)).toEqual(sortMerges(ej));
      expect(of.hiddenRows ?? []).toEqual(ej.hiddenRows ?? []);
      expect(of.hiddenColumns ?? []).toEqual(ej.hiddenColumns ?? []);
      const rows = Math.max(ej.values.length, (of.originRow ?? 0) + of.values.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(ej.values[r]?.length ?? 0, (of.originCol ?? 0) + (of.values[r - (of.originRow ?? 0)]?.length ?? 0));
        for (let c = 0; c < cols; c++) {
          const office = at(of, r, c);
          const where = inMerge(ej, r, c);
          if (where === 'other') {
            // Excel reports the non-first cells of a merged area empty; exceljs repeats the value.
            expect({ sheet: ej.name, r, c, office }).toEqual({ sheet: ej.name, r, c, office: null });
            mergedEmpties++;
            continue;
          }
          expect({ sheet: ej.name, r, c, v: office }).toEqual({ sheet: ej.name, r, c, v: asExcelSees(at(ej, r, c)) });
          if (isErrorValue(office)) errors++;
          compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(300);
    expect(mergedEmpties).toBeGreaterThan(10);
    expect(errors).toBeGreaterThanOrEqual(1);
    // The #DIV/0! in 党支部标准化建设评分表!H6 arrives as an error, not as text.
    const std = viaOffice.grids.sheets.find((s) => s.name === '党支部标准化建设评分表')!;
    expect(at(std, 5, 7)).toEqual({ error: '#DIV/0!' });
    // The hidden row 4 of 技工学校学习台账 is reported (and still read).
    const school = viaOffice.grids.sheets.find((s) => s.name === '技工学校学习台账')!;
    expect(school.hiddenRows).toEqual([3]);
    expect(at(school, 3, 1)).toBe('胡春强');
  });

  test('at ExcelApi 1.7 the read still works, without merge and hidden-row details', async () => {
    const wb = await fixtureWorkbook();
    install(loadExcelJsWorkbook(wb, { excelApiVersion: 7 }));
    expect(checkApiSupport()).toEqual({ supported: true, missing: [] });
    const read = await Excel.run((context) => readWorkbook(context));
    const first = read.grids.sheets[0]!;
    expect(first.merges).toBeUndefined();
    expect(at(first, 2, 4)).toBe('学习情况');
    expect(at(first, 2, 5)).toBeNull();
  });

  test('ExcelApi 1.6 is reported as not supported', () => {
    install(createState({ excelApiVersion: 6 }));
    expect(checkApiSupport()).toEqual({ supported: false, missing: ['ExcelApi 1.7'] });
  });
});

function studySheet(state: StandInState, rows: number): void {
  const data: (string | number)[][] = [['单位', '姓名', '职级', '笔记字数', '心得体会']];
  for (let i = 0; i < rows; i++) data.push([`单位${i % 40}`, `人员${i}`, i % 3 === 0 ? '副科长' : '科员', 10000 + i, 4]);
  const sheet = putValues(state, '学习台账', data);
  for (let i = 5; i < rows; i += 97) sheet.hiddenRows.add(i);
}

describe('reading cost does not grow with rows', () => {
  async function syncsToRead(rows: number): Promise<{ syncs: number; largestResponse: number; grid: SheetGrid }> {
    const state = createState();
    studySheet(state, rows);
    putValues(state, '说明', [['本工作簿']]);
    install(state);
    const read = await Excel.run((context) => readWorkbook(context));
    return { syncs: state.counters.syncs, largestResponse: state.counters.largestResponseBytes, grid: read.grids.sheets[0]! };
  }

  test('100 rows and 50 000 rows take the same number of syncs', async () => {
    const small = await syncsToRead(100);
    const big = await syncsToRead(50_000);
    expect(big.syncs).toBe(small.syncs);
    expect(small.syncs).toBeLessThanOrEqual(4);
    expect(big.grid.values).toHaveLength(50_001);
    expect(big.grid.values[50_000]).toEqual(['单位39', '人员49999', '科员', 59999, 4]);
    expect(big.grid.hiddenRows?.slice(0, 3)).toEqual([5, 102, 199]);
    expect(big.largestResponse).toBeLessThan(FIVE_MB);
  });

  test('when Excel on the web refuses a response as too large, values are re-read in smaller blocks', async () => {
    const state = createState({ responseLimitBytes: 400_000 });
    studySheet(state, 20_000);
    install(state);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.grids.sheets[0]!.values).toHaveLength(20_001);
    expect(read.grids.sheets[0]!.values[20_000]![1]).toBe('人员19999');
    expect(state.counters.largestResponseBytes).toBeGreaterThan(400_000); // the refused attempt
  });
});

function output(name: string, key: OutputSheet['key'], rows: OutputSheet['rows'], links: OutputSheet['links'] = []): OutputSheet {
  return {
    key,
    name,
    title: `2022年度${name}`,
    note: `${GENERATED_MARKER}每次校验时重新生成`,
    columns: [
      { header: '单位', width: 16, format: 'text' },
      { header: '姓名', width: 12, format: 'text', align: 'center' },
      { header: '得分', width: 8, format: 'decimal2' },
      { header: '名次', width: 6, format: 'integer' },
    ],
    rows,
    rowStyles: rows.map((_, i) => (i % 10 === 0 ? { fill: 'FFF2CC' } : undefined)),
    links,
    freezeRows: 3,
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, repeatRows: [3, 3] },
  };
}

async function write(outputs: OutputSheet[]) {
  return Excel.run(async (context) => {
    const read = await readWorkbook(context);
    return writeOutputs(context, outputs, existingSheets(read));
  });
}

describe('writing output sheets', () => {
  test('50 000 rows are written without any request above 5 MB', async () => {
    const state = install(createState());
    putValues(state, '学习台账', [['单位', '姓名']]);
    const rows = Array.from({ length: 50_000 }, (_, i) => [`社会保障股第${i}组`, `张三${i}`, 87.5 + (i % 7), i + 1]);
    const links = rows.slice(0, 2000).map((_, i) => ({ row: i, col: 0, sheet: '学习台账', cell: `A${i + 2}` }));
    resetCounters(state);
    const result = await write([output('考核汇总', 'summary', rows, links)]);
    expect(result.written).toEqual([{ key: 'summary', sheet: '考核汇总' }]);
    expect(state.counters.largestRequestBytes).toBeLessThan(FIVE_MB * 0.8);
    expect(state.counters.totalRequestBytes).toBeGreaterThan(FIVE_MB);
    const view = getStandInState();
    expect(view.cell('考核汇总', 'A4')).toEqual({ value: '社会保障股第0组', type: 'String', formula: null, numberFormat: '@' });
    expect(view.cell('考核汇总', 'C50003')).toEqual({ value: 87.5 + (49_999 % 7), type: 'Double', formula: null, numberFormat: '0.00' });
    expect(view.cell('考核汇总', 'D50003')?.numberFormat).toBe('0');
    expect(view.cell('考核汇总', 'B50003')?.value).toBe('张三49999');
    const sheet = state.sheets.find((s) => s.name === '考核汇总')!;
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(sheet.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$3:$3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(sheet.rows[3]![0]!.hyperlink).toEqual({ documentReference: "'学习台账'!A2", screenTip: '学习台账!A2' });
    expect(sheet.rows[13]![0]!.style?.fill).toBe('FFF2CC');
    expect(sheet.rows[14]![0]!.style?.fill).toBeUndefined();
    expect(sheet.columnWidths.get(0)).toBeGreaterThan(sheet.columnWidths.get(3)!);
    expect(state.counters.calculationSuspensions).toBeGreaterThan(0);
  });

  test('ledger text that looks like a formula stays literal text', async () => {
    const state = install(createState());
    putValues(state, '学习台账', [['单位']]);
    const nasty = ['=1+1', '@SUM(A1)', "=cmd|' /C calc'!A0", '+1', '-1', '00123', '2022-3-5', 'TRUE'];
    await write([output('人员考核明细', 'persons', nasty.map((t) => [t, t, t, null]))]);
    const view = getStandInState();
    nasty.forEach((t, i) => {
      for (const col of ['A', 'B', 'C']) {
        expect(view.cell('人员考核明细', `${col}${4 + i}`)).toMatchObject({ value: t, type: 'String', formula: null });
      }
    });
  });

  test("a user's own 考核汇总 survives; the output goes to 考核汇总(2) and is reported", async () => {
    const state = install(createState());
    putValues(state, '考核汇总', [['我自己的汇总'], ['手工填写']]);
    const result = await write([output('考核汇总', 'summary', [['局办公室', '张三', 95, 1]])]);
    expect(result.renamed).toEqual([{ from: '考核汇总', to: '考核汇总(2)' }]);
    const view = getStandInState();
    expect(view.values('考核汇总')).toEqual([['我自己的汇总'], ['手工填写']]);
    expect(view.cell('考核汇总(2)', 'A4')?.value).toBe('局办公室');
  });

  test('re-running replaces the generated sheets instead of adding more', async () => {
    const state = install(createState());
    putValues(state, '学习台账', [['单位']]);
    await write([output('考核汇总', 'summary', [['甲', 'a', 1, 1], ['乙', 'b', 2, 2]]), output('校验问题', 'issues', [['x', 'y', null, null]])]);
    const second = await write([output('考核汇总', 'summary', [['丙', 'c', 3, 1]]), output('校验问题', 'issues', [])]);
    expect(second.renamed).toEqual([]);
    const view = getStandInState();
    expect(view.sheetNames).toEqual(['学习台账', '考核汇总', '校验问题']);
    expect(view.values('考核汇总')?.slice(3)).toEqual([['丙', 'c', 3, 1]]);
    expect(view.values('校验问题')).toHaveLength(3);
    expect(view.activeSheet).toBe('考核汇总');
  });

  test('at ExcelApi 1.7 the sheets are written without page layout', async () => {
    const state = install(createState({ excelApiVersion: 7 }));
    putValues(state, '学习台账', [['单位']]);
    await write([output('考核汇总', 'summary', [['甲', 'a', 1, 1]])]);
    const sheet = state.sheets.find((s) => s.name === '考核汇总')!;
    expect(sheet.pageLayout.orientation).toBe('Portrait');
    expect(sheet.frozenRows).toBe(3);
  });
});

describe('the task pane entry points', () => {
  test('the report through Office.js equals the report through exceljs on the example workbook', async () => {
    const wb = await fixtureWorkbook();
    const expected = appraise(readWithExcelJs(wb), {}).report;
    const state = install(loadExcelJsWorkbook(wb));
    const stages: string[] = [];
    const result = await runAppraisalInExcel({ onProgress: (stage) => stages.push(stage) });
    expect(result.noLedgers).toBe(false);
    // Everything equal, the run record's fingerprint of the ledger data included; only the time of the run differs.
    expect(result.report).toEqual({ ...expected, run: { ...expected.run, time: result.report.run.time } });
    expect(result.renamed).toEqual([]);
    expect(result.protectedSheets).toEqual([]);
    expect(stages[0]).toBe('read');
    expect(stages).toContain('write');
    const names = getStandInState().sheetNames;
    expect(names.slice(-4)).toEqual(['考核汇总', '人员考核明细', '校验问题', '评分依据']);
    // Source sheets are unchanged by the run.
    const before = loadExcelJsWorkbook(wb);
    for (const s of before.sheets) {
      const after = state.sheets.find((x) => x.name === s.name)!;
      expect(after.rows.map((r) => r?.map((c) => c?.value))).toEqual(s.rows.map((r) => r?.map((c) => c?.value)));
    }
    // A second run replaces the four sheets.
    await runAppraisalInExcel({});
    expect(getStandInState().sheetNames).toEqual(names);
  });

  test('the task pane gets a turn of the event loop to show 「校验与评分」 before the engine runs', async () => {
    install(loadExcelJsWorkbook(await fixtureWorkbook()));
    let painted = false;
    let paintedBeforeEngine: boolean | undefined;
    await runAppraisalInExcel({
      onProgress: (stage, fraction) => {
        if (stage !== 'check') return;
        // The pane's render of this stage is a macrotask away; it must run before the engine's first step.
        if (fraction === 0.4) setTimeout(() => (painted = true), 0);
        else paintedBeforeEngine ??= painted;
      },
    });
    expect(paintedBeforeEngine).toBe(true);
  });

  test('a workbook without ledgers writes nothing', async () => {
    const state = install(createState());
    putValues(state, '说明', [['只是说明']]);
    const result = await runAppraisalInExcel({});
    expect(result.noLedgers).toBe(true);
    expect(getStandInState().sheetNames).toEqual(['说明']);
    expect(state.counters.syncs).toBeLessThanOrEqual(4);
  });

  test('a protected source sheet is listed; a protected workbook structure is a typed error', async () => {
    const wb = await fixtureWorkbook();
    const state = install(loadExcelJsWorkbook(wb));
    state.sheets[0]!.protected = true;
    const result = await runAppraisalInExcel({});
    expect(result.protectedSheets).toEqual([state.sheets[0]!.name]);

    install(loadExcelJsWorkbook(wb, { workbookProtected: true }));
    const error = await runAppraisalInExcel({}).catch((e: unknown) => e);
    expect(isOfficeAdapterError(error) && error.kind).toBe('workbookProtected');
  });

  test('selectCell activates the sheet and selects the cell; a missing sheet is a typed error', async () => {
    const state = install(createState());
    putValues(state, '甲', [[1]]);
    putValues(state, "乙's 台账", [[1]]);
    await selectCell("乙's 台账", 'E13');
    expect(getStandInState().activeSheet).toBe("乙's 台账");
    expect(getStandInState().selection).toEqual({ sheet: "乙's 台账", address: 'E13' });
    const error = await selectCell('不存在', 'A1').catch((e: unknown) => e);
    expect(isOfficeAdapterError(error) && error.code).toBe('ItemNotFound');
  });

  test('insertRulesSheet adds 考核规则 as text once, and never overwrites an existing one', async () => {
    const state = install(createState());
    putValues(state, '学习台账', [['单位']]);
    expect(await insertRulesSheet()).toEqual({ status: 'inserted', sheet: '考核规则' });
    const view = getStandInState();
    expect(view.cell('考核规则', 'A1')).toMatchObject({ value: '参数', type: 'String', numberFormat: '@' });
    expect(view.activeSheet).toBe('考核规则');
    const sheet = state.sheets.find((s) => s.name === '考核规则')!;
    sheet.rows[0]![0]!.value = '我改过的';
    expect(await insertRulesSheet()).toEqual({ status: 'exists', sheet: '考核规则' });
    expect(getStandInState().cell('考核规则', 'A1')?.value).toBe('我改过的');
  });
});

test('a cell being edited is its own failure, not a protected workbook', () => {
  const e = Object.assign(new Error('cell edit'), { code: 'InvalidOperationInCellEditMode' });
  expect(toOfficeAdapterError(e).kind).toBe('cellEditMode');
  expect(toOfficeAdapterError(Object.assign(new Error('denied'), { code: 'AccessDenied' })).kind).toBe('workbookProtected');
  expect(toOfficeAdapterError(Object.assign(new Error('denied'), { code: 'AccessDenied' }), '考核汇总').kind).toBe('sheetProtected');
});
