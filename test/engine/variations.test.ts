/** Ledgers as units really keep them (SPEC section 2), in the shapes both adapters deliver. */
import { appraise, GENERATED_MARKER, type CellValue, type ReportedIssue, type SheetGrid } from '../../src/engine';
import { activities, fullYear, sheet, study, workbook } from './build';

const codes = (issues: ReportedIssue[], code: string) => issues.filter((i) => i.code === code);

/** A per-unit study sheet as Excel reports it: merged cells empty but for their first cell. */
function officeStyleStudySheet(): SheetGrid {
  const values: CellValue[][] = [
    ['2022年度干部职工学习笔记登记表', null, null, null, null, null],
    ['填报单位：信息中心　　填报日期：2022年12月28日', null, null, null, null, null],
    ['序号', '姓  名', '职务\n（职级）', '学习情况', null, '备注'],
    [null, null, null, '笔记字数\n（字）', '心得体会(篇)', null],
    [1, '周　明', '四级主任科员', '1.6万', '5篇', null],
    [2, '吴 芳', '一级科员', '１２０００', 4, '已核'],
    [3, '郑强', '科员', 9000, 4, null],
    [4, null, null, null, null, '借调'],
    ['合  计', null, null, 37000, 13, null],
    ['填表人：王某', null, null, '审核人：李某', null, null],
  ];
  return sheet('信息中心学习台账', values, {
    merges: [
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 4 },
      { top: 2, left: 5, bottom: 3, right: 5 },
    ],
    hiddenRows: [5],
  });
}

test('a per-unit sheet with a merged title, 填报单位 line and two-row header, as Excel reports merges', () => {
  const { report } = appraise(workbook(officeStyleStudySheet(), activities(fullYear('信息中心'))));
  expect(report.persons.map((p) => [p.unit, p.name, p.senior, p.noteChars, p.reflections, p.passed])).toEqual([
    ['信息中心', '周明', true, 16000, 5, true],
    ['信息中心', '吴芳', false, 12000, 4, true],
    ['信息中心', '郑强', false, 9000, 4, false],
  ]);
  // The row with only 序号 and 备注, the 合计 row and the signature row are not data.
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(codes(report.issues, 'NOTES_BELOW_MIN').map((i) => i.cell)).toEqual(['D7']);
});

test('the same sheet as exceljs reports merges (first value repeated) reads the same', () => {
  const grid = officeStyleStudySheet();
  for (const m of grid.merges!) {
    const anchor = grid.values[m.top]![m.left]!;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) grid.values[r]![c] = anchor;
  }
  const office = appraise(workbook(officeStyleStudySheet(), activities(fullYear('信息中心')))).report;
  const exceljs = appraise(workbook({ ...grid, merges: [] }, activities(fullYear('信息中心')))).report;
  expect(exceljs.persons).toEqual(office.persons);
  expect(exceljs.issues).toEqual(office.issues);
});

test('without 单位 column or 填报单位 line the unit comes from the sheet name', () => {
  const grid = sheet('2022年办公室学习台账', [
    ['姓名', '职级', '学习笔记字数', '心得'],
    ['赵一', '科员', 11000, 4],
  ]);
  const { report } = appraise(workbook(grid, activities(fullYear('办公室'))));
  expect(report.persons.map((p) => p.unit)).toEqual(['办公室']);
  expect(report.units.map((u) => u.unit)).toEqual(['办公室']);
});

test('a sheet whose unit cannot be found is MISSING_COLUMN and not read', () => {
  const grid = sheet('学习笔记登记表', [
    ['姓名', '笔记字数', '心得体会'],
    ['赵一', 11000, 4],
  ]);
  const { report } = appraise(workbook(grid, activities(fullYear('办公室'))));
  expect(codes(report.issues, 'MISSING_COLUMN')).toMatchObject([{ sheet: '学习笔记登记表', params: { column: '单位' } }]);
  expect(report.persons).toEqual([]);
});

test('a 单位 column merged down several rows gives every row its unit; an empty 单位 cell is MISSING_VALUE', () => {
  const grid = study([
    ['甲股', '张三', '科员', 12000, 4],
    [null as unknown as string, '李四', '科员', 12000, 4],
    [null as unknown as string, '王五', '科员', 12000, 4],
    [null as unknown as string, '孤儿', '科员', 12000, 4],
  ]);
  grid.merges = [{ top: 1, left: 0, bottom: 3, right: 0 }];
  const { report } = appraise(workbook(grid), { year: 2022 });
  expect(report.persons.map((p) => [p.unit, p.name])).toEqual([
    ['甲股', '张三'],
    ['甲股', '李四'],
    ['甲股', '王五'],
  ]);
  expect(codes(report.issues, 'MISSING_VALUE')).toMatchObject([{ cell: 'A5', row: 5 }]);
});

test('a used range that starts below and right of A1, with serial dates, keeps sheet addresses', () => {
  const rows = fullYear('甲股').map((a) => [a[0], a[1], a[2]] as CellValue[]);
  rows[0]![1] = 44566; // 2022-01-05 as Office.js reports a date cell
  rows.push(['甲股', '三月中旬', '党课']);
  const grid: SheetGrid = { name: '活动记录', values: [['单位', '时间', '类型'], ...rows], originRow: 2, originCol: 1 };
  const { report } = appraise(workbook(grid));
  expect(report.year).toBe(2022);
  expect(report.units[0]!.scores.activities).toBe(25);
  expect(codes(report.issues, 'INVALID_DATE')).toMatchObject([{ cell: `C${3 + rows.length}` }]);
});

test('several sheets of one kind are combined; unknown sheets and generated sheets are left alone', () => {
  const generated = sheet('考核汇总', [['2022年度考核汇总'], [`${GENERATED_MARKER}……`], ['名次', '单位', '姓名', '笔记字数', '心得体会'], [1, '假单位', '假人', 1, 1]]);
  const notes = sheet('说明', [['本工作簿由各单位报送'], ['姓名', '说明']]);
  const { report } = appraise(
    workbook(study([['甲股', '张三', '科员', 12000, 4]], '甲股学习'), study([['乙股', '李四', '科员', 12000, 4]], '乙股学习'), notes, generated, activities(fullYear('甲股'))),
  );
  expect(report.persons.map((p) => p.name)).toEqual(['张三', '李四']);
  expect(report.units.map((u) => u.unit).sort()).toEqual(['乙股', '甲股']);
  expect(report.issues.some((i) => i.sheet === '说明' || i.sheet === '考核汇总')).toBe(false);
});

test('a workbook without ledgers is NO_APPRAISAL_SHEETS', () => {
  const result = appraise(workbook(sheet('Sheet1', []), sheet('说明', [['随便写点什么']])));
  expect(result.noLedgers).toBe(true);
  expect(result.outputs).toEqual([]);
  expect(result.report.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'NO_APPRAISAL_SHEETS']]);
});

test('a ledger with a header and no rows runs', () => {
  const result = appraise(workbook(study([])), { year: 2022 });
  expect(result.noLedgers).toBe(false);
  expect(result.report.units).toEqual([]);
  expect(result.outputs).toHaveLength(4);
});

test('an Excel error in a unit or name cell is FORMULA_ERROR only, and the row is skipped', () => {
  const grid = study([
    ['甲股', '张三', '科员', 12000, 4],
    [{ error: '#REF!' } as unknown as string, '李四', '科员', 12000, 4],
    ['甲股', { error: '#N/A' } as unknown as string, '科员', 12000, 4],
  ]);
  const { report } = appraise(workbook(grid), { year: 2022 });
  expect(report.persons.map((p) => p.name)).toEqual(['张三']);
  expect(report.issues.filter((i) => i.sheet === '学习台账').map((i) => [i.code, i.cell])).toEqual([
    ['FORMULA_ERROR', 'A3'],
    ['FORMULA_ERROR', 'B4'],
  ]);
});

test('填报单位 with the unit in the next cell; a title saying （单位：字） names no unit', () => {
  const grid = sheet('学习笔记登记表', [
    ['干部学习笔记登记表（单位：字）'],
    ['填报单位：', '信息中心　科', null, '填报日期：2022-12-30'],
    ['姓名', '职务／职级', '笔记字数（字）', '心得体会（篇）'],
    ['赵一', '副科长', 16000, 4],
  ]);
  const { report } = appraise(workbook(grid), { year: 2022 });
  expect(report.persons.map((p) => [p.unit, p.senior])).toEqual([['信息中心', true]]);
});

test('填报单位（盖章）： lines and 合计： rows', () => {
  const grid = sheet('学习笔记登记表', [
    ['填报单位（盖章）：档案室　　填报日期：2022-12-30'],
    ['姓名', '笔记字数', '心得体会'],
    ['赵一', 12000, 4],
    ['合计：', 12000, 4],
  ]);
  const { report } = appraise(workbook(grid), { year: 2022 });
  expect(report.persons.map((p) => [p.unit, p.name])).toEqual([['档案室', '赵一']]);
  expect(report.issues.filter((i) => i.sheet === '学习笔记登记表')).toEqual([
    expect.objectContaining({ code: 'MISSING_RANK' }),
  ]);
});
