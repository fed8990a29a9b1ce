import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useState, type ReactNode } from 'react';
import type { Translator } from '../i18n';
import { App, type AppProps } from './App';
import { ErrorBoundary, RenderFailed } from './ErrorBoundary';
import type { RawInput } from './messageSource';
import { PasteDrop } from './PasteDrop';

export interface RootProps extends Omit<AppProps, 'toolbar'> {
  readonly dark: boolean;
  /** Extra controls above the app (the standalone page's sample picker). */
  readonly toolbar?: (t: Translator) => ReactNode;
}

/**
 * The whole pane: theme, language and the app, for both the task pane and the standalone page.
 * The composition root renders it again when the theme changes (Office's OfficeThemeChanged); the
 * app keeps its state, only the theme and the browser's own controls (`color-scheme`) follow.
 */
export function Root({ dark, toolbar, ...app }: RootProps) {
  return (
    <StrictMode>
      <FluentProvider
        theme={dark ? webDarkTheme : webLightTheme}
        lang={app.t.locale}
        style={{ minHeight: '100vh', colorScheme: dark ? 'dark' : 'light' }}
      >
        <Recoverable app={{ ...app, toolbar: toolbar?.(app.t) }} />
      </FluentProvider>
    </StrictMode>
  );
}

/**
 * The app behind a last-resort boundary: should anything outside the explanation's own boundary
 * fail, the pane still says what failed and keeps a paste box, and what is pasted there starts the
 * app afresh with that input.
 */
function Recoverable({ app }: { app: AppProps }) {
  const [restart, setRestart] = useState<{ readonly input: RawInput; readonly run: number } | null>(null);
  return (
    <ErrorBoundary
      resetKey={restart}
      fallback={(error) => (
        <main style={{ display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' }}>
          <RenderFailed error={error} t={app.t} />
          <PasteDrop
            t={app.t}
            busy={false}
            onInput={(input) => setRestart({ input, run: (restart?.run ?? 0) + 1 })}
          />
        </main>
      )}
    >
      {restart ? (
        <App key={restart.run} {...app} source={null} initialInput={restart.input} initialExplained={null} />
      ) : (
        <App {...app} />
      )}
    </ErrorBoundary>
  );
}

/**
 * Office themes give colours, not a flag (`isDarkTheme` and `themeId` are not supported in
 * Outlook): a dark body background means a dark theme. Black and Dark Gray map to Fluent's dark
 * theme, White and Colorful to its light theme.
 */
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
