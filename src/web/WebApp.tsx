/**
 * 网页版: the task pane's components around files instead of the open workbook. The clerk chooses one or
 * several .xlsx files, runs the appraisal, reads the same result card, scores and issue list, looks at an
 * issue's row (there is no Excel grid here) and downloads the result workbook and the report.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Report, ReportedIssue } from '../engine/report';
import { IssueList } from '../taskpane/IssueList';
import { nearMissMessages, type IssueGroup } from '../taskpane/issue-view';
import { NoLedgersNotice } from '../taskpane/Notices';
import { RecognitionPanel } from '../taskpane/RecognitionPanel';
import { RunPanel } from '../taskpane/RunPanel';
import { SubmittedFiles } from '../taskpane/SubmittedFiles';
import { SummaryCard } from '../taskpane/SummaryCard';
import { UnitScores } from '../taskpane/UnitScores';
import { UI, WEB, stageLabel } from '../taskpane/messages';
import { Downloads } from './Downloads';
import { DropZone } from './DropZone';
import type { FilesHost } from './files-host';
import { RowPreviewTable } from './RowPreviewTable';
import { useRowPreview } from './useRowPreview';
import { useStages } from './useStages';
import { useWebAppraisal } from './useWebAppraisal';
import { stackGap } from '../taskpane/gap';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    ...stackGap(tokens.spacingVerticalL),
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    maxWidth: '880px',
    margin: '0 auto',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalXS) },
  intro: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Groups open at first while their first pages add up to this many rows (IssueList's openRows). */
const OPEN_ROWS = 50;
/**
 * Rows a group shows before 显示更多. Measured on a city's workbook in Chromium: 100 issue rows took one
 * commit of about 250 ms (a long task); 50 stay well under the 200 ms a user notices as a stall.
 */
const PAGE_ROWS = 50;

/**
 * The issue list with its own selection and row preview: a click re-renders this, not the whole page.
 */
const WebIssues = memo(function WebIssues({ host, issues, grouped }: { host: FilesHost; issues: ReportedIssue[]; grouped: IssueGroup[] }) {
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const { preview, show } = useRowPreview(host);
  const onSelect = useCallback(
    (_issue: ReportedIssue, target: { file: string; sheet: string; cell: string }, key: string) => {
      setSelectedKey(key);
      void show(key, target.file, target.sheet, target.cell);
    },
    [show],
  );
  return (
    <IssueList
      issues={issues}
      selectedKey={selectedKey}
      hint={WEB.issuesHint}
      grouped={grouped}
      openRows={OPEN_ROWS}
      pageSize={PAGE_ROWS}
      onSelect={onSelect}
      {...(preview && preview.key === selectedKey ? { selectedDetail: <RowPreviewTable state={preview} /> } : {})}
    />
  );
});

/**
 * 各单位得分与评分依据 and 识别结果, whose places open a dialog with the row's preview (there is no grid to
 * select in). Their own open/closed state, so opening a unit re-renders only this part.
 */
const ScoresAndRecognition = memo(function ScoresAndRecognition({
  host,
  report,
  scores,
  busy,
  between,
  stage,
}: {
  host: FilesHost;
  report: Report;
  scores: boolean;
  busy: boolean;
  /** Rendered in steps (useStages): 1 the units, 2 the issues, 3 识别结果. */
  stage: number;
  /** Shown between the scores and 识别结果 (the issue list, as in the task pane). */
  between: ReactNode;
}) {
  const [openUnit, setOpenUnit] = useState<string | null>(null);
  const [openSheets, setOpenSheets] = useState<string[]>([]);
  const { preview, show, close } = useRowPreview(host);
  const showPlace = useCallback((sheet: string, cell: string, file?: string) => void show(`${file ?? ''}|${sheet}|${cell}`, file ?? '', sheet, cell), [show]);
  return (
    <>
      {scores && stage >= 1 && <UnitScores report={report} openUnit={openUnit} onOpenUnit={setOpenUnit} onSelectCell={showPlace} hint={WEB.unitsHint} />}
      {stage >= 2 && between}
      {stage >= 3 && <RecognitionPanel report={report} onSelectCell={showPlace} busy={busy} openSheets={openSheets} onToggleSheets={setOpenSheets} />}
      <Dialog open={preview !== null} onOpenChange={(_, d) => !d.open && close()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{WEB.placeDialogTitle}</DialogTitle>
            <DialogContent>{preview && <RowPreviewTable state={preview} />}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={close}>
                {WEB.previewClose}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
});

export function WebApp({ host }: { host: FilesHost }) {
  const styles = useStyles();
  const web = useWebAppraisal(host);
  const { files, phase } = web;

  const listed = useMemo(() => files.map((f) => ({ name: f.name, sheetCount: f.sheets, ...(f.problem ? { problem: f.problem } : {}) })), [files]);
  const usable = files.filter((f) => !f.problem).length;
  const busy = phase.kind === 'reading' || phase.kind === 'running';
  const outcome = phase.kind === 'done' ? phase.outcome : null;
  const report = outcome?.report;
  const { addFiles, removeFile, run } = web;
  const onFiles = useCallback((f: File[]) => void addFiles(f), [addFiles]);
  const onRemove = useCallback((name: string) => void removeFile(name), [removeFile]);
  const onRun = useCallback((year: number | undefined) => void run(year), [run]);
  const stage = useStages(3, report);

  return (
    <main className={styles.root} aria-labelledby="app-title">
      <header className={styles.header}>
        <Title3 as="h1" id="app-title">
          {WEB.title}
        </Title3>
        <Caption1 className={styles.intro}>{WEB.intro}</Caption1>
      </header>

      <DropZone busy={busy} reading={phase.kind === 'reading' ? phase.fraction : null} onFiles={onFiles} />

      <SubmittedFiles
        files={listed}
        {...(report ? { report } : {})}
        {...(usable === 1 ? { soleWorkbook: files.find((f) => !f.problem)!.name } : {})}
        busy={busy}
        heading={WEB.filesHeading}
        hint=""
        onRemove={onRemove}
      />

      <RunPanel
        running={phase.kind === 'running'}
        stage={phase.kind === 'running' ? phase.stage : ''}
        fraction={phase.kind === 'running' ? phase.fraction : 0}
        insertingRules={false}
        nothingToRun={usable === 0}
        onRun={onRun}
      />
      {files.length === 0 && <Caption1 className={styles.intro}>{WEB.noFiles}</Caption1>}
      {files.length > 0 && usable === 0 && !busy && (
        <MessageBar intent="warning" data-testid="no-usable-files">
          <MessageBarBody>{WEB.noUsableFiles}</MessageBarBody>
        </MessageBar>
      )}

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {phase.kind === 'running' ? stageLabel(phase.stage) : phase.kind === 'reading' ? WEB.reading : ''}
      </div>

      {phase.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" data-testid="notice-run-error">
          <MessageBarBody>
            <MessageBarTitle>{WEB.failedTitle}</MessageBarTitle>
            <div>{WEB.failedBody}</div>
            <div>{UI.failedDetail(phase.message)}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.noLedgers && <NoLedgersNotice nearMisses={nearMissMessages(outcome.report.issues)} />}
      {phase.kind === 'done' && report && !outcome.noLedgers && (
        <>
          <Downloads links={phase.downloads} separateWorkbook={outcome.separateWorkbook === true} severalFiles={usable > 1} />
          <SummaryCard report={report} renamed={outcome.renamed} writtenLabel={WEB.summaryInWorkbook} />
          {web.where() === 'page' && (
            <MessageBar intent="info" data-testid="worker-fallback">
              <MessageBarBody>{WEB.workerFallback}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {report && (
        <ScoresAndRecognition
          host={host}
          report={report}
          scores={!outcome.noLedgers}
          busy={busy}
          stage={stage}
          between={outcome.noLedgers || phase.kind !== 'done' ? null : <WebIssues host={host} issues={report.issues} grouped={phase.grouped} />}
        />
      )}
    </main>
  );
}
