/**
 * The command line: `npm run --silent appraise -- <workbook.xlsx> [--out …] [--json …] [--year …]`.
 * Reads the workbook with our own reader (src/xlsx), runs the engine, writes the result sheets into a copy
 * and prints a summary. The input file is read once into memory and never written.
 */
import { closeSync, openSync, promises as fs, writeSync } from 'fs';
import path from 'path';
import { inflateRawSync } from 'zlib';
import { existingSheetsOf, resultFile } from '../adapters/exceljs/result-file';
import { appraise } from '../engine';
import type { Report } from '../engine/report';
import { readFailureMessage, readXlsx, XlsxReadError, type XlsxWorkbook } from '../xlsx';
import { outRequired, parseArgs, USAGE } from './args';
import { RESULT_SUFFIX, runBatch } from './batch';
import { nodeSha256 } from './node-sha256';
import { nodeZipCodec } from './node-zip-codec';
import { jsonParts } from '../adapters/files/json-parts';
import { CliError, errorLine, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './errors';
import { summaryLines } from './summary';
import { version } from '../../package.json';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Relative paths are resolved against this; defaults to process.cwd(). */
  cwd?: string;
}


/**
 * NO_APPRAISAL_SHEETS in one line, naming the closest near miss and what it lacks (the engine's issue
 * carries them), so the clerk knows which sheet to fix rather than hearing that nothing was found.
 */
function noLedgersError(input: string, report: Report): CliError {
  const near = report.issues.find((i) => i.code === 'NO_APPRAISAL_SHEETS')?.params ?? {};
  const zh = `工作簿中没有找到考核台账（学习、党内活动、作风纪律、标准化建设或任务清单）：${input}`;
  const en = `no appraisal ledgers (NO_APPRAISAL_SHEETS) in ${input}`;
  if (typeof near.nearSheet !== 'string') return new CliError(zh, en);
  const lacks = near.nearReason === 'persons' ? '但每行是一名人员，不是单位开展的活动' : `但没有找到${String(near.nearMissing)}列`;
  const lacksEn = near.nearReason === 'persons' ? 'lists persons, not meetings' : `lacks ${String(near.nearMissing).replace(/[“”]/g, '')}`;
  return new CliError(
    `${zh}；最接近的是「${near.nearSheet}」：像是${String(near.nearKind)}，${lacks}`,
    `${en}; closest: sheet ${near.nearSheet} ${lacksEn}`,
  );
}

export function defaultOutPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  return path.join(dir, `${base}${RESULT_SUFFIX}`);
}

function errnoCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'unknown';
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function readInput(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') {
      throw new CliError(`找不到文件：${file}`, `file not found: ${file}`);
    }
    throw new CliError(`无法读取文件：${file}（${errnoCode(e)}）`, `cannot read file: ${file} (${errnoCode(e)})`);
  }
  if (stat.isDirectory()) throw new CliError(`这是一个文件夹，不是 .xlsx 文件：${file}`, `is a directory, not an .xlsx file: ${file}`);
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new CliError(
      `不是 .xlsx 文件：${file}（请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”后再试）`,
      `not an .xlsx file: ${file} (save it as an Excel Workbook *.xlsx and try again)`,
    );
  }
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new CliError(`无法读取文件：${file}（${errnoCode(e)}）`, `cannot read file: ${file} (${errnoCode(e)})`);
  }
}

function openWorkbook(file: string, bytes: Uint8Array, onProgress: (fraction: number) => void): XlsxWorkbook {
  try {
    // Node's zlib inflates natively, several times faster than the browser-ready fflate.
    return readXlsx(bytes, { onProgress, inflateRaw: inflateRawSync });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    const { zh, en } = readFailureMessage(e.failure, file);
    // The technical detail helps a support request; the Chinese line stays the advice alone.
    throw new CliError(zh, e.failure === 'corrupt' ? `${en} (${e.detail})` : en);
  }
}

/** The real path of `file`, or of its nearest existing parent joined with the rest. */
async function realPathLoose(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    const parent = path.dirname(file);
    if (parent === file) return file;
    return path.join(await realPathLoose(parent), path.basename(file));
  }
}

function samePath(a: string, b: string): boolean {
  // Windows and macOS file systems usually ignore case.
  if (process.platform === 'win32' || process.platform === 'darwin') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

async function checkOutputPath(flag: string, target: string, inputReal: string, extension: string): Promise<void> {
  if (samePath(await realPathLoose(target), inputReal)) {
    throw new CliError(
      `${flag} 指定的文件不能是输入文件本身：${target}（原文件不会被改动，请另选文件名）`,
      `${flag} must not be the input workbook: ${target}`,
    );
  }
  if (path.extname(target).toLowerCase() !== extension) {
    throw new CliError(`${flag} 应为 ${extension} 文件：${target}`, `${flag} must name a ${extension} file: ${target}`);
  }
}

/** The --json file's text, `JSON.stringify(report, null, 2)` and a line break, in pieces. */
function* reportJson(report: Report): Generator<string> {
  yield* jsonParts(report);
  yield '\n';
}

/**
 * Text pieces are encoded into one reused buffer and written about this many characters at a time:
 * small enough that the joined batches stay in V8's young generation, cheap to collect.
 */
const WRITE_BATCH = 1 << 15;

function writeParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    const encoder = new TextEncoder();
    let buffer = new Uint8Array(3 * 2 * WRITE_BATCH);
    let batch: string[] = [];
    let length = 0;
    const flush = (): void => {
      const text = batch.join('');
      batch = [];
      length = 0;
      if (buffer.length < 3 * text.length) buffer = new Uint8Array(3 * text.length);
      const { written } = encoder.encodeInto(text, buffer);
      for (let at = 0; at < written; ) at += writeSync(fd, buffer, at, written - at);
    };
    for (const part of parts) {
      batch.push(part);
      length += part.length;
      if (length >= WRITE_BATCH) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes via a temporary file in the same folder, so a failed run leaves no half-written result. Text
 * given in pieces is written a batch at a time, never joined whole.
 */
async function writeFileSafely(file: string, data: Uint8Array | Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    if (data instanceof Uint8Array) await fs.writeFile(temp, data);
    else writeParts(temp, data);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`无法写入文件：${file}（${errnoCode(e)}）`, `cannot write file: ${file} (${errnoCode(e)})`);
  }
}

/**
 * One full garbage collection once the grids are unreachable, before the result workbook is built: the
 * reader's and the engine's garbage would otherwise still fill the heap while the result sheets are
 * planned (city benchmark: peak 256 → 228 MB, same time). Only where gc is exposed, as
 * scripts/appraise.cjs does; elsewhere (tests) nothing happens.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

class Progress {
  private shown = false;
  constructor(private readonly stderr: CliIo['stderr']) {}
  update(stage: string, fraction: number): void {
    if (!this.stderr.isTTY) return;
    const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    this.stderr.write(`\r\x1b[K正在处理：${stage} ${pct}%`);
    this.shown = true;
  }
  clear(): void {
    if (this.shown) this.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help || args.input === undefined) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const cwd = io.cwd ?? process.cwd();
  if (args.inputs.length > 1 || (await isDirectory(path.resolve(cwd, args.input)))) {
    if (args.out === undefined) throw outRequired();
    await runBatch(
      {
        inputs: args.inputs.map((i) => path.resolve(cwd, i)),
        out: path.resolve(cwd, args.out),
        ...(args.json !== undefined ? { json: path.resolve(cwd, args.json) } : {}),
        ...(args.year !== undefined ? { year: args.year } : {}),
        version,
      },
      io,
      { write: writeFileSafely, reportText: reportJson },
    );
    return EXIT_OK;
  }
  const input = path.resolve(cwd, args.input);
  const out = args.out !== undefined ? path.resolve(cwd, args.out) : defaultOutPath(input);
  const json = args.json !== undefined ? path.resolve(cwd, args.json) : undefined;

  const bytes = await readInput(input);
  const inputReal = await fs.realpath(input);
  await checkOutputPath('--out', out, inputReal, '.xlsx');
  if (json !== undefined) await checkOutputPath('--json', json, inputReal, '.json');

  const progress = new Progress(io.stderr);
  try {
    // The grids go out of scope once the engine is done: writing the result needs only the sheet names.
    const { result, existing } = (() => {
      const { grids } = openWorkbook(input, bytes, (fraction) => progress.update('读取工作簿', fraction));
      const options = {
        ...(args.year !== undefined ? { year: args.year } : {}),
        version,
        time: new Date(),
        sha256: nodeSha256,
        onProgress: (stage: string, fraction: number) => progress.update(stage, fraction),
      };
      return { result: appraise(grids, options), existing: existingSheetsOf(grids) };
    })();
    collectGarbage();
    if (result.noLedgers) throw noLedgersError(input, result.report);
    progress.update('写入结果', 1);
    const { data, placements, spliceRefused } = await resultFile(bytes, existing, result.outputs, nodeZipCodec).catch((e: unknown) => {
      // The whole-workbook rewrite (splicing refused) reads the input with exceljs, which may fail where our reader did not.
      if (e instanceof Error && e.name === 'WorkbookLoadError') {
        throw new CliError(`无法生成结果工作簿：${input}（${e.message}）`, `cannot write the result workbook for ${input} (${e.message})`);
      }
      throw e;
    });
    if (spliceRefused !== undefined && process.env.APPRAISE_DEBUG) io.stderr.write(`whole workbook rewritten: ${spliceRefused}\n`);
    await writeFileSafely(out, data);
    if (json !== undefined) await writeFileSafely(json, reportJson(result.report));
    progress.clear();
    io.stdout.write(`${summaryLines(result.report, placements, { workbook: out, ...(json ? { json } : {}) }).join('\n')}\n`);
    return EXIT_OK;
  } finally {
    progress.clear();
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${errorLine(e.zh, e.en)}\n`);
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${errorLine(`程序内部错误，请将此信息反馈给开发人员：${message}`, `internal error: ${message}`)}\n`);
    if (process.env.APPRAISE_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
