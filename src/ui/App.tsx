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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Translator } from '../i18n';
import { outcomeHeadline, type Audience } from '../i18n/sentences';
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
    boxSizing: 'border-box',
    minWidth: 0,
    // Nothing in the pane may make it wider than the window (long addresses, long labels).
    overflowWrap: 'anywhere',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A <select> is as wide as its longest option unless told otherwise.
  picker: { minWidth: 0, maxWidth: '100%' },
  pickerSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  pasteTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
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
  /**
   * Who reads the pane: 'sender' (default) is spoken to as "you"; 'other' (a helpdesk that opened a
   * user's forward, decided by the host from mailbox.userProfile) reads about "the sender".
   */
  readonly audience?: Audience;
}

export function App({
  t,
  source,
  initialInput = null,
  admin,
  toolbar = null,
  audience = 'sender',
}: AppProps) {
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
    setShown((n) => n + 1);
  }, []);

  const explainedBounce = state.phase === 'done' && isBounce(state.result);
  const resultRef = useRef<HTMLDivElement>(null);
  // Counts the results the user asked for (paste, drop, file): each is scrolled to and focused.
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown === 0) return;
    const result = resultRef.current;
    if (!result) return;
    const target = result.querySelector<HTMLElement>('[data-result-focus]') ?? result;
    // From the top of the explanation, so that a look-alike warning above the headline is seen too.
    (target.closest('article') ?? target).scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [shown]);

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
      {/* Says what the paste box, a drop or a chosen file brought, for screen readers. */}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {shown > 0 && state.phase === 'done' ? announcement(state.result, t, audience) : ''}
      </div>
      <ErrorBoundary resetKey={state} fallback={(error) => <RenderFailed error={error} t={t} />}>
        <div ref={resultRef} tabIndex={-1} className={styles.result}>
          {state.phase === 'done' && state.choices && state.choices.length > 1 && (
            <AttachmentPicker
              t={t}
              choices={state.choices}
              current={state.result}
              onPick={(result) => setState({ phase: 'done', result, choices: state.choices ?? [] })}
            />
          )}
          {state.phase === 'done' && (
            <Outcome
              result={state.result}
              t={t}
              audience={audience}
              standalone={source === null}
              onInput={(input) => void onInput(input)}
              action={
                state.result.ok &&
                explainedBounce && (
                  <SendToAdmin
                    // Each result (a new item, another attachment, a paste) starts the admin flow
                    // afresh: no message about another bounce, no draft marked as already filled.
                    key={resultKey(state.result)}
                    analysis={state.result.analysis}
                    t={t}
                    channel={admin.channel}
                    settings={admin.settings}
                    audience={audience}
                    fromCurrentItem={source !== null && state.result.input.door !== 'paste'}
                  />
                )
              }
            />
          )}
        </div>
      </ErrorBoundary>
      {state.phase !== 'loading' && (
        <section aria-labelledby="paste-title">
          {explainedBounce && <Divider />}
          <h2 id="paste-title" className={styles.pasteTitle}>
            {t.t(explainedBounce ? 'paste.titleAnother' : 'paste.title')}
          </h2>
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
  const styles = useStyles();
  const label = (e: Explained, i: number): string => (e.ok ? e.input.label : String(i + 1));
  return (
    <Field label={t.t('attachments.pick')} className={styles.picker}>
      <Select
        className={styles.picker}
        select={{ className: styles.pickerSelect }}
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

const resultKeys = new WeakMap<Explained, number>();
let lastResultKey = 0;

/** A number of its own for each result object, for keys that reset what belongs to one result. */
function resultKey(result: Explained): number {
  let key = resultKeys.get(result);
  if (key === undefined) {
    key = ++lastResultKey;
    resultKeys.set(result, key);
  }
  return key;
}

/** What the live region says when a result appears: the headline, or the notice's title. */
function announcement(result: Explained, t: Translator, audience: Audience): string {
  if (!result.ok) return result.error === 'cancelled' ? '' : t.t('state.readError.title');
  const { analysis } = result;
  const title: Record<Exclude<typeof analysis.verdict, 'bounce' | 'delay'>, string> = {
    'auto-reply': 'state.autoReply.title',
    feedback: 'state.feedback.title',
    'delivery-report': 'state.deliveryReport.title',
    'not-a-bounce': 'state.notBounce.title',
  };
  const text =
    analysis.verdict === 'bounce' || analysis.verdict === 'delay'
      ? outcomeHeadline(analysis, t, audience)
      : t.t(title[analysis.verdict]);
  return t.t('state.explained', { headline: text });
}

function Outcome({
  result,
  t,
  audience,
  standalone,
  onInput,
  action,
}: {
  result: Explained;
  t: Translator;
  audience: Audience;
  /** No Outlook: notices never mention opening the add-in on a message. */
  standalone: boolean;
  onInput: (input: RawInput) => void;
  action: ReactNode;
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
      return <Explanation analysis={analysis} t={t} audience={audience} action={action} />;
    case 'auto-reply':
      return <Notice title={t.t('state.autoReply.title')} body={t.t('state.autoReply.body')} />;
    case 'feedback':
      return <Notice title={t.t('state.feedback.title')} body={t.t('state.feedback.body')} />;
    case 'delivery-report':
      return <Notice title={t.t('state.deliveryReport.title')} body={t.t('state.deliveryReport.body')} />;
    case 'not-a-bounce':
      return (
        <Notice
          title={t.t('state.notBounce.title')}
          body={t.t(standalone ? 'state.notBounce.bodyStandalone' : 'state.notBounce.body')}
        />
      );
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
