/** The 识别结果 view model: what the pane shows per sheet, from the report alone. */
import { appraise } from '../src/engine';
import { recognitionView } from '../src/taskpane/recognition-view';
import { sheet, workbook } from './engine/build';

const meetings = sheet('会议记录', [
  ['所在党支部', '会议类型', '时间一', '时间二'],
  ['一支部', '支委会', '2022-03-01', '2022-04-08'],
]);

test('a read sheet lists its kind fields with the chosen column, how it was chosen and samples', () => {
  const { report } = appraise(workbook(meetings, sheet('说明', [['填表说明'], ['按月报送']])));
  const [read, other] = recognitionView(report);
  expect(read).toMatchObject({ sheet: '会议记录', status: 'read', kindChoice: '党内活动台账', statusText: '党内活动台账（1 行）', headerRow: 1 });
  expect(read!.fields.map((f) => [f.field, f.required, f.column ?? null, f.source ?? null, f.samples])).toEqual([
    ['日期', true, 'C', 'name', ['2022-03-01']],
    ['活动类型', true, 'B', 'name', ['支委会']],
    ['单位', false, 'A', 'name', ['一支部']],
    ['主题', false, null, null, []],
    ['参加人数', false, null, null, []],
    ['应到人数', false, null, null, []],
  ]);
  expect(read!.headers.map((h) => `${h.column} ${h.header}`)).toEqual(['A 所在党支部', 'B 会议类型', 'C 时间一', 'D 时间二']);
  expect(other).toMatchObject({ sheet: '说明', status: 'unrecognised', fields: [], headerRow: 1 });
  expect(other!.kindChoice).toBeUndefined();
});

test('a near miss says what it lacks; a mapped field says 列名对应; an excluded sheet says 不是台账', () => {
  const near = sheet('Sheet1', [['所在党支部', '会议类型', '应到人数'], ['一支部', '支委会', 5]]);
  const rules = sheet('考核规则', [['参数', '值'], [], ['工作表', '列标题', '对应字段'], ['会议记录', '时间二', '日期'], ['示例', null, '不是台账']]);
  const { report } = appraise(workbook(meetings, near, sheet('示例', [['单位', '日期']]), rules));
  const views = recognitionView(report);
  expect(views.map((v) => [v.sheet, v.status, v.statusText])).toEqual([
    ['会议记录', 'read', '党内活动台账（1 行）'],
    ['Sheet1', 'nearMiss', '像是党内活动台账，但缺少：日期'],
    ['示例', 'excluded', '不是台账（按考核规则表的列名对应，不读取）'],
  ]);
  expect(views[0]!.fields[0]).toMatchObject({ field: '日期', column: 'D', header: '时间二', source: 'mapping', samples: ['2022-04-08'] });
  expect(views[2]!.kindChoice).toBe('不是台账');
});
