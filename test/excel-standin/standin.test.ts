import { createState, installExcelStandIn, uninstallExcelStandIn, getStandInState, putValues, StandInError, FIVE_MB } from './index';
import type { StandInState } from './index';

function install(state: StandInState): void {
  installExcelStandIn(globalThis, state);
}

async function rejectCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as StandInError).code;
  }
  return 'resolved';
}

afterEach(() => uninstallExcelStandIn(globalThis));

describe('load / sync', () => {
  test('a property read before load + sync throws PropertyNotLoaded; after, it has the value', async () => {
    const state = createState();
    putValues(state, 'Data', [['a', 1], ['b', 2]]);
    install(state);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a', 1], ['b', 2]]);
      expect(range.address).toBe('Data!A1:B2');
      expect(() => range.valueTypes).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('setters are queued: the workbook changes only at sync', async () => {
    const state = createState();
    putValues(state, 'Data', [['old']]);
    install(state);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').values = [['new']];
      expect(getStandInState().cell('Data', 'A1')?.value).toBe('old');
      await context.sync();
      expect(getStandInState().cell('Data', 'A1')?.value).toBe('new');
    });
  });

  test('getCount().value is available only after sync', async () => {
    const state = createState();
    putValues(state, 'A', [[1]]);
    putValues(state, 'B', [[1]]);
    install(state);
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  test('getItem of a missing sheet fails the sync with ItemNotFound; getItemOrNullObject gives isNullObject', async () => {
    const state = createState();
    putValues(state, 'Data', [[1]]);
    install(state);
    const code = await rejectCode(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const found = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
    });
  });

  test('collections load items with the requested properties', async () => {
    const state = createState();
    putValues(state, 'One', [[1]]);
    putValues(state, 'Two', [[1]]).visibility = 'Hidden';
    install(state);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([['One', 'Visible'], ['Two', 'Hidden']]);
      expect(() => sheets.items[0]!.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('used range with valuesOnly, or a null object for an empty sheet', async () => {
    const state = createState();
    putValues(state, 'Data', [['x', null], [null, 5]], { row: 2, col: 1 });
    putValues(state, 'Empty', []);
    install(state);
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex');
      const none = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(used.address).toBe('Data!B3:C4');
      expect([used.rowIndex, used.columnIndex]).toEqual([2, 1]);
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe('how written strings are interpreted', () => {
  async function writeAndRead(text: string, numberFormat?: string): Promise<{ value: unknown; type: string; formula: unknown }> {
    const state = createState();
    putValues(state, 'S', [[null]]);
    install(state);
    return Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('S').getRange('A1');
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      cell.values = [[text]];
      cell.load('values,valueTypes,formulas');
      await context.sync();
      return { value: cell.values[0]![0], type: cell.valueTypes[0]![0]!, formula: cell.formulas[0]![0] };
    });
  }

  test.each([
    ['=1+1', { value: 2, type: 'Double', formula: '=1+1' }],
    ["=cmd|' /C calc'!A0", { value: '#NAME?', type: 'Error', formula: "=cmd|' /C calc'!A0" }],
    ['@SUM(A1)', { value: '#NAME?', type: 'Error', formula: '=SUM(A1)' }],
    ['+1', { value: 1, type: 'Double', formula: '=+1' }],
    ['-1', { value: -1, type: 'Double', formula: -1 }],
    ['00123', { value: 123, type: 'Double', formula: 123 }],
    ["'=1+1", { value: '=1+1', type: 'String', formula: '=1+1' }],
    ['张三', { value: '张三', type: 'String', formula: '张三' }],
  ])('in a General cell %j becomes %j', async (text, expected) => {
    expect(await writeAndRead(text)).toEqual(expected);
  });

  test.each(['=1+1', "=cmd|' /C calc'!A0", '@SUM(A1)', '+1', '-1', '00123', '2022-3-5'])('in a text ("@") cell %j stays text', async (text) => {
    expect(await writeAndRead(text, '@')).toEqual({ value: text, type: 'String', formula: text });
  });

  test('null in a values array leaves the cell unchanged; a wrong shape is InvalidArgument', async () => {
    const state = createState();
    putValues(state, 'S', [['keep', 'old']]);
    install(state);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']];
      await context.sync();
    });
    expect(getStandInState().values('S')).toEqual([['keep', 'new']]);
    const code = await rejectCode(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['only one']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('limits, protection, API sets, counters', () => {
  test('a request above the payload limit fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const state = createState();
    putValues(state, 'S', [[null]]);
    install(state);
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    const code = await rejectCode(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(state.counters.largestRequestBytes).toBeGreaterThan(FIVE_MB);
    expect(getStandInState().cell('S', 'A1')?.value).toBe('');
  });

  test('the limit is configurable and a response above it fails with ResponsePayloadSizeLimitExceeded', async () => {
    const state = createState({ responseLimitBytes: 1000 });
    putValues(state, 'S', Array.from({ length: 200 }, (_, i) => [`value ${i}`]));
    install(state);
    const code = await rejectCode(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('S').getRange('A1:A200').load('values');
        await context.sync();
        return r.values;
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('writing to a protected sheet fails with AccessDenied; reading works', async () => {
    const state = createState();
    putValues(state, 'Locked', [['v']]).protected = true;
    install(state);
    const read = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Locked').getRange('A1').load('values');
      const p = context.workbook.worksheets.getItem('Locked').protection.load('protected');
      await context.sync();
      return [r.values[0]![0], p.protected];
    });
    expect(read).toEqual(['v', true]);
    const code = await rejectCode(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Locked').getRange('A1').values = [['changed']];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(getStandInState().cell('Locked', 'A1')?.value).toBe('v');
  });

  test('APIs newer than the configured ExcelApi version fail with ApiNotFound; isSetSupported follows the version', async () => {
    const state = createState({ excelApiVersion: 7 });
    putValues(state, 'S', [[1]]);
    install(state);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const code = await rejectCode(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  test('counters record syncs and request bytes', async () => {
    const state = createState();
    putValues(state, 'S', [[1]]);
    install(state);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['a', 'b']];
      await context.sync();
      context.workbook.worksheets.getItem('S').getRange('A2').values = [['c']];
      await context.sync();
    });
    const c = getStandInState().counters;
    expect(c.syncs).toBe(2);
    expect(c.totalRequestBytes).toBeGreaterThan(c.largestRequestBytes);
    expect(c.largestRequestBytes).toBeGreaterThan(0);
  });

  test('merged areas report only the first cell; select activates and records the selection', async () => {
    const state = createState();
    putValues(state, 'A', [['title', 'x']]);
    putValues(state, 'B', [[1]]);
    install(state);
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem('A');
      a.getRange('A1:B1').merge(false);
      const merged = a.getRange('A1:C3').getMergedAreasOrNullObject().load('address');
      const row = a.getRange('A1:B1').load('values');
      context.workbook.worksheets.getItem('B').getRange('C7').select();
      await context.sync();
      expect(merged.address).toBe('A!A1:B1');
      expect(row.values).toEqual([['title', '']]);
    });
    expect(getStandInState().activeSheet).toBe('B');
    expect(getStandInState().selection).toEqual({ sheet: 'B', address: 'C7' });
  });
});
