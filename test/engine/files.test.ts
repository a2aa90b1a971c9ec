/** What each file gave (the command line's per-file lines, the pane's and the web page's file lists). */
import { readFileSync } from 'fs';
import path from 'path';
import { appraise } from '../../src/engine';
import { summariseFiles } from '../../src/engine/files';
import { readXlsx } from '../../src/xlsx';

const fixture = (name: string) => readXlsx(new Uint8Array(readFileSync(path.join(__dirname, '..', 'fixtures', name)))).grids;

test('the one workbook of a single-workbook run is summarised as the file named ""', () => {
  const report = appraise(fixture('example-2022.xlsx')).report;
  const [one] = summariseFiles(report, ['']);
  expect(one!.ledgers).toBe(report.sheets.filter((s) => s.kind !== null).length);
  expect(one!.ledgers).toBeGreaterThanOrEqual(5);
  expect(one!.issues).toBe(report.issues.length);
  expect(summariseFiles(report, ['example-2022.xlsx'])[0]!.ledgers).toBe(0);
});

test('units’ files are summarised by name', () => {
  const names = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx'];
  const sheets = names.flatMap((n) => fixture(path.join('units', n)).sheets.map((s) => ({ ...s, file: n })));
  const report = appraise({ sheets }).report;
  const summaries = summariseFiles(report, [...names, '']);
  expect(summaries[0]!.units).toEqual(['局办公室']);
  expect(summaries[1]!.ledgers).toBeGreaterThan(0);
  expect(summaries[2]!.ledgers).toBe(0);
});

test('a unit’s file that is a blank template: EMPTY_LEDGER names that file and its sheet, the other files are scored', () => {
  const names = ['局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx'];
  const sheets = names.flatMap((n) => fixture(path.join('units', n)).sheets.map((s) => ({ ...s, file: n })));
  const blank = { name: '学习笔记登记表', file: '信息中心-2022年党建台账.xlsx', values: [['填报单位：信息中心'], ['序号', '姓名', '职级', '笔记字数', '心得体会']] };
  const report = appraise({ sheets: [...sheets, blank] }).report;
  const empty = report.issues.filter((i) => i.code === 'EMPTY_LEDGER');
  expect(empty.map((i) => [i.file, i.sheet, i.cell, i.params.kind])).toEqual([['信息中心-2022年党建台账.xlsx', '学习笔记登记表', 'A2', '学习台账']]);
  expect(report.units.map((u) => u.unit).sort()).toEqual(['局办公室', '政策法规股'].sort());
});
