import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AddinApi } from './addin-api';
import { App } from './App';

/** Fluent's default stack has no CJK family first; Windows would fall back to SimSun. */
const CJK_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif';

const theme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };

/** The theme both the task pane and the web page render in. */
export function AppTheme({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={theme} lang="zh-CN" style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}

export function Root({ api }: { api: AddinApi }) {
  return (
    <AppTheme>
      <App api={api} />
    </AppTheme>
  );
}
