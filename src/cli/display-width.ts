/** Terminal columns: the same East Asian width rule the workbook layout uses. */
export { displayWidth, padDisplay } from '../adapters/exceljs/text-width';
