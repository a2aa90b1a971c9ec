// A real old Chromium (80) for the web page's oldest-browser test (test/e2e/web-old-chromium.mjs), fetched
// from the npm registry: the package chrome-aws-lambda ships a brotli-compressed headless Chromium in its
// tarball (2.1.1: HeadlessChrome 80.0.3987.0, the M80 branch point, V8 8.0), and names the puppeteer-core it
// was made for as a peer dependency (2.1.x; today's puppeteer-core cannot drive Chromium 80).
//
//   node scripts/old-chromium.mjs        prints the executable's path (progress goes to stderr)
//
// What it does, once per cache directory: `npm pack` the package, unpack bin/chromium.br (and swiftshader,
// the software GL it looks for beside itself), `npm install` the matching puppeteer-core next to it, and
// write ready.json last. Later runs only read ready.json. The package's aws.tar.br (libnss3 and others
// built for Amazon Linux) is not used: Debian's own libraries are, and they come with Debian's chromium
// package (the ones this binary needs: libnss3, libnspr4, libexpat1).
//
// OLD_CHROMIUM_DIR: the cache directory (default .cache/old-chromium in the repository; .cache/ is in
// .gitignore). OLD_CHROMIUM_PACKAGE: another chrome-aws-lambda version
// (e.g. chrome-aws-lambda@3.1.1 for Chromium 81, @5.2.1 for 83); each gets its own subdirectory.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PACKAGE = 'chrome-aws-lambda@2.1.1';

const log = (msg) => process.stderr.write(`old-chromium: ${msg}\n`);

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
}

/** Shared libraries the binary needs that this machine lacks (ldd's "not found"). */
function missingLibraries(executable) {
  const out = run('ldd', [executable]);
  return out
    .split('\n')
    .filter((l) => l.includes('not found'))
    .map((l) => l.trim().split(/\s+/)[0]);
}

/**
 * Fetches and unpacks the browser if the cache does not have it yet. Returns { executable, puppeteer (the
 * directory of the matching puppeteer-core, for createRequire or import), spec, dir, seconds (0 if cached) }.
 */
export function ensureOldChromium({ spec = process.env.OLD_CHROMIUM_PACKAGE || DEFAULT_PACKAGE, cache = process.env.OLD_CHROMIUM_DIR } = {}) {
  const started = Date.now();
  if (!/^chrome-aws-lambda@\d+\.\d+\.\d+$/.test(spec)) throw new Error(`OLD_CHROMIUM_PACKAGE must be chrome-aws-lambda@X.Y.Z, not ${spec}`);
  // .cache/ is git-ignored; the unpacked browser and its puppeteer-core take about 140 MB.
  const base = path.resolve(cache || path.join(ROOT, '.cache', 'old-chromium'));
  const dir = path.join(base, spec.replace('@', '-'));
  const readyFile = path.join(dir, 'ready.json');
  const result = (ready, seconds) => ({
    executable: path.join(dir, 'chromium'),
    puppeteer: path.join(dir, 'node_modules', 'puppeteer-core'),
    spec,
    dir,
    puppeteerVersion: ready.puppeteerVersion,
    seconds,
  });
  if (existsSync(readyFile)) {
    const ready = JSON.parse(readFileSync(readyFile, 'utf8'));
    if (ready.spec === spec && existsSync(path.join(dir, 'chromium'))) return result(ready, 0);
  }

  mkdirSync(base, { recursive: true });
  const work = mkdtempSync(path.join(base, '.unpacking-'));
  try {
    log(`npm pack ${spec} (about 43 MB)`);
    const packed = JSON.parse(run('npm', ['pack', spec, '--json', '--pack-destination', work]))[0];
    const tgz = path.join(work, packed.filename);
    run('tar', ['xzf', tgz, '-C', work]);
    rmSync(tgz);
    const pkg = path.join(work, 'package');
    const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));

    log('unpacking bin/chromium.br and bin/swiftshader.tar.br');
    const executable = path.join(work, 'chromium');
    writeFileSync(executable, brotliDecompressSync(readFileSync(path.join(pkg, 'bin', 'chromium.br'))));
    chmodSync(executable, 0o755);
    const swiftshader = path.join(work, 'swiftshader');
    mkdirSync(swiftshader);
    writeFileSync(path.join(work, 'swiftshader.tar'), brotliDecompressSync(readFileSync(path.join(pkg, 'bin', 'swiftshader.tar.br'))));
    run('tar', ['xf', path.join(work, 'swiftshader.tar'), '-C', swiftshader]);
    rmSync(path.join(work, 'swiftshader.tar'));
    rmSync(pkg, { recursive: true });

    const missing = missingLibraries(executable);
    if (missing.length > 0) {
      throw new Error(`the Chromium of ${spec} needs libraries this machine lacks: ${missing.join(', ')} (apt-get install libnss3 libexpat1, or Debian's chromium, brings them)`);
    }

    const range = manifest.peerDependencies?.['puppeteer-core'];
    if (!range) throw new Error(`${spec} names no puppeteer-core peer dependency`);
    log(`npm install puppeteer-core@${range} (the version ${spec} was made for)`);
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'old-chromium-cache', private: true }, null, 2) + '\n');
    run('npm', ['install', '--prefix', work, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', `puppeteer-core@${range}`], {
      env: { ...process.env, PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
    const puppeteerVersion = JSON.parse(readFileSync(path.join(work, 'node_modules', 'puppeteer-core', 'package.json'), 'utf8')).version;

    const ready = { spec, integrity: packed.integrity, puppeteerVersion, unpackedAt: new Date().toISOString() };
    writeFileSync(path.join(work, 'ready.json'), JSON.stringify(ready, null, 2) + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
    const seconds = (Date.now() - started) / 1000;
    log(`ready in ${seconds.toFixed(1)} s: ${dir}`);
    return result(ready, seconds);
  } finally {
    rmSync(work, { recursive: true, force: true });
    // Leftovers of an interrupted run (an hour old: a run going on beside this one is left alone).
    for (const name of readdirSync(base)) {
      const leftover = path.join(base, name);
      if (name.startsWith('.unpacking-') && Date.now() - statSync(leftover).mtimeMs > 3_600_000) rmSync(leftover, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureOldChromium().executable);
  } catch (err) {
    console.error(`old-chromium: ${err.message}`);
    process.exitCode = 1;
  }
}
