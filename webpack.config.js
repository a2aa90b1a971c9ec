/* Build of the task pane, modelled on the Office add-in React task-pane template (yo office).
 *
 * Environment switches:
 *   ADDIN_URL=https://oa.example.gov.cn/appraisal/   rewrite https://localhost:3000/ in dist/manifest.xml
 *   OFFICE_JS=cdn                                    load office.js from Microsoft's CDN instead of the
 *                                                    copy shipped in dist/office-js/ (intranets have no
 *                                                    internet, so the local copy is the default)
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DefinePlugin } = require('webpack');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** The deployment base URL with exactly one trailing slash, or DEV_URL when ADDIN_URL is unset. */
function addinUrl() {
  const raw = (process.env.ADDIN_URL || '').trim();
  if (!raw) return DEV_URL;
  // Office refuses add-ins whose pages are not served over https.
  if (!/^https:\/\/[^/\s]+/i.test(raw)) {
    throw new Error(`ADDIN_URL must be an https:// URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '') + '/';
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || 'local').trim().toLowerCase();
  if (mode !== 'local' && mode !== 'cdn') {
    throw new Error(`OFFICE_JS must be "local" or "cdn", got "${mode}"`);
  }
  return mode;
}

/*
 * What office.js loads at run time, relative to its own URL, when the host is Excel:
 *   <locale>/office_strings.js       UI strings (the Office UI language, falling back to en-us)
 *   excel-<platform>-<version>.js    the host-specific API (win32, mac, web, ios, ...)
 *   o15apptofilemappingtable.js      host lookup for Office 2013
 *   telemetry/, ariatelemetry/       telemetry sinks it tries to load (harmless, but a 404 logs errors)
 *   webauth/, AgaveErrorUX/          Excel on the web: auth helper and the error page
 * Debug variants, *-vsdoc.js and other hosts' files (Word, Outlook, ...) are left out.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel*.js',
  '*/office_strings.js',
  'telemetry/*.js',
  'ariatelemetry/**',
  'webauth/*.js',
];

function officeJsCopyPatterns() {
  const ignore = ['**/*.debug.js', '**/*-vsdoc.js'];
  // Already minified by Microsoft; without this flag Terser would spend minutes re-minifying 10 MB.
  const info = { minimized: true };
  const patterns = OFFICE_JS_FILES.map((glob) => ({
    from: glob,
    context: OFFICE_JS_DIST,
    to: 'office-js/',
    globOptions: { ignore },
    info,
  }));
  // The package ships "agaveerrorux/" but Excel on the web requests "AgaveErrorUX/index.html": copy it under
  // the requested casing so case-sensitive servers find it (both casings would collide on Windows).
  patterns.push({
    from: 'agaveerrorux/**',
    context: OFFICE_JS_DIST,
    to: ({ absoluteFilename }) =>
      'office-js/AgaveErrorUX/' + path.relative(path.join(OFFICE_JS_DIST, 'agaveerrorux'), absoluteFilename),
    globOptions: { ignore },
    info,
  });
  return patterns;
}

async function httpsOptions() {
  // Only needed by `webpack serve`; loading it lazily keeps production builds free of certificates.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** Lowers syntax newer than the minimum browsers (scripts/build/browser-targets.cjs) with esbuild. */
const LOWER_SYNTAX_LOADER = path.resolve(__dirname, 'scripts/build/lower-syntax-loader.cjs');

/** TypeScript through ts-loader; the test harness (test/harness/webpack.harness.js) builds with it too. */
function typescriptRule(compilerOptions = {}) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    // The web page's worker is bundled on its own (inlineWorkerRule).
    resourceQuery: { not: [/inline-worker/] },
    // Loaders run last to first: ts-loader, then the syntax lowering.
    use: [
      LOWER_SYNTAX_LOADER,
      {
        loader: 'ts-loader',
        options: {
          transpileOnly: true,
          configFile: path.resolve(__dirname, 'tsconfig.json'),
          // ES modules let webpack drop the unused parts of Fluent UI.
          compilerOptions: { module: 'es2020', moduleResolution: 'node', ...compilerOptions },
        },
      },
    ],
  };
}

/** `import source from './worker.ts?inline-worker'`: the worker bundled by esbuild, as a string. */
function inlineWorkerRule() {
  return {
    test: /\.ts$/,
    resourceQuery: /inline-worker/,
    use: path.resolve(__dirname, 'scripts/build/inline-worker-loader.cjs'),
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = addinUrl();
  const officeJs = officeJsMode();

  return {
    mode: production ? 'production' : 'development',
    // Not eval-based in development either: the task pane's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // 网页版: the same components on files chosen in any browser, without Excel or office.js.
      web: './src/web/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Office caches task pane files hard; hashed names make a redeploy take effect.
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        inlineWorkerRule(),
        typescriptRule(),
        // React, Fluent UI (tabster ships `??=`), fflate, htmlparser2, ...: down to the minimum browsers too.
        { test: /\.[cm]?js$/, include: /node_modules/, use: [LOWER_SYNTAX_LOADER] },
      ],
    },
    optimization: {
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      // The version in the run record (src/version.ts).
      new DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(require('./package.json').version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJsUrl: officeJs === 'cdn' ? CDN_OFFICE_JS : 'office-js/office.js',
        officeJsOrigin: officeJs === 'cdn' ? new URL(CDN_OFFICE_JS).origin : '',
      }),
      new HtmlWebpackPlugin({
        filename: 'web.html',
        template: './src/web/web.html',
        chunks: ['web'],
        // Relative script URLs, so the page works opened from a folder (file://) as well as from a server.
        publicPath: './',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_URL).join(baseUrl),
          },
          ...(officeJs === 'local' ? officeJsCopyPatterns() : []),
        ],
      }),
    ],
    performance: {
      // Fluent UI v9 + React are about 1 MB minified; warn only well above that. office.js files are
      // Microsoft's, copied as they are, and source maps are not downloaded by users.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 2_500_000,
      maxAssetSize: 2_500_000,
      assetFilter: (name) => !name.startsWith('office-js/') && !name.endsWith('.map'),
    },
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await httpsOptions() } : 'https',
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};

module.exports.typescriptRule = typescriptRule;
