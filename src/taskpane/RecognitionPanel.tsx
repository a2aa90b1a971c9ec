/**
 * 识别结果: what each sheet was read as and where each field came from, with a drop-down per field to
 * choose another column and one per sheet to set its kind or mark it 不是台账. A change is written to
 * the 考核规则 sheet's 列名对应 block (by the host) and the appraisal runs again.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Link,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Report } from '../engine/report';
import { firstPagesAnd } from './issue-view';
import { UI } from './messages';
import { KIND_CHOICES, headerOption, recognitionView, type FieldView, type SheetView } from './recognition-view';
import { stackGap } from './gap';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stackGap(tokens.spacingVerticalS) },
  hint: { color: tokens.colorNeutralForeground3 },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  status: { color: tokens.colorNeutralForeground3 },
  statusMiss: { color: tokens.colorPaletteDarkOrangeForeground1 },
  fields: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: '6px', alignItems: 'center', margin: 0 },
  fieldName: { whiteSpace: 'nowrap' },
  missing: { color: tokens.colorPaletteRedForeground1 },
  dropdown: { minWidth: '0', width: '100%' },
  samples: { gridColumn: '2', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', marginTop: '-4px' },
  more: { alignSelf: 'flex-start' },
  kindRow: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalS },
});

export interface RecognitionPanelProps {
  report: Report;
  /** Absent when the host cannot write the 考核规则 sheet: the view is then read-only. */
  onMap?: (mapping: { sheet: string; header: string; field: string }) => void;
  onSelectCell: (sheet: string, cell: string) => void;
  busy: boolean;
  /** The sheets whose panels are open: kept by the App so a rerun after a change does not close them. */
  openSheets: string[];
  onToggleSheets: (open: string[]) => void;
}

const NOT_FOUND = '';

type RowProps = Pick<RecognitionPanelProps, 'onMap' | 'onSelectCell' | 'busy'>;

function FieldRow({ sheet, field, onMap, onSelectCell, busy }: { sheet: SheetView; field: FieldView } & RowProps) {
  const styles = useStyles();
  const options = sheet.headers;
  const selected = field.column ? options.find((h) => h.column === field.column) : undefined;
  const label = `${field.field}${field.required ? ' *' : ''}`;
  const sourceText = field.source === 'mapping' ? UI.recognitionByMapping : field.source === 'content' ? UI.recognitionByContent : '';
  return (
    <>
      {selected && sheet.headerRow !== null && sheet.file === '' ? (
        <Link
          className={styles.fieldName}
          title={UI.recognitionGoto(sheet.sheet, `${selected.column}${sheet.headerRow}`)}
          onClick={() => onSelectCell(sheet.sheet, `${selected.column}${sheet.headerRow}`)}
        >
          {label}
        </Link>
      ) : (
        <span className={field.required ? styles.missing : styles.fieldName}>{label}</span>
      )}
      <Dropdown
        className={styles.dropdown}
        aria-label={`${sheet.sheet} ${field.field}`}
        data-testid="recognition-field"
        data-sheet={sheet.sheet}
        data-field={field.field}
        disabled={!onMap || busy}
        value={selected ? headerOption(selected) : UI.recognitionNotFound}
        selectedOptions={[selected ? selected.column : NOT_FOUND]}
        onOptionSelect={(_, data) => {
          const header = options.find((h) => h.column === data.optionValue);
          if (!header || header.column === field.column || !onMap) return;
          onMap({ sheet: sheet.sheet, header: header.header, field: field.field });
        }}
      >
        <Option value={NOT_FOUND} disabled>
          {UI.recognitionNotFound}
        </Option>
        {options.map((h) => (
          <Option key={h.column} value={h.column} text={headerOption(h)}>
            {headerOption(h)}
          </Option>
        ))}
      </Dropdown>
      {(field.samples.length > 0 || sourceText) && (
        <Caption1 className={styles.samples}>
          {[sourceText, field.samples.length > 0 ? `${UI.recognitionSamples}${field.samples.join('、')}` : ''].filter(Boolean).join('；')}
        </Caption1>
      )}
    </>
  );
}

function SheetPanel({ sheet, onMap, onSelectCell, busy }: { sheet: SheetView } & RowProps) {
  const styles = useStyles();
  const current = sheet.kindChoice;
  return (
    <div data-testid="recognition-sheet" data-sheet={sheet.sheet}>
      <div className={styles.kindRow}>
        <span className={styles.fieldName}>{UI.recognitionKind}</span>
        <Dropdown
          className={styles.dropdown}
          aria-label={`${sheet.sheet} ${UI.recognitionKind}`}
          data-testid="recognition-kind"
          disabled={!onMap || busy}
          value={current ?? UI.recognitionUnrecognised}
          selectedOptions={current ? [current] : []}
          onOptionSelect={(_, data) => {
            if (!onMap || !data.optionValue || data.optionValue === current) return;
            onMap({ sheet: sheet.sheet, header: '', field: data.optionValue });
          }}
        >
          {KIND_CHOICES.map((k) => (
            <Option key={k.value} value={k.value}>
              {k.label}
            </Option>
          ))}
        </Dropdown>
      </div>
      {sheet.headerRow !== null && <Caption1 className={styles.hint}>{UI.recognitionHeaderRow(sheet.headerRow)}</Caption1>}
      {sheet.fields.length > 0 && (
        <div className={styles.fields}>
          {sheet.fields.map((f) => (
            <FieldRow key={f.field} sheet={sheet} field={f} onMap={onMap} onSelectCell={onSelectCell} busy={busy} />
          ))}
        </div>
      )}
    </div>
  );
}

export function RecognitionPanel({ report, onMap, onSelectCell, busy, openSheets, onToggleSheets }: RecognitionPanelProps) {
  const styles = useStyles();
  const sheets = useMemo(() => recognitionView(report), [report]);
  const [pages, setPages] = useState(1);
  // A near miss (looks like a ledger, lacks a column) is never behind 显示更多: it is what to fix here.
  const shown = useMemo(() => firstPagesAnd(sheets, pages, (s) => s.status === 'nearMiss'), [sheets, pages]);
  if (sheets.length === 0) return null;
  return (
    <section className={styles.root} aria-label={UI.recognitionHeading} data-testid="recognition">
      <Subtitle2 as="h2">{UI.recognitionHeading}</Subtitle2>
      <Caption1 className={styles.hint}>{onMap ? UI.recognitionHint : UI.recognitionReadOnly}</Caption1>
      <Accordion
        multiple
        collapsible
        openItems={openSheets}
        onToggle={(_, data) => onToggleSheets((data.openItems as string[]) ?? [])}
      >
        {shown.map((s) => (
          <AccordionItem key={s.key} value={s.key}>
            <AccordionHeader>
              <span className={styles.headerText}>
                <span className={styles.sheetName}>{s.key}</span>
                <Caption1 className={s.status === 'read' ? styles.status : styles.statusMiss}>{s.statusText}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {/* A picked file's sheet is not in this workbook: it is shown, not mapped or jumped to. */}
              <SheetPanel sheet={s} {...(s.file === '' && onMap ? { onMap } : {})} onSelectCell={onSelectCell} busy={busy} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {shown.length < sheets.length && (
        <Button className={styles.more} appearance="secondary" size="small" data-testid="recognition-more" onClick={() => setPages((p) => p + 1)}>
          {UI.showMoreSheets(shown.length, sheets.length)}
        </Button>
      )}
    </section>
  );
}
