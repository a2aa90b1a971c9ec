#!/usr/bin/env node
/**
 * `npm run appraise`: runs the command line (src/cli/main.ts) from a bundle that esbuild builds on first
 * use and again whenever a source file or the lock file is newer. Compiling TypeScript on every run (tsx)
 * costs about 0.7 s; the bundled file starts in about 0.17 s, which matters next to the I/O of a
 * city-scale workbook (README, 性能 Benchmarks). exceljs stays outside the bundle: only the whole-workbook
 * rewrite, the fallback when splicing is refused, loads it (from its hundreds of files, about 0.4 s).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'appraise.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh() {
  try {
    const inputs = Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
    return fs.statSync(bundle).mtimeMs >= inputs;
  } catch {
    return false;
  }
}

if (!isFresh()) {
  const { buildSync } = require('esbuild');
  // Build beside the target and rename: concurrent runs (tests, benchmarks) never see half a file.
  const tmp = `${bundle}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: tmp,
    logLevel: 'error',
    // Only the rewrite fallback loads exceljs, from node_modules: bundled, its 2.5 MB were parsed at
    // every start (about 0.08 s of a 0.25 s start).
    external: ['exceljs'],
  });
  fs.renameSync(tmp, bundle);
}

// The command line collects garbage once between reading and writing (src/cli/main.ts, collectGarbage).
require('v8').setFlagsFromString('--expose-gc');
globalThis.gc ??= require('vm').runInNewContext('gc');

require(bundle)
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
