import { parseArgs } from '../src/cli/args';
import { CliError } from '../src/cli/errors';
import { displayWidth, padDisplay } from '../src/cli/display-width';
import { rankingTable } from '../src/cli/summary-table';
import type { UnitResult } from '../src/engine/report';

describe('parseArgs', () => {
  test('input with all options, in both spellings', () => {
    expect(parseArgs(['a.xlsx', '--out', 'b.xlsx', '--json=r.json', '--year', '2022'])).toEqual({
      help: false,
      input: 'a.xlsx',
      inputs: ['a.xlsx'],
      out: 'b.xlsx',
      json: 'r.json',
      year: 2022,
    });
    expect(parseArgs(['--year=2021', '--', '-odd-name.xlsx'])).toMatchObject({ input: '-odd-name.xlsx', year: 2021 });
  });

  test('several inputs, with --out', () => {
    expect(parseArgs(['a.xlsx', 'units/', '--out', 'r.xlsx'])).toMatchObject({ input: 'a.xlsx', inputs: ['a.xlsx', 'units/'], out: 'r.xlsx' });
  });

  test('help needs no input', () => {
    expect(parseArgs(['--help'])).toMatchObject({ help: true });
    expect(parseArgs(['-h'])).toMatchObject({ help: true });
  });

  test.each([
    [['a.xlsx', '--year', '22'], '--year'],
    [['a.xlsx', '--year', '二〇二二'], '--year'],
    [['a.xlsx', '--year', '20222'], '--year'],
    [['a.xlsx', '--year'], '--year'],
    [['a.xlsx', '--verbose'], '--verbose'],
    [['a.xlsx', 'b.xlsx'], '--out'],
    [[], '--help'],
    [['a.xlsx', '--out='], '--out'],
  ])('%j is refused, naming %s', (argv, mention) => {
    let error: unknown;
    try {
      parseArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).zh).toContain(mention);
    expect((error as CliError).en).toContain(mention);
  });
});

describe('display width', () => {
  test('CJK and full-width characters count double', () => {
    expect(displayWidth('局办公室')).toBe(8);
    expect(displayWidth('96.86')).toBe(5);
    expect(displayWidth('Ａ１（）')).toBe(8);
    expect(padDisplay('表彰', 6, 'left')).toBe('表彰  ');
    expect(padDisplay('1', 4, 'right')).toBe('   1');
  });

  test('the ranking table lines up columns by display width, in rank order', () => {
    const unit = (name: string, rank: number, total: number, outcome: UnitResult['outcome']): UnitResult => ({
      unit: name,
      scores: { study: 25, activities: 24.479166, standardization: 16.857142, discipline: 20, tasks: 10 },
      total,
      rank,
      veto: outcome === '一票否决',
      outcome,
      persons: 1,
      passedPersons: 1,
      activities: 0,
      specialActivities: 0,
      violations: 0,
      tasks: 0,
      tasksDone: 0,
      explain: {} as UnitResult['explain'],
    });
    const lines = rankingTable([unit('工伤保险所', 3, 74.66, '一票否决'), unit('局办公室', 1, 96.34, '表彰'), unit('ab', 2, 80, '')]);
    expect(lines[0]).toBe('名次  单位        学习教育  组织生活  标准化建设  作风纪律  任务落实   总分  奖惩');
    expect(lines[1]).toBe('   1  局办公室       25.00     24.48       16.86     20.00     10.00  96.34  表彰');
    expect(lines[2]).toBe('   2  ab             25.00     24.48       16.86     20.00     10.00  80.00');
    expect(lines[3]).toBe('   3  工伤保险所     25.00     24.48       16.86     20.00     10.00  74.66  一票否决');
    // The 总分 column ends at the same display column on every line.
    const headerEnd = displayWidth(lines[0]!.slice(0, lines[0]!.indexOf('总分') + 2));
    for (const line of lines.slice(1)) {
      const numbers = [...line.matchAll(/\d+\.\d\d/g)];
      const total = numbers[numbers.length - 1]!;
      expect(displayWidth(line.slice(0, total.index + total[0].length))).toBe(headerEnd);
    }
  });
});
