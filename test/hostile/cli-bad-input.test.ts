/** Bad input files: the command line refuses each with exit 2 and one bilingual line, never a stack trace. */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { defaultOutPath } from '../../src/cli/main';
import { runCli, type CliRun } from '../support/cli-io';
import { useTempDir } from '../support/temp-dir';
import { buildWorkbook, toBytes } from '../support/workbook-builder';
import { BAD_FILES, type BadFile } from './corpus';

jest.setTimeout(120_000);

const tmp = useTempDir('appraise-hostile-');
const ROOT = path.join(__dirname, '..', '..');

async function place(c: BadFile): Promise<string> {
  const dir = path.join(tmp(), c.name.replace(/\W/g, '_'));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, c.name);
  const bytes = await c.bytes();
  if (bytes !== undefined) writeFileSync(file, bytes);
  return file;
}

function expectOneCleanLine(run: CliRun): void {
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：.*[\u4e00-\u9fff].* \/ Error: [ -~]/);
  expect(run.stderr).not.toMatch(/^\s*at /m);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(run.stderr).not.toContain('程序内部错误');
  expect(run.stdout).toBe('');
}

describe('each corpus file ends with exit 2 and one line in Chinese and English', () => {
  test.each(BAD_FILES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const file = await place(c);
    const out = path.join(path.dirname(file), 'out.xlsx');
    const run = await runCli([file, '--out', out]);
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toContain(c.name);
    // Nothing is written for a refused input, not even a temporary file.
    expect(existsSync(out)).toBe(false);
    expect(existsSync(defaultOutPath(file))).toBe(false);
    expect(readdirSync(path.dirname(file)).filter((n) => n !== c.name)).toEqual([]);
  });

  test('the corpus is not trivially small', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(18);
  });
});

/** A real process: an unhandled rejection or a stray stack trace would show here and not in-process. */
function tsxAppraise(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    execFile(tsx, [path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('as a separate process', () => {
  test.each(['no-workbook-xml.xlsx'])('%s exits 2 with one clean line', async (name) => {
    const c = BAD_FILES.find((b) => b.name === name)!;
    const file = await place({ ...c, name: `proc-${c.name}` });
    const run = await tsxAppraise([file]);
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
  });
});

describe('a ledger with a header and no rows', () => {
  test.each([
    ['study', ['单位', '姓名', '职级', '笔记字数', '心得体会']],
    ['activities', ['支部', '活动日期', '活动类型']],
    ['tasks', ['责任单位', '工作任务', '完成情况']],
  ])('%s header only: runs (exit 0) with no units, and writes the result', async (kind, header) => {
    const dir = path.join(tmp(), `header-only-${kind}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'ledger.xlsx');
    writeFileSync(file, await toBytes(buildWorkbook([{ name: '台账', rows: [['2022年度台账'], header] }])));
    const out = path.join(dir, 'out.xlsx');
    const json = path.join(dir, 'r.json');
    const run = await runCli([file, '--out', out, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 个单位/);
    expect(existsSync(out)).toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { units: unknown[]; persons: unknown[]; excellentQuota: number };
    expect(report.units).toEqual([]);
    expect(report.persons).toEqual([]);
    expect(report.excellentQuota).toBe(0);
  });
});
