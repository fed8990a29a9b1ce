import {
  Body1,
  Button,
  MessageBarActions,
  Field,
  Select,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Translator } from '../i18n';
import type { AdminChannel, SettingsStore } from './adminChannel';
import { explainCandidates, explainInput, headOf, isBounce, type Explained } from './analyzeInput';
import { ErrorBoundary, RenderFailed } from './ErrorBoundary';
import { Explanation } from './Explanation';
import type { Attempt, MessageSource, RawInput, ReadResult } from './messageSource';
import { PasteDrop } from './PasteDrop';
import { SendToAdmin } from './SendToAdmin';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
    margin: '0 auto',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function Title1Small({ children }: { children: string }) {
  const styles = useStyles();
  return <h1 className={styles.title}>{children}</h1>;
}

type State =
  | { readonly phase: 'loading' }
  | { readonly phase: 'idle' }
  | { readonly phase: 'done'; readonly result: Explained; readonly choices?: readonly Explained[] }
  | { readonly phase: 'readFailed' };

export interface AppProps {
  readonly t: Translator;
  /** The current Outlook item, or null on the standalone page. */
  readonly source: MessageSource | null;
  /** Something to explain at start (the standalone page's sample). */
  readonly initialInput?: RawInput | null;
  /** Extra controls shown under the title (the standalone page's sample picker). */
  readonly toolbar?: ReactNode;
  /** "Send to my admin": Outlook's channel, or copy-only on the standalone page. */
  readonly admin: { readonly channel: AdminChannel; readonly settings: SettingsStore };
}

export function App({ t, source, initialInput = null, admin, toolbar = null }: AppProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>(
    source || initialInput ? { phase: 'loading' } : { phase: 'idle' },
  );
  const [read, setRead] = useState<ReadResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (source) {
        let result: ReadResult;
        try {
          result = await source.read();
        } catch (error) {
          result = {
            inputs: [],
            attempts: [
              {
                door: 'body',
                outcome: 'failed',
                detail: error instanceof Error ? error.message : String(error),
              },
            ],
          };
        }
        if (cancelled) return;
        setRead(result);
        const { result: explained, choices } = await explainCandidates(result.inputs);
        if (cancelled) return;
        setState(explained ? { phase: 'done', result: explained, choices } : { phase: 'readFailed' });
      } else if (initialInput) {
        const explained = await explainInput(initialInput);
        if (!cancelled) setState({ phase: 'done', result: explained });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source, initialInput]);

  const onInput = useCallback(async (input: RawInput) => {
    setBusy(true);
    const explained = await explainInput(input);
    setBusy(false);
    setState({ phase: 'done', result: explained });
  }, []);

  const explainedBounce = state.phase === 'done' && isBounce(state.result);

  return (
    <main className={styles.root} aria-busy={state.phase === 'loading' || busy}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={24} height={24} />
        <Title1Small>{t.t('app.title')}</Title1Small>
      </header>
      {toolbar}
      {state.phase === 'loading' && <Spinner label={t.t(source ? 'state.loading' : 'state.analyzing')} />}
      {state.phase === 'idle' && (
        <Notice title={t.t('state.noOutlook.title')} body={t.t('state.noOutlook.body')} />
      )}
      {state.phase === 'readFailed' && (
        <Notice intent="error" title={t.t('state.readError.title')} body={t.t('state.readError.body')} />
      )}
      <ErrorBoundary resetKey={state} fallback={(error) => <RenderFailed error={error} t={t} />}>
        {state.phase === 'done' && state.choices && state.choices.length > 1 && (
          <AttachmentPicker
            t={t}
            choices={state.choices}
            current={state.result}
            onPick={(result) => setState({ phase: 'done', result, choices: state.choices ?? [] })}
          />
        )}
        {state.phase === 'done' && (
          <Outcome result={state.result} t={t} onInput={(input) => void onInput(input)} />
        )}
        {state.phase === 'done' && state.result.ok && explainedBounce && (
          <SendToAdmin
            analysis={state.result.analysis}
            t={t}
            channel={admin.channel}
            settings={admin.settings}
            fromCurrentItem={source !== null && state.result.input.door !== 'paste'}
          />
        )}
      </ErrorBoundary>
      {state.phase !== 'loading' && (
        <section aria-label={t.t('paste.title')}>
          {explainedBounce && <Divider />}
          <Subtitle2 as="h2">{t.t('paste.title')}</Subtitle2>
          <PasteDrop t={t} onInput={(input) => void onInput(input)} busy={busy} />
        </section>
      )}
      {read && read.attempts.length > 0 && <Diagnostics read={read} t={t} />}
    </main>
  );
}

function AttachmentPicker({
  t,
  choices,
  current,
  onPick,
}: {
  t: Translator;
  choices: readonly Explained[];
  current: Explained;
  onPick: (e: Explained) => void;
}) {
  const label = (e: Explained, i: number): string => (e.ok ? e.input.label : String(i + 1));
  return (
    <Field label={t.t('attachments.pick')}>
      <Select
        value={String(choices.indexOf(current))}
        onChange={(_e, data) => onPick(choices[Number(data.value)] ?? current)}
      >
        {choices.map((choice, i) => (
          <option key={i} value={String(i)}>
            {label(choice, i)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Notice({
  title,
  body,
  intent = 'info',
}: {
  title: string;
  body: string;
  intent?: 'info' | 'error' | 'warning';
}) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

function Outcome({
  result,
  t,
  onInput,
}: {
  result: Explained;
  t: Translator;
  onInput: (input: RawInput) => void;
}) {
  if (!result.ok && result.error === 'tooLarge') {
    // Over the limit: offer the lighter analysis of the headers and report parts, which come first.
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.t('state.tooLargeTitle')}</MessageBarTitle>
          {t.t('state.tooLarge', {
            size: (result.size / 1048576).toFixed(1),
            limit: Math.round(result.limit / 1048576),
          })}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => onInput(headOf(result.input))}>{t.t('state.tooLargeHead')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!result.ok && result.error === 'cancelled') return null;
  if (!result.ok) {
    return (
      <Notice
        intent="error"
        title={t.t('state.readError.title')}
        body={t.t('state.unreadableFile', { detail: result.detail })}
      />
    );
  }
  const { analysis } = result;
  switch (analysis.verdict) {
    case 'bounce':
    case 'delay':
      return <Explanation analysis={analysis} t={t} />;
    case 'auto-reply':
      return <Notice title={t.t('state.autoReply.title')} body={t.t('state.autoReply.body')} />;
    case 'feedback':
      return <Notice title={t.t('state.feedback.title')} body={t.t('state.feedback.body')} />;
    case 'delivery-report':
      return <Notice title={t.t('state.deliveryReport.title')} body={t.t('state.deliveryReport.body')} />;
    case 'not-a-bounce':
      return <Notice title={t.t('state.notBounce.title')} body={t.t('state.notBounce.body')} />;
  }
}

function attemptLine(attempt: Attempt, t: Translator): string {
  const door = t.t(`diagnostics.door.${attempt.door}`, { name: attempt.name ?? '' });
  const outcome =
    attempt.outcome === 'ok'
      ? t.t('diagnostics.ok')
      : t.t(`diagnostics.${attempt.outcome}`, { detail: attempt.detail ?? '' });
  return `${door}: ${outcome}`;
}

function Diagnostics({ read, t }: { read: ReadResult; t: Translator }) {
  const styles = useStyles();
  return (
    <details>
      <summary>
        <Body1>{t.t('section.diagnostics')}</Body1>
      </summary>
      {read.host && (
        <Caption1 block>
          {t.t('diagnostics.host', { host: read.host.name, version: read.host.mailboxVersion })}
        </Caption1>
      )}
      <ul className={styles.list}>
        {read.attempts.map((attempt, i) => (
          <li key={i}>
            <Caption1>{attemptLine(attempt, t)}</Caption1>
          </li>
        ))}
      </ul>
    </details>
  );
}
