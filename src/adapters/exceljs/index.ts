export { readWorkbook, readSheet, toCellValue } from './read';
export { writeOutputs, insertRulesSheet, existingSheets } from './write';
export { loadWorkbook, WorkbookLoadError, type LoadFailure } from './load';
export { resultFile, type ResultFile } from './result-file';
