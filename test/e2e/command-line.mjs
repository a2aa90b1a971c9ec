// The command line the web page's browser tests compare with (web.mjs, web-firefox.mjs, web-old-chromium.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The command line on copies of `inputs` in a fresh folder under `tmp`, the result beside them (bare names
 * in its links): its result workbook, and with `json` its --json report.
 */
export function commandLine(tmp, inputs, { json = false } = {}) {
  const dir = mkdtempSync(path.join(tmp, 'cli-'));
  const copies = inputs.map((f) => {
    const to = path.join(dir, path.basename(f));
    copyFileSync(f, to);
    return to;
  });
  const out = path.join(dir, 'r.xlsx');
  const args = ['scripts/appraise.cjs', ...copies, '--out', out, ...(json ? ['--json', path.join(dir, 'r.json')] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`command line failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return {
    workbook: new Uint8Array(readFileSync(out)),
    ...(json ? { report: JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) } : {}),
  };
}
