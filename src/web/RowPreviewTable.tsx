/**
 * An issue's row in its source sheet, since the page has no Excel grid to jump to: the header row and
 * the row itself, a few columns either side of the cell, which is marked. Ledger text is shown
 * as text (React escapes it), never as markup.
 */
import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviewState } from './useRowPreview';
import { WEB } from '../taskpane/messages';
import { stackGap } from '../taskpane/gap';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    ...stackGap(tokens.spacingVerticalXS),
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
  rowHead: { padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  td: {
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '16em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  header: { fontWeight: tokens.fontWeightSemibold },
  marked: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function RowPreviewTable({ state }: { state: PreviewState }) {
  const styles = useStyles();
  if (state.state === 'loading') {
    return (
      <div className={styles.root} data-testid="row-preview" data-state="loading">
        <Spinner size="tiny" label={WEB.previewLoading} />
      </div>
    );
  }
  if (state.state === 'missing') {
    return (
      <div className={styles.root} data-testid="row-preview" data-state="missing">
        <Caption1>{WEB.previewMissing}</Caption1>
      </div>
    );
  }
  const p = state.preview;
  const cellClass = (letter: string, extra?: string) => [styles.td, extra, letter === p.highlight ? styles.marked : undefined].filter(Boolean).join(' ');
  return (
    <div className={styles.root} data-testid="row-preview" data-state="shown" data-row={p.row} data-highlight={p.highlight ?? ''}>
      <Caption1 className={styles.title}>{WEB.previewTitle(p.file, p.sheet, p.row)}</Caption1>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} />
              {p.columns.map((c) => (
                <th key={c.letter} className={styles.th} scope="col">
                  {c.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.headerRow !== null && p.headerRow !== p.row && (
              <tr>
                <th className={styles.rowHead} scope="row">
                  {WEB.previewHeaderRow(p.headerRow)}
                </th>
                {p.columns.map((c) => (
                  <td key={c.letter} className={[styles.td, styles.header].join(' ')} title={c.header}>
                    {c.header}
                  </td>
                ))}
              </tr>
            )}
            <tr>
              <th className={styles.rowHead} scope="row">
                {WEB.previewRow(p.row)}
              </th>
              {p.columns.map((c) => (
                <td key={c.letter} className={cellClass(c.letter)} title={c.value} data-testid={c.letter === p.highlight ? 'preview-marked' : undefined}>
                  {c.value}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
