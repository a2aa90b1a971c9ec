import { a1, type SheetGrid } from '../grid';
import type { IssueSink } from '../issues/sink';
import { cellText, isBlank } from '../parse/cell-text';
import { parseNumber } from '../parse/number';
import { SheetView } from '../read/sheet-view';
import { HEADER_SEARCH_ROWS } from '../read/header';
import { headerKey, stripSpaces, toHalfWidth } from '../text/normalize';
import { RULE_PARAMETERS, type RuleParameter } from './parameters';
import type { Rules } from './rules';
import { PERIODS_PER_YEAR, type Frequency } from './tables';

export const RULES_SHEET_NAME = '考核规则';

export function isRulesSheet(grid: SheetGrid): boolean {
  return stripSpaces(grid.name) === RULES_SHEET_NAME;
}

const NOTE = /^(?:注|说明|备注|附注)\d*[：:]/;

const BY_NAME = new Map(RULE_PARAMETERS.map((p) => [p.name, p]));

type ParseResult = { ok: true; value: number | string | string[] } | { ok: false; hint: string };

function parseValue(p: RuleParameter, raw: ReturnType<SheetView['cell']>): ParseResult {
  const text = stripSpaces(toHalfWidth(cellText(raw)));
  switch (p.kind) {
    case 'number':
    case 'integer': {
      const n = parseNumber(raw);
      if (n.kind !== 'ok' || n.value < 0) return { ok: false, hint: '请填写不小于 0 的数字。' };
      if (p.kind === 'integer' && !Number.isInteger(n.value)) return { ok: false, hint: '请填写整数。' };
      return { ok: true, value: n.value };
    }
    case 'percent': {
      // 80%, 0.8 and 80 all mean eighty per cent.
      const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text);
      if (!m) return { ok: false, hint: '请填写百分比，例如 80%、0.8 或 80。' };
      let v = Number(m[1]);
      if (m[2] === '%' || v > 1) v /= 100;
      return v >= 0 && v <= 1 ? { ok: true, value: v } : { ok: false, hint: '比例应在 0 到 100% 之间。' };
    }
    case 'year': {
      const n = parseNumber(raw);
      const y = n.kind === 'ok' ? n.value : Number(text.replace(/年度?$/, ''));
      return Number.isInteger(y) && y >= 1900 && y <= 9999 ? { ok: true, value: y } : { ok: false, hint: '请填写四位年份，例如 2022。' };
    }
    case 'list': {
      const items = cellText(raw).split(/[、,，;；\n]/).map(stripSpaces).filter((s) => s !== '');
      return items.length > 0 ? { ok: true, value: items } : { ok: false, hint: '请至少填写一个关键词，用顿号分隔。' };
    }
    case 'frequency':
      return Object.prototype.hasOwnProperty.call(PERIODS_PER_YEAR, text)
        ? { ok: true, value: text as Frequency }
        : { ok: false, hint: '请填写 每月、每季度、每半年、每年 或 不考核。' };
  }
}

function displayDefault(v: ReturnType<RuleParameter['get']>): string {
  if (v === null) return '自动';
  return Array.isArray(v) ? v.join('、') : String(v);
}

/**
 * Apply a 考核规则 sheet (参数 | 值 | 说明) to the rules. Unknown parameters are UNKNOWN_RULE, bad values
 * INVALID_RULE (the default stays); for a repeated parameter the first row wins.
 */
export function applyRulesSheet(grid: SheetGrid, rules: Rules, issues: IssueSink, mappingBlock?: { top: number; bottom: number; left: number; right: number }): void {
  const view = new SheetView(grid);
  let header: { row: number; nameCol: number; valueCol: number } | undefined;
  for (let r = view.firstRow; r < Math.min(view.endRow, view.firstRow + HEADER_SEARCH_ROWS) && !header; r++) {
    let nameCol: number | undefined;
    let valueCol: number | undefined;
    for (let c = view.firstCol; c < view.endCol; c++) {
      const key = headerKey(cellText(view.cell(r, c)));
      if (key === '参数' && nameCol === undefined) nameCol = c;
      if ((key === '值' || key === '参数值' || key === '取值') && valueCol === undefined) valueCol = c;
    }
    if (nameCol !== undefined && valueCol !== undefined) header = { row: r, nameCol, valueCol };
  }
  if (!header) {
    issues.add('MISSING_COLUMN', { sheet: grid.name, row: view.firstRow + 1 }, { column: '参数、值', kind: '考核规则表' });
    return;
  }
  const seen = new Set<string>();
  // The 列名对应 block (rules/column-mapping.ts) may stand below the parameters: its rows are not parameters.
  const inBlock = (r: number): boolean =>
    mappingBlock !== undefined && r >= mappingBlock.top && r <= mappingBlock.bottom && header.nameCol >= mappingBlock.left && header.nameCol <= mappingBlock.right;
  for (let r = header.row + 1; r < view.endRow; r++) {
    if (inBlock(r)) continue;
    const name = stripSpaces(cellText(view.cell(r, header.nameCol)));
    // A footnote under the table (注：经党委会研究通过) is no parameter.
    if (name === '' || NOTE.test(name)) continue;
    const place = { sheet: grid.name, row: r + 1 };
    const param = BY_NAME.get(name);
    if (!param) {
      issues.add('UNKNOWN_RULE', { ...place, cell: a1(r, header.nameCol) }, { name });
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const raw = view.cell(r, header.valueCol);
    // An empty value keeps the default, which is what the inserted template's 考核年度 row relies on.
    if (isBlank(raw)) continue;
    const parsed = parseValue(param, raw);
    if (parsed.ok) {
      param.set(rules, parsed.value);
      (rules.sources ??= new Map()).set(name, { ...(grid.file ? { file: grid.file } : {}), sheet: grid.name, cell: a1(r, header.valueCol) });
    } else {
      issues.add(
        'INVALID_RULE',
        { ...place, cell: a1(r, header.valueCol) },
        { name, text: cellText(raw), default: displayDefault(param.get(rules)), hint: parsed.hint },
      );
    }
  }
}
