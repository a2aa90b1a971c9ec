/** Ranking and 奖惩 (SPEC 4.6). */
import type { Outcome } from '../report';
import type { Rules } from '../rules/rules';

export interface Rankable {
  unit: string;
  total: number;
  veto: boolean;
}

export interface Placed {
  rank: number;
  outcome: Outcome;
}

/** Competition ranking (1, 2, 2, 4) by total, highest first, starting at `start`. */
function competitionRanks(items: Rankable[], start: number, out: Map<Rankable, number>): void {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    out.set(item, prev && prev.total === item.total ? out.get(prev)! : start + i);
  });
}

/**
 * Ranks: non-vetoed units first, by total; vetoed units follow, ranked the same way among themselves.
 * Outcomes in order: 一票否决 → 表彰 (rank ≤ quota and total ≥ minimum) → 通报批评 (the lowest of the rest,
 * ties with the last place included; all of them when no more than the quota remain).
 */
export function rankAndDecide(units: Rankable[], rules: Rules): Map<Rankable, Placed> {
  const ok = units.filter((u) => !u.veto);
  const vetoed = units.filter((u) => u.veto);
  const ranks = new Map<Rankable, number>();
  competitionRanks(ok, 1, ranks);
  competitionRanks(vetoed, ok.length + 1, ranks);

  const placed = new Map<Rankable, Placed>();
  for (const u of vetoed) placed.set(u, { rank: ranks.get(u)!, outcome: '一票否决' });
  const rest: Rankable[] = [];
  for (const u of ok) {
    const rank = ranks.get(u)!;
    if (rank <= rules.commendCount && u.total >= rules.commendMinTotal) placed.set(u, { rank, outcome: '表彰' });
    else rest.push(u);
  }
  const quota = rules.criticizeCount;
  const ascending = [...rest].sort((a, b) => a.total - b.total);
  const cutoff = quota <= 0 ? -Infinity : rest.length <= quota ? Infinity : ascending[quota - 1]!.total;
  for (const u of rest) placed.set(u, { rank: ranks.get(u)!, outcome: u.total <= cutoff ? '通报批评' : '' });
  return placed;
}

/** floor(ratio × persons), safe from 0.29 × 100 = 28.999…. */
export function excellentQuota(persons: number, ratio: number): number {
  return Math.floor(Number((ratio * persons).toPrecision(12)));
}
