// TEMPORARY stub; replaced by the rules table.
export function rulesSheetTemplate(): { name: string; columns: string[]; rows: string[][] } {
  return { name: '考核规则', columns: ['参数', '值', '说明'], rows: [] };
}
