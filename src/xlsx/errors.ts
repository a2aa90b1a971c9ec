/**
 * Why a file could not be read, told apart so that the user gets advice that fits: an encrypted workbook
 * needs its password removed, an old .xls needs saving as .xlsx, a truncated download needs fetching again.
 * The texts live here, once, for every caller (command line, task pane, web page).
 */

export type XlsxFailure = 'encrypted' | 'legacy-xls' | 'ods' | 'not-xlsx' | 'corrupt' | 'no-worksheets';

export class XlsxReadError extends Error {
  constructor(
    readonly failure: XlsxFailure,
    /** Technical detail for logs and the English line; never shown alone to the user. */
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'XlsxReadError';
  }
}

const SAVE_AS_ZH = '请用 Excel 或 WPS 另存为 .xlsx';
const SAVE_AS_EN = 'open it in Excel or WPS and save it as .xlsx';

/** The user-facing text for a failure, in Chinese and English, naming the file. */
export function readFailureMessage(failure: XlsxFailure, fileName: string): { zh: string; en: string } {
  switch (failure) {
    case 'encrypted':
      return {
        zh: `文件已加密，请在 Excel 或 WPS 中取消密码后另存为 .xlsx：${fileName}`,
        en: `the workbook is encrypted with a password; remove the password in Excel or WPS and save it as .xlsx: ${fileName}`,
      };
    case 'legacy-xls':
      return {
        zh: `这是旧版 .xls/.et 格式，${SAVE_AS_ZH}：${fileName}`,
        en: `this is a legacy .xls/.et workbook; ${SAVE_AS_EN}: ${fileName}`,
      };
    case 'ods':
      return {
        zh: `这是 OpenDocument 表格（.ods），${SAVE_AS_ZH}：${fileName}`,
        en: `this is an OpenDocument spreadsheet (.ods); ${SAVE_AS_EN}: ${fileName}`,
      };
    case 'not-xlsx':
      return {
        zh: `文件内容不是 .xlsx 格式（可能只是改了扩展名），${SAVE_AS_ZH}：${fileName}`,
        en: `the file content is not .xlsx (perhaps only renamed); ${SAVE_AS_EN}: ${fileName}`,
      };
    case 'corrupt':
      return {
        zh: `文件已损坏或不完整，无法打开，请重新获取或另存后再试：${fileName}`,
        en: `the file is corrupt or incomplete: ${fileName}`,
      };
    case 'no-worksheets':
      return {
        zh: `工作簿中没有工作表：${fileName}`,
        en: `the workbook has no worksheets: ${fileName}`,
      };
  }
}
