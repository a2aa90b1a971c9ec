/**
 * Lists that grow with the number of units' files (a city's 300 files: 1 200 issue groups, 1 200 sheets
 * in 识别结果, 300 files): shown a page at a time, errors never behind 显示更多, files that cannot be used
 * first. Rendered to HTML (no browser needed); the page's own figures are in README (网页版 with 301 files).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { appraise } from '../src/engine';
import type { ReportedIssue } from '../src/engine/report';
import { IssueList } from '../src/taskpane/IssueList';
import { RecognitionPanel } from '../src/taskpane/RecognitionPanel';
import { SubmittedFiles } from '../src/taskpane/SubmittedFiles';
import { sheet, study, workbook } from './engine/build';

const issue = (i: number, severity: ReportedIssue['severity'] = 'warning'): ReportedIssue => ({
  severity,
  code: severity === 'error' ? 'INVALID_NUMBER' : 'NOTES_BELOW_MIN',
  file: `单位${i}-2022年党建台账.xlsx`,
  sheet: '学习笔记登记表',
  cell: 'D5',
  row: 5,
  unit: `单位${i}`,
  person: '张三',
  params: {},
  message: `问题${i}`,
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('the issue list with one group per file', () => {
  const issues = Array.from({ length: 120 }, (_, i) => issue(i, i === 100 ? 'error' : 'warning'));
  const html = renderToStaticMarkup(<IssueList issues={issues} selectedKey={null} onSelect={() => undefined} openRows={50} />);

  test('shows the first 50 groups and the group holding an error, with a button for the rest', () => {
    expect(count(html, 'data-testid="issue-group"')).toBe(51);
    expect(html).toContain('data-file="单位49-2022年党建台账.xlsx"');
    expect(html).not.toContain('data-file="单位50-2022年党建台账.xlsx"');
    expect(html).toContain('data-file="单位100-2022年党建台账.xlsx"');
    expect(html).toContain('显示更多工作表（已显示 51 / 共 120 组）');
  });

  test('a few groups: all shown, no button', () => {
    const few = renderToStaticMarkup(<IssueList issues={issues.slice(0, 3)} selectedKey={null} onSelect={() => undefined} />);
    expect(count(few, 'data-testid="issue-group"')).toBe(3);
    expect(few).not.toContain('issues-more-groups');
  });
});

describe('the chosen files', () => {
  const files = Array.from({ length: 10 }, (_, i) => ({ name: `单位${i}.xlsx`, sheetCount: 3 }));
  files[7] = { name: '报送说明.xlsx', sheetCount: 0, problem: '文件内容不是 .xlsx 格式' } as (typeof files)[number];

  test('more than 8: a count, the unusable file first, the list in a box that scrolls (and takes focus)', () => {
    const html = renderToStaticMarkup(<SubmittedFiles files={files} busy={false} onRemove={() => undefined} />);
    expect(html).toContain('共 10 个文件，其中 1 个无法使用（列在最前）');
    const order = [...html.matchAll(/data-file="([^"]+)"/g)].map((m) => m[1]);
    expect(order[0]).toBe('报送说明.xlsx');
    expect(order).toHaveLength(10);
    expect(html).toMatch(/<ul[^>]*tabindex="0"/);
  });

  test('a few: no count, no box; the unusable file first all the same', () => {
    const html = renderToStaticMarkup(<SubmittedFiles files={files.slice(6, 9)} busy={false} onRemove={() => undefined} />);
    expect(html).not.toContain('merge-count');
    expect(html).not.toMatch(/<ul[^>]*tabindex/);
    expect([...html.matchAll(/data-file="([^"]+)"/g)].map((m) => m[1])).toEqual(['报送说明.xlsx', '单位6.xlsx', '单位8.xlsx']);
  });
});

test('识别结果 with 60 sheets: the first 50 and the near miss among the rest, then a button', () => {
  const sheets = Array.from({ length: 60 }, (_, i) => study([[`单位${i}`, '张三', '科员', 12000, 4]], `单位${i}学习台账`));
  // Looks like a study ledger (姓名, 笔记字数) but lacks 心得体会: a near miss, at the end.
  sheets.push(sheet('单位60学习台账', [['姓名', '职级', '笔记字数'], ['李四', '科员', 12000]]));
  const { report } = appraise(workbook(...sheets), { year: 2022 });
  const html = renderToStaticMarkup(<RecognitionPanel report={report} onSelectCell={() => undefined} busy={false} openSheets={[]} onToggleSheets={() => undefined} />);
  expect(html).toContain('单位49学习台账');
  expect(html).not.toContain('单位50学习台账');
  expect(html).toContain('单位60学习台账');
  expect(html).toContain('显示更多工作表（已显示 51 / 共 61 张）');
});
