/*
 * Webpack loader for `import source from './worker.ts?inline-worker'`: bundles the worker entry on its
 * own with esbuild (for the oldest browsers we support) and hands the page its source as a string.
 *
 * Why a string and not a worker file: Chromium will not start a Worker from a file:// URL, and the web
 * page must work opened straight from a shared folder. A worker started from a blob: URL made of this
 * string works from file:// and from any server, with CSP `worker-src blob:`.
 */
'use strict';
const esbuild = require('esbuild');
const path = require('path');
const { ESBUILD_TARGETS } = require('./browser-targets.cjs');

module.exports = function inlineWorkerLoader() {
  const callback = this.async();
  const production = this.mode === 'production';
  const { version } = require(path.resolve(__dirname, '..', '..', 'package.json'));
  esbuild
    .build({
      entryPoints: [this.resourcePath],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ESBUILD_TARGETS,
      minify: production,
      legalComments: 'none',
      metafile: true,
      define: { __ADDIN_VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
      tsconfig: path.resolve(__dirname, '..', '..', 'tsconfig.json'),
      logLevel: 'silent',
    })
    .then((result) => {
      // Rebuild in watch mode when any file of the worker changes.
      for (const input of Object.keys(result.metafile.inputs)) this.addDependency(path.resolve(input));
      const code = result.outputFiles[0].text;
      callback(null, `export default ${JSON.stringify(code)};`);
    })
    .catch((e) => callback(e));
};
