import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { parseStringPromise } from 'xml2js';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const MANIFEST_TEXT = fs.readFileSync(MANIFEST_PATH, 'utf8');
const DEV_URL = 'https://localhost:3000/';

// xml2js output: every child element is an array, attributes sit under "$", text under "_" or as a string.
type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: XmlNode[] | unknown };

function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function child(node: XmlNode, name: string): XmlNode {
  const first = children(node, name)[0];
  if (first === undefined) throw new Error(`<${name}> missing`);
  return first;
}

function attr(node: XmlNode, name: string): string | undefined {
  return node.$?.[name];
}

function text(node: XmlNode, name: string): string {
  const value = (node[name] as unknown[] | undefined)?.[0];
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && '_' in value) return String((value as XmlNode)._).trim();
  throw new Error(`<${name}> has no text`);
}

async function parseManifest(): Promise<XmlNode> {
  const doc = (await parseStringPromise(MANIFEST_TEXT)) as { OfficeApp: XmlNode };
  return doc.OfficeApp;
}

/** resid → DefaultValue for every bt:Image, bt:Url and bt:String in <Resources>. */
function resources(app: XmlNode): Map<string, string> {
  const res = child(child(app, 'VersionOverrides'), 'Resources');
  const map = new Map<string, string>();
  const groups: Array<[string, string]> = [
    ['bt:Images', 'bt:Image'],
    ['bt:Urls', 'bt:Url'],
    ['bt:ShortStrings', 'bt:String'],
    ['bt:LongStrings', 'bt:String'],
  ];
  for (const [group, item] of groups) {
    for (const g of children(res, group)) {
      for (const entry of children(g, item)) {
        const id = attr(entry, 'id');
        const value = attr(entry, 'DefaultValue');
        if (id === undefined || value === undefined) throw new Error(`${item} without id or DefaultValue`);
        expect(map.has(id)).toBe(false);
        map.set(id, value);
      }
    }
  }
  return map;
}

function homeTabButtons(app: XmlNode): { group: XmlNode; button: XmlNode }[] {
  const host = child(child(child(app, 'VersionOverrides'), 'Hosts'), 'Host');
  const found: { group: XmlNode; button: XmlNode }[] = [];
  for (const point of children(child(host, 'DesktopFormFactor'), 'ExtensionPoint')) {
    if (attr(point, 'xsi:type') !== 'PrimaryCommandSurface') continue;
    for (const tab of children(point, 'OfficeTab')) {
      if (attr(tab, 'id') !== 'TabHome') continue;
      for (const group of children(tab, 'Group')) {
        for (const control of children(group, 'Control')) {
          if (attr(control, 'xsi:type') === 'Button') found.push({ group, button: control });
        }
      }
    }
  }
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// webpack.config.js is plain CommonJS, loaded the way webpack-cli loads it.
type Plugin = { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: CopyPattern[] };
type CopyPattern = { from: string; to?: unknown; context?: string; transform?: (content: Buffer) => string };
type WebpackConfig = { entry: Record<string, string>; plugins: Plugin[]; output: { path: string } };
type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<WebpackConfig>;

async function loadWebpackConfig(env: Record<string, string | undefined> = {}): Promise<WebpackConfig> {
  const saved = { ADDIN_URL: process.env.ADDIN_URL, OFFICE_JS: process.env.OFFICE_JS };
  for (const key of ['ADDIN_URL', 'OFFICE_JS'] as const) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    const load = createRequire(__filename);
    const factory = load('../webpack.config.js') as ConfigFactory;
    return await factory({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: 'production' });
  } finally {
    for (const key of ['ADDIN_URL', 'OFFICE_JS'] as const) {
      const value = saved[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function plugin(config: WebpackConfig, name: string): Plugin {
  const found = config.plugins.find((p) => p.constructor.name === name);
  if (!found) throw new Error(`${name} not in webpack config`);
  return found;
}

function manifestPattern(config: WebpackConfig): CopyPattern {
  const found = plugin(config, 'CopyPlugin').patterns?.find((p) => p.from === 'manifest.xml');
  if (!found?.transform) throw new Error('manifest.xml copy pattern with a transform not found');
  return found;
}

describe('manifest.xml', () => {
  test('is an Excel task pane add-in with a fixed GUID, zh-CN and the right permissions', async () => {
    const app = await parseManifest();
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    expect(text(app, 'Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(app, 'DefaultLocale')).toBe('zh-CN');
    expect(attr(child(app, 'DisplayName'), 'DefaultValue')).toBe('年终考核');
    expect(attr(child(app, 'Description'), 'DefaultValue')).toMatch(/考核/);
    expect(children(child(app, 'Hosts'), 'Host').map((h) => attr(h, 'Name'))).toEqual(['Workbook']);
    expect(text(app, 'Permissions')).toBe('ReadWriteDocument');
  });

  test('requires ExcelApi 1.7', async () => {
    const sets = children(child(child(await parseManifest(), 'Requirements'), 'Sets'), 'Set');
    expect(sets.map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')])).toEqual([['ExcelApi', '1.7']]);
  });

  test('puts one 年终考核 button on the Home tab that shows the task pane', async () => {
    const app = await parseManifest();
    const overrides = child(app, 'VersionOverrides');
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    expect(attr(child(child(overrides, 'Hosts'), 'Host'), 'xsi:type')).toBe('Workbook');

    const res = resources(app);
    const buttons = homeTabButtons(app);
    expect(buttons).toHaveLength(1);
    const { button } = buttons[0]!;
    expect(res.get(attr(child(button, 'Label'), 'resid') ?? '')).toBe('年终考核');

    const action = child(button, 'Action');
    expect(attr(action, 'xsi:type')).toBe('ShowTaskpane');
    expect(res.get(attr(child(action, 'SourceLocation'), 'resid') ?? '')).toBe(`${DEV_URL}taskpane.html`);
    expect(attr(child(child(app, 'DefaultSettings'), 'SourceLocation'), 'DefaultValue')).toBe(`${DEV_URL}taskpane.html`);
  });

  test('every resid it uses is defined in <Resources>', async () => {
    const res = resources(await parseManifest());
    const used = [...MANIFEST_TEXT.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !res.has(id))).toEqual([]);
  });

  test('icon resources point at PNGs of the size they claim', async () => {
    const app = await parseManifest();
    const res = resources(app);
    const images = [...MANIFEST_TEXT.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)];
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const [, size, resid] of images) {
      const url = res.get(resid!);
      expect(url).toBe(`${DEV_URL}assets/icon-${size}.png`);
      const file = path.join(ROOT, url!.slice(DEV_URL.length));
      expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
    }
    expect(pngSize(path.join(ROOT, 'assets/icon-32.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(ROOT, 'assets/icon-64.png'))).toEqual({ width: 64, height: 64 });
    expect(pngSize(path.join(ROOT, 'assets/icon-128.png'))).toEqual({ width: 128, height: 128 });
    expect(attr(child(app, 'IconUrl'), 'DefaultValue')).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(attr(child(app, 'HighResolutionIconUrl'), 'DefaultValue')).toBe(`${DEV_URL}assets/icon-64.png`);
  });

  test('every dev-server URL is a file the build produces', async () => {
    const config = await loadWebpackConfig();
    const pages = config.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => String(p.userOptions?.filename));
    // The task pane, and the web page (网页版) the help page links to: it is not in the manifest.
    expect(pages).toEqual(['taskpane.html', 'web.html']);
    const copied = plugin(config, 'CopyPlugin').patterns ?? [];
    expect(copied).toContainEqual(expect.objectContaining({ from: 'assets', to: 'assets' }));

    const urls = [...new Set([...MANIFEST_TEXT.matchAll(/https:\/\/localhost:3000\/[^"<\s]*/g)].map((m) => m[0]))];
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      const file = url.slice(DEV_URL.length);
      if (file.startsWith('assets/')) {
        expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
      } else {
        expect(pages).toContain(file);
      }
    }
    // The page the button opens is built from an entry and a template that exist.
    expect(fs.existsSync(path.join(ROOT, config.entry.taskpane!))).toBe(true);
    const template = String(plugin(config, 'HtmlWebpackPlugin').userOptions?.template);
    expect(fs.existsSync(path.join(ROOT, template))).toBe(true);
  });

  test('office-addin-manifest reads it (same code as `npx office-addin-manifest info`)', () => {
    const cli = createRequire(__filename).resolve('office-addin-manifest/cli.js');
    const out = execFileSync(process.execPath, [cli, 'info', MANIFEST_PATH], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/Name: 年终考核/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Permissions: ReadWriteDocument/);
    expect(out).toMatch(/Default Locale: zh-CN/);
  });
});

describe('webpack config', () => {
  test('ships office.js locally by default and allows no extra script origin', async () => {
    const options = plugin(await loadWebpackConfig(), 'HtmlWebpackPlugin').userOptions ?? {};
    expect(options.officeJsUrl).toBe('office-js/office.js');
    expect(options.officeJsOrigin).toBe('');
    const config = await loadWebpackConfig();
    const officePatterns = (plugin(config, 'CopyPlugin').patterns ?? []).filter((p) => p.from === 'office.js');
    expect(officePatterns).toHaveLength(1);
    const dist = officePatterns[0]!.context!;
    // What office.js needs at run time for Excel in a zh-CN Office: the host files and the UI strings.
    for (const file of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
  });

  test('OFFICE_JS=cdn uses the Microsoft CDN and copies no office.js files', async () => {
    const config = await loadWebpackConfig({ OFFICE_JS: 'cdn' });
    const options = plugin(config, 'HtmlWebpackPlugin').userOptions ?? {};
    expect(options.officeJsUrl).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(options.officeJsOrigin).toBe('https://appsforoffice.microsoft.com');
    expect((plugin(config, 'CopyPlugin').patterns ?? []).some((p) => String(p.to).startsWith('office-js'))).toBe(false);
  });

  test('the copied manifest keeps localhost without ADDIN_URL and uses ADDIN_URL when set', async () => {
    const local = manifestPattern(await loadWebpackConfig()).transform!(Buffer.from(MANIFEST_TEXT));
    expect(local).toBe(MANIFEST_TEXT);

    const deployed = manifestPattern(await loadWebpackConfig({ ADDIN_URL: 'https://oa.example.gov.cn/kaohe' }))
      .transform!(Buffer.from(MANIFEST_TEXT));
    expect(deployed).not.toMatch(/localhost/);
    expect(deployed).toContain('<SourceLocation DefaultValue="https://oa.example.gov.cn/kaohe/taskpane.html"/>');
    expect(deployed).toContain('DefaultValue="https://oa.example.gov.cn/kaohe/assets/icon-80.png"');
    expect(deployed.match(/https:\/\/oa\.example\.gov\.cn\/kaohe\//g)).toHaveLength(
      MANIFEST_TEXT.match(/https:\/\/localhost:3000\//g)!.length,
    );
  });

  test('rejects an ADDIN_URL that is not https', async () => {
    await expect(loadWebpackConfig({ ADDIN_URL: 'http://oa.example.gov.cn/' })).rejects.toThrow(/https/);
  });
});
