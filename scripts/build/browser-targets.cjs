/*
 * The oldest browsers the production build must run in: the single source of the target list.
 *
 * Government offices (信创 desktops on Kylin / UOS) use Chromium-based browsers frozen at old engines
 * (360安全浏览器信创版, 奇安信可信浏览器, UOS 浏览器 and similar: Chromium 80 or later), Edge 80 on
 * Windows, Firefox ESR 78 as shipped with older Kylin/UOS releases, and Safari 14 on old Macs.
 * The language level these share is ES2020; anything newer (??=, ||=, class fields, #private,
 * static blocks, top-level await) must be lowered at build time.
 *
 * Used by scripts/build/lower-syntax-loader.cjs (webpack), the web worker's esbuild bundle and
 * scripts/check-dist-syntax.cjs.
 */
'use strict';

/** esbuild `target` values. */
const ESBUILD_TARGETS = ['chrome80', 'edge80', 'firefox78', 'safari14'];

/** The ECMAScript edition every emitted file must parse at (acorn's ecmaVersion). */
const ECMA_VERSION = 2020;

/** For messages and docs. */
const MINIMUM_BROWSERS = 'Chromium 80 (信创浏览器: 360安全浏览器信创版, 奇安信可信浏览器, UOS 浏览器), Edge 80, Firefox ESR 78, Safari 14';

module.exports = { ESBUILD_TARGETS, ECMA_VERSION, MINIMUM_BROWSERS };
