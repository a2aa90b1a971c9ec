/** 下载结果工作簿 / 下载报告 JSON: plain links to blob: URLs, so the browser's own download takes over. */
import { Button, Caption1, Card, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Downloads as DownloadLinks } from './useWebAppraisal';
import { WEB } from '../taskpane/messages';
import { inlineGap, stackGap } from '../taskpane/gap';

const useStyles = makeStyles({
  card: stackGap(tokens.spacingVerticalS),
  actions: { display: 'flex', flexWrap: 'wrap', ...inlineGap(tokens.spacingHorizontalS, tokens.spacingVerticalS) },
  name: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function Downloads({ links, separateWorkbook, severalFiles }: { links: DownloadLinks; separateWorkbook: boolean; severalFiles: boolean }) {
  const styles = useStyles();
  if (!links.workbook) return null;
  return (
    <Card className={styles.card} data-testid="downloads">
      <Subtitle2 as="h2">{WEB.downloadsHeading}</Subtitle2>
      <div className={styles.actions}>
        <Button as="a" appearance="primary" href={links.workbook.url} download={links.workbook.name} data-testid="download-workbook">
          {WEB.downloadWorkbook}
        </Button>
        {links.json && (
          <Button as="a" appearance="secondary" href={links.json.url} download={links.json.name} data-testid="download-json">
            {WEB.downloadJson}
          </Button>
        )}
      </div>
      <Caption1 className={styles.name}>{WEB.downloadWorkbookHint(links.workbook.name)}</Caption1>
      {severalFiles && <Caption1 className={styles.name}>{WEB.linksBesideFiles}</Caption1>}
      {separateWorkbook && (
        <MessageBar intent="warning" layout="multiline" data-testid="separate-workbook">
          <MessageBarBody>{WEB.separateWorkbook}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
