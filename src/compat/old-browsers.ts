/**
 * Run-time shims for what Fluent UI v9 itself needs beyond the minimum browsers
 * (scripts/build/browser-targets.cjs: Chromium 80 for 信创浏览器, Firefox ESR 78, Safari 14.1). The build
 * lowers syntax only; these two gaps are in Fluent's focus management (tabster 8, keyborg), not in our code:
 *
 *   WeakRef        keyborg wraps HTMLElement.prototype.focus and calls `new WeakRef(this)` on every focus;
 *                  tabster keeps elements in WeakRefs. Chrome/Edge 84, Firefox 79, Safari 14.1.
 *   :is(...)       tabster tests focusability with element.matches(':is(a[href], button, ...):not(:disabled)').
 *                  Chrome/Edge 88 (Firefox 78 and Safari 14 have it); older Chromium throws a SyntaxError.
 *
 * Both are installed only where missing, so current browsers run untouched. Chromium before 84 also ignores
 * flex `gap`: flex-gap.ts marks <html> so the page's own layouts use margins there. Import this module first in each
 * page's entry (before React and Fluent UI): `import '../compat/old-browsers';`
 */

import { markNoFlexGap } from './flex-gap';

type SelectorMethod = (this: unknown, selector: string, ...rest: unknown[]) => unknown;

const IS_OR_WHERE = /:(?:is|where)\(/i;

/** Splits at top-level commas, outside parentheses, brackets and quotes. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** Index of the parenthesis closing the one opened just before `from`, or -1. */
function closingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** `prefix` + `alternative` as one compound selector: a type selector has to come first in its compound. */
function join(prefix: string, alternative: string): string {
  const type = /^(?:\*|[A-Za-z][\w-]*)(?:\|(?:\*|[A-Za-z][\w-]*))?/.exec(alternative);
  if (!type || prefix === '' || /[\s>+~(,]$/.test(prefix)) return prefix + alternative;
  const compoundStart = Math.max(...[' ', '>', '+', '~', '(', '\t', '\n'].map((c) => prefix.lastIndexOf(c))) + 1;
  return prefix.slice(0, compoundStart) + type[0] + prefix.slice(compoundStart) + alternative.slice(type[0].length);
}

function expandComplex(selector: string): string[] {
  const m = IS_OR_WHERE.exec(selector);
  if (!m) return [selector];
  const open = m.index + m[0].length;
  const close = closingParen(selector, open);
  if (close < 0) return [selector];
  const prefix = selector.slice(0, m.index);
  const suffix = selector.slice(close + 1);
  const out: string[] = [];
  for (const alternative of splitTopLevel(selector.slice(open, close))) {
    for (const expanded of expandComplex(join(prefix, alternative) + suffix)) out.push(expanded);
  }
  return out;
}

/**
 * The selector list without :is() / :where() (same elements matched, specificity aside), or undefined when it
 * has none. `:is(a, b):not(:disabled)` becomes `a:not(:disabled), b:not(:disabled)`.
 */
export function expandIs(selectorList: string): string | undefined {
  if (!IS_OR_WHERE.test(selectorList)) return undefined;
  const out: string[] = [];
  for (const complex of splitTopLevel(selectorList)) {
    for (const expanded of expandComplex(complex)) out.push(expanded);
  }
  return out.join(', ');
}

/** Wraps a selector method so a selector the engine rejects is retried without :is() / :where(). */
export function retryWithoutIs(proto: object | undefined, name: string): void {
  if (!proto) return;
  const target = proto as Record<string, unknown>;
  const native = target[name];
  if (typeof native !== 'function') return;
  const call = native as SelectorMethod;
  const wrapped: SelectorMethod = function (this: unknown, selector, ...rest) {
    try {
      return call.call(this, selector, ...rest);
    } catch (error) {
      const expanded = typeof selector === 'string' ? expandIs(selector) : undefined;
      if (expanded === undefined) throw error;
      return call.call(this, expanded, ...rest);
    }
  };
  target[name] = wrapped;
}

/** A WeakRef that holds on: the target lives until whoever holds the reference drops it. */
class StrongRef<T extends object> {
  private readonly target: T;
  constructor(target: T) {
    if (Object(target) !== target) throw new TypeError('WeakRef: invalid target');
    this.target = target;
  }
  deref(): T {
    return this.target;
  }
}

function supportsIs(doc: Document): boolean {
  try {
    doc.createElement('div').matches(':is(div)');
    return true;
  } catch {
    return false;
  }
}

/** Installs what `win` lacks; returns the names installed (for tests and diagnostics). */
export function installOldBrowserShims(win: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): string[] {
  const installed: string[] = [];
  if (typeof win.WeakRef !== 'function') {
    Object.defineProperty(win, 'WeakRef', { value: StrongRef, configurable: true, writable: true });
    installed.push('WeakRef');
  }
  const doc = win.document as Document | undefined;
  if (doc && typeof doc.createElement === 'function' && !supportsIs(doc)) {
    const protoOf = (name: string) => (win[name] as { prototype?: object } | undefined)?.prototype;
    for (const name of ['matches', 'closest', 'querySelector', 'querySelectorAll']) retryWithoutIs(protoOf('Element'), name);
    for (const name of ['querySelector', 'querySelectorAll']) {
      retryWithoutIs(protoOf('Document'), name);
      retryWithoutIs(protoOf('DocumentFragment'), name);
    }
    installed.push(':is()');
  }
  if (doc && doc.documentElement && typeof doc.createElement === 'function' && markNoFlexGap(doc)) installed.push('flex gap');
  return installed;
}

installOldBrowserShims();
