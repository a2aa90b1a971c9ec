/*
 * The oldest browsers the production build must run in: the single source of the target list.
 *
 * Government offices (信创 desktops on Kylin / UOS) use Chromium-based browsers frozen at old engines
 * (360安全浏览器信创版, 奇安信可信浏览器, UOS 浏览器 and similar: Chromium 80 or later), Edge 80 on
 * Windows, Firefox ESR 78 as shipped with older Kylin/UOS releases, and Safari 14.1 on old Macs.
 * The language level these share is ES2020; anything newer (??=, ||=, class fields, #private,
 * static blocks, top-level await) must be lowered at build time.
 *
 * Syntax is not all: Fluent UI v9 itself calls `new WeakRef` (keyborg, tabster: Chrome 84, Firefox 79) and
 * element.matches(':is(...)') (tabster: Chrome 88). src/compat/old-browsers.ts supplies both where missing;
 * without it the floor would be Chromium 88 / Firefox 79.
 *
 * Used by scripts/build/lower-syntax-loader.cjs (webpack), the web worker's esbuild bundle and
 * scripts/check-dist-syntax.cjs.
 */
'use strict';

/**
 * esbuild `target` values. 'es2020' caps the syntax at what ECMA_VERSION promises even where all four
 * browsers have something newer (public class fields: Chrome 72, Firefox 69, Safari 14), so the check of
 * dist/ is exact. Safari is 14.1, not 14.0: since 0.28 esbuild refuses destructuring for Safari
 * before 14.1 (compat-table marks it broken there: array rest bug confirmed in 9-13.1, 14.0 untested;
 * evanw/esbuild#4436) and cannot lower it. Every Mac that had Safari 14.0 (macOS 10.14.6-11) gets 14.1 as
 * an update, and the output is byte-identical to `safari14` with destructuring allowed (checked on 3,000
 * files of Fluent UI, tabster, react-dom, fflate, htmlparser2, entities).
 */
const ESBUILD_TARGETS = ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari14.1'];

/** The ECMAScript edition every emitted file must parse at (acorn's ecmaVersion). */
const ECMA_VERSION = 2020;

/** For messages and docs. */
const MINIMUM_BROWSERS = 'Chromium 80 (信创浏览器: 360安全浏览器信创版, 奇安信可信浏览器, UOS 浏览器), Edge 80, Firefox ESR 78, Safari 14.1';

module.exports = { ESBUILD_TARGETS, ECMA_VERSION, MINIMUM_BROWSERS };
