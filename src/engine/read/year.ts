import type { SheetGrid } from '../grid';
import type { Records } from './records';

/**
 * The appraisal year when neither `--year` nor 考核年度 gives it: the year most activity and discipline
 * dates fall in (a tie goes to the later year); failing that, task deadlines, then a year in a sheet name.
 */
export function guessYear(records: Records, sheets: SheetGrid[], fallback: number): number {
  const pick = (count: (add: (y: number | null | undefined) => void) => void): number | undefined => {
    const counts = new Map<number, number>();
    count((y) => {
      if (typeof y === 'number') counts.set(y, (counts.get(y) ?? 0) + 1);
    });
    let best: number | undefined;
    let bestCount = 0;
    for (const [y, n] of counts) {
      if (n > bestCount || (n === bestCount && best !== undefined && y > best)) {
        best = y;
        bestCount = n;
      }
    }
    return best;
  };
  return (
    pick((add) => {
      for (const r of records.activities) add(r.date.year);
      for (const r of records.discipline) add(r.date?.year);
    }) ??
    pick((add) => {
      for (const r of records.tasks) add(r.deadline?.year);
    }) ??
    pick((add) => {
      for (const s of sheets) add(Number(/(\d{4})\s*年/.exec(s.name)?.[1]) || undefined);
    }) ??
    fallback
  );
}
