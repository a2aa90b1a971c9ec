/**
 * How Excel takes a value written through `range.values`: like text typed into the cell. A string that
 * starts with "=" becomes a formula; "+…" and "@…" too (Excel still accepts the Lotus-style prefixes); a
 * number-like or date-like string becomes a number; a leading apostrophe forces text and is not kept in
 * the value. In a cell formatted as text ("@") the string is stored exactly as written.
 */
import type { CellState } from './state';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export function dateToSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A tiny arithmetic evaluator so that "=1+1" shows 2 as Excel would; anything else is #NAME?. */
function evaluate(formula: string): { value: string | number; type: 'Double' | 'Error' } {
  const src = formula.slice(1).replace(/\s+/g, '');
  let i = 0;
  const fail = (): never => {
    throw new Error('syntax');
  };
  const factor = (): number => {
    const ch = src[i];
    if (ch === '+' || ch === '-') {
      i++;
      const v = factor();
      return ch === '-' ? -v : v;
    }
    if (ch === '(') {
      i++;
      const v = expr();
      if (src[i] !== ')') fail();
      i++;
      return v;
    }
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return Number(m[0]);
  };
  const term = (): number => {
    let v = factor();
    while (src[i] === '*' || src[i] === '/') {
      const op = src[i++];
      const w = factor();
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (src[i] === '+' || src[i] === '-') {
      const op = src[i++];
      const w = term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  try {
    const v = expr();
    if (i !== src.length) return { value: '#NAME?', type: 'Error' };
    return Number.isFinite(v) ? { value: v, type: 'Double' } : { value: '#DIV/0!', type: 'Error' };
  } catch {
    return { value: '#NAME?', type: 'Error' };
  }
}

function setFormula(cell: CellState, formula: string): void {
  const r = evaluate(formula);
  cell.formula = formula;
  cell.value = r.value;
  cell.type = r.type;
}

function setText(cell: CellState, text: string): void {
  delete cell.formula;
  cell.value = text;
  cell.type = text === '' ? 'Empty' : 'String';
}

function setNumber(cell: CellState, n: number): void {
  delete cell.formula;
  cell.value = n;
  cell.type = 'Double';
}

/** Apply one entry of a `values` array to a cell. `null` means "leave unchanged" (Excel docs). */
export function writeValue(cell: CellState, input: unknown): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    setNumber(cell, input);
    return;
  }
  if (typeof input === 'boolean') {
    delete cell.formula;
    cell.value = input;
    cell.type = 'Boolean';
    return;
  }
  const s = String(input);
  if (cell.numberFormat === '@') {
    setText(cell, s);
    return;
  }
  if (s.startsWith("'")) {
    setText(cell, s.slice(1));
    return;
  }
  if (s.length > 1 && s.startsWith('=')) {
    setFormula(cell, s);
    return;
  }
  if (NUMBER.test(s)) {
    if (s.startsWith('+')) setFormula(cell, `=${s}`);
    else setNumber(cell, Number(s));
    return;
  }
  if (s.length > 1 && (s.startsWith('+') || s.startsWith('-'))) {
    setFormula(cell, `=${s}`);
    return;
  }
  if (s.length > 1 && s.startsWith('@')) {
    setFormula(cell, `=${s.slice(1)}`);
    return;
  }
  if (PERCENT.test(s)) {
    setNumber(cell, Number(s.slice(0, -1)) / 100);
    if (cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  const d = ISO_DATE.exec(s);
  if (d) {
    setNumber(cell, dateToSerial(Number(d[1]), Number(d[2]), Number(d[3])));
    if (cell.numberFormat === 'General') cell.numberFormat = 'yyyy/m/d';
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    delete cell.formula;
    cell.value = s.toLowerCase() === 'true';
    cell.type = 'Boolean';
    return;
  }
  setText(cell, s);
}
