/**
 * Renders a result in steps: stage 0 at once, then one more stage per browser task until `count`. A
 * city's results (summary, 300 units, hundreds of issue rows, the recognition panel) committed at once
 * held the page for a quarter of a second; in steps, each commit is short and the page stays responsive.
 * Starts again from 0 whenever `of` changes (a new result).
 */
import { useEffect, useState } from 'react';

export function useStages(count: number, of: unknown): number {
  const [state, setState] = useState<{ of: unknown; stage: number }>({ of, stage: 0 });
  const stage = state.of === of ? state.stage : 0;
  if (state.of !== of) setState({ of, stage: 0 });
  useEffect(() => {
    if (stage >= count) return;
    const timer = setTimeout(() => setState((s) => (s.of === of ? { of, stage: s.stage + 1 } : s)), 0);
    return () => clearTimeout(timer);
  }, [stage, count, of]);
  return stage;
}
