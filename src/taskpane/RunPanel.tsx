import { Button, Field, Input, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { parseYearInput } from './issue-view';
import { UI, stageLabel } from './messages';
import { inlineGap, stackGap } from './gap';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalM) },
  actions: { display: 'flex', flexWrap: 'wrap', ...inlineGap(tokens.spacingHorizontalS, tokens.spacingVerticalS) },
  year: { maxWidth: '160px' },
});

export interface RunPanelProps {
  running: boolean;
  stage: string;
  fraction: number;
  insertingRules: boolean;
  onRun: (year: number | undefined) => void;
  /** Absent where there is no workbook to insert into (the web page). */
  onInsertRules?: () => void;
  /** The run button is disabled with nothing to run on (the web page before a file is chosen). */
  nothingToRun?: boolean;
}

export function RunPanel({ running, stage, fraction, insertingRules, onRun, onInsertRules, nothingToRun = false }: RunPanelProps) {
  const styles = useStyles();
  const [yearText, setYearText] = useState('');
  const parsed = parseYearInput(yearText);

  const submit = () => {
    if (parsed.ok) onRun(parsed.year);
  };

  return (
    <form
      className={styles.root}
      aria-label={UI.runButton}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        label={UI.yearLabel}
        hint={UI.yearHint}
        validationState={parsed.ok ? 'none' : 'error'}
        validationMessage={parsed.ok ? undefined : UI.yearInvalid}
      >
        <Input
          className={styles.year}
          inputMode="numeric"
          placeholder={UI.yearPlaceholder}
          value={yearText}
          readOnly={running}
          onChange={(_, data) => setYearText(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        {/* disabledFocusable while running: focus stays on the button instead of falling to the page. */}
        <Button appearance="primary" type="submit" disabled={!running && (!parsed.ok || nothingToRun)} disabledFocusable={running}>
          {running ? UI.runningButton : UI.runButton}
        </Button>
        {onInsertRules && (
          <Button appearance="secondary" type="button" disabled={running || insertingRules} onClick={onInsertRules}>
            {UI.rulesButton}
          </Button>
        )}
      </div>
      {running && (
        <Field label={stageLabel(stage)} aria-live="polite" data-testid="run-progress">
          <ProgressBar
            value={Math.min(1, Math.max(0, fraction))}
            max={1}
            thickness="large"
            aria-label={UI.progressLabel}
            aria-valuetext={`${stageLabel(stage)} ${Math.round(fraction * 100)}%`}
          />
        </Field>
      )}
    </form>
  );
}
