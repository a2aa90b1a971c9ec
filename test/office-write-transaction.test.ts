/**
 * Writing the result sheets is all or nothing: a failure at any sync, or part-way through the sync that
 * swaps old results for new ones, leaves the previous results or the new ones, never a mix and never a
 * leftover temporary sheet.
 */
import { GENERATED_MARKER, type OutputSheet } from '../src/engine';
import { readWorkbook, writeOutputs, existingSheets, type WriteResult } from '../src/adapters/office';
import { createState, installExcelStandIn, uninstallExcelStandIn, putValues, resetCounters, type StandInState } from './excel-standin';

afterEach(() => uninstallExcelStandIn(globalThis));

function output(name: string, key: OutputSheet['key'], rows: OutputSheet['rows'], links: OutputSheet['links'] = []): OutputSheet {
  return {
    key,
    name,
    title: `2022年度${name}`,
    note: `${GENERATED_MARKER}每次校验时重新生成`,
    columns: [
      { header: '单位', width: 16, format: 'text' },
      { header: '姓名', width: 12, format: 'text' },
      { header: '得分', width: 8, format: 'decimal2' },
    ],
    rows,
    rowStyles: rows.map(() => undefined),
    links,
    freezeRows: 3,
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, repeatRows: [3, 3] },
  };
}

function outputs(tag: string, n: number): OutputSheet[] {
  const rows = (k: number) => Array.from({ length: n }, (_, i) => [`${tag}单位${i}`, `${tag}${k}-${i}`, i + k]);
  return [
    output('考核汇总', 'summary', rows(1)),
    output('人员考核明细', 'persons', rows(2)),
    output('校验问题', 'issues', rows(3), [{ row: 0, col: 0, sheet: '学习台账', cell: 'A2' }]),
  ];
}

async function write(state: StandInState, outs: OutputSheet[]): Promise<WriteResult> {
  installExcelStandIn(globalThis, state);
  return Excel.run(async (context) => {
    const read = await readWorkbook(context);
    return writeOutputs(context, outs, existingSheets(read));
  });
}

/** Every sheet: name, visibility, protection and values; order-independent. */
function snapshot(state: StandInState): string {
  const sheets = state.sheets
    .filter((s) => !s.deleted)
    .map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protected, values: s.rows.map((r) => (r ?? []).map((c) => c?.value ?? '')) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(sheets);
}

/** A workbook holding a ledger and the results of an earlier run, one of them VeryHidden, one protected. */
async function withOldResults(): Promise<StandInState> {
  const state = createState();
  putValues(state, '学习台账', [['单位', '姓名'], ['甲', '张三']]);
  await write(state, outputs('旧', 2));
  state.sheets.find((s) => s.name === '校验问题')!.visibility = 'VeryHidden';
  state.sheets.find((s) => s.name === '人员考核明细')!.protected = true;
  return state;
}

describe('transactional writes', () => {
  test('a clean rerun replaces a VeryHidden result, and leaves a protected result sheet alone', async () => {
    const state = await withOldResults();
    const result = await write(state, outputs('新', 3));
    expect(result.renamed).toEqual([{ from: '人员考核明细', to: '人员考核明细(2)' }]);
    const names = state.sheets.filter((s) => !s.deleted).map((s) => s.name);
    expect(names).toEqual(['学习台账', '人员考核明细', '考核汇总', '人员考核明细(2)', '校验问题']);
    const issues = state.sheets.find((s) => s.name === '校验问题' && !s.deleted)!;
    expect(issues.visibility).toBe('Visible');
    expect(issues.rows[3]![1]!.value).toBe('新3-0');
    // The protected old sheet is exactly as it was.
    const persons = state.sheets.find((s) => s.name === '人员考核明细' && !s.deleted)!;
    expect(persons.protected).toBe(true);
    expect(persons.rows[3]![1]!.value).toBe('旧2-0');
  });

  test('a failure injected at every sync, and after every action of every sync, leaves the old results or the new ones', async () => {
    const old = await withOldResults();
    const oldSnap = snapshot(old);

    const clean = structuredClone(old);
    resetCounters(clean);
    await write(clean, outputs('新', 3));
    const newSnap = snapshot(clean);
    const actions = clean.counters.actionsBySync;
    expect(newSnap).not.toEqual(oldSnap);
    expect(actions.length).toBeGreaterThanOrEqual(5);

    let endedOld = 0;
    let endedNew = 0;
    let cases = 0;
    for (let sync = 1; sync <= actions.length; sync++) {
      const count = actions[sync - 1]!;
      // Every action position of every sync (these syncs are small); Infinity: all applied, response lost.
      for (const afterActions of [...Array.from({ length: count }, (_, k) => k), Infinity]) {
        const state = structuredClone(old);
        resetCounters(state);
        state.fault = { atSync: sync, afterActions };
        const error = await write(state, outputs('新', 3)).then(
          () => undefined,
          (e: unknown) => e,
        );
        const snap = snapshot(state);
        // The reader recovers from a failed merge query on its own (the run then completes); anything else is reported.
        if (error === undefined) expect({ sync, afterActions, recovered: snap === newSnap }).toEqual({ sync, afterActions, recovered: true });
        else expect({ sync, afterActions, code: (error as { code?: string }).code }).toEqual({ sync, afterActions, code: 'GeneralException' });
        if (snap === oldSnap) endedOld++;
        else if (snap === newSnap) endedNew++;
        else throw new Error(`sync ${sync}, after ${afterActions} actions: neither the old nor the new results\n${snap}`);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(50);
    process.stdout.write(`injected failures: ${cases} cases, ${endedOld} ended with the old results, ${endedNew} with the new\n`);
    expect(endedOld).toBeGreaterThan(0);
    expect(endedNew).toBeGreaterThan(0);
  });
});

test('temporary sheets a failed run could not remove are removed by the next run', async () => {
  const state = await withOldResults();
  // As if the pane had been closed while writing: a temporary sheet with the marker stays behind.
  putValues(state, '~考核结果写入中1', [['2022年度考核汇总'], [`${GENERATED_MARKER}每次校验时重新生成`], ['单位']]);
  putValues(state, '~考核结果写入中备忘', [['我自己的表'], ['不是生成的']]);
  await write(state, outputs('新', 3));
  const names = state.sheets.filter((s) => !s.deleted).map((s) => s.name);
  expect(names).not.toContain('~考核结果写入中1');
  expect(names).toContain('~考核结果写入中备忘');
  expect(names.filter((n) => n.startsWith('~'))).toEqual(['~考核结果写入中备忘']);
});

describe('Excel limits on the Office path', () => {
  test('at most 65 530 links per sheet; the rest of the rows are written without one and reported', async () => {
    const state = createState();
    putValues(state, '学习台账', [['单位']]);
    const n = 65_540;
    const rows = Array.from({ length: n }, (_, i) => [`单位${i}`, i % 2 === 0 ? '' : `人${i}`, i]);
    const links = rows.map((_, i) => ({ row: i, col: 1, sheet: '学习台账', cell: `B${i + 2}` }));
    const result = await write(state, [output('校验问题', 'issues', rows, links)]);
    expect(result.linksOmitted).toEqual([{ sheet: '校验问题', count: 10 }]);
    const sheet = state.sheets.find((s) => s.name === '校验问题' && !s.deleted)!;
    let linked = 0;
    for (const row of sheet.rows) if (row?.[1]?.hyperlink) linked++;
    expect(linked).toBe(65_530);
    // An empty linked cell shows where it leads; the person's name is written once, as text.
    expect(sheet.rows[3]![1]).toMatchObject({ value: '学习台账!B2', numberFormat: '@' });
    expect(sheet.rows[4]![1]).toMatchObject({ value: '人1', hyperlink: { documentReference: "'学习台账'!B3", screenTip: '学习台账!B3' } });
    expect(sheet.rows[3 + n - 1]![1]!.hyperlink).toBeUndefined();
    expect(sheet.rows[3 + n - 1]![1]!.value).toBe(`人${n - 1}`);
  });
});
