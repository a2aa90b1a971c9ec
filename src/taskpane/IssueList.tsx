import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { memo, useMemo, useState, type ReactNode } from 'react';
import type { ReportedIssue } from '../engine/report';
import {
  PAGE_SIZE,
  SEVERITIES,
  countBySeverity,
  filterIssues,
  firstPagesAnd,
  groupIssuesBySheet,
  issueKey,
  visibleCount,
  type IssueGroup,
  type IssueTarget,
  type SeverityFilter,
} from './issue-view';
import { IssueRow } from './IssueRow';
import { SEVERITY_LABEL, UI } from './messages';
import { inlineGap, stackGap } from './gap';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalS) },
  filters: { display: 'flex', flexWrap: 'wrap', ...inlineGap(tokens.spacingHorizontalXS, tokens.spacingVerticalXS) },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  headerText: { display: 'flex', ...inlineGap(tokens.spacingHorizontalS), alignItems: 'baseline', minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  count: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  groupErrors: { color: tokens.colorPaletteRedForeground1, whiteSpace: 'nowrap' },
  more: { margin: `${tokens.spacingVerticalS} 0`, alignSelf: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface IssueListProps {
  issues: ReportedIssue[];
  selectedKey: string | null;
  onSelect: (issue: ReportedIssue, target: IssueTarget, key: string) => void;
  /** Shown under the selected issue (the web page's row preview: it has no grid to jump to). */
  selectedDetail?: ReactNode;
  /** What clicking an issue does, when not jumping to the cell in Excel. */
  hint?: string;
  /**
   * Groups open at first while their rows (one page each) add up to at most this many; the first is always
   * open. Unset: all open. Thousands of rows rendered at once would stall the page for a second.
   */
  openRows?: number;
  /** Rows a group shows before 显示更多 (PAGE_SIZE by default). */
  pageSize?: number;
  /**
   * groupIssuesBySheet(issues), when the caller grouped them ahead (the web page, in a task of its own:
   * grouping a city's 12 000 issues inside the render made that render a long task).
   */
  grouped?: IssueGroup[];
}

export function IssueList({ issues, selectedKey, onSelect, selectedDetail, hint = UI.issuesHint, openRows, pageSize = PAGE_SIZE, grouped }: IssueListProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const counts = useMemo(() => countBySeverity(issues), [issues]);
  const groups = useMemo(() => (filter === 'all' && grouped ? grouped : groupIssuesBySheet(filterIssues(issues, filter))), [issues, filter, grouped]);
  // Open groups per filter, controlled: a closed group renders no rows at all (see IssueGroupItem).
  const [openByFilter, setOpenByFilter] = useState<Partial<Record<SeverityFilter, string[]>>>({});
  const open = openByFilter[filter] ?? initiallyOpen(groups, openRows, pageSize);
  // Group pages per filter, like the open groups: a filter shows its first page again.
  const [groupPages, setGroupPages] = useState<Partial<Record<SeverityFilter, number>>>({});
  const pages = groupPages[filter] ?? 1;
  // A group holding errors is never behind 显示更多: the summary says to fix errors first.
  const shown = useMemo(() => firstPagesAnd(groups, pages, (g) => g.counts.error > 0), [groups, pages]);
  const filters: { value: SeverityFilter; label: string; count: number }[] = [
    { value: 'all', label: UI.filterAll, count: issues.length },
    ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s], count: counts[s] })),
  ];

  return (
    <section className={styles.root} aria-labelledby="issues-heading" data-testid="issues">
      <Subtitle2 as="h2" id="issues-heading">
        {UI.issuesHeading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      <div className={styles.filters} role="group" aria-label={UI.filterLabel}>
        {filters.map((f) => (
          <ToggleButton
            key={f.value}
            size="small"
            shape="circular"
            checked={filter === f.value}
            appearance={filter === f.value ? 'primary' : 'secondary'}
            data-testid={`filter-${f.value}`}
            onClick={() => setFilter(f.value)}
          >
            {f.label} {f.count}
          </ToggleButton>
        ))}
      </div>
      <div aria-live="polite" data-testid="issues-visible" data-count={groups.reduce((n, g) => n + g.issues.length, 0)}>
        {groups.length === 0 && <Caption1>{UI.noIssuesForFilter}</Caption1>}
      </div>
      {groups.length > 0 && (
        // Keyed by filter so every group opens again when the filter changes.
        <Accordion
          key={filter}
          multiple
          collapsible
          openItems={open}
          onToggle={(_, data) => setOpenByFilter((current) => ({ ...current, [filter]: data.openItems.map(String) }))}
        >
          {shown.map((group) => (
            <IssueGroupItem
              key={group.key}
              group={group}
              open={open.includes(group.key)}
              selectedKey={selectedKey}
              onSelect={onSelect}
              selectedDetail={selectedDetail}
              pageSize={pageSize}
            />
          ))}
        </Accordion>
      )}
      {shown.length < groups.length && (
        <Button
          className={styles.more}
          appearance="secondary"
          size="small"
          data-testid="issues-more-groups"
          onClick={() => setGroupPages((current) => ({ ...current, [filter]: (current[filter] ?? 1) + 1 }))}
        >
          {UI.showMoreGroups(shown.length, groups.length)}
        </Button>
      )}
    </section>
  );
}

/**
 * Which groups start open: all, or, with a row budget, groups holding errors first (what the summary says
 * to fix first), then the others in order, while their first pages fit; at least one.
 */
function initiallyOpen(groups: readonly IssueGroup[], openRows: number | undefined, pageSize: number): string[] {
  if (openRows === undefined) return groups.map((g) => g.key);
  const open = new Set<string>();
  let rows = 0;
  for (const g of [...groups.filter((g) => g.counts.error > 0), ...groups.filter((g) => g.counts.error === 0)]) {
    const more = visibleCount(g.issues.length, 1, pageSize);
    if (open.size > 0 && rows + more > openRows) break;
    rows += more;
    open.add(g.key);
  }
  return groups.filter((g) => open.has(g.key)).map((g) => g.key);
}

const IssueGroupItem = memo(function IssueGroupItem({
  group,
  selectedKey,
  onSelect,
  selectedDetail,
  pageSize,
  open,
}: {
  group: IssueGroup;
  open: boolean;
  selectedKey: string | null;
  onSelect: IssueListProps['onSelect'];
  selectedDetail: ReactNode;
  pageSize: number;
}) {
  const styles = useStyles();
  const [pages, setPages] = useState(1);
  const shown = visibleCount(group.issues.length, pages, pageSize);

  return (
    <AccordionItem value={group.key} data-testid="issue-group" data-sheet={group.sheet} {...(group.file ? { 'data-file': group.file } : {})}>
      <AccordionHeader as="h3" size="medium">
        <span className={styles.headerText}>
          <span className={styles.sheetName}>{group.title}</span>
          <span className={styles.count}>{group.issues.length} 条</span>
          {group.counts.error > 0 && <span className={styles.groupErrors}>{UI.groupErrors(group.counts.error)}</span>}
        </span>
      </AccordionHeader>
      {/* No collapse animation: it measured each panel's height mid-render (a forced layout), and a closed
          group renders no rows. */}
      <AccordionPanel collapseMotion={null}>
        {open && (
          <ul className={styles.list} aria-label={group.title}>
            {group.issues.slice(0, shown).map((issue, i) => {
              const key = issueKey(issue, i);
              const rowKey = `${group.key}#${key}`;
              const selected = selectedKey === rowKey;
              return (
                <IssueRow
                  key={key}
                  issue={issue}
                  rowKey={rowKey}
                  selected={selected}
                  {...(selected && selectedDetail ? { detail: selectedDetail } : {})}
                  onSelect={onSelect}
                />
              );
            })}
          </ul>
        )}
        {open && shown < group.issues.length && (
          <Button className={styles.more} appearance="secondary" size="small" onClick={() => setPages((p) => p + 1)}>
            {UI.showMore(shown, group.issues.length)}
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
});
