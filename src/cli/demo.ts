/**
 * `npm run demo`: writes a realistic sample ledger workbook, then appraises it through the very same
 * code path as the command line, so what the demo shows is what `npm run appraise` does.
 */
import path from 'path';
import { DEMO_SAMPLE, writeSampleWorkbook } from '../sample/generate';
import { main, type CliIo } from './main';

const OUT_DIR = path.resolve(__dirname, '..', '..', 'out', 'demo');

export async function demo(io: CliIo, outDir = OUT_DIR): Promise<number> {
  const input = path.join(outDir, '示例-2022年度考核台账.xlsx');
  const result = path.join(outDir, '示例-2022年度考核结果.xlsx');
  const json = path.join(outDir, '示例-2022年度考核报告.json');
  await writeSampleWorkbook(input, DEMO_SAMPLE);
  io.stdout.write(`已生成示例台账：${input}\n`);
  io.stdout.write(`$ npm run --silent appraise -- "${input}" --out "${result}" --json "${json}"\n\n`);
  return main([input, '--out', result, '--json', json], io);
}

if (require.main === module) {
  void demo({ stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
