import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, type ReactNode } from 'react';
import type { ReportedIssue } from '../engine/report';
import { issueBody } from '../engine/issues/catalog';
import { issueTarget, issueWho, type IssueTarget } from './issue-view';
import { SEVERITY_LABEL, UI } from './messages';
import { SeverityBadge } from './SeverityBadge';
import { inlineGap } from './gap';

const useStyles = makeStyles({
  row: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: 'none',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  // The grid is a span inside the row, not the row itself: before Chromium 83 a <button> cannot be a grid
  // container, and its children stacked (a 信创 browser on Chromium 80 showed each badge as a full-width bar).
  grid: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  where: { display: 'flex', alignItems: 'baseline', ...inlineGap(tokens.spacingHorizontalS), flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  who: { color: tokens.colorNeutralForeground2 },
  message: { gridColumn: '1 / -1', lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
});

export interface IssueRowProps {
  issue: ReportedIssue;
  /** The row's key in the list, handed back on selection (so one stable onSelect serves every row). */
  rowKey: string;
  selected: boolean;
  onSelect: (issue: ReportedIssue, target: IssueTarget, rowKey: string) => void;
  /** Shown under the row while it is selected. */
  detail?: ReactNode;
}

/**
 * Memoised: selecting one issue of thousands re-renders only the two rows whose `selected` changed (with
 * a stable onSelect), not every row; on a city's workbook that kept a click under a frame.
 */
export const IssueRow = memo(function IssueRow({ issue, rowKey, selected, onSelect, detail }: IssueRowProps) {
  const styles = useStyles();
  const target = issueTarget(issue);
  const who = issueWho(issue);
  // Ledger text may hold markup; React text children are escaped, never parsed as HTML.
  const content = (
    <span className={styles.grid}>
      <SeverityBadge severity={issue.severity} />
      <span className={styles.where}>
        {target && target.label !== '' && <span className={styles.cell}>{target.label}</span>}
        {who !== '' && <span className={styles.who}>{who}</span>}
      </span>
      {/* The sheet group, cell and person are shown above, so only what is wrong is repeated here. */}
      <span className={styles.message}>{issueBody(issue)}</span>
    </span>
  );

  if (!target) {
    return (
      <li className={styles.row} data-testid="issue-row" data-severity={issue.severity} data-code={issue.code}>
        {content}
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(styles.row, styles.clickable, selected && styles.selected)}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${SEVERITY_LABEL[issue.severity]}：${who === '' ? '' : `${who}，`}${issue.message}（${UI.gotoIssue(target.sheet, target.label)}）`}
        data-testid="issue-row"
        data-severity={issue.severity}
        data-code={issue.code}
        data-sheet={target.sheet}
        data-cell={target.cell}
        onClick={() => onSelect(issue, target, rowKey)}
      >
        {content}
      </button>
      {detail}
    </li>
  );
});
