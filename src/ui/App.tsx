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
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Translator } from '../i18n';
import { outcomeHeadline } from '../i18n/sentences';
import type { AdminChannel, SettingsStore } from './adminChannel';
import { explainCandidates, explainInput, isBounce, type Explained } from './analyzeInput';
import { findAdminReport } from './adminReport';
import { audienceFor, type Audience } from './audience';
import { ErrorBoundary, RenderFailed } from './ErrorBoundary';
import type { Attempt, MessageSource, RawInput, ReadResult } from './messageSource';
import { PasteDrop } from './PasteDrop';
import type { DnsCheckDone, DnsLookup } from './dnsLookup';
import { Notice } from './Notice';
import { useTouchStyles } from './touch';

/**
 * The explanation and its actions, in a chunk of their own: most of the pane's code is only needed
 * once something has been explained, and by then the chunk is there, since its download starts
 * with the pane, beside office.js and the engine.
 */
let Outcome: typeof import('./Outcome').Outcome | null = null;
/**
 * Settles when the chunk is there (or failed). A result is shown only then, so it appears whole,
 * at once, and `aria-busy` stays true until it does.
 */
const outcomeReady: Promise<void> = import(/* webpackChunkName: "outcome" */ './Outcome').then(
  (module) => {
    Outcome = module.Outcome;
  },
  () => undefined,
);

/** The result, drawn by the outcome chunk; where the chunk could not load, says so. */
function OutcomeOrFailure({
  t,
  children,
}: {
  t: Translator;
  children: (outcome: NonNullable<typeof Outcome>) => ReactNode;
}) {
  return Outcome ? (
    children(Outcome)
  ) : (
    <RenderFailed error={new Error('the explanation could not be loaded')} t={t} />
  );
}

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
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
  /** In Outlook, before Office has started the add-in (office.js not ready). */
  | { readonly phase: 'starting' }
  /** Reading the Outlook item and explaining what it holds. */
  | { readonly phase: 'reading' }
  /** Explaining a given input (the standalone page's sample, or a paste made while reading). */
  | { readonly phase: 'analyzing' }
  /** Nothing to explain yet (the standalone page, or the task pane opened outside Outlook). */
  | { readonly phase: 'idle' }
  /** Outlook shows no item (a pinned pane with nothing selected). */
  | { readonly phase: 'noItem' }
  /** The user stopped reading or explaining. */
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'done'; readonly result: Explained; readonly choices?: readonly Explained[] }
  | { readonly phase: 'readFailed' };

/** After this long, starting or reading says it is slow (the paste box and Cancel are there from the start). */
export const SLOW_AFTER_MS = 3000;

export interface AppProps {
  readonly t: Translator;
  /** The current Outlook item, or null on the standalone page (and while Outlook is starting). */
  readonly source: MessageSource | null;
  /** In Outlook, Office has not started the add-in yet: the source comes later. */
  readonly starting?: boolean;
  /** The signed-in user's address (Outlook's userProfile), to tell whether they sent the bounced message. */
  readonly reader?: string | null;
  /** Something to explain at start (the standalone page's sample). */
  readonly initialInput?: RawInput | null;
  /**
   * `initialInput`'s explanation when the composition root started it already (the standalone page
   * starts its sample's while the page still downloads and renders); otherwise the app starts it.
   */
  readonly initialExplained?: Promise<Explained> | null;
  /** Extra controls shown under the title (the standalone page's sample picker). */
  readonly toolbar?: ReactNode;
  /** "Send to my admin": Outlook's channel, or copy-only on the standalone page. */
  readonly admin: { readonly channel: AdminChannel; readonly settings: SettingsStore };
  /** Overrides SLOW_AFTER_MS (tests). */
  readonly slowAfterMs?: number;
  /**
   * Who reads the pane, when the host has decided it: 'sender' is spoken to as "you"; 'other' (a
   * helpdesk that opened a user's forward) reads about "the sender". By default App decides it
   * from `reader` and the explained bounce.
   */
  readonly audience?: Audience;
  /** The DNS check the user may ask for next to the admin steps; null or absent when it is off. */
  readonly dns?: DnsLookup | null;
}

function firstState(source: MessageSource | null, initialInput: RawInput | null, starting: boolean): State {
  if (source) return { phase: 'reading' };
  if (initialInput) return { phase: 'analyzing' };
  return starting ? { phase: 'starting' } : { phase: 'idle' };
}

/** Abandons whatever runs in `work` (a read or an analysis) and starts a new run there. */
function begin(work: { current: AbortController | null }): AbortController {
  work.current?.abort();
  const run = new AbortController();
  work.current = run;
  return run;
}

export function App({
  t,
  source,
  starting = false,
  reader = null,
  initialInput = null,
  initialExplained = null,
  admin,
  toolbar = null,
  slowAfterMs = SLOW_AFTER_MS,
  audience: audienceOverride,
  dns = null,
}: AppProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>(() => firstState(source, initialInput, starting));
  const [read, setRead] = useState<ReadResult | null>(null);
  const [busy, setBusy] = useState(false);
  // The state that has lasted long enough to be called slow (starting or reading).
  const [slowState, setSlowState] = useState<State | null>(null);
  // The Outlook item was not explained (the user cancelled, or pasted first): offer to read it.
  const [itemSkipped, setItemSkipped] = useState(false);
  // The DNS check the user ran on the explained bounce, for the admin mail (kept with its result).
  const [dnsDone, setDnsDone] = useState<{ readonly of: Explained; readonly done: DnsCheckDone } | null>(
    null,
  );
  // Counts the results the user asked for (paste, drop, file): each is scrolled to, focused and announced.
  const [shown, setShown] = useState(0);
  // The reader's address goes with every input, so the engine can tell backscatter (a bounce of a
  // message the reader never sent) from their own bounce. A ref: the read callbacks are stable.
  const withReader = useRef((input: RawInput): RawInput => input);
  withReader.current = (input) => (reader ? { ...input, reader } : input);
  // The one run in progress: reading the item or explaining an input. A newer run abandons it,
  // and a run ignores its own late result once abandoned.
  const work = useRef<AbortController | null>(null);
  const readingItem = useRef(false);
  const pasted = useRef(false);

  const readItem = useCallback(async (from: MessageSource) => {
    const run = begin(work);
    readingItem.current = true;
    setBusy(false);
    setItemSkipped(false);
    setRead(null);
    setState({ phase: 'reading' });
    let result: ReadResult;
    try {
      result = await from.read(run.signal);
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
    if (run.signal.aborted) return;
    setRead(result);
    const { result: explained, choices } =
      result.item === null
        ? { result: null, choices: [] }
        : await explainCandidates(result.inputs.map(withReader.current), run.signal);
    await outcomeReady;
    if (run.signal.aborted) return;
    work.current = null;
    readingItem.current = false;
    if (result.item === null) setState({ phase: 'noItem' });
    else setState(explained ? { phase: 'done', result: explained, choices } : { phase: 'readFailed' });
  }, []);

  // Outlook's item: read it now, and again whenever a pinned pane is shown another one.
  useEffect(() => {
    if (!source) return;
    // Something pasted while Outlook was starting stays; the item waits for the user to ask.
    if (pasted.current) setItemSkipped(true);
    else void readItem(source);
    const stop = source.watchItem?.(() => void readItem(source));
    return () => {
      stop?.();
      work.current?.abort();
      work.current = null;
    };
  }, [source, readItem]);

  // Office answered without Outlook (the task pane opened in a browser): nothing will be read.
  useEffect(() => {
    if (!source && !starting) setState((s) => (s.phase === 'starting' ? { phase: 'idle' } : s));
  }, [source, starting]);

  // The standalone page's sample, or what the pane is restarted with after a failure.
  useEffect(() => {
    if (source || !initialInput) return;
    const run = begin(work);
    setState({ phase: 'analyzing' });
    const explaining = initialExplained ?? explainInput(withReader.current(initialInput), run.signal);
    void Promise.all([explaining, outcomeReady]).then(([explained]) => {
      if (run.signal.aborted) return;
      work.current = null;
      setState({ phase: 'done', result: explained });
    });
    return () => run.abort();
  }, [source, initialInput, initialExplained]);

  // Starting and reading say so when they take long; the way out (paste, Cancel) is there from the start.
  useEffect(() => {
    if (state.phase !== 'starting' && state.phase !== 'reading') return;
    const timer = setTimeout(() => setSlowState(state), slowAfterMs);
    return () => clearTimeout(timer);
  }, [state, slowAfterMs]);
  const slow = slowState === state;

  const cancel = useCallback(() => {
    work.current?.abort();
    work.current = null;
    if (readingItem.current) setItemSkipped(true);
    readingItem.current = false;
    setBusy(false);
    setState({ phase: 'cancelled' });
  }, []);

  const onInput = useCallback(async (input: RawInput) => {
    const run = begin(work);
    pasted.current = true;
    // A paste while the item is read wins: the read is abandoned, and can be asked for again.
    if (readingItem.current) {
      readingItem.current = false;
      setItemSkipped(true);
    }
    setBusy(true);
    setState((s) => (s.phase === 'reading' || s.phase === 'starting' ? { phase: 'analyzing' } : s));
    const explained = await explainInput(withReader.current(input), run.signal);
    await outcomeReady;
    if (run.signal.aborted) return;
    work.current = null;
    setBusy(false);
    setState({ phase: 'done', result: explained });
    setShown((n) => n + 1);
  }, []);

  // Outlook may move to another item without ItemChanged (office-js #974): before the admin mail
  // goes out with the item attached, check that the item on screen is still the one explained.
  const channel = useMemo<AdminChannel>(
    () => ({
      composeMode: admin.channel.composeMode,
      canSend: admin.channel.canSend,
      canReply: admin.channel.canReply ?? false,
      // The reply goes to the item on screen: it must still be the admin report that was explained.
      reply: async (html) => {
        const explained = read?.item?.id;
        if (!admin.channel.reply) return { ok: false, reason: 'unsupported' };
        if (source?.currentItemId && explained && source.currentItemId() !== explained) {
          void readItem(source);
          return { ok: false, reason: 'failed', detail: 'another message is selected' };
        }
        return admin.channel.reply(html);
      },
      send: async (mail, options) => {
        const explained = read?.item?.id;
        if (
          source?.currentItemId &&
          options.attachCurrentItem &&
          explained &&
          source.currentItemId() !== explained
        ) {
          void readItem(source);
          return { ok: false, reason: 'failed', detail: 'another message is selected' };
        }
        return admin.channel.send(mail, options);
      },
    }),
    [admin.channel, read, source, readItem],
  );

  const fromItem = state.phase === 'done' && state.result.ok && state.result.input.door !== 'paste';
  // Our own "Send to my admin" mail, opened by the admin: the report attached to it was explained.
  const adminReport =
    state.phase === 'done' && state.result.ok && state.result.input.door === 'attachment' && read?.item
      ? findAdminReport(read.item.text, read.item.from)
      : null;
  // The same mail where this Outlook could not read its attachment (Outlook on phones, Mailbox
  // below 1.8): its text is our own summary, which is not to be explained as if it were a bounce.
  const unreadReport =
    !adminReport &&
    state.phase === 'done' &&
    state.result.ok &&
    (state.result.input.door === 'body' || state.result.input.door === 'headersBody') &&
    state.result.input.kind === 'text' &&
    read?.attempts.some((a) => a.door === 'attachment' && a.outcome !== 'ok')
      ? findAdminReport(state.result.input.text, read.item?.from ?? null)
      : null;
  const audience: Audience = adminReport
    ? 'other'
    : (audienceOverride ??
      (state.phase === 'done' && state.result.ok
        ? audienceFor(state.result.analysis, reader, fromItem ? (read?.item?.from ?? null) : null)
        : 'sender'));

  const explainedBounce = state.phase === 'done' && isBounce(state.result);
  const resultRef = useRef<HTMLDivElement>(null);
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
    <main className={styles.root} aria-busy={busyPhase(state) || busy}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={24} height={24} />
        <Title1Small>{t.t('app.title')}</Title1Small>
      </header>
      {toolbar}
      <Progress
        state={state}
        slow={slow}
        t={t}
        onCancel={cancel}
        onReadItem={source && itemSkipped ? () => void readItem(source) : null}
      />
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
          {unreadReport && (
            <Notice
              title={
                unreadReport.user
                  ? t.t('adminView.unread.title', { user: unreadReport.user })
                  : t.t('adminView.unread.title.plain')
              }
              body={t.t('adminView.unread.body')}
            />
          )}
          {state.phase === 'done' && !unreadReport && (
            <OutcomeOrFailure t={t}>
              {(Outcome) => (
                <Outcome
                  result={state.result}
                  t={t}
                  audience={audience}
                  standalone={source === null && !starting}
                  onInput={(input) => void onInput(input)}
                  dns={dns}
                  onDnsResult={(done) => setDnsDone({ of: state.result, done })}
                  adminView={adminReport ? { user: adminReport.user } : null}
                  action={
                    state.result.ok && explainedBounce
                      ? {
                          // Each result (a new item, another attachment, a paste) starts the admin flow
                          // afresh: no message about another bounce, no draft marked as already filled.
                          key: resultKey(state.result),
                          channel,
                          settings: admin.settings,
                          fromCurrentItem: source !== null && fromItem,
                          dnsCheck: dnsDone?.of === state.result ? dnsDone.done : null,
                          report: adminReport,
                        }
                      : null
                  }
                />
              )}
            </OutcomeOrFailure>
          )}
        </div>
      </ErrorBoundary>
      {/* Always there, while starting and reading too: the way in that never depends on Outlook. */}
      <section aria-labelledby="paste-title">
        {explainedBounce && <Divider />}
        <h2 id="paste-title" className={styles.pasteTitle}>
          {t.t(explainedBounce ? 'paste.titleAnother' : 'paste.title')}
        </h2>
        <PasteDrop t={t} onInput={(input) => void onInput(input)} busy={busy} />
      </section>
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
  const touch = useTouchStyles();
  const label = (e: Explained, i: number): string => (e.ok ? e.input.label : String(i + 1));
  return (
    <Field label={t.t('attachments.pick')} className={styles.picker}>
      <Select
        className={styles.picker}
        select={{ className: mergeClasses(styles.pickerSelect, touch.field) }}
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

const busyPhase = (state: State): boolean =>
  state.phase === 'starting' || state.phase === 'reading' || state.phase === 'analyzing';

/**
 * Where the pane is before there is a result: Outlook starting the add-in, reading the item,
 * explaining, no item, cancelled. Every wait has a way out: Cancel here, the paste box below.
 */
function Progress({
  state,
  slow,
  t,
  onCancel,
  onReadItem,
}: {
  state: State;
  slow: boolean;
  t: Translator;
  onCancel: () => void;
  onReadItem: (() => void) | null;
}) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const readItem = onReadItem && (
    <Button className={touch.button} onClick={onReadItem}>
      {t.t('state.readItem')}
    </Button>
  );
  switch (state.phase) {
    case 'starting':
      return slow ? (
        <Notice intent="warning" title={t.t('state.startSlow.title')} body={t.t('state.startSlow.body')} />
      ) : (
        <Spinner size="small" label={t.t('state.starting')} />
      );
    case 'reading':
    case 'analyzing':
      return (
        <div className={styles.progress}>
          <div className={styles.header}>
            <Spinner
              size="small"
              label={t.t(state.phase === 'reading' ? 'state.loading' : 'state.analyzing')}
            />
            <Button className={touch.button} onClick={onCancel}>
              {t.t('state.cancel')}
            </Button>
          </div>
          {slow && <Body1>{t.t('state.readSlow')}</Body1>}
        </div>
      );
    case 'noItem':
      return <Notice title={t.t('state.noItem.title')} body={t.t('state.noItem.body')} />;
    case 'cancelled':
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.t('state.cancelled.title')}</MessageBarTitle>
            {t.t('state.cancelled.body')}
          </MessageBarBody>
          {/* Cancel has gone with what it cancelled: focus goes to the way back to the message. */}
          {onReadItem && (
            <MessageBarActions>
              <Button className={touch.button} autoFocus onClick={onReadItem}>
                {t.t('state.readItem')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      );
    case 'done':
      // The user's paste came first; the selected message can still be explained.
      return readItem ? <div>{readItem}</div> : null;
    default:
      return null;
  }
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
  const touch = useTouchStyles();
  return (
    <details>
      <summary className={touch.summary}>
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
