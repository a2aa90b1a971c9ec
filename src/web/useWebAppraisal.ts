/**
 * The web page's state: the chosen files (summaries only; their contents stay in the worker), the run,
 * the downloads and the row preview of the selected issue. One thing at a time: while files are read or
 * a run is going, further actions wait for it.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { FileSummary } from '../adapters/files/session';
import { groupIssuesBySheet, type IssueGroup } from '../taskpane/issue-view';
import type { PageOutcome } from './protocol';
import type { FilesHost } from './files-host';

export type WebPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number }
  | { kind: 'running'; stage: string; fraction: number }
  | { kind: 'done'; outcome: PageOutcome; downloads: Downloads; grouped: IssueGroup[] }
  | { kind: 'failed'; message: string };

export interface Downloads {
  workbook?: { name: string; url: string };
  json?: { name: string; url: string };
}


/** Lets the browser paint and handle input before the next step (a macrotask, not a microtask). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function downloadsOf(outcome: PageOutcome): Downloads {
  const downloads: Downloads = {};
  if (outcome.workbook) {
    const { name, blob } = outcome.workbook;
    downloads.workbook = { name, url: URL.createObjectURL(blob) };
    if (outcome.json) downloads.json = { name: name.replace(/\.xlsx$/i, '.json'), url: URL.createObjectURL(outcome.json) };
  }
  return downloads;
}

function revoke(phase: WebPhase): void {
  if (phase.kind !== 'done') return;
  for (const d of [phase.downloads.workbook, phase.downloads.json]) if (d) URL.revokeObjectURL(d.url);
}

export function useWebAppraisal(host: FilesHost) {
  const [files, setFiles] = useState<FileSummary[]>([]);
  const [phase, setPhaseState] = useState<WebPhase>({ kind: 'idle' });
  const phaseRef = useRef<WebPhase>(phase);
  const busy = useRef(false);

  const setPhase = useCallback((next: WebPhase) => {
    // A new phase replaces the last result: its download links are released.
    if (phaseRef.current !== next) revoke(phaseRef.current);
    phaseRef.current = next;
    setPhaseState(next);
  }, []);

  useEffect(() => () => revoke(phaseRef.current), []);

  /** Runs `work` unless something else is going on; the files' list changes clear the last result. */
  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }, []);

  const addFiles = useCallback(
    (chosen: File[]) =>
      exclusive(async () => {
        setPhase({ kind: 'reading', fraction: 0 });
        try {
          const summaries = await host.add(
            chosen.map((file) => ({ name: file.name, file })),
            (_stage, fraction) => setPhaseState({ kind: 'reading', fraction }),
          );
          setFiles(summaries);
          setPhase({ kind: 'idle' });
        } catch (e) {
          setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      }),
    [host, exclusive, setPhase],
  );

  const removeFile = useCallback(
    (name: string) =>
      exclusive(async () => {
        setFiles(await host.remove(name));
        setPhase({ kind: 'idle' });
      }),
    [host, exclusive, setPhase],
  );

  const run = useCallback(
    (year: number | undefined) =>
      exclusive(async () => {
        setPhase({ kind: 'running', stage: 'start', fraction: 0 });
        try {
          const outcome = await host.run(year, (stage, fraction) => setPhaseState({ kind: 'running', stage, fraction }));
          // Grouping a city's issues and rendering in tasks of their own: they do not add up to one stall.
          await nextTask();
          const grouped = groupIssuesBySheet(outcome.report.issues);
          await nextTask();
          const done: WebPhase = { kind: 'done', outcome, downloads: downloadsOf(outcome), grouped };
          // A city's results are thousands of elements: rendered as a transition, React yields to the
          // browser every few milliseconds instead of holding the page for a second.
          startTransition(() => setPhase(done));
        } catch (e) {
          setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      }),
    [host, exclusive, setPhase],
  );

  return { files, phase, addFiles, removeFile, run, where: host.where };
}
