/** Reading the raw XML of an .xlsx, to check what a writer really put on disk. */
import JSZip from 'jszip';

export interface XlsxXml {
  /** Sheet name → its worksheet XML. */
  sheets: Map<string, string>;
  /** Sheet name → its relationships XML ('' when none). */
  sheetRels: Map<string, string>;
  workbook: string;
  sharedStrings: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function readXlsxXml(data: Uint8Array): Promise<XlsxXml> {
  const zip = await JSZip.loadAsync(data);
  const text = async (path: string): Promise<string> => (await zip.file(path)?.async('string')) ?? '';
  const workbook = await text('xl/workbook.xml');
  const wbRels = await text('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const sheets = new Map<string, string>();
  const sheetRels = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const rid = attr(m[0], 'r:id') ?? '';
    const target = targets.get(rid);
    if (!target) continue;
    sheets.set(name, await text(`xl/${target}`));
    const file = target.split('/').pop() ?? '';
    sheetRels.set(name, await text(`xl/worksheets/_rels/${file}.rels`));
  }
  return { sheets, sheetRels, workbook, sharedStrings: await text('xl/sharedStrings.xml') };
}

/** The number of formula elements (`<f>` or `<f …>`) in a worksheet's XML. */
export function countFormulas(sheetXml: string): number {
  return (sheetXml.match(/<f[\s>/]/g) ?? []).length;
}
