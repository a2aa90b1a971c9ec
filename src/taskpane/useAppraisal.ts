import { useCallback, useRef, useState } from 'react';
import type { AddinApi, RunResult } from './addin-api';
import type { SheetGrid } from '../engine/grid';
import { classifyRunError, type RunError } from './run-error';

export type RunPhase =
  | { kind: 'idle' }
  | { kind: 'running'; stage: string; fraction: number }
  | { kind: 'done'; result: RunResult }
  | { kind: 'failed'; error: RunError };

/**
 * One appraisal run at a time. Progress callbacks from an older run (e.g. one that failed midway and
 * still reports) are ignored by comparing run ids.
 */
export function useAppraisal(api: AddinApi): { phase: RunPhase; run: (year: number | undefined, extraSheets?: SheetGrid[]) => Promise<void> } {
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const runId = useRef(0);
  const busy = useRef(false);

  const run = useCallback(
    async (year: number | undefined, extraSheets?: SheetGrid[]) => {
      if (busy.current) return;
      busy.current = true;
      const id = ++runId.current;
      setPhase({ kind: 'running', stage: 'start', fraction: 0 });
      try {
        const result = await api.runAppraisalInExcel({
          ...(year === undefined ? {} : { year }),
          ...(extraSheets && extraSheets.length > 0 ? { extraSheets } : {}),
          onProgress: (stage, fraction) => {
            if (runId.current === id) setPhase({ kind: 'running', stage, fraction });
          },
        });
        if (runId.current === id) setPhase({ kind: 'done', result });
      } catch (err) {
        if (runId.current === id) setPhase({ kind: 'failed', error: classifyRunError(err) });
      } finally {
        busy.current = false;
      }
    },
    [api],
  );

  return { phase, run };
}
