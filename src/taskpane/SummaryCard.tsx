import {
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Report } from '../engine/report';
import { countBySeverity, outcomeLists, writtenSheets } from './issue-view';
import { UI } from './messages';
import { SeverityBadge } from './SeverityBadge';
import { inlineGap, stackGap } from './gap';

const useStyles = makeStyles({
  card: stackGap(tokens.spacingVerticalS),
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: { display: 'flex', flexDirection: 'column', margin: 0 },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  statValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  rows: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '6px', margin: 0 },
  rowLabel: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  rowValue: { margin: 0, overflowWrap: 'anywhere' },
  commended: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  criticised: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  vetoed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { whiteSpace: 'nowrap' },
  errorsHint: { color: tokens.colorPaletteRedForeground1 },
  severities: { display: 'flex', flexWrap: 'wrap', ...inlineGap(tokens.spacingHorizontalM, '4px') },
  severity: { display: 'inline-flex', alignItems: 'center', ...inlineGap('4px') },
});

export interface SummaryCardProps {
  report: Report;
  renamed: { from: string; to: string }[];
  /** What precedes the result sheets' names: 结果已写入工作表 in Excel; the web page's result is a download. */
  writtenLabel?: string;
}

export function SummaryCard({ report, renamed, writtenLabel = UI.summaryWrittenTo }: SummaryCardProps) {
  const styles = useStyles();
  const outcomes = outcomeLists(report);
  const counts = countBySeverity(report.issues);
  const sheets = writtenSheets(renamed);
  // Each name unbroken: a wrapped 人事考试中|心 reads as two units.
  const names = (list: string[]) =>
    list.length === 0
      ? UI.summaryNone
      : list.map((name, i) => (
          <Fragment key={name}>
            {i > 0 && '、'}
            <span className={styles.name}>{name}</span>
          </Fragment>
        ));

  return (
    <Card className={styles.card} aria-labelledby="summary-heading" data-testid="summary">
      <Subtitle2 as="h2" id="summary-heading">
        {UI.summaryHeading} · <span data-testid="summary-year">{UI.summaryYear(report.year)}</span>
        {report.selfCheck ? `（${UI.selfCheckTitle}）` : ''}
      </Subtitle2>
      {report.selfCheck && (
        <MessageBar intent="info" layout="multiline" data-testid="self-check">
          <MessageBarBody>{UI.selfCheckBody(report.units[0]?.unit ?? '')}</MessageBarBody>
        </MessageBar>
      )}

      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt className={styles.statLabel}>{UI.summaryUnits}</dt>
          <dd className={styles.statValue} data-testid="summary-units">
            {UI.unitsSuffix(report.units.length)}
          </dd>
        </div>
        <div className={styles.stat}>
          <dt className={styles.statLabel}>{UI.summaryPersons}</dt>
          <dd className={styles.statValue} data-testid="summary-persons">
            {UI.personsSuffix(report.persons.length)}
          </dd>
        </div>
        <div className={styles.stat}>
          <dt className={styles.statLabel} title={UI.summaryQuotaNote}>
            {UI.summaryQuota}
          </dt>
          <dd className={styles.statValue} data-testid="summary-quota">
            {UI.personsSuffix(report.excellentQuota)}
          </dd>
        </div>
      </dl>

      <dl className={styles.rows}>
        <dt className={styles.rowLabel}>{UI.summaryCommended}</dt>
        <dd className={`${styles.rowValue} ${styles.commended}`} data-testid="outcome-commended">
          {names(outcomes.commended)}
        </dd>
        <dt className={styles.rowLabel}>{UI.summaryCriticised}</dt>
        <dd className={`${styles.rowValue} ${styles.criticised}`} data-testid="outcome-criticised">
          {names(outcomes.criticised)}
        </dd>
        <dt className={styles.rowLabel}>{UI.summaryVetoed}</dt>
        <dd className={`${styles.rowValue} ${styles.vetoed}`} data-testid="outcome-vetoed">
          {names(outcomes.vetoed)}
        </dd>
        <dt className={styles.rowLabel}>{UI.summaryIssues}</dt>
        <dd className={styles.rowValue} data-testid="summary-issues">
          {report.issues.length === 0 ? (
            UI.summaryNoIssues
          ) : (
            <span className={styles.severities}>
              {(['error', 'warning', 'info'] as const).map((s) => (
                <span key={s} className={styles.severity} data-testid={`summary-count-${s}`} data-count={counts[s]}>
                  <SeverityBadge severity={s} />
                  <Text>{counts[s]} 条</Text>
                </span>
              ))}
            </span>
          )}
        </dd>
      </dl>

      {counts.error > 0 && (
        <Text className={styles.errorsHint} data-testid="summary-errors-hint">
          {UI.summaryErrorsHint}
        </Text>
      )}
      <Text data-testid="summary-written">
        {writtenLabel}
        {sheets.map((s) => `「${s}」`).join('、')}
      </Text>
      {renamed.map((r) => (
        <MessageBar key={r.from} intent="warning" data-testid="summary-renamed">
          <MessageBarBody>{UI.summaryRenamed(r.from, r.to)}</MessageBarBody>
        </MessageBar>
      ))}
    </Card>
  );
}
