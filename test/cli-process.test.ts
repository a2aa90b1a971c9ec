/** One real run through `npm run --silent appraise`, to prove the script entry works outside jest. */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'example-2022.xlsx');

function npmAppraise(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'appraise', '--', ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'appraise-proc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npm run appraise writes the result and prints the ranking', async () => {
  const out = path.join(dir, 'result.xlsx');
  const run = await npmAppraise([FIXTURE, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^\s+1\s+局办公室\s.*96\.86\s+表彰$/m);
  expect(existsSync(out)).toBe(true);
});

test('npm run appraise exits 2 with one line for a missing file', async () => {
  const run = await npmAppraise([path.join(dir, 'missing.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^错误：找不到文件：.+ \/ Error: file not found: .+missing\.xlsx\n$/);
});
