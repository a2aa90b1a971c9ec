// Reads the results back: what the task pane shows, and what the 考核汇总 sheet holds.
const OUTCOMES = ['表彰', '通报批评', '一票否决'];

const names = (text) => {
  const t = text.trim();
  return t === '' || t === '无' ? [] : t.split('、').map((s) => s.trim());
};
const firstNumber = (text) => {
  const m = /\d+/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0]);
};

/** The summary card as values. */
export async function summaryFromPane(page) {
  const text = (id) => page.getByTestId(id).innerText();
  const count = async (s) => {
    const el = page.getByTestId(`summary-count-${s}`);
    return (await el.count()) === 0 ? 0 : Number(await el.getAttribute('data-count'));
  };
  return {
    year: (await text('summary-year')).trim(),
    units: firstNumber(await text('summary-units')),
    persons: firstNumber(await text('summary-persons')),
    quota: firstNumber(await text('summary-quota')),
    commended: names(await text('outcome-commended')),
    criticised: names(await text('outcome-criticised')),
    vetoed: names(await text('outcome-vetoed')),
    counts: { error: await count('error'), warning: await count('warning'), info: await count('info') },
    written: await text('summary-written'),
  };
}

const cellText = (v) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Outcome lists from the 考核汇总 sheet's values (rows of cells). The header row is the first row with
 * a 单位 cell; the outcome column is the one whose data cells hold outcome words. Lists are sorted so
 * they compare with the pane independent of how ties are ordered.
 */
export function outcomesFromSummarySheet(values) {
  if (!Array.isArray(values)) throw new Error('考核汇总 has no values');
  const headerIndex = values.findIndex((row) => row.some((c) => cellText(c) === '单位'));
  if (headerIndex < 0) throw new Error('考核汇总 has no header row with 单位');
  const header = values[headerIndex].map(cellText);
  const unitCol = header.indexOf('单位');
  const data = values.slice(headerIndex + 1).filter((row) => cellText(row[unitCol]) !== '');
  const outcomeCol = header.findIndex((_, col) => data.some((row) => OUTCOMES.includes(cellText(row[col]))));
  if (outcomeCol < 0) throw new Error(`考核汇总 has no outcome column (header: ${header.join(' | ')})`);
  const pick = (outcome) =>
    data.filter((row) => cellText(row[outcomeCol]) === outcome).map((row) => cellText(row[unitCol]));
  return {
    units: data.map((row) => cellText(row[unitCol])),
    commended: pick('表彰'),
    criticised: pick('通报批评'),
    vetoed: pick('一票否决'),
  };
}
