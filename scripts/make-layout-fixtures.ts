/**
 * Writes the real-layout fixtures: ledgers laid out the way party-work systems' import templates and
 * exports lay them out (三会一课录入样表, 主题党日活动录入样表, 请假缺席统计), rebuilt here from their header
 * vocabularies with made-up rows — no real file is copied.
 *
 *   npx tsx scripts/make-layout-fixtures.ts     → test/fixtures/real-layout-2022.xlsx, near-miss-2022.xlsx,
 *                                                 two-dates-2022.xlsx, units/*.xlsx (three units' own files)
 */
import path from 'path';
import { promises as fs } from 'fs';
import { buildWorkbook, toBytes, type BuilderCell, type SheetSpec } from '../test/support/workbook-builder';
import { splitByUnit } from '../src/sample/split-by-unit';
import { DEMO_SAMPLE, generateSampleWorkbook } from '../src/sample/generate';
import { readXlsx } from '../src/xlsx';

const OUT = path.join(__dirname, '..', 'test', 'fixtures');
const COLLEGE = '中共某大学文学院委员会';
const BRANCHES = ['文学院教工第一党支部', '文学院教工第二党支部', '文学院学生党支部'];

const SANHUI_HEADER = [
  '所在分党委编码', '所在分党委', '所在党支部编码', '所在党支部', '会议类型', '主持人姓名', '记录人姓名', '会议名称',
  '计划会议时间', '实际会议时间', '会议地点', '应到人数', '实到人数', '请假人数', '会议议题',
];

/** `2022/3/8  9:00` as the template's example row writes it: text, two spaces before the time. */
const when = (month: number, day: number, time = '14:30') => `2022/${month}/${day}  ${time}`;

function sanhuiRows(): BuilderCell[][] {
  const rows: BuilderCell[][] = [];
  BRANCHES.forEach((branch, b) => {
    const code = `01010${b + 1}`;
    const meeting = (type: string, month: number, day: number, planDay: number, expected: number, present: number, topic: string) => {
      rows.push(['0101', COLLEGE, code, branch, type, '王建国', '李记录', `${month}月${type}`, when(month, planDay), when(month, day),
        '党员活动室101', expected, present, expected - present, topic]);
    };
    for (let m = 1; m <= 12; m++) {
      // The third branch misses its September 支委会; the second branch's meetings are poorly attended.
      if (!(b === 2 && m === 9)) meeting('支委会', m, 8, 5, 5, 5, '研究支部工作');
      if (m % 3 === 1) {
        meeting('支部党员大会', m, b === 1 && m === 1 ? 30 : 15, 12, 20, b === 1 ? 14 : 19, '学习全国两会精神');
        meeting('党课', m, 20, 18, 20, 18, '党史学习教育');
      }
    }
    meeting('党小组会', 6, 17, 17, 8, 8, '交流学习体会');
  });
  return rows;
}

function dangriRows(): BuilderCell[][] {
  const rows: BuilderCell[][] = [];
  BRANCHES.forEach((branch, b) => {
    for (let m = 1; m <= 12; m++) {
      if (b === 1 && (m === 7 || m === 8)) continue; // summer: the second branch held none
      rows.push(['0101', COLLEGE, `01010${b + 1}`, branch, '200201', '主题党日活动', when(m, 22), when(m, 25), '党员活动室',
        `${m}月主题党日`, '主要内容', 20, 18, 2]);
    }
  });
  return rows;
}

const STUDY_HEADER = ['序号', '所在党支部', '党员姓名', '现任职务', '学习笔记（字）', '心得体会（篇）', '备注'];
const PEOPLE: [string, string, string, number, number][] = [
  ['文学院教工第一党支部', '张明', '副院长（副处）', 16000, 5],
  ['文学院教工第一党支部', '李华', '讲师', 12000, 4],
  ['文学院教工第一党支部', '王芳', '辅导员', 9000, 4],
  ['文学院教工第二党支部', '刘洋', '教授', 11000, 3],
  ['文学院教工第二党支部', '赵强', '办公室主任科员', 15500, 4],
  ['文学院学生党支部', '陈晨', '学生', 10000, 4],
  ['文学院学生党支部', '周敏', '学生', 10500, 6],
];

const ABSENCE_HEADER = ['党支部', '学号', '姓名', '身份', '活动名称', '活动时间', '备注'];
const ABSENCES: BuilderCell[][] = [
  ['文学院教工第一党支部', '200301', '李华', '正式党员', '支部党员大会', '2022-04-15', '请假（出差）'],
  ['文学院教工第一党支部', '200302', '王芳', '正式党员', '党课', '2022-04-20', '迟到'],
  ['文学院教工第二党支部', '200303', '刘洋', '正式党员', '主题党日活动', '2022-05-25', '缺席'],
  ['文学院教工第二党支部', '200304', '赵强', '正式党员', '支委会', '2022-06-08', '病假'],
  ['文学院学生党支部', '200305', '陈晨', '预备党员', '主题党日活动', '2022-03-25', ''],
];

async function main(): Promise<void> {
  const realLayout = buildWorkbook([
    { name: '三会一课', rows: [SANHUI_HEADER, ...sanhuiRows()] },
    {
      name: '主题党日',
      rows: [
        ['所在分党委编码', '所在分党委', '所在党支部编码', '所在党支部', '记录人学工号', '活动名称', '计划时间', '实际时间', '活动地点',
          '活动主题', '主要内容及特色', '应到人数', '实到人数', '请假人数'],
        ...dangriRows(),
      ],
    },
    {
      name: '学习笔记登记',
      rows: [
        ['2022年度党员学习笔记及心得体会登记表'],
        ['填报单位：中共某大学文学院委员会          填报日期：2022年12月28日'],
        STUDY_HEADER,
        ...PEOPLE.map(([branch, name, level, notes, reflections], i) => [i + 1, branch, name, level, notes, reflections, null]),
      ],
      merges: ['A1:G1', 'A2:G2'],
    },
    { name: '请假缺席统计', rows: [ABSENCE_HEADER, ...ABSENCES] },
  ]);
  await fs.writeFile(path.join(OUT, 'real-layout-2022.xlsx'), await toBytes(realLayout));

  const nearMiss = buildWorkbook([
    { name: '说明', rows: [['本工作簿汇总各党支部的会议记录，请于 12 月 31 日前报送。']] },
    {
      name: '会议记录',
      rows: [
        ['所在党支部', '会议类型', '会议名称', '会议地点', '应到人数', '实到人数'],
        ['文学院教工第一党支部', '支委会', '3月支委会', '党员活动室101', 5, 5],
        ['文学院教工第一党支部', '支部党员大会', '第一季度支部党员大会', '党员活动室101', 20, 19],
      ],
    },
    {
      name: 'Sheet1',
      rows: [
        ['活动名称', '实际时间', '活动地点', '主要内容'],
        ['支部党员大会', '2022/3/15  14:30', '党员活动室', '学习全国两会精神'],
        ['支委会', '2022/3/8  9:00', '党员活动室', '研究发展党员工作'],
      ],
    },
  ]);
  await fs.writeFile(path.join(OUT, 'near-miss-2022.xlsx'), await toBytes(nearMiss));

  // Two date columns nothing tells apart (时间一: the notice date, 时间二: the day it was held): the
  // clerk says which one in 识别结果, and the choice is kept in 考核规则.
  const twoDates = buildWorkbook([
    {
      name: '会议记录',
      rows: [
        ['所在党支部', '会议类型', '时间一', '时间二', '应到人数', '实到人数'],
        ...BRANCHES.slice(0, 2).flatMap((branch) =>
          Array.from({ length: 12 }, (_, i) => [branch, '支委会', `2022-${i + 1}-1`, `2022-${i + 1}-8`, 5, 5] as BuilderCell[]),
        ),
        ['文学院教工第一党支部', '支部党员大会', '2022-3-25', '2022-4-2', 20, 19],
      ],
    },
    {
      name: '考核规则',
      rows: [
        ['参数', '值', '说明'],
        ['考核年度', '2022', '本年度'],
        ['表彰名额', '1', '经党委会研究确定'],
        [],
        ['注：本表由机关党委维护。'],
      ],
    },
  ]);
  await fs.writeFile(path.join(OUT, 'two-dates-2022.xlsx'), await toBytes(twoDates));

  // Three files as units send them in (the demo sample split by unit): two units' own ledgers, one
  // naming its unit by a 填报单位 line, one by its file name alone, and the 机关党委's file.
  const sample = readXlsx(new Uint8Array(await generateSampleWorkbook(DEMO_SAMPLE).xlsx.writeBuffer())).grids;
  const files = splitByUnit(sample);
  await fs.mkdir(path.join(OUT, 'units'), { recursive: true });
  for (const f of [files[0]!, files[2]!, files[files.length - 1]!]) {
    await fs.writeFile(path.join(OUT, 'units', f.name), await toBytes(buildWorkbook(f.sheets as SheetSpec[])));
  }
}

void main();
