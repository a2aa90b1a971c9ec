/**
 * Merged cells through Office.js. At ExcelApi 1.13+ they are read per sheet in row blocks, retried in
 * smaller blocks when a block has more than the 512 merged areas Excel returns; below 1.13 merged-down
 * blocks in the 单位 / 姓名 / 日期 columns are inferred, and the pane is told.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { appraise, GENERATED_MARKER, type Report } from '../src/engine';
import { readWorkbook as readWithExcelJs } from '../src/adapters/exceljs';
import { readWorkbook, runAppraisalInExcel } from '../src/adapters/office';
import { inferMergedBlocks } from '../src/adapters/office/merges';
import { createState, installExcelStandIn, uninstallExcelStandIn, loadExcelJsWorkbook, putValues, type StandInState } from './excel-standin';

afterEach(() => uninstallExcelStandIn(globalThis));

/** The report without the time it was made and the header samples (the engine's diagnostics show a date as read: Date from exceljs, serial number from Excel). */
function stable(report: Report): unknown {
  return JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'time' || key === 'samples' ? undefined : value)));
}

/** Sheet, column (1-based) and first data row of the columns whose runs of equal values become merged blocks. */
const MERGED_COLUMNS: [string, number, number][] = [
  ['学习笔记登记表', 2, 5],
  ['三会一课及主题党日记录', 2, 3],
  ['窗口作风督查记录', 2, 2],
];

/** The example workbook with each run of equal 单位 values merged into one block, as many ledgers are kept. */
async function mergedFixture(): Promise<{ wb: ExcelJS.Workbook; blocks: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, 'fixtures', 'example-2022.xlsx'));
  let blocks = 0;
  for (const [name, col, first] of MERGED_COLUMNS) {
    const ws = wb.getWorksheet(name)!;
    let top = first;
    for (let r = first + 1; r <= ws.rowCount + 1; r++) {
      const value = (r <= ws.rowCount ? ws.getCell(r, col).value : null) as unknown;
      const start = ws.getCell(top, col).value as unknown;
      if (value !== null && value !== '' && value === start) continue;
      if (r - 1 > top && start !== null && start !== '') {
        for (let k = top + 1; k < r; k++) ws.getCell(k, col).value = null;
        ws.mergeCells(top, col, r - 1, col);
        blocks++;
      }
      top = r;
    }
  }
  return { wb, blocks };
}

function install(state: StandInState): StandInState {
  installExcelStandIn(globalThis, state);
  return state;
}

describe('below ExcelApi 1.13: merged-down blocks are inferred', () => {
  test('the example workbook with merged 单位 blocks gives the command line’s report at ExcelApi 1.7, and the pane is told', async () => {
    const { wb, blocks } = await mergedFixture();
    expect(blocks).toBeGreaterThan(10);
    const expected = appraise(readWithExcelJs(wb), {}).report;

    install(loadExcelJsWorkbook(wb, { excelApiVersion: 7 }));
    const result = await runAppraisalInExcel({});
    expect(stable(result.report)).toEqual(stable(expected));
    expect(result.mergesInferred.map((m) => m.sheet).sort()).toEqual(MERGED_COLUMNS.map(([s]) => s).sort());
    expect(result.mergesInferred.reduce((n, m) => n + m.blocks, 0)).toBe(blocks);
    // A rerun reads the result sheets too; they are not ledgers and are not listed.
    const rerun = await runAppraisalInExcel({});
    expect(rerun.mergesInferred).toEqual(result.mergesInferred);

    // Without the inference the blocks' other rows would have no unit: the test is not vacuous.
    install(loadExcelJsWorkbook(wb, { excelApiVersion: 7 }));
    const read = await Excel.run((context) => readWorkbook(context));
    for (const g of read.grids.sheets) delete g.merges;
    const unmerged = appraise(read.grids, {}).report;
    expect(stable(unmerged)).not.toEqual(stable(expected));
  });

  test('at ExcelApi 1.13 the same workbook is read exactly and nothing is inferred', async () => {
    const { wb } = await mergedFixture();
    const expected = appraise(readWithExcelJs(wb), {}).report;
    install(loadExcelJsWorkbook(wb, { excelApiVersion: 13 }));
    const result = await runAppraisalInExcel({});
    expect(stable(result.report)).toEqual(stable(expected));
    expect(result.mergesInferred).toEqual([]);
  });

  test('the add-in’s own result sheets are not inferred from (they are not ledgers)', async () => {
    const state = install(createState({ excelApiVersion: 7 }));
    const rows = [['校验问题'], [`${GENERATED_MARKER}每次校验时重新生成`], ['单位', '姓名', '问题'], ['甲局', '张三', '迟到'], [null, '李四', '早退']];
    putValues(state, '校验问题', rows);
    putValues(state, '督查记录', rows.slice(2));
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.mergesInferred).toEqual([{ sheet: '督查记录', blocks: 1 }]);
  });

  test('the rule: an empty identifying cell of a record row joins the filled cell above; headers, notes and blank rows do not', () => {
    const values = [
      ['2022年度督查记录', null, null, null],
      ['单位', '姓名', '日期', '问题'],
      ['甲局', '张三', 44_600, '迟到'],
      [null, '李四', null, '早退'],
      [null, '王五', 44_601, '脱岗'],
      [null, null, null, null],
      [null, '赵六', 44_602, '迟到'],
      ['乙局', null, 44_603, null],
      ['注：以上为抽查记录', null, null, null],
    ];
    expect(inferMergedBlocks(values, 10, 2)).toEqual([
      { top: 12, bottom: 14, left: 2, right: 2 },
      { top: 12, bottom: 13, left: 4, right: 4 },
    ]);
  });
});

describe('ExcelApi 1.13: merges in row blocks, within the 512-area limit', () => {
  function mergedSheet(state: StandInState, rows: number, perRow: number): void {
    const data: (string | number)[][] = [['单位', '姓名', ...Array.from({ length: perRow * 2 }, (_, i) => `列${i}`)]];
    for (let r = 0; r < rows; r++) data.push([`单位${r % 7}`, `人员${r}`, ...Array.from({ length: perRow * 2 }, (_, i) => (i % 2 === 0 ? r + i : ''))]);
    const sheet = putValues(state, '学习台账', data);
    for (let r = 1; r <= rows; r++) for (let k = 0; k < perRow; k++) sheet.merges.push({ top: r, bottom: r, left: 2 + 2 * k, right: 3 + 2 * k });
  }

  test('a sheet with 900 merged areas is read exactly in smaller blocks', async () => {
    const state = install(createState());
    mergedSheet(state, 300, 3);
    const read = await Excel.run((context) => readWorkbook(context));
    const grid = read.grids.sheets[0]!;
    expect(grid.merges).toHaveLength(900);
    expect(grid.merges).toEqual([...state.sheets[0]!.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(read.mergesUnread).toEqual([]);
    expect(read.mergesInferred).toEqual([]);
  });

  test('the stand-in refuses more than 512 merged areas in one request', async () => {
    const state = install(createState());
    mergedSheet(state, 300, 3);
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('学习台账').getRange('A1:H301').getMergedAreasOrNullObject().load('address');
      await context.sync();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('GeneralException');
  });

  test('a sheet whose merges cannot be read even in small blocks falls back to inference, and says so', async () => {
    const state = install(createState());
    mergedSheet(state, 12, 100);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.mergesUnread).toEqual(['学习台账']);
    expect(read.grids.sheets[0]!.values).toHaveLength(13);
  });
});
