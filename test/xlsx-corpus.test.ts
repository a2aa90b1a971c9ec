/**
 * The .xlsx reader against a corpus of small workbooks from many producers (test/fixtures/producers/) and
 * hand-made packages with one quirk each (test/fixtures/quirks/). Every expected value was exported by
 * LibreOffice, an independent reader (scripts/corpus/expected.py), never by ours; regenerate with
 * scripts/corpus/make-producers.sh and scripts/corpus/make-quirks.py.
 *
 * Expected JSON (one per workbook, `<name>.expected.json`): sheet names in order; per sheet the non-empty
 * cells as { "A1": value } where a value is
 *   - a number (compared at 15 significant digits, which is what LibreOffice prints),
 *   - true / false,
 *   - an ISO day "2022-03-05": a date cell, which must come back as a Date at UTC midnight of that day,
 *   - an Excel error literal such as "#DIV/0!": an error cell, which must come back as { error: '#DIV/0!' },
 *   - any other string: text (the corpus has no text cell that looks like a day or an error literal).
 * Formula cells carry their cached result; `formulasWithoutCachedValue` lists formulas that have none
 * (openpyxl writes none), which must read as empty. `hidden`, `merges` (A1 ranges), `hiddenRows` (1-based)
 * `date1904` and `application` are checked when present. Files in quirks/failures.json must fail with that failure kind.
 */
import fs from 'fs';
import path from 'path';
import { a1, isErrorValue, type CellValue, type SheetGrid } from '../src/engine/grid';
import { readXlsx, XlsxReadError } from '../src/xlsx';

type Expected = string | number | boolean;

interface ExpectedSheet {
  name: string;
  hidden?: boolean;
  merges?: string[];
  hiddenRows?: number[];
  cells: Record<string, Expected>;
  formulasWithoutCachedValue?: Record<string, Expected>;
}

interface ExpectedWorkbook {
  file: string;
  date1904?: boolean;
  /** docProps/app.xml's Application, where the file is about reading it. */
  application?: string;
  /** A size budget the reader must meet, for files built to be slow (whole-column ranges). */
  maxMilliseconds?: number;
  sheets: ExpectedSheet[];
}

const FIXTURES = path.join(__dirname, 'fixtures');
const DIRS = ['producers', 'quirks'].map((d) => path.join(FIXTURES, d));
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);
const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
const DEFAULT_BUDGET_MS = 2000;

const failures: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'quirks', 'failures.json'), 'utf8'),
).files;

function bytes(file: string): Uint8Array {
  const buf = fs.readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

const corpus = DIRS.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({ dir, label: `${path.basename(dir)}/${f.replace(/\.expected\.json$/, '.xlsx')}`, expected: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ExpectedWorkbook })),
);

/** Every non-empty cell of a grid by A1 address. An empty string counts as empty, as in the expectations. */
function cellsOf(sheet: SheetGrid): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const r0 = sheet.originRow ?? 0;
  const c0 = sheet.originCol ?? 0;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') out.set(a1(r0 + r, c0 + c), v);
    }),
  );
  return out;
}

function show(v: CellValue | undefined): string {
  if (v === undefined || v === null) return 'empty';
  if (v instanceof Date) return `Date ${isNaN(v.getTime()) ? 'Invalid' : v.toISOString()}`;
  if (isErrorValue(v)) return `error ${v.error}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

function sig15(n: number): number {
  return Number(n.toPrecision(15));
}

/** Why `got` is not `want`, or undefined when it matches. */
function mismatch(want: Expected, got: CellValue | undefined): string | undefined {
  const fail = (what: string) => `expected ${what}, got ${show(got)}`;
  if (typeof want === 'number') {
    return typeof got === 'number' && sig15(got) === sig15(want) ? undefined : fail(`number ${want}`);
  }
  if (typeof want === 'boolean') return got === want ? undefined : fail(`boolean ${want}`);
  if (ERRORS.has(want)) return isErrorValue(got) && got.error === want ? undefined : fail(`error ${want}`);
  if (ISO_DAY.test(want)) {
    const ok = got instanceof Date && !isNaN(got.getTime()) && got.toISOString() === `${want}T00:00:00.000Z`;
    return ok ? undefined : fail(`Date ${want} (UTC midnight)`);
  }
  return got === want ? undefined : fail(`text ${JSON.stringify(want)}`);
}

function rangeA1(m: { top: number; left: number; bottom: number; right: number }): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

describe('every corpus file is accounted for', () => {
  test('each .xlsx has an expected.json or an entry in quirks/failures.json', () => {
    const orphans = DIRS.flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => /\.(xlsx|xls|ods|bin)$/.test(f))
        .filter((f) => !fs.existsSync(path.join(dir, f.replace(/\.xlsx$/, '.expected.json'))))
        .filter((f) => !(dir.endsWith('quirks') && f in failures))
        .map((f) => path.join(path.basename(dir), f)),
    );
    expect(orphans).toEqual([]);
  });
});

describe.each(corpus)('$label', ({ dir, expected }) => {
  const file = path.join(dir, expected.file);
  let read: ReturnType<typeof readXlsx> | undefined;
  let readError: unknown;
  let ms = 0;
  beforeAll(() => {
    const data = bytes(file);
    const t0 = performance.now();
    try {
      read = readXlsx(data);
    } catch (e) {
      readError = e;
    }
    ms = performance.now() - t0;
  });

  test('opens, quickly', () => {
    expect(readError).toBeUndefined();
    expect(ms).toBeLessThan(expected.maxMilliseconds ?? DEFAULT_BUDGET_MS);
  });

  test('sheet names in order, and their visibility', () => {
    const sheets = read!.grids.sheets;
    expect(sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const want of expected.sheets) {
      if (want.hidden === undefined) continue;
      const got = sheets.find((s) => s.name === want.name);
      expect({ sheet: want.name, hidden: Boolean(got?.hidden) }).toEqual({ sheet: want.name, hidden: want.hidden });
    }
  });

  if (expected.date1904 !== undefined) {
    test('date system', () => expect(read!.date1904).toBe(expected.date1904));
  }

  if (expected.application !== undefined) {
    test('application', () => expect(read!.application).toBe(expected.application));
  }

  test('every non-empty cell, with its value', () => {
    const problems: string[] = [];
    for (const want of expected.sheets) {
      const got = read!.grids.sheets.find((s) => s.name === want.name);
      if (!got) {
        problems.push(`${want.name}: sheet missing`);
        continue;
      }
      const cells = cellsOf(got);
      for (const [addr, value] of Object.entries(want.cells)) {
        const why = mismatch(value, cells.get(addr));
        if (why) problems.push(`${want.name}!${addr}: ${why}`);
      }
      for (const addr of Object.keys(want.formulasWithoutCachedValue ?? {})) {
        if (cells.has(addr)) problems.push(`${want.name}!${addr}: formula without cached value, expected empty, got ${show(cells.get(addr))}`);
      }
      for (const [addr, v] of cells) {
        if (!(addr in want.cells) && !(addr in (want.formulasWithoutCachedValue ?? {}))) {
          problems.push(`${want.name}!${addr}: expected empty, got ${show(v)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('merged ranges and hidden rows', () => {
    const problems: string[] = [];
    for (const want of expected.sheets) {
      const got = read!.grids.sheets.find((s) => s.name === want.name);
      if (!got) continue;
      if (want.merges) {
        const merges = (got.merges ?? []).map(rangeA1).sort();
        if (JSON.stringify(merges) !== JSON.stringify([...want.merges].sort())) {
          problems.push(`${want.name} merges: expected ${JSON.stringify(want.merges)}, got ${JSON.stringify(merges)}`);
        }
      }
      if (want.hiddenRows) {
        const rows = (got.hiddenRows ?? []).map((r) => r + 1).sort((a, b) => a - b);
        if (JSON.stringify(rows) !== JSON.stringify(want.hiddenRows)) {
          problems.push(`${want.name} hidden rows: expected ${JSON.stringify(want.hiddenRows)}, got ${JSON.stringify(rows)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

const failureCases = Object.entries(failures);
(failureCases.length ? describe : describe.skip)('inputs that are not a readable .xlsx fail with the right kind', () => {
  test.each(failureCases.length ? failureCases : [['none', 'none']])('quirks/%s → %s', (name, kind) => {
    let error: unknown;
    try {
      readXlsx(bytes(path.join(FIXTURES, 'quirks', name)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).failure).toBe(kind);
  });
});
