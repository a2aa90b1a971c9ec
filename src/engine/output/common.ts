import { GENERATED_MARKER, type OutputSheet } from '../output-model';

export const SHEET_NAMES = { summary: '考核汇总', persons: '人员考核明细', issues: '校验问题', explain: '评分依据' } as const;

/** Row 2 of a generated sheet: the marker that lets the add-in replace it next time, and a word to the reader. */
export function noteRow(text: string): string {
  return `${GENERATED_MARKER}${text} 本表由年终考核加载项根据各单位台账自动生成，重新校验时整表替换，请勿在此表中修改。`;
}

export const yesNo = (v: boolean): string => (v ? '是' : '否');

/** Fixed layout shared by the generated sheets: title, note, header, then data; header frozen and repeated in print. */
export function layout(orientation: 'landscape' | 'portrait'): Pick<OutputSheet, 'freezeRows' | 'print'> {
  return { freezeRows: 3, print: { orientation, paperSize: 'A4', fitToWidth: true, repeatRows: [3, 3] } };
}
