import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { AddinApi } from './addin-api';
import { App } from './App';

/** Fluent's default stack has no CJK family first; Windows would fall back to SimSun. */
const CJK_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif';

const theme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };

export function Root({ api }: { api: AddinApi }) {
  return (
    <FluentProvider theme={theme} lang="zh-CN" style={{ minHeight: '100vh' }}>
      <App api={api} />
    </FluentProvider>
  );
}
