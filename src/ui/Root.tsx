import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import type { Translator } from '../i18n';
import { App, type AppProps } from './App';

export interface RootProps extends Omit<AppProps, 'toolbar'> {
  readonly dark: boolean;
  /** Extra controls above the app (the standalone page's sample picker). */
  readonly toolbar?: (t: Translator) => ReactNode;
}

/** The whole pane: theme, language and the app, for both the task pane and the standalone page. */
export function Root({ dark, toolbar, ...app }: RootProps) {
  return (
    <StrictMode>
      <FluentProvider
        theme={dark ? webDarkTheme : webLightTheme}
        lang={app.t.locale}
        style={{ minHeight: '100vh' }}
      >
        <App {...app} toolbar={toolbar?.(app.t)} />
      </FluentProvider>
    </StrictMode>
  );
}

/** Office themes give colours, not a flag: a dark body background means a dark theme. */
export function isDarkColor(color: string | null | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? '').trim());
  if (!match) return false;
  const [r, g, b] = [match[1], match[2], match[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
