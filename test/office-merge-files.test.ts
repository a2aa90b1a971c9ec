/**
 * 合并各单位报送文件 in the pane, on the Excel stand-in: three units' files picked and read in the pane
 * give the same appraisal as the command line on the same three files (issue 15).
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { runAppraisalInExcel } from '../src/adapters/office';
import type { Report } from '../src/engine/report';
import { generateSampleWorkbook, DEMO_SAMPLE } from '../src/sample/generate';
import { mergePicked, readPickedFile } from '../src/adapters/files/submitted';
import { readXlsx } from '../src/xlsx';
import { createState, installExcelStandIn, putValues, uninstallExcelStandIn } from './excel-standin';
import { runCli } from './support/cli-io';
import { splitByUnit } from '../src/sample/split-by-unit';
import { useTempDir } from './support/temp-dir';
import { buildWorkbook, toBytes, type SheetSpec } from './support/workbook-builder';

jest.setTimeout(120_000);
afterEach(() => uninstallExcelStandIn(globalThis));
const tmp = useTempDir('merge-files-');

test('three files picked in the pane give the command line’s appraisal of the same three', async () => {
  const bytes = new Uint8Array(await generateSampleWorkbook(DEMO_SAMPLE).xlsx.writeBuffer());
  const all = splitByUnit(readXlsx(bytes).grids);
  const chosen = [all[0]!, all[2]!, all[all.length - 1]!];
  const names: string[] = [];
  for (const f of chosen) {
    writeFileSync(path.join(tmp(), f.name), await toBytes(buildWorkbook(f.sheets as SheetSpec[])));
    names.push(f.name);
  }

  const json = path.join(tmp(), 'cli.json');
  const run = await runCli([...names.map((n) => path.join(tmp(), n)), '--out', path.join(tmp(), '结果.xlsx'), '--json', json]);
  expect(run.code).toBe(0);
  const cli = JSON.parse(readFileSync(json, 'utf8')) as Report;

  // The open workbook holds no ledger of its own, only a note.
  const state = createState();
  putValues(state, '说明', [['各单位报送文件汇总']]);
  installExcelStandIn(globalThis, state);
  const picked = mergePicked([], names.map((n) => readPickedFile(n, new Uint8Array(readFileSync(path.join(tmp(), n))))));
  expect(picked.map((f) => [f.name, f.problem ?? null])).toEqual(names.map((n) => [n, null]));
  const pane = (await runAppraisalInExcel({ extraSheets: picked.flatMap((f) => f.sheets) })).report;

  expect(pane.units).toEqual(cli.units);
  expect(pane.persons).toEqual(cli.persons);
  expect(pane.excellentQuota).toBe(cli.excellentQuota);
  const issue = (r: Report) => r.issues.map((i) => [i.code, i.file, i.sheet, i.cell, i.unit, i.person, i.message]);
  expect(issue(pane)).toEqual(issue(cli));
  expect(pane.sheets.map((s) => [s.file, s.sheet, s.kind])).toEqual(cli.sheets.map((s) => [s.file, s.sheet, s.kind]));
  // The results were written into the open workbook, with the 文件 column.
  const issuesSheet = state.sheets.find((s) => s.name === '校验问题' && !s.deleted)!;
  expect(issuesSheet.rows[2]?.[2]?.value).toBe('文件');
});

test('a picked file that is not a ledger workbook says why and adds nothing', () => {
  expect(readPickedFile('说明.docx', new Uint8Array([1, 2, 3]))).toMatchObject({ sheets: [], problem: expect.stringContaining('另存为 .xlsx') });
  const xls = new Uint8Array(512);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  expect(readPickedFile('旧台账.xls', xls)).toMatchObject({ sheets: [], problem: expect.stringContaining('.xls') });
  expect(readPickedFile('坏.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ sheets: [], problem: expect.stringContaining('损坏') });
  const again = mergePicked([{ name: 'a.xlsx', sheets: [] }], [{ name: 'a.xlsx', sheets: [], problem: 'x' }, { name: 'b.xlsx', sheets: [] }]);
  expect(again.map((f) => [f.name, f.problem ?? null])).toEqual([['a.xlsx', 'x'], ['b.xlsx', null]]);
});
