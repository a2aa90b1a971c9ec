/**
 * Deterministic generator of realistic year-end appraisal workbooks (台账) for the demo, tests and the
 * benchmark. It reproduces what units really send in (SPEC section 2): merged titles, `填报单位：` lines,
 * two-row headers, per-unit sheets without a 单位 column, header synonyms, full-width spaces, `1.5万`,
 * mixed date formats, 小计 rows, hidden rows, an error cell, a veto, unknown types and an unrelated sheet.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { ACTIVITY_TOPICS, LEVELS, personName, SPECIAL_ACTIVITIES, TASKS, unitNames } from './names';
import { Rng } from './prng';

export interface SampleOptions {
  seed?: number;
  year?: number;
  units?: number;
  /** Persons per unit: a fixed number or an inclusive range. */
  personsPerUnit?: number | readonly [number, number];
  activityRows?: number;
  disciplineRows?: number;
  taskRows?: number;
  /** Add a 考核规则 sheet with a few overrides. */
  rulesSheet?: boolean;
  /** How many units keep their own study sheet (without a 单位 column) instead of the combined one. */
  perUnitStudySheets?: number;
  /** Fonts, fills and borders; off for the large benchmark workbook, where they only cost time. */
  styled?: boolean;
}

/** ~10 units with every variation: the demo and most tests. */
export const DEMO_SAMPLE: SampleOptions = {
  seed: 2022,
  year: 2022,
  units: 10,
  personsPerUnit: [5, 9],
  activityRows: 350,
  disciplineRows: 24,
  taskRows: 40,
  perUnitStudySheets: 3,
  styled: true,
};

/** The benchmark's workbook: 300 units × 50 persons and ~60 000 ledger rows in all. */
export const LARGE_SAMPLE: SampleOptions = {
  seed: 300,
  year: 2022,
  units: 300,
  personsPerUnit: 50,
  activityRows: 15_000,
  disciplineRows: 22_000,
  taskRows: 1_500,
  perUnitStudySheets: 3,
  styled: false,
};

interface Person {
  unit: string;
  name: string;
  level: string;
}

interface Context {
  rng: Rng;
  year: number;
  styled: boolean;
  units: string[];
  persons: Map<string, Person[]>;
}

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function excelSerial(d: Date): number {
  return Math.round(d.getTime() / 86_400_000) + 25_569;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A title row merged across `width` columns. */
function title(ctx: Context, ws: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  if (width > 1) ws.mergeCells(row, 1, row, width);
  if (ctx.styled) {
    cell.font = TITLE_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(row).height = 26;
  }
}

function header(ctx: Context, ws: ExcelJS.Worksheet, row: number, labels: readonly (string | null)[]): void {
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, i + 1);
    if (label !== null) cell.value = label;
    if (ctx.styled) {
      cell.font = HEADER_FONT;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  });
}

function widths(ws: ExcelJS.Worksheet, values: readonly number[]): void {
  values.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

// Shared style objects: exceljs's writer caches styles by object identity, so 60 000 rows stay fast.
const BORDERED: Partial<ExcelJS.Style> = { border: BORDER };
const dateStyles = new Map<string, Partial<ExcelJS.Style>>();

function addRow(ctx: Context, ws: ExcelJS.Worksheet, values: ExcelJS.CellValue[]): ExcelJS.Row {
  const row = ws.addRow(values);
  if (ctx.styled) row.eachCell({ includeEmpty: false }, (cell) => (cell.style = BORDERED));
  return row;
}

/** Shows a Date cell as a date (with `numFmt`), keeping the border when styled. */
function formatDate(ctx: Context, cell: ExcelJS.Cell, numFmt: string): void {
  if (!(cell.value instanceof Date)) return;
  const key = `${ctx.styled ? 1 : 0}|${numFmt}`;
  let style = dateStyles.get(key);
  if (!style) {
    style = ctx.styled ? { border: BORDER, numFmt } : { numFmt };
    dateStyles.set(key, style);
  }
  cell.style = style;
}

function makePersons(ctx: Context, perUnit: number | readonly [number, number]): void {
  const { rng } = ctx;
  for (const unit of ctx.units) {
    const count = typeof perUnit === 'number' ? perUnit : rng.int(perUnit[0], perUnit[1]);
    const seen = new Set<string>();
    const list: Person[] = [];
    while (list.length < count) {
      const name = personName(rng);
      if (seen.has(name)) continue;
      seen.add(name);
      list.push({ unit, name, level: rng.weighted(LEVELS) });
    }
    ctx.persons.set(unit, list);
  }
}

function isSenior(level: string): boolean {
  return /副科|正科|副处|正处|科长|局长|主任科员|调研员|党组成员/.test(level);
}

/** Notes (characters) and 心得体会: most people meet the bar, some fall short. */
function studyFigures(rng: Rng, level: string): [number, number] {
  const bar = isSenior(level) ? 15_000 : 10_000;
  const notes = rng.chance(0.85) ? bar + rng.int(0, 12) * 500 : bar - rng.int(1, 8) * 500;
  const reflections = rng.chance(0.88) ? rng.int(4, 8) : rng.int(1, 3);
  return [notes, reflections];
}

/** Variations of how a note count is written. */
function noteCell(rng: Rng, notes: number, index: number): ExcelJS.CellValue {
  if (index % 17 === 3) return `${notes / 10_000}万`;
  if (index % 23 === 7) return `${notes / 10_000}万字`;
  if (index % 29 === 11) return `${notes.toLocaleString('en-US')}字`;
  return rng.chance(0.03) ? String(notes) : notes;
}

/** A name as typed: sometimes with a full-width or half-width space inside. */
function typedName(rng: Rng, name: string, index = 0): string {
  if (index % 19 === 5 || (name.length === 3 && rng.chance(0.06))) return `${name[0]}\u3000${name.slice(1)}`;
  if (name.length === 2 && rng.chance(0.08)) return `${name[0]}  ${name[1]}`;
  return name;
}

function combinedStudySheet(ctx: Context, wb: ExcelJS.Workbook, units: string[]): void {
  const { rng, year } = ctx;
  const ws = wb.addWorksheet('学习笔记登记表');
  widths(ws, [6, 18, 10, 16, 12, 12, 14]);
  title(ctx, ws, 1, `${year}年度干部职工学习笔记及心得体会登记表`, 7);
  ws.getCell('A2').value = `填报日期：${year}年12月30日`;
  header(ctx, ws, 3, ['序号', '单位', '姓名', '职务/职级', '学习情况', null, '备注']);
  header(ctx, ws, 4, [null, null, null, null, '笔记字数\n（字）', '心得体会(篇)', null]);
  for (const range of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4']) ws.mergeCells(range);
  let n = 0;
  let duplicateDone = false;
  let missingRankDone = false;
  let hiddenDone = false;
  for (const unit of units) {
    for (const p of ctx.persons.get(unit) ?? []) {
      n++;
      const [notes, reflections] = studyFigures(rng, p.level);
      let level: string = p.level;
      if (!missingRankDone && n === 6) {
        level = '';
        missingRankDone = true;
      }
      const row = addRow(ctx, ws, [n, unit, typedName(rng, p.name, n), level, noteCell(rng, notes, n), reflections, null]);
      if (!hiddenDone && n === 9) {
        row.hidden = true;
        hiddenDone = true;
      }
      if (!duplicateDone && n === 4) {
        // The same person entered twice by mistake: DUPLICATE_PERSON, the first row counts.
        addRow(ctx, ws, [++n, unit, p.name, p.level, notes, reflections, '重复填报']);
        duplicateDone = true;
      }
    }
  }
  const last = ws.rowCount;
  const total = addRow(ctx, ws, ['合计', null, null, null, { formula: `SUM(E5:E${last})` } as ExcelJS.CellValue, { formula: `SUM(F5:F${last})` } as ExcelJS.CellValue, null]);
  total.getCell(1).font = HEADER_FONT;
  addRow(ctx, ws, [`填表人：${personName(rng)}`, null, null, `审核人：${personName(rng)}`]);
}

function perUnitStudySheet(ctx: Context, wb: ExcelJS.Workbook, unit: string, variant: number): void {
  const { rng, year } = ctx;
  const ws = wb.addWorksheet(`${unit}学习台账`);
  widths(ws, [6, 12, 16, 14, 14, 12]);
  title(ctx, ws, 1, '干部职工学习情况统计表', 6);
  let headerRow = 2;
  if (variant % 2 === 0) {
    ws.getCell('A2').value = `填报单位：${unit}\u3000\u3000\u3000填报时间：${year}.12.28`;
    headerRow = 3;
  }
  header(ctx, ws, headerRow, ['序号', '姓  名', '职级', '学习笔记(字)', '心得体会篇数', '备注']);
  const people = ctx.persons.get(unit) ?? [];
  people.forEach((p, i) => {
    const [notes, reflections] = studyFigures(rng, p.level);
    const row = addRow(ctx, ws, [i + 1, typedName(rng, p.name), p.level, notes, reflections, '']);
    if (variant === 1 && i === 1) row.hidden = true;
  });
  const first = headerRow + 1;
  const last = ws.rowCount;
  let sum = 0;
  for (let r = first; r <= last; r++) {
    const v = ws.getCell(r, 4).value;
    if (typeof v === 'number') sum += v;
  }
  // 小计 with a cached result on one sheet and without on another, as different Excel versions save.
  const formula: ExcelJS.CellValue =
    variant % 2 === 0 ? { formula: `SUM(D${first}:D${last})`, result: sum } : ({ formula: `SUM(D${first}:D${last})` } as ExcelJS.CellValue);
  addRow(ctx, ws, ['小计', null, null, formula]);
}

interface Activity {
  unit: string;
  date: Date;
  type: string;
  topic: string;
  expected: number;
  present: number;
}

const TYPE_TEXTS: Record<string, readonly string[]> = {
  支委会: ['支委会', '支部委员会会议', '支部委员会'],
  主题党日: ['主题党日', '主题党日活动', '“主题党日”活动'],
  支部党员大会: ['支部党员大会', '党员大会'],
  党课: ['党课', '专题党课', '书记讲党课'],
  党小组会: ['党小组会', '党小组学习会'],
};

function activityFor(ctx: Context, unit: string, date: Date, kind: string | undefined): Activity {
  const { rng } = ctx;
  const type = kind ? rng.pick(TYPE_TEXTS[kind]!) : rng.pick(SPECIAL_ACTIVITIES);
  const expected = kind === '支委会' ? rng.int(3, 7) : Math.max(3, (ctx.persons.get(unit)?.length ?? 5) - rng.int(0, 2));
  const present = rng.chance(0.04) ? Math.max(1, Math.floor(expected * 0.6)) : expected - (expected >= 5 && rng.chance(0.3) ? 1 : 0);
  return { unit, date, type, topic: `${type}：${rng.pick(ACTIVITY_TOPICS)}`, expected, present };
}

function scheduleActivities(ctx: Context, rows: number): Activity[] {
  const { rng, year } = ctx;
  const list: Activity[] = [];
  ctx.units.forEach((unit, u) => {
    // A few units are sloppy and miss some months or quarters.
    const skip = u % 4 === 3 ? 0.25 : u % 7 === 5 ? 0.5 : 0.02;
    for (let m = 1; m <= 12; m++) {
      const dim = daysInMonth(year, m);
      if (!rng.chance(skip)) list.push(activityFor(ctx, unit, utcDate(year, m, rng.int(1, dim)), '支委会'));
      if (!rng.chance(skip)) list.push(activityFor(ctx, unit, utcDate(year, m, rng.int(1, dim)), '主题党日'));
      if (m % 3 === 0) {
        const q = m - rng.int(0, 2);
        if (!rng.chance(skip)) list.push(activityFor(ctx, unit, utcDate(year, q, rng.int(1, daysInMonth(year, q))), '支部党员大会'));
        if (!rng.chance(skip)) list.push(activityFor(ctx, unit, utcDate(year, q, rng.int(1, daysInMonth(year, q))), '党课'));
      }
    }
  });
  while (list.length < rows) {
    const unit = rng.pick(ctx.units);
    const m = rng.int(1, 12);
    const date = utcDate(year, m, rng.int(1, daysInMonth(year, m)));
    list.push(activityFor(ctx, unit, date, rng.chance(0.4) ? '党小组会' : undefined));
  }
  // Too many scheduled rows for the requested size: keep an even sample.
  const kept = list.length > rows ? list.filter((_, i) => Math.floor(((i + 1) * rows) / list.length) !== Math.floor((i * rows) / list.length)) : list;
  if (kept.length > 0) {
    // One row from the previous December that slipped into this year's log (DATE_OUT_OF_YEAR).
    kept[0] = { ...kept[0]!, date: utcDate(year - 1, 12, 20) };
  }
  return kept.sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** A date as units really enter it: date cells, serial numbers and text in several formats. */
function dateCell(rng: Rng, d: Date, year: number): ExcelJS.CellValue {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  switch (rng.int(0, 9)) {
    case 0:
      return excelSerial(d);
    case 1:
      return `${y}-${m}-${day}`;
    case 2:
      return `${y}/${pad(m)}/${pad(day)}`;
    case 3:
      return `${y}.${m}.${day}`;
    case 4:
      return `${y}年${m}月${day}日`;
    case 5:
      return y === year ? `${m}月${day}日` : `${y}年${m}月${day}日`;
    default:
      return d;
  }
}

function activitySheets(ctx: Context, wb: ExcelJS.Workbook, rows: number): void {
  const { rng, year } = ctx;
  const all = scheduleActivities(ctx, rows);
  // 主题党日 kept in a sheet of its own by the party office; the rest in the 三会一课 log.
  const partyDays = all.filter((a) => a.type.includes('主题党日'));
  const meetings = all.filter((a) => !a.type.includes('主题党日'));

  const ws = wb.addWorksheet('三会一课记录');
  widths(ws, [6, 18, 14, 16, 40, 10, 10]);
  title(ctx, ws, 1, `${year}年度“三会一课”活动登记表`, 7);
  header(ctx, ws, 2, ['序号', '支部', '活动时间', '会议类型', '会议主题', '应到人数', '实到人数']);
  meetings.forEach((a, i) => {
    const unit = i % 53 === 11 ? a.unit.replace(/(.)(.)$/, '$1 $2') : a.unit;
    const row = addRow(ctx, ws, [i + 1, unit, dateCell(rng, a.date, year), a.type, a.topic, a.expected, a.present]);
    formatDate(ctx, row.getCell(3), 'yyyy-mm-dd');
  });

  const pd = wb.addWorksheet('主题党日活动台账');
  widths(pd, [14, 18, 16, 40, 10]);
  title(ctx, pd, 1, `${year}年度主题党日活动开展情况`, 5);
  header(ctx, pd, 2, ['日期', '所在支部', '活动形式', '活动主题', '参加人数']);
  for (const a of partyDays) {
    const row = addRow(ctx, pd, [dateCell(rng, a.date, year), a.unit, a.type, a.topic, a.present]);
    formatDate(ctx, row.getCell(1), 'yyyy"年"m"月"d"日"');
  }
}

const VIOLATIONS: readonly (readonly [string, number])[] = [
  ['上班迟到', 6],
  ['早退', 4],
  ['脱岗溜号', 3],
  ['离岗未请假', 2],
  ['上班时间聊天', 2],
  ['上班时间玩游戏', 1],
  ['上班时间炒股', 1],
  ['服务态度生硬', 2],
  ['未使用文明用语', 1],
  ['着装不规范', 1.5],
  ['工作牌未佩戴', 1],
];

function disciplineSheet(ctx: Context, wb: ExcelJS.Workbook, rows: number): void {
  const { rng, year } = ctx;
  const ws = wb.addWorksheet('窗口作风督查记录');
  widths(ws, [14, 18, 10, 28, 14]);
  header(ctx, ws, 1, ['督查日期', '单位', '姓名', '问题类型', '处理情况']);
  const vetoes = Math.max(1, Math.floor(rows / 8000));
  const vetoAt = new Set(Array.from({ length: vetoes }, (_, i) => Math.floor(((i + 0.5) * rows) / vetoes)));
  // Units near the bottom of the list get most of the findings, as in real inspections.
  const weights = ctx.units.map((u, i) => [u, 1 + (i % 5) + (i % 3 === 2 ? 3 : 0)] as const);
  for (let i = 0; i < rows; i++) {
    const unit = rng.weighted(weights);
    const people = ctx.persons.get(unit) ?? [];
    let name = people.length > 0 ? rng.pick(people).name : personName(rng);
    let type = rng.weighted(VIOLATIONS);
    let unitText = unit;
    if (vetoAt.has(i)) type = '因严重违纪被立案审查';
    else if (i === 1) name = personName(rng);
    else if (i === 2 && unit.length > 3) unitText = unit.slice(0, -2) + unit.slice(-1);
    else if (i === 3) type = '着装不规范';
    const m = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(year, m));
    const row = addRow(ctx, ws, [utcDate(year, m, day), unitText, name, type, rng.pick(['已约谈提醒', '通报批评', '责令整改', '已整改'])]);
    formatDate(ctx, row.getCell(1), 'yyyy-mm-dd');
  }
}

const ASPECTS = ['班子建设', '队伍建设', '阵地建设', '制度建设', '工作职责', '活动载体', '成效评价'];

function standardizationSheet(ctx: Context, wb: ExcelJS.Workbook): void {
  const { rng, year } = ctx;
  const ws = wb.addWorksheet('党支部标准化建设评分表');
  widths(ws, [6, 18, 10, 10, 10, 10, 10, 10, 10, 8]);
  title(ctx, ws, 1, `${year}年度党支部标准化建设考评得分（每项满分10分）`, 10);
  header(ctx, ws, 2, ['序号', '党支部', ...ASPECTS, '合计']);
  // The last unit's branch was not assessed this year (NO_STANDARDIZATION).
  const scored = ctx.units.slice(0, Math.max(1, ctx.units.length - 1));
  scored.forEach((unit, i) => {
    const base = rng.int(5, 9);
    const scores: ExcelJS.CellValue[] = ASPECTS.map(() => Math.min(10, Math.max(3, base + rng.int(-2, 1))));
    if (i === 2) scores[3] = 12;
    const r = 3 + i;
    if (i === 3) scores[5] = { formula: `G${r}/0`, result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    const numeric = scores.filter((s): s is number => typeof s === 'number');
    const total: ExcelJS.CellValue =
      i === 3 ? ({ formula: `SUM(C${r}:I${r})`, result: { error: '#DIV/0!' } } as ExcelJS.CellValue) : { formula: `SUM(C${r}:I${r})`, result: numeric.reduce((a, b) => a + b, 0) };
    addRow(ctx, ws, [i + 1, unit, ...scores, total]);
  });
}

const TASK_STATES: readonly (readonly [string, number])[] = [
  ['已完成', 6],
  ['完成', 2],
  ['√', 3],
  ['✓', 1],
  ['进行中', 1],
  ['未完成', 0.6],
  ['', 0.5],
];

function taskSheet(ctx: Context, wb: ExcelJS.Workbook, rows: number): void {
  const { rng, year } = ctx;
  const ws = wb.addWorksheet(`${year}年任务清单`);
  widths(ws, [6, 30, 18, 10, 14, 10]);
  title(ctx, ws, 1, `${year}年党风廉政建设任务分解清单`, 6);
  header(ctx, ws, 2, ['序号', '工作任务', '责任部门', '责任人', '完成时限', '完成情况']);
  for (let i = 0; i < rows; i++) {
    const unit = ctx.units[i % ctx.units.length]!;
    const people = ctx.persons.get(unit) ?? [];
    const owner = people.length > 0 ? rng.pick(people).name : '';
    const m = rng.int(3, 12);
    const due: ExcelJS.CellValue = i % 9 === 4 ? `${year}年${m}月28日` : utcDate(year, m, 28);
    const row = addRow(ctx, ws, [i + 1, rng.pick(TASKS), unit, owner, due, rng.weighted(TASK_STATES)]);
    formatDate(ctx, row.getCell(5), 'yyyy-mm-dd');
  }
}

function notesSheet(ctx: Context, wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('说明');
  ws.getColumn(1).width = 80;
  [
    '本工作簿由各单位按月报送，人事科汇总。',
    `考核年度：${ctx.year}年。学习笔记、心得体会由各单位党支部据实填报。`,
    '“三会一课”及主题党日活动以会议记录为准，督查记录由机关纪委提供。',
  ].forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
}

function rulesSheet(ctx: Context, wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('考核规则');
  widths(ws, [22, 14, 40]);
  header(ctx, ws, 1, ['参数', '值', '说明']);
  const rows: [string, string | number, string][] = [
    ['考核年度', ctx.year, '本年度考核'],
    ['笔记字数下限', 10000, '一般干部每年学习笔记字数'],
    ['副科级以上笔记字数下限', 15000, ''],
    ['到会率下限', '80%', ''],
    ['表彰名额', 3, ''],
    ['党小组会频次', '不考核', ''],
  ];
  for (const r of rows) addRow(ctx, ws, r);
}

export function generateSampleWorkbook(options: SampleOptions = {}): ExcelJS.Workbook {
  const o = { ...DEMO_SAMPLE, ...options };
  const unitCount = Math.max(1, o.units ?? 10);
  const ctx: Context = {
    rng: new Rng(o.seed ?? 2022),
    year: o.year ?? 2022,
    styled: o.styled ?? true,
    units: unitNames(unitCount),
    persons: new Map(),
  };
  makePersons(ctx, o.personsPerUnit ?? [5, 9]);

  const wb = new ExcelJS.Workbook();
  wb.creator = '年终考核示例生成器';
  // Fixed timestamps keep the file identical for the same seed.
  wb.created = utcDate(ctx.year, 12, 30);
  wb.modified = utcDate(ctx.year, 12, 30);

  const ownSheets = Math.min(Math.max(0, o.perUnitStudySheets ?? 3), unitCount - 1);
  // Units with their own study sheet are picked from the end, so the combined sheet always has people.
  const ownUnits = ctx.units.slice(unitCount - ownSheets);
  combinedStudySheet(ctx, wb, ctx.units.slice(0, unitCount - ownSheets));
  ownUnits.forEach((unit, i) => perUnitStudySheet(ctx, wb, unit, i));
  activitySheets(ctx, wb, o.activityRows ?? unitCount * 38);
  disciplineSheet(ctx, wb, o.disciplineRows ?? unitCount * 2);
  standardizationSheet(ctx, wb);
  taskSheet(ctx, wb, o.taskRows ?? unitCount * 4);
  if (o.rulesSheet) rulesSheet(ctx, wb);
  notesSheet(ctx, wb);
  return wb;
}

/** Generates and writes a sample workbook to `file` (folders are created). */
export async function writeSampleWorkbook(file: string, options: SampleOptions = {}): Promise<void> {
  const wb = generateSampleWorkbook(options);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}
