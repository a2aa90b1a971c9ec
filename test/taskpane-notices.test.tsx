/**
 * The pane's notices for what Excel's limits changed in a run: rows without links, merges inferred, a
 * read-only document. Rendered to HTML (no browser needed) and checked for what the user must learn.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { LinksOmittedNotice, MergesInferredNotice, ReadOnlyNotice } from '../src/taskpane/Notices';

describe('notices about Excel limits', () => {
  test('rows written without a link: which sheet, how many, and why', () => {
    const html = renderToStaticMarkup(<LinksOmittedNotice items={[{ sheet: '校验问题', count: 4470 }]} />);
    expect(html).toContain('notice-links-omitted');
    expect(html).toContain('65 530');
    expect(html).toContain('「校验问题」有 4470 行');
  });

  test('merges inferred: the sheets, the number of blocks, and how to get exact results', () => {
    const html = renderToStaticMarkup(<MergesInferredNotice items={[{ sheet: '学习笔记登记表', blocks: 9 }, { sheet: '督查记录', blocks: 3 }]} />);
    expect(html).toContain('notice-merges-inferred');
    expect(html).toContain('「学习笔记登记表」、「督查记录」');
    expect(html).toContain('共 12 处');
    expect(html).toContain('ExcelApi 1.13');
  });

  test('a read-only document: nothing written, the results are shown', () => {
    const html = renderToStaticMarkup(<ReadOnlyNotice />);
    expect(html).toContain('notice-read-only');
    expect(html).toContain('只读');
    expect(html).toContain('没有写入');
  });
});
