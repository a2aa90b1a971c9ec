/**
 * The build's syntax lowering (scripts/build/lower-syntax-loader.cjs) and the dist checker
 * (scripts/check-dist-syntax.cjs), tested on snippets without a full webpack build.
 */
import { createRequire } from 'module';
import { runInNewContext } from 'vm';

const load = createRequire(__filename);
type Acorn = { parse(code: string, options: { ecmaVersion: number; sourceType?: 'script' | 'module' }): unknown };
const acorn = load('acorn') as Acorn;
const { ESBUILD_TARGETS, ECMA_VERSION } = load('../scripts/build/browser-targets.cjs') as {
  ESBUILD_TARGETS: string[];
  ECMA_VERSION: number;
};
type RawMap = { sources: string[]; mappings: string; sourcesContent?: string[] };
type LoaderContext = {
  async(): (err: Error | null, code?: string, map?: RawMap) => void;
  resourcePath: string;
  rootContext: string;
  sourceMap: boolean;
  getOptions(): Record<string, unknown>;
};
const loader = load('../scripts/build/lower-syntax-loader.cjs') as (this: LoaderContext, source: string, map?: RawMap) => void;
const { checkSource } = load('../scripts/check-dist-syntax.cjs') as {
  checkSource(code: string): { line: number; column: number; message: string }[];
};

/** Runs the loader as webpack would, on `source` from `resourcePath`. */
function runLoader(source: string, resourcePath: string, inputMap?: RawMap): Promise<{ code: string; map?: RawMap }> {
  return new Promise((resolve, reject) => {
    const context: LoaderContext = {
      async: () => (err, code, map) => (err ? reject(err) : resolve({ code: code ?? '', map })),
      resourcePath,
      rootContext: '/project',
      sourceMap: true,
      getOptions: () => ({}),
    };
    loader.call(context, source, inputMap);
  });
}

const parses = (code: string, ecmaVersion: number, sourceType: 'script' | 'module' = 'script') => {
  try {
    acorn.parse(code, { ecmaVersion, sourceType });
    return true;
  } catch {
    return false;
  }
};

// ??= (ES2021), a public and a private class field (ES2022), optional chaining (ES2020).
const MODERN = `
export class Counter {
  count = 0;
  #step = 1;
  bump(options) {
    options.by ??= this.#step;
    this.count += options?.by ?? 1;
    return this.count;
  }
}
`;

describe('browser targets', () => {
  test('one list, for esbuild, at ES2020', () => {
    expect(ESBUILD_TARGETS).toEqual(expect.arrayContaining([expect.stringMatching(/^chrome\d+$/), expect.stringMatching(/^firefox\d+$/)]));
    expect(ECMA_VERSION).toBe(2020);
  });
});

describe('lower-syntax loader', () => {
  test('??=, class fields and #private come out as ES2020, and still work', async () => {
    expect(parses(MODERN, 2020, 'module')).toBe(false);
    const { code } = await runLoader(MODERN, '/project/node_modules/some-lib/index.js');
    expect(parses(code, 2020, 'module')).toBe(true);
    expect(code).not.toMatch(/\?\?=|#step/);
    // Still an ES module for webpack's tree shaking, and the same behaviour.
    expect(code).toMatch(/export\s+class\s+Counter\b/);
    const Counter = runInNewContext(code.replace(/export\s+class\s+Counter\b/, 'class Counter') + '\nCounter;') as new () => {
      bump(o: { by?: number }): number;
    };
    const counter = new Counter();
    expect(counter.bump({})).toBe(1);
    expect(counter.bump({ by: 5 })).toBe(6);
  });

  test('optional chaining and ?? are ES2020, kept or lowered, never newer', async () => {
    const source = 'var x = a?.b?.(c) ?? d;\n';
    expect(parses(source, 2019)).toBe(false);
    const { code } = await runLoader(source, '/project/node_modules/lib/chain.js');
    expect(parses(code, 2020)).toBe(true);
  });

  test('CommonJS stays CommonJS', async () => {
    const { code } = await runLoader('"use strict";\nmodule.exports = class A { static x = 1 };\n', '/project/node_modules/lib/a.js');
    expect(code).toContain('module.exports');
    expect(code).not.toMatch(/\b(import|export)\b/);
    expect(parses(code, 2020)).toBe(true);
  });

  test('without an incoming map, the map names the file itself', async () => {
    const { map } = await runLoader('export const f = (o) => (o.a ||= 1);\n', '/project/node_modules/lib/f.js');
    expect(map?.sources).toEqual(['/project/node_modules/lib/f.js']);
    expect(map?.mappings).not.toBe('');
  });

  test("after ts-loader, the incoming map is kept: the result still maps to the .ts file", async () => {
    // What ts-loader hands on for src/engine/x.ts: its JavaScript and a map back to the TypeScript.
    const ts = load('typescript') as typeof import('typescript');
    const original = 'export class Box {\n  value = 1;\n  set(v?: number): number {\n    this.value ??= v ?? 0;\n    return this.value;\n  }\n}\n';
    const out = ts.transpileModule(original, {
      fileName: '/project/src/engine/x.ts',
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2020, sourceMap: true },
    });
    const inputMap = JSON.parse(out.sourceMapText ?? '{}') as RawMap;
    const { code, map } = await runLoader(out.outputText, '/project/src/engine/x.ts', inputMap);
    expect(parses(code, 2020, 'module')).toBe(true);
    expect(map?.sources.some((s) => s.endsWith('x.ts'))).toBe(true);
    expect(map?.sources.some((s) => s.endsWith('.js'))).toBe(false);
  });
});

describe('check-dist-syntax', () => {
  test('accepts ES2020 and names the line of anything newer', () => {
    expect(checkSource('var a = b?.c ?? 1n;\nclass A { m() { return import("x"); } }\n')).toEqual([]);
    const [problem] = checkSource('var a = 1;\nb.c ??= 2;\n');
    expect(problem).toMatchObject({ line: 2, message: expect.stringContaining('not ES2020') });
    expect(checkSource('class A { static { init(); } }')).toHaveLength(1);
    expect(checkSource('class A { x = 1 }')).toHaveLength(1);
  });

  test('looks inside a worker bundled into a string, and at regex lookbehind', () => {
    const worker = 'self.onmessage = function (e) { postMessage(e.data); };\n'.repeat(100);
    expect(checkSource(`var source = ${JSON.stringify(worker)};`)).toEqual([]);
    const bad = checkSource(`var source = ${JSON.stringify(worker + 'x.y ||= 1;')};`);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.message).toMatch(/embedded/);
    expect(checkSource('var r = /(?<!\\\\)"/g;')[0]?.message).toMatch(/lookbehind/);
  });
});
