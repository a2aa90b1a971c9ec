import { readWorkbook } from '../src/adapters/exceljs/read';
import { appraise } from '../src/engine';
import { isErrorValue, type SheetGrid } from '../src/engine/grid';
import { DEMO_SAMPLE, generateSampleWorkbook } from '../src/sample/generate';
import { unitNames } from '../src/sample/names';
import { Rng } from '../src/sample/prng';
import { fromBytes, toBytes } from './support/workbook-builder';

jest.setTimeout(60_000);

const demoGrids = readWorkbook(generateSampleWorkbook(DEMO_SAMPLE));

function sheet(name: string): SheetGrid {
  const s = demoGrids.sheets.find((g) => g.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${demoGrids.sheets.map((g) => g.name).join(', ')}`);
  return s;
}

function allStrings(grid: SheetGrid): string[] {
  return grid.values.flat().filter((v): v is string => typeof v === 'string');
}

describe('the PRNG', () => {
  test('is deterministic and seed-dependent', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = new Rng(1);
    const ints = Array.from({ length: 500 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });
});

describe('the sample workbook', () => {
  test('same seed gives the same cells; another seed does not', () => {
    expect(readWorkbook(generateSampleWorkbook(DEMO_SAMPLE))).toEqual(demoGrids);
    expect(readWorkbook(generateSampleWorkbook({ ...DEMO_SAMPLE, seed: 1 }))).not.toEqual(demoGrids);
  });

  test('has the ledgers of every kind plus an unrelated 说明 sheet', () => {
    expect(demoGrids.sheets.map((s) => s.name)).toEqual([
      '学习笔记登记表',
      '农民工工作股学习台账',
      '职业能力建设股学习台账',
      '工资福利股学习台账',
      '三会一课记录',
      '主题党日活动台账',
      '窗口作风督查记录',
      '党支部标准化建设评分表',
      '2022年任务清单',
      '说明',
    ]);
  });

  test('combined study sheet: merged title, 填报日期 line and a two-row merged header', () => {
    const s = sheet('学习笔记登记表');
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 6 },
        { top: 2, left: 4, bottom: 2, right: 5 },
      ]),
    );
    expect(s.values[1]?.[0]).toBe('填报日期：2022年12月30日');
    expect(s.values[2]?.[4]).toBe('学习情况');
    expect(s.values[3]?.slice(4, 6)).toEqual(['笔记字数\n（字）', '心得体会(篇)']);
    expect(s.hiddenRows?.length).toBe(1);
    const strings = allStrings(s);
    expect(strings.some((t) => /^\d+(\.\d+)?万字?$/.test(t))).toBe(true);
    expect(strings.some((t) => t.includes('\u3000'))).toBe(true);
    expect(strings).toContain('合计');
    expect(strings.some((t) => t.startsWith('填表人'))).toBe(true);
  });

  test('per-unit study sheets have no 单位 column; one names the unit in a 填报单位 line, one only in its name', () => {
    const withLine = sheet('农民工工作股学习台账');
    const byName = sheet('职业能力建设股学习台账');
    expect(String(withLine.values[1]?.[0])).toMatch(/^填报单位：农民工工作股\u3000+填报时间：2022\.12\.28$/);
    expect(withLine.values[2]).toEqual(['序号', '姓  名', '职级', '学习笔记(字)', '心得体会篇数', '备注']);
    expect(byName.values[1]).toEqual(['序号', '姓  名', '职级', '学习笔记(字)', '心得体会篇数', '备注']);
    expect(byName.hiddenRows).toEqual([3]);
    for (const s of [withLine, byName]) expect(s.values[s.values.length - 1]?.[0]).toBe('小计');
  });

  test('activity dates come as Date cells, serial numbers and text in every accepted format', () => {
    const dates = sheet('三会一课记录').values.slice(2).map((r) => r[2]);
    expect(dates.some((d) => d instanceof Date)).toBe(true);
    expect(dates.some((d) => typeof d === 'number' && d > 40000)).toBe(true);
    const texts = dates.filter((d): d is string => typeof d === 'string');
    for (const pattern of [/^\d{4}-\d{1,2}-\d{1,2}$/, /^\d{4}\/\d\d\/\d\d$/, /^\d{4}\.\d{1,2}\.\d{1,2}$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{1,2}月\d{1,2}日$/]) {
      expect(texts.some((t) => pattern.test(t))).toBe(true);
    }
  });

  test('standardisation has an out-of-range score and a #DIV/0! cell', () => {
    const s = sheet('党支部标准化建设评分表');
    const cells = s.values.flat();
    expect(cells.some((v) => isErrorValue(v) && v.error === '#DIV/0!')).toBe(true);
    expect(s.values.slice(2).some((r) => r.slice(2, 9).some((v) => typeof v === 'number' && v > 10))).toBe(true);
  });

  test('the engine recognises every ledger and finds the planted problems', async () => {
    // Through bytes, as the command line reads it.
    const grids = readWorkbook(await fromBytes(await toBytes(generateSampleWorkbook({ ...DEMO_SAMPLE, rulesSheet: true }))));
    const result = appraise(grids, {});
    expect(result.noLedgers).toBe(false);
    expect(result.report.year).toBe(2022);
    const kinds = Object.fromEntries(result.report.sheets.map((s) => [s.sheet, s.kind]));
    expect(kinds).toMatchObject({
      学习笔记登记表: 'study',
      农民工工作股学习台账: 'study',
      职业能力建设股学习台账: 'study',
      三会一课记录: 'activities',
      主题党日活动台账: 'activities',
      窗口作风督查记录: 'discipline',
      党支部标准化建设评分表: 'standardization',
      '2022年任务清单': 'tasks',
    });
    expect(kinds['说明']).toBeUndefined();
    const codes = new Set(result.report.issues.map((i) => i.code));
    for (const code of [
      'FORMULA_ERROR',
      'OUT_OF_RANGE',
      'VETO',
      'UNKNOWN_VIOLATION_TYPE',
      'UNKNOWN_ACTIVITY_TYPE',
      'NO_STANDARDIZATION',
      'DATE_OUT_OF_YEAR',
      'DUPLICATE_PERSON',
      'MISSING_RANK',
      'UNKNOWN_UNIT',
    ] as const) {
      expect(codes).toContain(code);
    }
    expect(codes).not.toContain('INVALID_NUMBER');
    expect(codes).not.toContain('INVALID_DATE');
    expect(codes).not.toContain('UNKNOWN_RULE');
    expect(codes).not.toContain('INVALID_RULE');
    // The ten units of the sample, plus the one typo the discipline log makes.
    expect(result.report.units.map((u) => u.unit)).toEqual(expect.arrayContaining(['局办公室', '农民工工作股', '职业能力建设股', '工资福利股']));
    expect(result.report.units).toHaveLength(11);
    expect(result.report.units.filter((u) => u.outcome === '一票否决')).toHaveLength(1);
  });

  test('row counts follow the options', () => {
    const grids = readWorkbook(
      generateSampleWorkbook({ seed: 5, units: 40, personsPerUnit: 12, activityRows: 2000, disciplineRows: 3000, taskRows: 200, perUnitStudySheets: 3, styled: false }),
    );
    const rows = (name: string, headerRows: number): number => (grids.sheets.find((s) => s.name === name)?.values.length ?? 0) - headerRows;
    expect(rows('三会一课记录', 2) + rows('主题党日活动台账', 2)).toBe(2000);
    expect(rows('窗口作风督查记录', 1)).toBe(3000);
    expect(rows('2022年任务清单', 2)).toBe(200);
    // 37 units in the combined sheet (12 each, one duplicate row, a 合计 and a 填表人 line) after 4 header rows.
    expect(rows('学习笔记登记表', 4)).toBe(37 * 12 + 1 + 2);
    expect(rows(`${unitNames(40)[39]}学习台账`, 3)).toBe(12 + 1);
  });
});
