/**
 * Security of the add-in: the task pane page's Content-Security-Policy as webpack really renders it, and
 * a scan of the sources for code injection sinks and network calls.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { createRequire } from 'module';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const load = createRequire(__filename);

type Plugin = { constructor: { name: string }; userOptions?: Record<string, unknown> };
type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<{ plugins: Plugin[] }>;
type Template = (data: Record<string, unknown>) => string;

/** The HtmlWebpackPlugin options webpack.config.js produces with OFFICE_JS set as given. */
async function htmlOptions(officeJs: string | undefined): Promise<Record<string, unknown>> {
  const saved = process.env.OFFICE_JS;
  if (officeJs === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = officeJs;
  try {
    const factory = load(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
    const config = await factory({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: 'production' });
    const html = config.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin');
    if (!html?.userOptions) throw new Error('HtmlWebpackPlugin not in webpack config');
    return html.userOptions;
  } finally {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  }
}

/** taskpane.html rendered the way html-webpack-plugin does (a lodash template). */
async function renderedPage(officeJs: string | undefined): Promise<string> {
  const template = load('lodash/template') as (text: string) => Template;
  const text = readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  return template(text)({ htmlWebpackPlugin: { options: await htmlOptions(officeJs) } });
}

/** The CSP meta's directives: name → sources. */
function csp(page: string): Map<string, string[]> {
  const metas = [...page.matchAll(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
  expect(metas).toHaveLength(1);
  const content = /content="([^"]*)"/.exec(metas[0]![0])?.[1] ?? '';
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

const remoteSources = (policy: Map<string, string[]>): string[] =>
  [...policy.values()].flat().filter((s) => /^(https?:|wss?:|\*|[\w-]+\.[\w.-]+)/i.test(s) && s !== "'self'");

describe('Content-Security-Policy of the task pane', () => {
  test('default build: default-src self, no remote origin anywhere, no eval, no plugins', async () => {
    const page = await renderedPage(undefined);
    const policy = csp(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(remoteSources(policy)).toEqual([]);
    for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
    expect(page).toContain('<script src="office-js/office.js">');
    expect(page).not.toMatch(/https?:\/\//);
  });

  test('OFFICE_JS=cdn: only the Microsoft office.js origin is added, and only to script-src', async () => {
    const page = await renderedPage('cdn');
    const policy = csp(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(remoteSources(policy)).toEqual(['https://appsforoffice.microsoft.com']);
    expect(page).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">');
  });
});

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|tsx|js|html)$/.test(name)) files.push(full);
  }
  return files;
}

function hits(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, dir))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('source scan', () => {
  test('the scan sees the sources (it would find something if it were there)', () => {
    expect(sourceFiles(path.join(ROOT, 'src')).length).toBeGreaterThan(40);
    expect(hits('src/cli', /\bfs\b/).length).toBeGreaterThan(0);
  });

  test('no code injection sinks anywhere in src/', () => {
    expect(hits('src', /\beval\s*\(|new\s+Function\s*\(|dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/)).toEqual([]);
    expect(hits('src', /set(Timeout|Interval)\s*\(\s*['"`]/)).toEqual([]);
  });

  test('the task pane and the engine make no network calls', () => {
    for (const dir of ['src/taskpane', 'src/engine']) {
      expect(hits(dir, /\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|importScripts/)).toEqual([]);
      expect(hits(dir, /https?:\/\/|\/\/[\w-]+\.[\w.-]+\//)).toEqual([]);
    }
  });

  test('the engine stays pure: no fs, network, Office.js or exceljs imports', () => {
    expect(hits('src/engine', /from\s+['"](fs|http|https|net|child_process|exceljs|react)['"]|\brequire\(|\bOffice\.(context|onReady)|\bExcel\.run\(/)).toEqual([]);
  });
});
