/**
 * Where the clerk gives the page her files: drag them (or the folder holding them) onto it, or pick them.
 * Only .xlsx is offered in the dialog, but whatever arrives is read and, if it is not a usable workbook,
 * said so per file.
 */
import { Button, Caption1, ProgressBar, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { WEB } from '../taskpane/messages';
import { XlsxFileInput } from '../taskpane/XlsxFileInput';
import { droppedFiles, takeDropped } from './dropped-files';
import { stackGap } from '../taskpane/gap';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    ...stackGap(tokens.spacingVerticalS),
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground3, maxWidth: '560px' },
  note: { color: tokens.colorPaletteDarkOrangeForeground1, maxWidth: '560px' },
  hidden: { display: 'none' },
  progress: { width: '100%', maxWidth: '420px' },
});

export interface DropZoneProps {
  busy: boolean;
  /** 0–1 while files are being read. */
  reading: number | null;
  onFiles: (files: File[]) => void;
}

export function DropZone({ busy, reading, onFiles }: DropZoneProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  /** Why a drop brought nothing (an empty folder). */
  const [note, setNote] = useState<string | null>(null);
  return (
    <section
      className={mergeClasses(styles.zone, over && styles.over)}
      aria-label={WEB.dropTitle}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (busy) return;
        // Taken now: the drop's items cannot be read once this handler returns.
        const dropped = takeDropped(e.dataTransfer.items);
        droppedFiles(dropped).then(
          ({ files, emptyFolders }) => {
            setNote(emptyFolders.length > 0 ? WEB.dropEmptyFolder(emptyFolders) : null);
            if (files.length > 0) onFiles(files);
          },
          // A folder the browser would not list (permissions, a vanished network share).
          () => setNote(WEB.dropFolderFailed),
        );
      }}
    >
      <Subtitle2 as="h2">{WEB.dropTitle}</Subtitle2>
      <Caption1>{WEB.dropOr}</Caption1>
      <Button appearance="primary" type="button" disabled={busy} onClick={() => input.current?.click()}>
        {WEB.pickButton}
      </Button>
      <XlsxFileInput
        ref={input}
        className={styles.hidden}
        testId="file-input"
        onPick={(files) => {
          setNote(null);
          onFiles(files);
        }}
      />
      <Caption1 className={styles.hint}>{WEB.dropHint}</Caption1>
      {note !== null && (
        <Caption1 className={styles.note} role="status" data-testid="drop-note">
          {note}
        </Caption1>
      )}
      {reading !== null && (
        <ProgressBar className={styles.progress} value={reading} max={1} thickness="large" aria-label={WEB.reading} data-testid="read-progress" />
      )}
    </section>
  );
}
