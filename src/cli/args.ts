/** Command-line arguments of `appraise`. */
import { CliError } from './errors';

export interface CliArgs {
  help: boolean;
  /** The first (or only) input: a workbook, or a folder of units' workbooks. */
  input?: string;
  /** Every input, in order: several workbooks or folders are appraised together. */
  inputs: string[];
  out?: string;
  json?: string;
  year?: number;
}

const VALUE_FLAGS = new Set(['--out', '--json', '--year']);

export const USAGE = [
  '用法 / Usage:',
  '  npm run --silent appraise -- <台账.xlsx> [--out <结果.xlsx>] [--json <报告.json>] [--year <年份>]',
  '  npm run --silent appraise -- <a.xlsx> <b.xlsx> … | <文件夹> --out <结果.xlsx> [--json …] [--year …]',
  '',
  '读取考核台账工作簿，校验并评分，把“考核汇总”“人员考核明细”“校验问题”“评分依据”四张表写入一个副本；原文件不会被修改。',
  '',
  '  <台账.xlsx>          要考核的工作簿（.xlsx）',
  '  <a.xlsx> <b.xlsx> …  各单位报送的多个工作簿，或一个文件夹（其中所有 .xlsx，不含子文件夹）：合并考核，',
  '                       结果写入 --out 指定的新工作簿（此时必须指定 --out），各输入文件不会被改动',
  '  --out <结果.xlsx>    结果工作簿；不指定时为输入文件旁的“<文件名>-考核结果.xlsx”，不能与输入文件相同',
  '  --json <报告.json>   另存 JSON 格式的考核报告',
  '  --year <年份>        考核年度（四位数字，如 2022）；不指定时取“考核规则”表的考核年度，否则按台账日期推断',
  '  -h, --help           显示本说明',
  '',
  '退出码：0 = 已完成考核（即使台账有问题）；2 = 文件或参数错误。',
].join('\n');

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text) || Number(text) < 1900 || Number(text) > 2999) {
    throw new CliError(`--year 应为四位年份（如 2022），而不是“${text}”`, `--year must be a 4-digit year such as 2022, not "${text}"`);
  }
  return Number(text);
}

/** Several inputs make a new result workbook: where it goes must be said. */
export function outRequired(): CliError {
  return new CliError(
    '合并考核多个文件（或一个文件夹）时必须用 --out 指定结果工作簿，例如 --out 2022年度考核结果.xlsx',
    'several inputs (or a folder) need --out for the result workbook',
  );
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { help: false, inputs: [] };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!onlyPositional && arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (!onlyPositional && (arg === '-h' || arg === '--help')) {
      args.help = true;
      continue;
    }
    if (!onlyPositional && arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      if (!VALUE_FLAGS.has(flag)) {
        throw new CliError(`未知参数：${flag}（可用 --help 查看用法）`, `unknown option: ${flag} (see --help)`);
      }
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined || value === '') {
        throw new CliError(`参数 ${flag} 缺少取值`, `option ${flag} needs a value`);
      }
      if (flag === '--out') args.out = value;
      else if (flag === '--json') args.json = value;
      else args.year = parseYear(value);
      continue;
    }
    args.inputs.push(arg);
    args.input ??= arg;
  }
  if (!args.help && args.inputs.length > 1 && args.out === undefined) throw outRequired();
  if (!args.help && args.input === undefined) {
    throw new CliError('未指定要考核的工作簿（.xlsx 文件），可用 --help 查看用法', 'no input workbook given (see --help)');
  }
  return args;
}
