/**
 * 列名对应 through Office.js on the Excel stand-in, and the same workbook on the command line: the
 * pane writes only the block's cells, the next run reads the mapping, and both paths agree (issue 13).
 */
import path from 'path';
import { readFileSync, writeFileSync } from 'fs';
import { runAppraisalInExcel, saveColumnMapping } from '../src/adapters/office';
import type { Report } from '../src/engine/report';
import { createState, installExcelStandIn, loadXlsxBuffer, putValues, uninstallExcelStandIn, type StandInState } from './excel-standin';
import { findSheet, getCell, usedRect } from './excel-standin/state';
import { runCli } from './support/cli-io';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, toBytes } from './support/workbook-builder';

jest.setTimeout(60_000);
afterEach(() => uninstallExcelStandIn(globalThis));
const tmp = useTempDir('column-mapping-');

const MEETINGS: (string | number | null)[][] = [
  ['所在党支部', '会议类型', '时间一', '时间二'],
  ['一支部', '支委会', '2022-03-01', '2022-04-08'],
  ['一支部', '支委会', '2022-05-01', '2022-06-08'],
];
const RULES: (string | number | null)[][] = [
  ['参数', '值', '说明'],
  ['考核年度', 2022, '本单位自填'],
  ['表彰名额', 2, null],
  [null, null, null],
  ['注：以上为 2022 年度考核规则，经党委会研究通过。', null, null],
];

function install(withRules: boolean): StandInState {
  const state = createState();
  putValues(state, '会议记录', MEETINGS);
  if (withRules) putValues(state, '考核规则', RULES);
  installExcelStandIn(globalThis, state);
  return state;
}

/** Every cell of a sheet as value + number format, keyed by address. */
function cells(state: StandInState, name: string): Map<string, string> {
  const sheet = findSheet(state, name)!;
  const rect = usedRect(sheet, false)!;
  const out = new Map<string, string>();
  for (let r = 0; r <= rect.bottom; r++) {
    for (let c = 0; c <= rect.right; c++) {
      const cell = getCell(sheet, r, c);
      if (cell && cell.value !== '' && cell.value !== null) out.set(`${r},${c}`, `${String(cell.value)}|${cell.numberFormat}`);
    }
  }
  return out;
}

const dateHeader = (report: Report) => report.sheets.find((s) => s.sheet === '会议记录')!.columns['日期'];

test('the pane writes one block row and leaves the user’s own cells byte for byte; the rerun reads 时间二', async () => {
  const state = install(true);
  const before = cells(state, '考核规则');
  const first = await runAppraisalInExcel();
  expect(dateHeader(first.report)).toEqual({ column: 'C', header: '时间一' });
  expect(first.report.issues.filter((i) => i.code === 'AMBIGUOUS_COLUMN')).toHaveLength(1);

  await saveColumnMapping({ sheet: '会议记录', header: '时间二', field: '日期' });
  const after = cells(state, '考核规则');
  for (const [address, cell] of before) expect(after.get(address)).toBe(cell);
  const added = [...after].filter(([address]) => !before.has(address));
  // Two rows below the note (row 5): the block's header on row 7, the choice on row 8, as text.
  expect(added).toEqual([
    ['6,0', '工作表|@'],
    ['6,1', '列标题|@'],
    ['6,2', '对应字段|@'],
    ['7,0', '会议记录|@'],
    ['7,1', '时间二|@'],
    ['7,2', '日期|@'],
  ]);

  const second = await runAppraisalInExcel();
  expect(dateHeader(second.report)).toEqual({ column: 'D', header: '时间二', mappedBy: '列名对应' });
  expect(second.report.issues.filter((i) => i.code === 'AMBIGUOUS_COLUMN')).toEqual([]);
  expect(second.report.rules['表彰名额']).toBe(2);
  expect(second.report.issues.filter((i) => i.code === 'UNKNOWN_RULE')).toEqual([]);
});

test('a second choice for the same field replaces the row; a sheet-level choice gets its own row', async () => {
  const state = install(true);
  await saveColumnMapping({ sheet: '会议记录', header: '时间二', field: '日期' });
  await saveColumnMapping({ sheet: '会议记录', header: '时间一', field: '日期' });
  await saveColumnMapping({ sheet: '会议记录', header: '', field: '党内活动台账' });
  const sheet = findSheet(state, '考核规则')!;
  const row = (r: number) => [0, 1, 2].map((c) => String(getCell(sheet, r, c)?.value ?? ''));
  expect([row(6), row(7), row(8), row(9)]).toEqual([
    ['工作表', '列标题', '对应字段'],
    ['会议记录', '时间一', '日期'],
    ['会议记录', '', '党内活动台账'],
    ['', '', ''],
  ]);
});

test('without a 考核规则 sheet, the template is inserted and the block goes below it', async () => {
  const state = install(false);
  await saveColumnMapping({ sheet: '会议记录', header: '时间二', field: '日期' });
  const sheet = findSheet(state, '考核规则')!;
  expect(getCell(sheet, 0, 0)?.value).toBe('参数');
  const { report } = await runAppraisalInExcel();
  expect(dateHeader(report)).toMatchObject({ header: '时间二', mappedBy: '列名对应' });
  expect(report.issues.filter((i) => i.code === 'UNKNOWN_RULE' || i.code === 'INVALID_RULE')).toEqual([]);
});

test('the command line reads the same block the same way, and 不是台账 keeps a sheet out on both paths', async () => {
  const example = ['示例（勿填）', [['单位', '会议类型', '日期'], ['示例支部', '支委会', '2022-01-05']]] as const;
  const rules = [...RULES, [null, null, null], ['工作表', '列标题', '对应字段'], ['会议记录', '时间二', '日期'], ['示例（勿填）', null, '不是台账']];
  const file = path.join(tmp(), 'mapped.xlsx');
  const wb = buildWorkbook([
    { name: '会议记录', rows: MEETINGS },
    { name: example[0], rows: example[1].map((r) => [...r]) },
    { name: '考核规则', rows: rules },
  ]);
  writeFileSync(file, await toBytes(wb));
  const json = path.join(tmp(), 'r.json');
  const run = await runCli([file, '--out', path.join(tmp(), 'out.xlsx'), '--json', json]);
  expect(run.code).toBe(0);
  const cli = JSON.parse(readFileSync(json, 'utf8')) as Report;

  const state = await loadXlsxBuffer(readFileSync(file));
  installExcelStandIn(globalThis, state);
  const pane = (await runAppraisalInExcel()).report;

  for (const report of [cli, pane]) {
    expect(dateHeader(report)).toEqual({ column: 'D', header: '时间二', mappedBy: '列名对应' });
    expect(report.units.map((u) => u.unit)).toEqual(['一支部']);
    expect(report.otherSheets).toEqual([{ sheet: '示例（勿填）', headerRow: null, excluded: true }]);
  }
  expect(pane.units).toEqual(cli.units);
});
