/**
 * A unit's submitted file (各单位报送), read for appraising with others: by the command line (a folder or
 * several files) and by the task pane (合并各单位报送文件, read in the browser: nothing is uploaded).
 * Its sheets are tagged with its name; a file that cannot be used says why instead of failing the run.
 */
import type { SheetGrid } from '../../engine/grid';
import { isGeneratedGrid } from '../../engine/output-names';
import { readFailureMessage, readXlsx, XlsxReadError, type ReadOptions } from '../../xlsx';

/** How a result file of ours is named beside its input: never read back as a unit's submission. */
export const RESULT_SUFFIX = '-考核结果.xlsx';

/** Files in a folder that are spreadsheets of some kind: .xlsx is read, the others are reported. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;

/**
 * Whether a file found in a folder (the command line's folder argument, a folder dropped on the web page)
 * is a unit's submission: a spreadsheet, not Excel's `~$` lock file of an open workbook, not a result of
 * ours. Other spreadsheet formats count, so that a unit's .xls or .et is reported (save it as .xlsx)
 * rather than silently left out.
 */
export function isSubmissionName(name: string): boolean {
  return SPREADSHEET.test(name) && !name.startsWith('~$') && !name.endsWith(RESULT_SUFFIX);
}

/** A folder's submissions in the order a Chinese file list shows them. */
export function submissionOrder(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN');
}

export interface PickedFile {
  name: string;
  /** The file's sheets, tagged with its name; empty when it could not be used. */
  sheets: SheetGrid[];
  /** Why it is not used (not .xlsx, damaged, encrypted, a result workbook), in Chinese. */
  problem?: string;
}

/** One picked file, read. Never throws for a bad file: its problem is said instead. */
export function readPickedFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): PickedFile {
  // Whatever the name says, the bytes tell: an .xls, an .et, an .ods or an encrypted file each get their advice.
  try {
    const { grids } = readXlsx(bytes, options);
    if (grids.sheets.length > 0 && grids.sheets.every(isGeneratedGrid)) return { name, sheets: [], problem: '这是考核结果工作簿，不是台账，未读取。' };
    return { name, sheets: grids.sheets.map((s) => ({ ...s, file: name })) };
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { name, sheets: [], problem: readFailureMessage(e.failure, name).zh };
  }
}

/** Picked files by name: a file picked again replaces the earlier copy. */
export function mergePicked(current: readonly PickedFile[], added: readonly PickedFile[]): PickedFile[] {
  const names = new Set(added.map((f) => f.name));
  return [...current.filter((f) => !names.has(f.name)), ...added];
}
