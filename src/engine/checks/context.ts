import type { IssueSink } from '../issues/sink';
import type { Rules } from '../rules/rules';

export interface CheckContext {
  rules: Rules;
  year: number;
  issues: IssueSink;
}

/** Per-unit tallies, keyed by unit name. A Map, so unit names such as `__proto__` are just names. */
export type ByUnit<T> = Map<string, T>;

export function tally<T>(map: ByUnit<T>, unit: string, init: () => T): T {
  let v = map.get(unit);
  if (v === undefined) {
    v = init();
    map.set(unit, v);
  }
  return v;
}
