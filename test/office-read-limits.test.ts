/**
 * Reading within Excel's limits: no range read above one million cells (Excel refuses more than five
 * million with RangeExceedsLimit), a stray value far from the data does not make the read fail or
 * explode, and a refused read is retried in smaller blocks.
 */
import { readWorkbook, READ_BLOCK_CELLS } from '../src/adapters/office/read';
import { createState, installExcelStandIn, uninstallExcelStandIn, putValues, type StandInState } from './excel-standin';

afterEach(() => uninstallExcelStandIn(globalThis));

function ledger(state: StandInState, rows: number): void {
  const data: (string | number)[][] = [['单位', '姓名', '职级', '笔记字数', '心得体会']];
  for (let i = 0; i < rows; i++) data.push([`单位${i % 9}`, `人员${i}`, '科员', 10_000 + i, 4]);
  putValues(state, '学习台账', data);
}

describe('range reads', () => {
  test('the stand-in refuses to get more than five million cells with RangeExceedsLimit', async () => {
    const state = createState();
    putValues(state, 'A', [['x']]);
    installExcelStandIn(globalThis, state);
    const code = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange('A1:E1000001').load('values');
      await context.sync();
    }).then(
      () => 'resolved',
      (e: { code?: string }) => e.code,
    );
    expect(code).toBe('RangeExceedsLimit');
  });

  test('a stray value in XFD1048576 (a used range of 17 billion cells) is read with the data, no read above 1 M cells', async () => {
    const state = createState();
    ledger(state, 2000);
    const sheet = state.sheets[0]!;
    sheet.rows[1_048_575] = [];
    sheet.rows[1_048_575]![16_383] = { value: '遗留', type: 'String', numberFormat: 'General' };
    sheet.rows[700_000] = [];
    sheet.rows[700_000]![2] = { value: 42, type: 'Double', numberFormat: 'General' };
    installExcelStandIn(globalThis, state);
    const read = await Excel.run((context) => readWorkbook(context));
    const grid = read.grids.sheets[0]!;
    expect(grid.values[0]).toEqual(['单位', '姓名', '职级', '笔记字数', '心得体会']);
    expect(grid.values[2000]).toEqual(['单位1', '人员1999', '科员', 11_999, 4]);
    expect(grid.values[700_000]?.[2]).toBe(42);
    expect(grid.values[1_048_575]?.[16_383]).toBe('遗留');
    expect(grid.values[5000]).toBeUndefined();
    expect(state.counters.largestReadCells).toBeLessThanOrEqual(READ_BLOCK_CELLS);
    expect(state.counters.largestReadCells).toBeGreaterThan(0);
    expect(state.counters.syncs).toBeLessThan(60);
  });

  test('1.1 million cells of data are read in blocks of at most 1 M cells', async () => {
    const state = createState();
    const data: number[][] = Array.from({ length: 110_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r * 10 + c) % 97));
    putValues(state, '数据', data);
    installExcelStandIn(globalThis, state);
    const read = await Excel.run((context) => readWorkbook(context));
    expect(read.grids.sheets[0]!.values).toHaveLength(110_000);
    expect(read.grids.sheets[0]!.values[109_999]![9]).toBe((109_999 * 10 + 9) % 97);
    expect(state.counters.largestReadCells).toBeLessThanOrEqual(READ_BLOCK_CELLS);
  });
});
