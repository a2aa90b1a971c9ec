import type { ReportedIssue, UnitResult } from '../src/engine/report';
import {
  countBySeverity,
  filterIssues,
  groupIssuesBySheet,
  nearMissMessages,
  issueTarget,
  issueWho,
  outcomeLists,
  parseYearInput,
  visibleCount,
  writtenSheets,
} from '../src/taskpane/issue-view';

function issue(partial: Partial<ReportedIssue>): ReportedIssue {
  return {
    severity: 'warning',
    code: 'NOTES_BELOW_MIN',
    file: '',
    sheet: '学习笔记登记表',
    cell: 'E5',
    row: 5,
    unit: '局办公室',
    person: '张三',
    params: {},
    message: '笔记字数不足',
    ...partial,
  };
}

const issues: ReportedIssue[] = [
  issue({ sheet: '学习笔记登记表', cell: 'E9', row: 9 }),
  issue({ sheet: '', cell: '', row: null, code: 'UNIT_WITHOUT_STAFF', unit: '信息中心', person: '' }),
  issue({ sheet: '党支部标准化建设评分表', cell: 'F5', row: 5, severity: 'error', code: 'OUT_OF_RANGE' }),
  issue({ sheet: '学习笔记登记表', cell: 'F7', row: 7, severity: 'error', code: 'MISSING_VALUE' }),
  issue({ sheet: '三会一课', cell: 'C4', row: 4, severity: 'info', code: 'UNKNOWN_ACTIVITY_TYPE' }),
  issue({ sheet: '学习笔记登记表', cell: 'E6', row: 6 }),
];

describe('countBySeverity', () => {
  it('counts each severity', () => {
    expect(countBySeverity(issues)).toEqual({ error: 2, warning: 3, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('filterIssues', () => {
  it('keeps only the chosen severity, or all', () => {
    expect(filterIssues(issues, 'error').map((i) => i.code)).toEqual(['OUT_OF_RANGE', 'MISSING_VALUE']);
    expect(filterIssues(issues, 'info')).toHaveLength(1);
    expect(filterIssues(issues, 'all')).toHaveLength(6);
  });
});

describe('groupIssuesBySheet', () => {
  const groups = groupIssuesBySheet(issues);

  it('keeps sheets in report order and puts unit-level findings last under 单位汇总', () => {
    expect(groups.map((g) => g.title)).toEqual(['学习笔记登记表', '党支部标准化建设评分表', '三会一课', '单位汇总']);
    expect(groups[3]?.key).toBe('');
  });

  it('keeps sheets of the same name in two units’ files apart, titled with their file', () => {
    const two = groupIssuesBySheet([
      issue({ file: '局办公室.xlsx', sheet: '学习台账', cell: 'E5' }),
      issue({ file: '政策法规股.xlsx', sheet: '学习台账', cell: 'E6' }),
      issue({ file: '局办公室.xlsx', sheet: '学习台账', cell: 'E7' }),
    ]);
    expect(two.map((g) => [g.title, g.file, g.sheet, g.issues.length])).toEqual([
      ['学习台账（局办公室.xlsx）', '局办公室.xlsx', '学习台账', 2],
      ['学习台账（政策法规股.xlsx）', '政策法规股.xlsx', '学习台账', 1],
    ]);
    expect(issueTarget(two[1]!.issues[0]!)?.file).toBe('政策法规股.xlsx');
  });

  it('sorts errors first, then by row', () => {
    expect(groups[0]?.issues.map((i) => i.cell)).toEqual(['F7', 'E6', 'E9']);
    expect(groups[0]?.counts).toEqual({ error: 1, warning: 2, info: 0 });
  });
});

describe('issueTarget', () => {
  it('points at the cell, else the row, else nowhere', () => {
    expect(issueTarget(issue({ sheet: 'S', cell: 'F5' }))).toEqual({ file: '', sheet: 'S', cell: 'F5', label: 'F5' });
    expect(issueTarget(issue({ sheet: 'S', cell: '', row: 12 }))).toEqual({ file: '', sheet: 'S', cell: 'A12', label: '第 12 行' });
    expect(issueTarget(issue({ sheet: '', cell: '', row: null }))).toBeNull();
  });
});

describe('issueWho', () => {
  it('joins unit and person when present', () => {
    expect(issueWho(issue({ unit: '局办公室', person: '张三' }))).toBe('局办公室 · 张三');
    expect(issueWho(issue({ unit: '局办公室', person: '' }))).toBe('局办公室');
    expect(issueWho(issue({ unit: '', person: '' }))).toBe('');
  });
});

describe('visibleCount', () => {
  it('caps rendering at whole pages', () => {
    expect(visibleCount(5000, 1)).toBe(200);
    expect(visibleCount(5000, 2)).toBe(400);
    expect(visibleCount(150, 1)).toBe(150);
    expect(visibleCount(450, 3)).toBe(450);
  });
});

function unit(name: string, rank: number, outcome: UnitResult['outcome']): UnitResult {
  return {
    unit: name,
    scores: { study: 0, activities: 0, standardization: 0, discipline: 0, tasks: 0 },
    total: 0,
    rank,
    veto: outcome === '一票否决',
    outcome,
    persons: 0,
    passedPersons: 0,
    activities: 0,
    specialActivities: 0,
    violations: 0,
    tasks: 0,
    tasksDone: 0,
    explain: {} as UnitResult['explain'],
  };
}

describe('outcomeLists', () => {
  it('lists units per outcome by rank', () => {
    const units = [
      unit('规划财务科', 3, '表彰'),
      unit('工伤保险所', 9, '一票否决'),
      unit('局办公室', 1, '表彰'),
      unit('社会保障股', 4, ''),
      unit('公共就业服务局', 7, '通报批评'),
      unit('失业保险所', 2, '表彰'),
    ];
    expect(outcomeLists({ units })).toEqual({
      commended: ['局办公室', '失业保险所', '规划财务科'],
      criticised: ['公共就业服务局'],
      vetoed: ['工伤保险所'],
    });
  });
});

describe('writtenSheets', () => {
  it('reports the free names taken instead of a user sheet', () => {
    expect(writtenSheets([])).toEqual(['考核汇总', '人员考核明细', '校验问题', '评分依据']);
    expect(writtenSheets([{ from: '考核汇总', to: '考核汇总(2)' }])).toEqual(['考核汇总(2)', '人员考核明细', '校验问题', '评分依据']);
  });
});

describe('parseYearInput', () => {
  it('accepts blank (automatic) and four-digit years, half- or full-width', () => {
    expect(parseYearInput('')).toEqual({ ok: true, year: undefined });
    expect(parseYearInput(' 2022 ')).toEqual({ ok: true, year: 2022 });
    expect(parseYearInput('２０２３')).toEqual({ ok: true, year: 2023 });
  });
  it('rejects anything else', () => {
    expect(parseYearInput('22')).toEqual({ ok: false });
    expect(parseYearInput('2022年')).toEqual({ ok: false });
    expect(parseYearInput('1800')).toEqual({ ok: false });
  });
});

describe('nearMissMessages', () => {
  it('keeps the messages of sheets that nearly were ledgers, in order', () => {
    const list = [
      issue({ code: 'INCOMPLETE_LEDGER', message: '会议记录像是党内活动台账，但没有找到“日期”列' }),
      issue({ code: 'OUT_OF_RANGE', message: '超出范围' }),
      issue({ code: 'MISSING_COLUMN', message: '缺少单位' }),
    ];
    expect(nearMissMessages(list)).toEqual(['会议记录像是党内活动台账，但没有找到“日期”列', '缺少单位']);
  });
});
