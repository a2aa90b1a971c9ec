// Flat ESLint config: JS + TypeScript recommended everywhere, React hooks rules for the task pane,
// node globals for the plain-JS build and tooling scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Built-in APIs newer than the minimum browsers, with the first Chromium version that has each.
// 信创浏览器 (360安全浏览器信创版, 奇安信可信浏览器, UOS 浏览器) are Chromium 80; Firefox ESR 78; Safari 14.1.
const TOO_NEW = '不可用：最低浏览器为信创 Chromium 80 / Firefox ESR 78 / Safari 14.1 (scripts/build/browser-targets.cjs)';
const method = (property, since) => ({ property, message: `.${property}() ${TOO_NEW}; Chrome ${since}+.` });
const staticMethod = (object, property, since) => ({ object, property, message: `${object}.${property} ${TOO_NEW}; Chrome ${since}+.` });
const TOO_NEW_PROPERTIES = [
  staticMethod('Object', 'hasOwn', 93),
  staticMethod('Object', 'groupBy', 117),
  staticMethod('Map', 'groupBy', 117),
  staticMethod('Promise', 'any', 85),
  staticMethod('Promise', 'withResolvers', 119),
  staticMethod('Array', 'fromAsync', 121),
  staticMethod('AbortSignal', 'timeout', 103),
  staticMethod('AbortSignal', 'any', 116),
  staticMethod('crypto', 'randomUUID', 92),
  staticMethod('Intl', 'Segmenter', '87, Firefox 125'),
  method('replaceAll', 85),
  method('findLast', 97),
  method('findLastIndex', 97),
  method('toSorted', 110),
  method('toReversed', 110),
  method('toSpliced', 110),
  method('replaceChildren', 86),
  method('isWellFormed', 111),
  method('toWellFormed', 111),
  ...['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom'].map(
    (name) => method(name, 122),
  ),
];
const TOO_NEW_GLOBALS = [
  ['structuredClone', 98],
  ['WeakRef', 84],
  ['FinalizationRegistry', 84],
  ['AggregateError', 85],
  ['CompressionStream', '80 but Firefox 113, Safari 16.4'],
  ['DecompressionStream', '80 but Firefox 113, Safari 16.4'],
].map(([name, since]) => ({ name, message: `${name} ${TOO_NEW}; Chrome ${since}+.` }));
const TOO_NEW_SYNTAX = [
  // Array/String .at(): flagged when called with a number (xs.at(-1), s.at(0)); our own at(column) methods pass.
  {
    selector: "CallExpression[callee.property.name='at'][arguments.0.type='UnaryExpression'][arguments.0.operator='-']",
    message: `Array/String .at() ${TOO_NEW}; Chrome 92+. Use xs[xs.length - 1].`,
  },
  {
    selector: "CallExpression[callee.property.name='at'][arguments.0.value=type(number)]",
    message: `Array/String .at() ${TOO_NEW}; Chrome 92+. Use xs[i].`,
  },
  {
    selector: 'Literal[regex.pattern=/\\(\\?<[=!]/]',
    message: 'Regex lookbehind (?<= / (?<! is a SyntaxError in Safari before 16.4 (the minimum is Safari 14.1, scripts/build/browser-targets.cjs).',
  },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'artifacts/', 'out/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Ledger text must never be evaluated as code; neither may anything else.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Ledgers are Chinese: full-width spaces (U+3000) belong in comments, strings and regexes about them.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipRegExps: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that runs in the task pane, the web page or its worker must run in the minimum browsers
    // (scripts/build/browser-targets.cjs). The build lowers syntax but adds no polyfills, so built-in APIs
    // newer than Chromium 80 / Firefox ESR 78 / Safari 14.1 are forbidden here. src/cli/ runs on Node only.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', ...TOO_NEW_PROPERTIES],
      'no-restricted-globals': ['error', ...TOO_NEW_GLOBALS],
      'no-restricted-syntax': ['error', ...TOO_NEW_SYNTAX],
    },
  },
  {
    // Hooks live in .tsx components and in .ts files such as useAppraisal.ts.
    files: ['**/*.tsx', 'src/taskpane/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Browser tests run in node but pass callbacks to page.evaluate(), which run in the page.
    files: ['test/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
