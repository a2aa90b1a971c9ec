/** Opening .xlsx bytes with exceljs, with the ways it can fail told apart for the user. */
import ExcelJS from 'exceljs';
import './internal-links';

export type LoadFailure = 'not-zip' | 'legacy-or-encrypted' | 'corrupt';

export class WorkbookLoadError extends Error {
  constructor(
    readonly failure: LoadFailure,
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'WorkbookLoadError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: an old .xls, or an .xlsx saved with a password (Excel encrypts into OLE2). */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  if (startsWith(data, OLE2_MAGIC)) throw new WorkbookLoadError('legacy-or-encrypted', 'OLE2 compound file');
  if (!startsWith(data, ZIP_MAGIC)) throw new WorkbookLoadError('not-zip', 'no zip signature');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts a Buffer; copying a Uint8Array view keeps the caller's bytes untouched.
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookLoadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0) throw new WorkbookLoadError('corrupt', 'no worksheets');
  return wb;
}
