#!/usr/bin/env node
/*
 * Checks that every script the production build emits parses as ES2020, the newest language level the
 * minimum browsers understand (scripts/build/browser-targets.cjs: Chromium 80 / Edge 80 / Firefox ESR 78 /
 * Safari 14.1). One construct they cannot parse (??=, a class field, a static block, top-level await, a regex
 * with a newer flag) makes the whole file fail to load, and the page stays blank.
 *
 *   node scripts/check-dist-syntax.cjs [dir]      (default: dist/; dist/office-js/ is Microsoft's and skipped)
 *
 * Also checked: inline <script> elements of the .html files, and regex literals with lookbehind, which are
 * ES2018 but a SyntaxError in Safari 14.1 (esbuild moves such regexes into `new RegExp(...)` when lowering).
 * Too-new built-in APIs (.at(), Object.hasOwn, ...) are not looked for here, since minified vendor code
 * feature-detects them legitimately; eslint.config.mjs forbids them in src/ instead.
 *
 * Scripts embedded as long string literals (the web page's worker, bundled by esbuild into a string and started
 * from a blob: URL) are checked too: any string of 4 KB or more that parses as a modern script is code.
 *
 * Exits 1 naming file, line and column of each problem. checkSource() is exported for other build steps.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { ECMA_VERSION, MINIMUM_BROWSERS } = require('./build/browser-targets.cjs');

function loadAcorn() {
  try {
    return require('acorn');
  } catch {
    // Not a direct dependency: take the one webpack parses with.
    return require(require.resolve('acorn', { paths: [path.dirname(require.resolve('webpack/package.json'))] }));
  }
}
const acorn = loadAcorn();

const SKIP_DIRS = new Set(['office-js']);

function listFiles(dir, root = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && SKIP_DIRS.has(entry.name)) continue;
      out.push(...listFiles(full, root));
    } else if (/\.(m?js|cjs|html?)$/i.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

function parse(code, sourceType) {
  return acorn.parse(code, {
    ecmaVersion: ECMA_VERSION,
    sourceType,
    locations: true,
    allowHashBang: true,
    // webpack's chunks are classic scripts; a return or an import outside a module is still an error.
    allowReturnOutsideFunction: false,
  });
}

function hasModuleSyntax(ast) {
  return ast.body.some((node) => /^(Import|Export)/.test(node.type));
}

/** A short excerpt around a position, for minified one-line files. */
function excerpt(code, pos) {
  const from = Math.max(0, pos - 60);
  return code.slice(from, pos + 60).replace(/\s+/g, ' ');
}

const EMBEDDED_MIN_LENGTH = 4096;

/** A long string that is a whole script in itself (newest syntax, so that too-new code is found as code). */
function isEmbeddedScript(text) {
  if (typeof text !== 'string' || text.length < EMBEDDED_MIN_LENGTH) return false;
  try {
    const ast = acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
    // Prose or CSS seldom parses; a few expression statements of plain words still could.
    return ast.body.some((n) => /Declaration$|^(ExpressionStatement|IfStatement|ForStatement|ReturnStatement)$/.test(n.type)) &&
      /[;{}()]/.test(text);
  } catch {
    return false;
  }
}

/**
 * Walks the tree for regex literals that parse but that Safari 14.1 rejects (lookbehind, Safari 16.4+), and
 * for scripts embedded in string literals, which are checked as scripts of their own.
 */
function findLookbehind(ast, code) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && node.regex && /\(\?<[=!]/.test(node.regex.pattern)) {
      found.push({ line: node.loc.start.line, column: node.loc.start.column, text: excerpt(code, node.start) });
    }
    const embedded =
      node.type === 'Literal' ? node.value : node.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined;
    if (isEmbeddedScript(embedded)) {
      for (const p of checkSource(embedded)) {
        found.push({
          line: node.loc.start.line,
          column: node.loc.start.column,
          message: `in the script embedded in a string here (a worker?), at its ${p.line}:${p.column + 1}: ${p.message}`,
          text: p.text,
        });
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
    }
  };
  visit(ast);
  return found;
}

/**
 * Problems with one script's source: [] when it parses as ES2020 (a classic script, or an ES module when it
 * imports or exports), has no lookbehind regex literal and embeds no script that fails these checks. Lines are 1-based, relative to `lineOffset`.
 */
function checkSource(code, { module: forceModule, lineOffset = 0 } = {}) {
  let ast;
  let firstError;
  try {
    ast = parse(code, forceModule ? 'module' : 'script');
  } catch (err) {
    firstError = err;
  }
  if (!ast && !forceModule) {
    try {
      const moduleAst = parse(code, 'module');
      if (hasModuleSyntax(moduleAst)) ast = moduleAst;
    } catch {
      // Report the script error: it is the one the browser would show for a classic <script>.
    }
  }
  if (!ast) {
    const loc = firstError.loc || { line: 0, column: 0 };
    return [
      {
        line: loc.line + lineOffset,
        column: loc.column,
        message: `not ES${ECMA_VERSION}: ${firstError.message.replace(/\s*\(\d+:\d+\)$/, '')}`,
        text: excerpt(code, firstError.pos || 0),
      },
    ];
  }
  return findLookbehind(ast, code).map((hit) => ({
    message: 'regex lookbehind (?<= / (?<! is a SyntaxError in Safari before 16.4; build it with new RegExp(...) behind a check',
    ...hit,
    line: hit.line + lineOffset,
  }));
}

/** Inline scripts of an HTML file, with the line each starts on. */
function inlineScripts(html) {
  const scripts = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  let m;
  while ((m = re.exec(html))) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs) || !m[2].trim()) continue;
    const type = (/\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs) || [])[1];
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue;
    const start = m.index + m[0].indexOf('>') + 1;
    scripts.push({ code: m[2], module: /^module$/i.test(type || ''), lineOffset: html.slice(0, start).split('\n').length - 1 });
  }
  return scripts;
}

function checkFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (/\.html?$/i.test(file)) {
    return inlineScripts(text).flatMap((s) => checkSource(s.code, { module: s.module, lineOffset: s.lineOffset }));
  }
  return checkSource(text, { module: /\.mjs$/i.test(file) });
}

function main() {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  if (!fs.existsSync(dir)) {
    console.error(`check-dist-syntax: ${path.relative(process.cwd(), dir) || dir} does not exist; run npm run build first`);
    process.exit(2);
  }
  const files = listFiles(dir);
  let bad = 0;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    for (const p of checkFile(file)) {
      bad++;
      console.error(`${rel}:${p.line}:${p.column + 1}: ${p.message}\n    … ${p.text} …`);
    }
  }
  const scripts = files.filter((f) => !/\.html?$/i.test(f)).length;
  if (bad) {
    console.error(`\ncheck-dist-syntax: ${bad} problem(s); the minimum browsers are ${MINIMUM_BROWSERS}.`);
    process.exit(1);
  }
  console.log(`check-dist-syntax: ${scripts} script(s) and ${files.length - scripts} HTML file(s) in ${path.relative(process.cwd(), dir) || dir} parse as ES${ECMA_VERSION} (${MINIMUM_BROWSERS}).`);
}

module.exports = { checkSource, checkFile, listFiles };

if (require.main === module) main();
