import path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook, toCellValue } from '../src/adapters/exceljs/read';
import { isErrorValue, type SheetGrid, type WorkbookGrids } from '../src/engine/grid';
import { buildWorkbook, fromBytes, toBytes } from './support/workbook-builder';

const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');

let grids: WorkbookGrids;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  grids = readWorkbook(wb);
});

function sheet(name: string): SheetGrid {
  const found = grids.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cell(name: string, row1: number, col0: number): unknown {
  return sheet(name).values[row1 - 1]?.[col0];
}

describe('reading the fixture with exceljs', () => {
  test('lists every sheet in tab order', () => {
    expect(grids.sheets.map((s) => s.name)).toEqual([
      '学习笔记登记表',
      '公共就业服务局学习台账',
      '人事考试中心学习台账',
      '技工学校学习台账',
      '三会一课及主题党日记录',
      '窗口作风督查记录',
      '党支部标准化建设评分表',
      '2022年任务清单',
      '说明',
    ]);
  });

  test('merges are 0-based and inclusive, and exceljs repeats the merged value', () => {
    const s = sheet('学习笔记登记表');
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 6 },
        { top: 2, left: 4, bottom: 2, right: 5 },
        { top: 2, left: 0, bottom: 3, right: 0 },
      ]),
    );
    expect(s.merges).toHaveLength(7);
    expect(cell('学习笔记登记表', 3, 4)).toBe('学习情况');
    expect(cell('学习笔记登记表', 3, 5)).toBe('学习情况');
    expect(cell('学习笔记登记表', 4, 4)).toBe('笔记字数\n（字）');
  });

  test('a hidden row is kept as data and flagged hidden', () => {
    const s = sheet('技工学校学习台账');
    expect(s.hiddenRows).toEqual([3]);
    expect(s.values[3]?.[1]).toBe('胡春强');
    expect(s.values[3]?.[3]).toBe(10000);
  });

  test('an error result is an ErrorValue, not a string', () => {
    const v = cell('党支部标准化建设评分表', 6, 7);
    expect(isErrorValue(v)).toBe(true);
    expect(v).toEqual({ error: '#DIV/0!' });
  });

  test('formula cells give their cached result, or null without one', () => {
    // 小计 row: SUM(D4:D8) saved without a cached value.
    expect(cell('公共就业服务局学习台账', 9, 3) ?? null).toBeNull();
    expect(cell('公共就业服务局学习台账', 9, 0)).toBe('小计');
  });

  test('text dates stay strings, date cells are Dates, serials are numbers', () => {
    expect(cell('三会一课及主题党日记录', 8, 2)).toBe('1月5日');
    expect(cell('三会一课及主题党日记录', 4, 2)).toBe('2022.1.1');
    const d = cell('三会一课及主题党日记录', 3, 2);
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString()).toBe('2021-12-20T00:00:00.000Z');
    expect(cell('三会一课及主题党日记录', 6, 2)).toBe(44565);
  });

  test('full-width spaces and numbers-as-text are left to the engine', () => {
    expect(cell('学习笔记登记表', 7, 2)).toBe('马　勇海');
    expect(cell('学习笔记登记表', 6, 4)).toBe('1.5万');
    expect(cell('学习笔记登记表', 5, 4)).toBe(17500);
  });
});

describe('cell value conversion', () => {
  test.each<[ExcelJS.CellValue, unknown]>([
    [{ richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }, '张三'],
    [{ text: '链接文字', hyperlink: 'https://example.org' }, '链接文字'],
    [{ formula: 'A1*2', result: 42 }, 42],
    [{ formula: 'A1', result: '文本' }, '文本'],
    [{ formula: 'A1/0', result: { error: '#DIV/0!' } }, { error: '#DIV/0!' }],
    [{ sharedFormula: 'B2', result: 7 }, 7],
    [{ sharedFormula: 'B2' } as ExcelJS.CellValue, null],
    [{ formula: 'NOW()' } as ExcelJS.CellValue, null],
    [{ error: '#N/A' } as ExcelJS.CellValue, { error: '#N/A' }],
    [true, true],
    ['=1+1', '=1+1'],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(toCellValue(input)).toEqual(expected);
  });
});

describe('reading what exceljs wrote', () => {
  test('hidden columns, hidden and veryHidden sheets, shared formulas survive a round trip', async () => {
    const wb = buildWorkbook([
      {
        name: '数据',
        rows: [
          ['姓名', '笔记字数', '隐藏'],
          ['张三', 100, 'x'],
          ['李四', 200, 'y'],
        ],
        hiddenColumns: [3],
      },
      { name: '隐藏表', rows: [['a']], state: 'hidden' },
      { name: '深藏表', rows: [['b']], state: 'veryHidden' },
    ]);
    const ws = wb.getWorksheet('数据')!;
    ws.getCell('D2').value = { formula: 'B2*2', result: 200 };
    ws.getCell('D3').value = { sharedFormula: 'D2', result: 400 };
    const back = readWorkbook(await fromBytes(await toBytes(wb)));
    const data = back.sheets[0]!;
    expect(data.hiddenColumns).toEqual([2]);
    expect(data.values[1]?.[3]).toBe(200);
    expect(data.values[2]?.[3]).toBe(400);
    expect(data.hidden).toBeUndefined();
    expect(back.sheets[1]?.hidden).toBe(true);
    expect(back.sheets[2]?.hidden).toBe(true);
  });

  test('rows and columns keep their sheet positions when the sheet starts lower', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('稀疏');
    ws.getCell('C5').value = '姓名';
    ws.getCell('E7').value = 3;
    const grid = readWorkbook(await fromBytes(await toBytes(wb))).sheets[0]!;
    expect(grid.originRow ?? 0).toBe(0);
    expect(grid.values[4]?.[2]).toBe('姓名');
    expect(grid.values[6]?.[4]).toBe(3);
    expect(grid.values[5]).toEqual([]);
  });
});
