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
import { useMemo, useState } from 'react';
import type { ReportedIssue } from '../engine/report';
import { IssueList } from '../taskpane/IssueList';
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
import { useWebAppraisal } from './useWebAppraisal';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    maxWidth: '880px',
    margin: '0 auto',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  intro: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

function nearMissMessages(issues: readonly ReportedIssue[]): string[] {
  return issues.filter((i) => i.code === 'INCOMPLETE_LEDGER' || i.code === 'MISSING_COLUMN').map((i) => i.message);
}

export function WebApp({ host }: { host: FilesHost }) {
  const styles = useStyles();
  const web = useWebAppraisal(host);
  const { files, phase, preview } = web;
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [openSheets, setOpenSheets] = useState<string[]>([]);
  const [openUnit, setOpenUnit] = useState<string | null>(null);
  const [placeOpen, setPlaceOpen] = useState(false);

  const listed = useMemo(() => files.map((f) => ({ name: f.name, sheetCount: f.sheets, ...(f.problem ? { problem: f.problem } : {}) })), [files]);
  const usable = files.filter((f) => !f.problem).length;
  const busy = phase.kind === 'reading' || phase.kind === 'running';
  const outcome = phase.kind === 'done' ? phase.outcome : null;
  const report = outcome?.report;

  const showPlace = (sheet: string, cell: string, file?: string) => {
    setSelectedKey(null);
    setPlaceOpen(true);
    void web.showPreview(`place:${file ?? ''}|${sheet}|${cell}`, file ?? '', sheet, cell);
  };

  return (
    <main className={styles.root} aria-labelledby="app-title">
      <header className={styles.header}>
        <Title3 as="h1" id="app-title">
          {WEB.title}
        </Title3>
        <Caption1 className={styles.intro}>{WEB.intro}</Caption1>
      </header>

      <DropZone busy={busy} reading={phase.kind === 'reading' ? phase.fraction : null} onFiles={(f) => void web.addFiles(f)} />

      <SubmittedFiles
        files={listed}
        {...(report ? { report } : {})}
        busy={busy}
        heading={WEB.filesHeading}
        hint=""
        onRemove={(name) => void web.removeFile(name)}
      />

      <RunPanel
        running={phase.kind === 'running'}
        stage={phase.kind === 'running' ? phase.stage : ''}
        fraction={phase.kind === 'running' ? phase.fraction : 0}
        insertingRules={false}
        nothingToRun={usable === 0}
        onRun={(year) => {
          setSelectedKey(null);
          void web.run(year);
        }}
      />
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
          <SummaryCard report={report} renamed={outcome.renamed} />
          <UnitScores report={report} openUnit={openUnit} onOpenUnit={setOpenUnit} onSelectCell={showPlace} />
          <IssueList
            issues={report.issues}
            selectedKey={selectedKey}
            hint={WEB.issuesHint}
            onSelect={(_issue, target, key) => {
              setSelectedKey(key);
              void web.showPreview(key, target.file, target.sheet, target.cell);
            }}
            {...(preview && selectedKey !== null && preview.key === selectedKey ? { selectedDetail: <RowPreviewTable state={preview} /> } : {})}
          />
        </>
      )}
      {report && (
        <RecognitionPanel
          report={report}
          onSelectCell={(sheet, cell) => showPlace(sheet, cell)}
          busy={busy}
          openSheets={openSheets}
          onToggleSheets={setOpenSheets}
        />
      )}

      <Dialog open={placeOpen && preview !== null && preview.key.startsWith('place:')} onOpenChange={(_, d) => setPlaceOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{WEB.placeDialogTitle}</DialogTitle>
            <DialogContent>{preview && <RowPreviewTable state={preview} />}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPlaceOpen(false)}>
                {WEB.previewClose}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
