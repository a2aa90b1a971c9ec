/**
 * Many workbooks in, one appraisal out (各单位报送): `appraise -- a.xlsx b.xlsx … | <folder> --out r.xlsx`.
 * Each readable .xlsx is read with the same reader, its sheets tagged with the file's name, and all are
 * appraised together. A file that cannot be used is reported in one line and skipped; the inputs are
 * never changed, and the result is a new workbook holding the generated sheets only.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { inflateRawSync } from 'zlib';
import { resultFile } from '../adapters/exceljs/result-file';
import { isSubmissionName, readPickedFile, submissionOrder } from '../adapters/files/submitted';
import { emptyWorkbookPackage } from '../adapters/xlsx-splice';
import { appraise, type SheetGrid } from '../engine';
import { summariseFiles } from '../engine/files';
import type { Report } from '../engine/report';
import { CliError } from './errors';
import { nodeSha256 } from './node-sha256';
import { nodeZipCodec } from './node-zip-codec';
import { summaryLines } from './summary';

export { RESULT_SUFFIX } from '../adapters/files/submitted';

export interface BatchIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface BatchArgs {
  inputs: string[];
  out: string;
  json?: string;
  year?: number;
  version?: string;
}

/** How the command line writes its files (a temporary file, then a rename) and the report's JSON text. */
export interface BatchWriter {
  write(file: string, data: Uint8Array | Iterable<string>): Promise<void>;
  reportText(report: Report): Iterable<string>;
}

/** Every spreadsheet a folder holds (not recursive), without Excel's `~$` lock files and our own results. */
async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      throw new CliError(`找不到文件或文件夹：${input}`, `file or folder not found: ${input}`);
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await fs.readdir(input)).filter(isSubmissionName);
    names.sort(submissionOrder);
    files.push(...names.map((n) => path.join(input, n)));
  }
  return files;
}

interface ReadFile {
  name: string;
  sheets: SheetGrid[];
}

/** A file's sheets tagged with its name, or the one line saying why it is skipped. */
async function readOne(file: string, name: string): Promise<ReadFile | string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    return `跳过「${name}」：无法读取文件`;
  }
  const read = readPickedFile(name, bytes, { inflateRaw: inflateRawSync });
  return read.problem ? `跳过「${name}」：${read.problem}` : { name, sheets: read.sheets };
}

/** One line per file: the ledgers read from it, the units they name, its issues. */
function perFileLines(report: Report, files: ReadFile[]): string[] {
  return summariseFiles(report, files.map((f) => f.name)).map(({ file, ledgers, units, issues }) => {
    if (ledgers === 0) return `「${file}」：没有可识别的台账${issues > 0 ? `（问题 ${issues} 条，见“校验问题”表）` : '，已跳过'}`;
    const unitText = units.length > 0 ? `，单位：${units.slice(0, 5).join('、')}${units.length > 5 ? ` 等 ${units.length} 个` : ''}` : '';
    return `「${file}」：台账 ${ledgers} 张${unitText}，问题 ${issues} 条`;
  });
}

export async function runBatch(args: BatchArgs, io: BatchIo, writer: BatchWriter): Promise<void> {
  const files = await expand(args.inputs);
  if (files.length === 0) throw new CliError('没有找到要考核的 .xlsx 文件', 'no .xlsx files to appraise');
  // Names as the result's links and the 文件 column show them: relative to the result's folder.
  const outDir = path.dirname(args.out);
  const read: ReadFile[] = [];
  for (const file of files) {
    if (path.resolve(file) === path.resolve(args.out)) continue;
    const name = path.relative(outDir, file).split(path.sep).join('/');
    const one = await readOne(file, name);
    if (typeof one === 'string') io.stderr.write(`${one}\n`);
    else read.push(one);
  }
  if (read.length === 0) throw new CliError('没有可读取的 .xlsx 文件', 'no readable .xlsx file');
  const result = appraise(
    { sheets: read.flatMap((r) => r.sheets) },
    { ...(args.year !== undefined ? { year: args.year } : {}), ...(args.version ? { version: args.version } : {}), time: new Date(), sha256: nodeSha256 },
  );
  if (result.noLedgers) {
    throw new CliError(`这些文件中都没有找到考核台账（共 ${read.length} 个文件）`, `no appraisal ledgers in any of the ${read.length} files`);
  }
  const { data, placements } = await resultFile(emptyWorkbookPackage(), [], result.outputs, nodeZipCodec);
  await writer.write(args.out, data);
  if (args.json !== undefined) await writer.write(args.json, writer.reportText(result.report));
  const lines = [
    `共读取 ${read.length} 个文件：`,
    ...perFileLines(result.report, read),
    '',
    ...summaryLines(result.report, placements, { workbook: args.out, ...(args.json ? { json: args.json } : {}) }),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}
