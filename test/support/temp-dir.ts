import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

/** A fresh temporary folder per test file; removed afterwards. */
export function useTempDir(prefix = 'appraise-'): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
