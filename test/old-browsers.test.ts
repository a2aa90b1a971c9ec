/** src/compat/old-browsers.ts: the shims for what Fluent UI v9 needs beyond Chromium 80 / Firefox ESR 78. */
import { expandIs, installOldBrowserShims, retryWithoutIs } from '../src/compat/old-browsers';

describe('expandIs', () => {
  test("tabster's focusable selector becomes a plain list", () => {
    expect(expandIs(':is(a[href], button, *[tabindex], details > summary):not(:disabled)')).toBe(
      'a[href]:not(:disabled), button:not(:disabled), *[tabindex]:not(:disabled), details > summary:not(:disabled)',
    );
  });

  test('prefixes, nesting, several groups, :where(), commas in attributes', () => {
    expect(expandIs('.dlg :is(input, .x)')).toBe('.dlg input, .dlg .x');
    expect(expandIs('.a:is(div, .b)')).toBe('div.a, .a.b');
    expect(expandIs(':is(a, :is(b, c)) > :where(d, e)')).toBe('a > d, a > e, b > d, b > e, c > d, c > e');
    expect(expandIs('x, :is([data-a="1,2"], y)')).toBe('x, [data-a="1,2"], y');
    expect(expandIs('a[href], button')).toBeUndefined();
  });
});

describe('retryWithoutIs', () => {
  test('retries what the engine rejects, passes the rest through', () => {
    const seen: string[] = [];
    // An engine without :is(), like Chromium 80.
    const proto = {
      matches(selector: string) {
        seen.push(selector);
        if (selector.includes(':is(') || selector.includes('!')) throw new SyntaxError(`'${selector}' is not a valid selector`);
        return selector.split(', ').includes('button:not(:disabled)');
      },
    };
    retryWithoutIs(proto, 'matches');
    expect(proto.matches(':is(a[href], button):not(:disabled)')).toBe(true);
    expect(seen).toEqual([':is(a[href], button):not(:disabled)', 'a[href]:not(:disabled), button:not(:disabled)']);
    expect(() => proto.matches('a!')).toThrow(SyntaxError);
    expect(() => proto.matches(':is(a, b!)')).toThrow(SyntaxError);
  });
});

describe('installOldBrowserShims', () => {
  test('adds WeakRef where missing, holding its target', () => {
    const win: Record<string, unknown> = {};
    expect(installOldBrowserShims(win)).toEqual(['WeakRef']);
    const Ref = win.WeakRef as new (t: object) => { deref(): object };
    const target = {};
    expect(new Ref(target).deref()).toBe(target);
    expect(() => new Ref(1 as unknown as object)).toThrow(TypeError);
  });

  test('leaves a current engine alone', () => {
    const matches = () => true;
    class Element {}
    Object.assign(Element.prototype, { matches });
    const win: Record<string, unknown> = {
      WeakRef,
      Element,
      document: { createElement: () => ({ matches }) },
    };
    expect(installOldBrowserShims(win)).toEqual([]);
    expect((Element.prototype as { matches: unknown }).matches).toBe(matches);
  });
});
