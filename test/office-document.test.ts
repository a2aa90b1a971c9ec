/**
 * The smaller points of running in real Excel: a read-only document, a cell being edited, a protected
 * workbook when inserting the rules sheet, and copies of result sheets (remembered by id in the
 * document's settings) — each on the Excel stand-in.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { runAppraisalInExcel, insertRulesSheet, isOfficeAdapterError } from '../src/adapters/office';
import { GENERATED_IDS_SETTING } from '../src/adapters/office/document';
import { installExcelStandIn, uninstallExcelStandIn, loadExcelJsWorkbook, createState, putValues, type StandInState } from './excel-standin';

afterEach(() => uninstallExcelStandIn(globalThis));

async function fixture(): Promise<StandInState> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, 'fixtures', 'example-2022.xlsx'));
  return loadExcelJsWorkbook(wb);
}

function install(state: StandInState): StandInState {
  installExcelStandIn(globalThis, state);
  return state;
}

const live = (state: StandInState) => state.sheets.filter((s) => !s.deleted).map((s) => s.name);

describe('the document', () => {
  test('read-only: the report is complete, nothing is written, and the result says so', async () => {
    const state = install(await fixture());
    state.documentMode = 'readOnly';
    const before = live(state);
    const result = await runAppraisalInExcel({});
    expect(result.readOnly).toBe(true);
    expect(result.report.units.length).toBeGreaterThan(5);
    expect(live(state)).toEqual(before);
    expect(state.settings).toEqual({});
  });

  test('a cell being edited: the run waits until the user leaves the cell instead of failing', async () => {
    const state = install(await fixture());
    state.cellEditMode = true;
    // A batch without delayForCellEdit fails, as in Excel.
    const refused = await Excel.run(async (context) => {
      context.workbook.worksheets.load('items/name');
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(refused).toBe('InvalidOperationInCellEditMode');
    setTimeout(() => (state.cellEditMode = false), 40);
    const result = await runAppraisalInExcel({});
    expect(result.readOnly).toBe(false);
    expect(live(state)).toEqual(expect.arrayContaining(['考核汇总', '人员考核明细', '校验问题']));
  });

  test('插入考核规则表 on a protected workbook structure is a typed error, and adds nothing', async () => {
    const state = install(createState({ workbookProtected: true }));
    putValues(state, '学习台账', [['单位']]);
    const error = await insertRulesSheet().catch((e: unknown) => e);
    expect(isOfficeAdapterError(error) && error.kind).toBe('workbookProtected');
    expect(live(state)).toEqual(['学习台账']);
    expect(state.counters.actionsBySync.length).toBe(1);
  });
});

describe('result sheets are known by id', () => {
  test('the ids are remembered in the document settings; a rerun replaces those sheets', async () => {
    const state = install(await fixture());
    await runAppraisalInExcel({});
    const ids = state.settings[GENERATED_IDS_SETTING] as string[];
    const results = state.sheets.filter((s) => !s.deleted && ['考核汇总', '人员考核明细', '校验问题'].includes(s.name));
    expect(ids).toEqual(expect.arrayContaining(results.map((s) => s.id)));
    expect(ids.every((id) => state.sheets.some((s) => s.id === id && !s.deleted))).toBe(true);
    const names = live(state);
    install(state);
    const again = await runAppraisalInExcel({});
    expect(again.renamed).toEqual([]);
    expect(live(state)).toEqual(names);
  });

  test('a copy of a result sheet that keeps the marker and takes a result name is the user’s: left alone', async () => {
    const state = install(await fixture());
    await runAppraisalInExcel({});
    // The user copies 考核汇总, deletes the original and gives the copy its name: same content, a new id.
    const summary = state.sheets.find((s) => s.name === '考核汇总' && !s.deleted)!;
    summary.id = '{copy-1}';
    summary.rows[3]![1]!.value = '我改过的';
    install(state);
    const again = await runAppraisalInExcel({});
    expect(again.renamed).toEqual([{ from: '考核汇总', to: '考核汇总(2)' }]);
    expect(state.sheets.find((s) => s.id === '{copy-1}' && !s.deleted)?.rows[3]![1]!.value).toBe('我改过的');
    expect(live(state)).toContain('考核汇总(2)');
  });
});
