/*
 * webpack loader: lowers JavaScript syntax newer than the minimum browsers understand
 * (scripts/build/browser-targets.cjs) with esbuild's transform, leaving modules, names and
 * comments alone. Applied to node_modules (React, Fluent UI, fflate, htmlparser2, entities, ...; tabster,
 * for one, ships `??=`) and to our TypeScript after ts-loader.
 *
 * Only syntax is lowered (??=, ||=, class fields and #private, static blocks, optional chaining where
 * esbuild distrusts the engine); built-in APIs are not polyfilled (eslint.config.mjs forbids the too-new
 * ones in src/). scripts/check-dist-syntax.cjs verifies the result.
 *
 * Source maps: the incoming map (ts-loader's) is handed to esbuild as an inline sourceMappingURL comment,
 * which esbuild composes into its own map, so dist/*.map still lead to src/*.ts.
 */
'use strict';

const path = require('path');
const esbuild = require('esbuild');
const { ESBUILD_TARGETS } = require('./browser-targets.cjs');

const MAP_COMMENT = /\n?\/\/[#@] sourceMappingURL=[^\s'"]*\s*$/;

/**
 * Lowers `code` to ESBUILD_TARGETS. `inputMap` (object or JSON) is the map of `code` to its original;
 * returns { code, map } with `map` an object (or undefined when `sourcemap` is false).
 */
async function lower(code, { sourcefile = 'input.js', inputMap, sourcemap = true, target = ESBUILD_TARGETS } = {}) {
  let input = code;
  if (sourcemap && inputMap) {
    const json = typeof inputMap === 'string' ? inputMap : JSON.stringify(inputMap);
    input =
      code.replace(MAP_COMMENT, '') +
      '\n//# sourceMappingURL=data:application/json;base64,' +
      Buffer.from(json, 'utf8').toString('base64');
  }
  const result = await esbuild.transform(input, {
    loader: 'js',
    target,
    sourcemap: sourcemap ? 'external' : false,
    sourcefile,
    // Keep the file as it is otherwise: ES modules stay ES modules for webpack's tree shaking,
    // CommonJS stays CommonJS, and license comments stay for the minifier to extract.
    legalComments: 'inline',
    logLevel: 'silent',
  });
  return { code: result.code, map: sourcemap && result.map ? JSON.parse(result.map) : undefined };
}

/** The webpack loader. Options: { target } to override ESBUILD_TARGETS (tests). */
function lowerSyntaxLoader(source, inputMap, meta) {
  const callback = this.async();
  const options = (this.getOptions && this.getOptions()) || {};
  const resourcePath = this.resourcePath || 'input.js';
  const sourcemap = this.sourceMap !== false;
  const sourcefile = this.rootContext ? path.relative(this.rootContext, resourcePath) : resourcePath;
  lower(String(source), { sourcefile, inputMap, sourcemap, target: options.target || ESBUILD_TARGETS }).then(
    (out) => {
      if (out.map && !inputMap) {
        // Without an incoming map the original is this very file: name it as webpack names modules.
        out.map.sources = [resourcePath];
      }
      callback(null, out.code, out.map, meta);
    },
    (err) => callback(new Error(`lower-syntax-loader: ${resourcePath}: ${err.message}`)),
  );
}

module.exports = lowerSyntaxLoader;
module.exports.lower = lower;
