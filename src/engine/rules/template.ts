import { defaultRules, RULE_PARAMETERS } from './parameters';
import { RULES_SHEET_NAME } from './read-rules';

export interface RulesSheetTemplate {
  name: string;
  columns: string[];
  /** Text rows (参数, 值, 说明); write them as text so values such as 80% stay as written. */
  rows: string[][];
}

/** The 考核规则 sheet the add-in can insert: every parameter with its default and explanation. */
export function rulesSheetTemplate(): RulesSheetTemplate {
  const rules = defaultRules();
  const rows = RULE_PARAMETERS.map((p) => {
    const v = p.get(rules);
    let value: string;
    if (v === null) value = '';
    else if (Array.isArray(v)) value = v.join('、');
    else if (p.kind === 'percent' && typeof v === 'number') value = `${Math.round(v * 1000) / 10}%`;
    else value = String(v);
    return [p.name, value, p.description];
  });
  return { name: RULES_SHEET_NAME, columns: ['参数', '值', '说明'], rows };
}
