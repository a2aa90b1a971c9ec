import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { UI } from './messages';
import type { RunError } from './run-error';

const useStyles = makeStyles({
  list: { margin: '4px 0', paddingLeft: '1.2em' },
  body: { whiteSpace: 'normal' },
});

export function UnsupportedNotice({ missing }: { missing: string[] }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="notice-unsupported">
      <MessageBarBody>
        <MessageBarTitle>{UI.unsupportedTitle}</MessageBarTitle>
        <div>{UI.unsupportedBody}</div>
        {missing.length > 0 && <div>{UI.unsupportedMissing(missing)}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * No ledger found. `nearMisses` are the messages of sheets that looked like a ledger but lacked a
 * column or a unit (INCOMPLETE_LEDGER, MISSING_COLUMN): what to fix comes before the general advice.
 */
export function NoLedgersNotice({ nearMisses = [] }: { nearMisses?: string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="notice-no-ledgers">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{UI.noLedgersTitle}</MessageBarTitle>
        {nearMisses.length > 0 && (
          <ul className={styles.list} data-testid="near-misses">
            {nearMisses.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div>{UI.noLedgersBody}</div>
        <ul className={styles.list}>
          {UI.noLedgersKinds.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
        <div>{UI.noLedgersFooter}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

export function ProtectedNotice({ sheets }: { sheets: string[] }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="notice-protected">
      <MessageBarBody>
        <MessageBarTitle>{UI.protectedTitle}</MessageBarTitle>
        <div>{UI.protectedBody(sheets)}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** After a successful run: protected ledgers were read, and nothing in them was touched. */
export function ProtectedReadNotice({ sheets }: { sheets: string[] }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="notice-protected-read">
      <MessageBarBody>
        <MessageBarTitle>{UI.protectedReadTitle}</MessageBarTitle>
        <div>{UI.protectedReadBody(sheets)}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** After a successful run: result rows written without their link (Excel's 65 530 links per sheet). */
export function LinksOmittedNotice({ items }: { items: { sheet: string; count: number }[] }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="notice-links-omitted">
      <MessageBarBody>
        <MessageBarTitle>{UI.linksOmittedTitle}</MessageBarTitle>
        <div>{UI.linksOmittedBody(items)}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Merged-down blocks were inferred (ExcelApi below 1.13): the report may differ from the command line's. */
export function MergesInferredNotice({ items }: { items: { sheet: string; blocks: number }[] }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="notice-merges-inferred">
      <MessageBarBody>
        <MessageBarTitle>{UI.mergesInferredTitle}</MessageBarTitle>
        <div>{UI.mergesInferredBody(items)}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The document is read-only (Office.context.document.mode): the report is shown, no sheet was written. */
export function ReadOnlyNotice() {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="notice-read-only">
      <MessageBarBody>
        <MessageBarTitle>{UI.readOnlyTitle}</MessageBarTitle>
        <div>{UI.readOnlyBody}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

export function RunErrorNotice({ error }: { error: RunError }) {
  switch (error.kind) {
    case 'sheetProtected':
      return <ProtectedNotice sheets={error.sheets} />;
    case 'apiNotSupported':
      return <UnsupportedNotice missing={[]} />;
    case 'workbookProtected':
      return <FailedNotice title={UI.workbookProtectedTitle}>{UI.workbookProtectedBody}</FailedNotice>;
    case 'editMode':
      return <FailedNotice title={UI.failedTitle}>{UI.editModeBody}</FailedNotice>;
    case 'payloadTooLarge':
      return <FailedNotice title={UI.failedTitle}>{UI.payloadTooLargeBody}</FailedNotice>;
    case 'unexpected':
      return (
        <FailedNotice title={UI.failedTitle}>
          <div>{UI.failedBody}</div>
          <div data-testid="notice-failed-detail">{UI.failedDetail(error.detail)}</div>
        </FailedNotice>
      );
  }
}

function FailedNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="notice-failed">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>{children}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
