/** Terminal columns: the same East Asian width rule the workbook layout uses. */
export { displayWidth, padDisplay } from '../adapters/result-sheet/text-width';
