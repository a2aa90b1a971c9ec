import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AddinApi } from './addin-api';
import { countBySeverity, nearMissMessages, type IssueTarget } from './issue-view';
import { IssueList } from './IssueList';
import { SEVERITY_LABEL, UI, stageLabel } from './messages';
import { LinksOmittedNotice, MergesInferredNotice, NoLedgersNotice, ProtectedReadNotice, ReadOnlyNotice, RunErrorNotice, UnsupportedNotice } from './Notices';
import { RecognitionPanel } from './RecognitionPanel';
import { PickFilesButton, SubmittedFiles } from './SubmittedFiles';
import { mergePicked, readPickedFile, type PickedFile } from '../adapters/files/submitted';
import { RunPanel } from './RunPanel';
import { SummaryCard } from './SummaryCard';
import { UnitScores } from './UnitScores';
import { useAppraisal, type RunPhase } from './useAppraisal';
import { stackGap } from './gap';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    ...stackGap(tokens.spacingVerticalL),
    padding: tokens.spacingHorizontalM,
    maxWidth: '640px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalXS) },
  intro: { color: tokens.colorNeutralForeground3 },
  merge: { display: 'flex', marginTop: `-${tokens.spacingVerticalS}` },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

function announcement(phase: RunPhase): string {
  switch (phase.kind) {
    case 'idle':
      return '';
    case 'running':
      return stageLabel(phase.stage);
    case 'failed':
      return UI.failedTitle;
    case 'done': {
      if (phase.result.noLedgers) return UI.noLedgersTitle;
      const counts = countBySeverity(phase.result.report.issues);
      const parts = (['error', 'warning', 'info'] as const).map((s) => `${SEVERITY_LABEL[s]} ${counts[s]} 条`);
      return `${UI.summaryHeading}：${UI.summaryUnits} ${phase.result.report.units.length} 个，${parts.join('，')}`;
    }
  }
}


export function App({ api }: { api: AddinApi }) {
  const styles = useStyles();
  const support = useMemo(() => api.checkApiSupport(), [api]);
  const { phase, run } = useAppraisal(api);
  const [insertingRules, setInsertingRules] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [openSheets, setOpenSheets] = useState<string[]>([]);
  // Units' files picked in the pane: read once when picked, appraised with the workbook on every run.
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const extraSheets = useMemo(() => picked.flatMap((f) => f.sheets), [picked]);
  const listed = useMemo(() => picked.map((f) => ({ name: f.name, sheetCount: f.sheets.length, ...(f.problem ? { problem: f.problem } : {}) })), [picked]);
  const [openUnit, setOpenUnit] = useState<string | null>(null);

  // The year of the last run: a change in 识别结果 runs again with it.
  const lastYear = useRef<number | undefined>(undefined);
  const onRun = useCallback(
    (year: number | undefined) => {
      setNotice(null);
      setSelectedKey(null);
      lastYear.current = year;
      void run(year, extraSheets);
    },
    [run, extraSheets],
  );

  const saveMapping = api.saveColumnMapping?.bind(api);
  const onMap = useCallback(
    async (mapping: { sheet: string; header: string; field: string }) => {
      if (!saveMapping) return;
      try {
        await saveMapping(mapping);
      } catch (err) {
        setNotice({ intent: 'error', text: `${UI.recognitionSaveFailed}${err instanceof Error ? `（${err.message}）` : ''}` });
        return;
      }
      setNotice({ intent: 'success', text: UI.recognitionSaved(mapping.sheet, mapping.field, mapping.header) });
      setSelectedKey(null);
      await run(lastYear.current, extraSheets);
    },
    [saveMapping, run, extraSheets],
  );

  const onInsertRules = useCallback(async () => {
    setInsertingRules(true);
    try {
      const r = await api.insertRulesSheet();
      setNotice(
        r.status === 'inserted'
          ? { intent: 'success', text: UI.rulesInserted(r.sheet) }
          : { intent: 'info', text: UI.rulesExists(r.sheet) },
      );
    } catch (err) {
      setNotice({ intent: 'error', text: UI.rulesFailed(err instanceof Error ? err.message : String(err)) });
    } finally {
      setInsertingRules(false);
    }
  }, [api]);

  const onSelect = useCallback(
    async (_issue: unknown, target: IssueTarget, key: string) => {
      setSelectedKey(key);
      try {
        await api.selectCell(target.sheet, target.cell);
      } catch {
        setNotice({ intent: 'warning', text: UI.selectFailed(target.sheet, target.label) });
      }
    },
    [api],
  );

  const onSelectIssue = useCallback((issue: unknown, target: IssueTarget, key: string) => void onSelect(issue, target, key), [onSelect]);

  const onPickFiles = useCallback(async (files: File[]) => {
    const read: PickedFile[] = [];
    for (const file of files) {
      try {
        read.push(readPickedFile(file.name, new Uint8Array(await file.arrayBuffer())));
      } catch {
        read.push({ name: file.name, sheets: [], problem: UI.mergeReadFailed(file.name) });
      }
    }
    setPicked((current) => mergePicked(current, read));
  }, []);

  const running = phase.kind === 'running';
  const result = phase.kind === 'done' ? phase.result : null;

  return (
    <main className={styles.root} aria-labelledby="app-title">
      <header className={styles.header}>
        <Title3 as="h1" id="app-title">
          {UI.title}
        </Title3>
        <Caption1 className={styles.intro}>{UI.intro}</Caption1>
      </header>

      {support.supported ? (
        <RunPanel
          running={running}
          stage={running ? phase.stage : ''}
          fraction={running ? phase.fraction : 0}
          insertingRules={insertingRules}
          onRun={onRun}
          onInsertRules={() => void onInsertRules()}
        />
      ) : (
        <UnsupportedNotice missing={support.missing} />
      )}

      {support.supported && (
        <div className={styles.merge}>
          <PickFilesButton busy={running} onPick={(files) => void onPickFiles(files)} />
        </div>
      )}
      <SubmittedFiles files={listed} {...(result ? { report: result.report } : {})} busy={running} onRemove={(name) => setPicked((p) => p.filter((f) => f.name !== name))} />

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement(phase)}
      </div>

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={UI.dismiss} onClick={() => setNotice(null)}>
                {UI.dismiss}
              </Button>
            }
          />
        </MessageBar>
      )}

      {phase.kind === 'failed' && <RunErrorNotice error={phase.error} />}
      {result && result.protectedSheets.length > 0 && <ProtectedReadNotice sheets={result.protectedSheets} />}
      {result?.readOnly && <ReadOnlyNotice />}
      {result?.linksOmitted && result.linksOmitted.length > 0 && <LinksOmittedNotice items={result.linksOmitted} />}
      {result?.mergesInferred && result.mergesInferred.length > 0 && <MergesInferredNotice items={result.mergesInferred} />}
      {result?.noLedgers && <NoLedgersNotice nearMisses={nearMissMessages(result.report.issues)} />}
      {result && !result.noLedgers && (
        <>
          <SummaryCard report={result.report} renamed={result.renamed} />
          <UnitScores
            report={result.report}
            openUnit={openUnit}
            onOpenUnit={setOpenUnit}
            onSelectCell={(sheet, cell) => void api.selectCell(sheet, cell).catch(() => setNotice({ intent: 'warning', text: UI.selectFailed(sheet, cell) }))}
          />
          <IssueList issues={result.report.issues} selectedKey={selectedKey} onSelect={onSelectIssue} />
        </>
      )}
      {result && (
        <RecognitionPanel
          report={result.report}
          {...(saveMapping ? { onMap: (m: { sheet: string; header: string; field: string }) => void onMap(m) } : {})}
          onSelectCell={(sheet, cell) => void api.selectCell(sheet, cell).catch(() => setNotice({ intent: 'warning', text: UI.selectFailed(sheet, cell) }))}
          busy={running}
          openSheets={openSheets}
          onToggleSheets={setOpenSheets}
        />
      )}
    </main>
  );
}
