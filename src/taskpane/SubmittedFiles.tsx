/**
 * 合并各单位报送文件: pick the units' own .xlsx files (several at once); they are read here, in the pane,
 * and appraised with the open workbook's ledgers on the next run. Each file shows what was found in it.
 */
import { Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useRef } from 'react';
import { summariseFiles } from '../engine/files';
import type { Report } from '../engine/report';
import { UI } from './messages';
import { XlsxFileInput } from './XlsxFileInput';
import { stackGap } from './gap';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalXS) },
  hidden: { display: 'none' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', ...stackGap('6px') },
  // Many files (a county's 30 units, a city's 300): the list scrolls in a box so the run button and the
  // results stay near; 8 files fit without scrolling.
  long: { maxHeight: '24rem', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
  count: { color: tokens.colorNeutralForeground2 },
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** More files than this and the list scrolls in its own box, with a count above it. */
const LONG_LIST = 8;

/** A chosen file as listed: its name, how many sheets were read, or why it is not used. */
export interface ListedFile {
  name: string;
  sheetCount: number;
  problem?: string;
}

export interface SubmittedFilesProps {
  files: ListedFile[];
  /** The last run's report, to say per file what was found. */
  report?: Report;
  busy: boolean;
  onPick: (files: File[]) => void;
  onRemove: (name: string) => void;
  /**
   * The file that was appraised alone, as the one workbook of a single-workbook run (the web page with one
   * usable file): the report names none of its sheets by file, so its summary is the workbook's.
   */
  soleWorkbook?: string;
  /** The web page's own heading and hint; the pane's by default. */
  heading?: string;
  hint?: string;
}

/** The picker button: a hidden file input, so the same dialog opens in Excel on the web and on the desktop. */
export function PickFilesButton({ busy, onPick }: Pick<SubmittedFilesProps, 'busy' | 'onPick'>) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance="secondary" type="button" disabled={busy} onClick={() => input.current?.click()}>
        {UI.mergeButton}
      </Button>
      <XlsxFileInput ref={input} className={styles.hidden} testId="merge-input" onPick={onPick} />
    </>
  );
}

export function SubmittedFiles({ files, report, busy, onRemove, soleWorkbook, heading = UI.mergeHeading, hint = UI.mergeHint }: Omit<SubmittedFilesProps, 'onPick'>) {
  const styles = useStyles();
  // Once per report, not on every redraw (the busy flag, a removal): with 300 files the list is long.
  const found = useMemo(
    () =>
      report
        ? new Map(
            soleWorkbook !== undefined
              ? summariseFiles(report, ['']).map((s) => [soleWorkbook, { ...s, file: soleWorkbook }] as const)
              : summariseFiles(report, files.map((f) => f.name)).map((s) => [s.file, s] as const),
          )
        : undefined,
    [report, files, soleWorkbook],
  );
  // Files that cannot be used first: in a long list they must not hide below the fold.
  const ordered = useMemo(() => [...files.filter((f) => f.problem), ...files.filter((f) => !f.problem)], [files]);
  if (files.length === 0) return null;
  const problems = files.filter((f) => f.problem).length;
  const long = files.length > LONG_LIST;
  return (
    <section className={styles.root} aria-label={heading} data-testid="merge-files">
      <Subtitle2 as="h2">{heading}</Subtitle2>
      {hint !== '' && <Caption1 className={styles.hint}>{hint}</Caption1>}
      {long && <Caption1 className={styles.count} data-testid="merge-count">{UI.mergeCount(files.length, problems)}</Caption1>}
      {/* A scrolling box takes the keyboard focus, so it can be scrolled without a mouse. */}
      <ul className={long ? mergeClasses(styles.list, styles.long) : styles.list} {...(long ? { tabIndex: 0, 'aria-label': heading } : {})}>
        {ordered.map((f) => {
          const summary = found?.get(f.name);
          return (
            <li key={f.name} className={styles.item} data-testid="merge-file" data-file={f.name}>
              <span>
                <span className={styles.name}>{f.name}</span>
                <br />
                {f.problem ? (
                  <Caption1 className={styles.problem}>{f.problem}</Caption1>
                ) : (
                  <Caption1 className={styles.detail}>{summary ? UI.mergeFound(summary) : UI.mergeRead(f.sheetCount)}</Caption1>
                )}
              </span>
              <Button size="small" appearance="subtle" disabled={busy} aria-label={UI.mergeRemoveLabel(f.name)} onClick={() => onRemove(f.name)}>
                {UI.mergeRemove}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
