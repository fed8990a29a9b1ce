import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { clip } from '../core/text';
import type { Translator } from '../i18n';

interface Props {
  /** What to show instead of the children after one of them failed to render. */
  readonly fallback: (error: Error) => ReactNode;
  /** A new value shows the children again (the next bounce gets its own chance). */
  readonly resetKey: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps a render error in one part of the pane from unmounting all of it: React removes the whole
 * tree below the nearest boundary, and without one that is the pane, paste box included.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** What the user sees where the explanation failed: what went wrong, and that the paste box still works. */
export function RenderFailed({ error, t }: { error: Error; t: Translator }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.t('error.render.title')}</MessageBarTitle>
        {t.t('error.render.body', { detail: clip(`${error.name}: ${error.message}`, 200) })}
      </MessageBarBody>
    </MessageBar>
  );
}
