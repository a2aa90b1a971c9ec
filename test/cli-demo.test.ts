import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { demo } from '../src/cli/demo';
import type { Report } from '../src/engine/report';
import { useTempDir } from './support/temp-dir';

jest.setTimeout(60_000);
const tmp = useTempDir('appraise-demo-');

test('the demo writes the sample, appraises it like the command line and prints the ranking', async () => {
  let stdout = '';
  let stderr = '';
  const code = await demo({ stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }, tmp());
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const input = path.join(tmp(), '示例-2022年度考核台账.xlsx');
  const result = path.join(tmp(), '示例-2022年度考核结果.xlsx');
  const json = path.join(tmp(), '示例-2022年度考核报告.json');
  for (const file of [input, result, json]) expect(existsSync(file)).toBe(true);
  expect(stdout).toContain(`已生成示例台账：${input}`);
  expect(stdout).toMatch(/^名次\s+单位\s+学习教育/m);
  expect(stdout).toContain(`结果工作簿：${result}`);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  expect(report.units).toHaveLength(11);
  const first = report.units.find((u) => u.rank === 1)!;
  expect(stdout).toMatch(new RegExp(`^\\s+1\\s+${first.unit}\\s.*${first.total.toFixed(2)}\\s+表彰$`, 'm'));
});
