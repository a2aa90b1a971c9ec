/**
 * The splice on packages other programs wrote (the committed producer and quirk corpora): the result
 * sheets are added where the package allows it, and the result is then a workbook every reader sees them
 * in; otherwise the splice refuses (the command line rewrites with exceljs, the web page writes a separate
 * workbook). Found this way: openpyxl declares the relationships prefix on each <sheet>, not on the root,
 * and a new <sheet r:id> without its own declaration was not namespace-well-formed.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { splicedResult, SpliceUnsupported } from '../src/adapters/xlsx-splice';
import { appraise, placeOutputs } from '../src/engine';
import { isGeneratedGrid } from '../src/engine/output-names';
import { readXlsx } from '../src/xlsx';

const FIXTURES = path.join(__dirname, 'fixtures');
const outputs = appraise(readXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, 'example-2022.xlsx')))).grids).outputs;

const corpus = ['producers', 'quirks'].flatMap((dir) =>
  readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(dir, f)),
);
const readable = corpus.filter((f) => {
  try {
    readXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, f))));
    return true;
  } catch {
    return false;
  }
});

/** Prefixes of `prefix:id` attributes on <sheet> elements that neither the element nor the root declares. */
function undeclaredSheetPrefixes(workbookXml: string): string[] {
  const root = /<([\w.-]+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const missing: string[] = [];
  for (const tag of workbookXml.match(/<([\w.-]+:)?sheet\s[^>]*>/g) ?? []) {
    for (const m of tag.matchAll(/\s([\w.-]+):id\s*=/g)) {
      const declaration = `xmlns:${m[1]}=`;
      if (!tag.includes(declaration) && !root.includes(declaration)) missing.push(m[1]!);
    }
  }
  return missing;
}

test('the corpora hold packages from many producers', () => {
  expect(readable.length).toBeGreaterThanOrEqual(25);
});

describe.each(readable)('%s', (file) => {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  const before = readXlsx(bytes).grids.sheets;
  const placements = placeOutputs(outputs, before.map((s) => ({ name: s.name, generated: isGeneratedGrid(s) })));

  test('gets the result sheets after its own, its own unchanged, or is refused as a whole', () => {
    let out: Uint8Array;
    try {
      out = splicedResult(bytes, placements);
    } catch (e) {
      expect(e).toBeInstanceOf(SpliceUnsupported);
      return;
    }
    const after = readXlsx(out).grids.sheets;
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), ...placements.filter((p) => !p.replace).map((p) => p.target)]);
    for (const [i, sheet] of before.entries()) expect(after[i]!.values).toEqual(sheet.values);
    const parts = unzipSync(out);
    const workbookPart = Object.keys(parts).find((n) => /(^|\/)workbook\.xml$/.test(n))!;
    expect(undeclaredSheetPrefixes(strFromU8(parts[workbookPart]!))).toEqual([]);
  });
});
