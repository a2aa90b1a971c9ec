/** Node-only helper: load an .xlsx file from disk into stand-in state (tests). */
import { readFileSync } from 'fs';
import { loadXlsxBuffer } from './load-exceljs';
import type { StandInState } from './state';

export function loadXlsxFile(path: string, options: Parameters<typeof loadXlsxBuffer>[1] = {}): Promise<StandInState> {
  return loadXlsxBuffer(readFileSync(path), options);
}
