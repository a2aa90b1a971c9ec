/**
 * 各单位得分与评分依据: the units in rank order; clicking one shows its 评分依据 block (the same lines as
 * the sheet, from the engine's explain data), each miss or deduction one click from its ledger cell.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Link,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { pts, unitExplainLines } from '../engine/explain/text';
import type { Report, UnitResult } from '../engine/report';
import { UI } from './messages';
import { stackGap } from './gap';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalS) },
  hint: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start' },
  head: { display: 'grid', gridTemplateColumns: '2.5em minmax(0, 1fr) auto auto', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', width: '100%' },
  rank: { color: tokens.colorNeutralForeground3, textAlign: 'right' },
  unit: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  total: { fontVariantNumeric: 'tabular-nums' },
  commended: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  criticised: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  vetoed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  lines: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', ...stackGap('4px') },
  line: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, lineHeight: tokens.lineHeightBase300 },
  part: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  text: { overflowWrap: 'anywhere' },
  points: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  unitLine: { paddingBottom: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  detail: { paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
});

export interface UnitScoresProps {
  report: Report;
  /** `file` is the place's file when several were appraised together. */
  onSelectCell: (sheet: string, cell: string, file?: string) => void;
  /** What clicking a place does, when not jumping to the cell in Excel. */
  hint?: string;
  /** The unit whose block is open: kept by the App across reruns. */
  openUnit: string | null;
  onOpenUnit: (unit: string | null) => void;
}

function UnitBlock({ report, unit, onSelectCell }: { report: Report; unit: UnitResult; onSelectCell: UnitScoresProps['onSelectCell'] }) {
  const styles = useStyles();
  const lines = unitExplainLines(report, unit);
  return (
    <ul className={styles.lines} data-testid="unit-explain" data-unit={unit.unit}>
      {lines.map((line, i) => (
        <li
          key={i}
          className={mergeClasses(styles.line, line.level === 'unit' && styles.unitLine, line.level === 'detail' && styles.detail)}
          data-testid="unit-explain-line"
          data-level={line.level}
          data-part={line.part}
          {...(line.points !== undefined ? { 'data-points': String(line.points) } : {})}
        >
          <span className={styles.text}>
            {line.level !== 'detail' && <span className={styles.part}>{line.part}</span>}
            {line.text}
            {line.place && (
              <>
                {' '}
                <Link
                  className={styles.place}
                  title={UI.unitGoto(line.place.sheet, line.place.cell)}
                  data-testid="unit-explain-link"
                  data-sheet={line.place.sheet}
                  data-cell={line.place.cell}
                  onClick={() => onSelectCell(line.place!.sheet, line.place!.cell, line.place!.file)}
                >
                  {`${line.place.sheet}!${line.place.cell}`}
                </Link>
              </>
            )}
          </span>
          {line.points !== undefined && <span className={styles.points}>{pts(line.points)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Units listed at first, best rank first; more on request (a city has 300, and each is a few elements). */
export const UNITS_PAGE = 50;

export function UnitScores({ report, onSelectCell, openUnit, onOpenUnit, hint = UI.unitsHint }: UnitScoresProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(UNITS_PAGE);
  if (report.units.length === 0) return null;
  const outcomeStyle = { 表彰: styles.commended, 通报批评: styles.criticised, 一票否决: styles.vetoed, '': undefined } as const;
  return (
    <section className={styles.root} aria-label={UI.unitsHeading} data-testid="units">
      <Subtitle2 as="h2">{UI.unitsHeading}</Subtitle2>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      <Accordion collapsible openItems={openUnit === null ? [] : [openUnit]} onToggle={(_, data) => onOpenUnit(data.openItems.length > 0 ? String(data.value) : null)}>
        {report.units.slice(0, shown).map((u) => (
          <AccordionItem key={u.unit} value={u.unit}>
            <AccordionHeader data-testid="unit-row" data-unit={u.unit}>
              <span className={styles.head}>
                <span className={styles.rank}>{u.rank}</span>
                <span className={styles.unit}>{u.unit}</span>
                <span className={styles.total}>{UI.unitTotal(pts(u.total))}</span>
                <span className={outcomeStyle[u.outcome]}>{u.outcome}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel>{openUnit === u.unit && <UnitBlock report={report} unit={u} onSelectCell={onSelectCell} />}</AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {shown < report.units.length && (
        <Button className={styles.more} appearance="secondary" size="small" data-testid="units-more" onClick={() => setShown((n) => n + UNITS_PAGE)}>
          {UI.showMoreUnits(shown, report.units.length)}
        </Button>
      )}
    </section>
  );
}
