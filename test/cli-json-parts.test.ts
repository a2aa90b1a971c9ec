/** The --json report written in pieces must be exactly JSON.stringify(report, null, 2). */
import { readFileSync } from 'fs';
import path from 'path';
import { jsonParts } from '../src/adapters/files/json-parts';
import { appraise } from '../src/engine';
import { readXlsx } from '../src/xlsx';

describe('jsonParts', () => {
  test.each([
    ['empty object', {}],
    ['empty array', []],
    ['scalars', [1, 'x', null, true, -0, NaN]],
    ['omitted members', { a: undefined, b: () => 1, c: [undefined, () => 2, Symbol('s')], d: 1 }],
    ['nesting and escapes', { a: [[], {}, [[1, { b: 'line\nbreak "quoted"' }]]], c: { d: { e: [1, { f: 2 }] } }, '键\n': '值' }],
    ['toJSON at every depth', { t: new Date(5), u: [new Date(6)], v: { w: new Date(7) } }],
    ['a top-level scalar', 'text'],
  ])('%s', (_, value) => {
    expect([...jsonParts(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });
  test('an appraisal report', () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'example-2022.xlsx')));
    const report = appraise(readXlsx(bytes).grids).report;
    expect([...jsonParts(report)].join('')).toBe(JSON.stringify(report, null, 2));
  });
});
