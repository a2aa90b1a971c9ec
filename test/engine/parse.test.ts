import { parseNumber } from '../../src/engine/parse/number';
import { parseDate, serialToDate } from '../../src/engine/parse/date';
import { headerKey, stripSpaces } from '../../src/engine/text/normalize';
import { columnFor } from '../../src/engine/read/columns';
import { unitFromSheetName } from '../../src/engine/read/unit-context';

describe('numbers (SPEC 3)', () => {
  test.each([
    [12000, 12000],
    ['12000', 12000],
    ['１２０００', 12000],
    ['12,000', 12000],
    ['１２，０００', 12000],
    ['1.5万', 15000],
    ['1.2万字', 12000],
    ['１.５万', 15000],
    ['4篇', 4],
    ['3次', 3],
    ['8分', 8],
    ['5人', 5],
    ['  10000 字 ', 10000],
    ['9.5', 9.5],
    ['2万', 20000],
    [0, 0],
  ])('%p → %p', (input, expected) => {
    expect(parseNumber(input)).toEqual({ kind: 'ok', value: expected });
  });

  test.each([['约一万'], ['一万'], ['12000字左右'], ['N/A'], ['1.5千'], ['1,2'], ['abc'], ['--'], [true], [NaN], [Infinity], [new Date(Date.UTC(2022, 0, 1))]])(
    'rejects %p',
    (input) => {
      expect(parseNumber(input as never).kind).toBe('invalid');
    },
  );

  test('empty is missing, error values are errors', () => {
    expect(parseNumber(null).kind).toBe('missing');
    expect(parseNumber('').kind).toBe('missing');
    expect(parseNumber('　').kind).toBe('missing');
    expect(parseNumber({ error: '#DIV/0!' })).toEqual({ kind: 'error', error: '#DIV/0!' });
  });
});

describe('dates (SPEC 3)', () => {
  test.each([
    ['2022-3-5', 2022, 3, 5],
    ['2022/03/05', 2022, 3, 5],
    ['2022.3.5', 2022, 3, 5],
    ['2022年3月5日', 2022, 3, 5],
    ['２０２２年３月５日', 2022, 3, 5],
    ['2022-03-05 09:30', 2022, 3, 5],
    [44565, 2022, 1, 4],
    [44926, 2022, 12, 31],
  ])('%p → %i-%i-%i', (input, y, m, d) => {
    expect(parseDate(input)).toEqual({ kind: 'ok', value: { year: y, month: m, day: d } });
  });

  test('date cells are read in UTC, so the day never shifts', () => {
    expect(parseDate(new Date(Date.UTC(2022, 0, 8)))).toEqual({ kind: 'ok', value: { year: 2022, month: 1, day: 8 } });
  });

  test('month and day without a year leave the year open', () => {
    expect(parseDate('3月5日')).toEqual({ kind: 'ok', value: { year: null, month: 3, day: 5 } });
    expect(parseDate('12月31日')).toEqual({ kind: 'ok', value: { year: null, month: 12, day: 31 } });
  });

  test.each([['三月中旬'], ['2022-13-01'], ['2022-02-30'], ['2022年'], ['3月'], ['32月1日'], ['2022/3'], ['yesterday'], [-5], [0]])('rejects %p', (input) => {
    expect(parseDate(input).kind).toBe('invalid');
  });

  test('empty is missing', () => {
    expect(parseDate(null).kind).toBe('missing');
    expect(parseDate(' ').kind).toBe('missing');
  });
});

describe('names and headers (SPEC 3)', () => {
  test('names lose every white space, half and full width', () => {
    expect(stripSpaces('张　三')).toBe('张三');
    expect(stripSpaces(' 马 勇\t海\n')).toBe('马勇海');
  });

  test.each([
    ['笔记字数\n（字）', '笔记字数'],
    ['心得体会(篇)', '心得体会'],
    ['姓  名', '姓名'],
    ['学习笔记(字)', '学习笔记'],
    ['职务/职级', '职务/职级'],
  ])('header %p reads as %p', (raw, key) => {
    expect(headerKey(raw)).toBe(key);
  });

  test.each([
    ['部门', '单位'],
    ['所在支部', '单位'],
    ['责任部门', '单位'],
    ['党员姓名', '姓名'],
    ['职务/职级', '职级'],
    ['学习笔记', '笔记字数'],
    ['心得体会篇数', '心得体会'],
    ['督查时间', '日期'],
    ['会议类型', '活动类型'],
    ['实到人数', '参加人数'],
    ['应参加人数', '应到人数'],
    ['违规情形', '问题类型'],
    ['截止日期', '完成时限'],
    ['进度', '完成情况'],
  ])('synonym %p is column %p', (key, column) => {
    expect(columnFor(key)).toBe(column);
  });

  test('责任人 names a person only in a task list', () => {
    expect(columnFor('责任人', 'tasks')).toBe('姓名');
    expect(columnFor('责任人', 'study')).toBeUndefined();
  });

  test('a synonym must match whole, not in part', () => {
    expect(columnFor('单位地址')).toBeUndefined();
    expect(columnFor('姓名拼音')).toBeUndefined();
  });
});

describe('unit from the sheet name (SPEC 2)', () => {
  test.each([
    ['信息中心学习台账', '信息中心'],
    ['办公室学习台账', '办公室'],
    ['社保中心学习台账', '社保中心'],
    ['2022年度信息中心学习笔记登记表', '信息中心'],
    ['2022年社保中心三会一课记录', '社保中心'],
    ['学习笔记登记表', ''],
  ])('%p → %p', (name, unit) => {
    expect(unitFromSheetName(name)).toBe(unit);
  });
});

describe('date arithmetic', () => {
  test('serial numbers give the same calendar day as JavaScript Date, across Excel’s whole range', () => {
    const mismatches: number[] = [];
    // Every 7th serial from 1900 to 9999 (about 420 000 days), plus both ends and the leap-day edges.
    const serials = [1, 59, 60, 61, 2_958_465];
    for (let s = 1; s <= 2_958_465; s += 7) serials.push(s);
    for (const s of serials) {
      const d = serialToDate(s)!;
      const ref = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
      if (d.year !== ref.getUTCFullYear() || d.month !== ref.getUTCMonth() + 1 || d.day !== ref.getUTCDate()) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  test('days in month and leap years', () => {
    expect(parseDate('2024-2-29')).toEqual({ kind: 'ok', value: { year: 2024, month: 2, day: 29 } });
    expect(parseDate('2023-2-29').kind).toBe('invalid');
    expect(parseDate('2100-2-29').kind).toBe('invalid');
    expect(parseDate('2000-2-29').kind).toBe('ok');
    expect(parseDate('2022-4-31').kind).toBe('invalid');
    expect(parseDate('2022-12-31').kind).toBe('ok');
    expect(parseDate('2月29日')).toEqual({ kind: 'ok', value: { year: null, month: 2, day: 29 } });
    expect(parseDate(new Date(Date.UTC(1969, 11, 31)))).toEqual({ kind: 'ok', value: { year: 1969, month: 12, day: 31 } });
  });
});
