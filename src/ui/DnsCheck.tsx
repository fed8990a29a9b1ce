import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { dnsQuestions, type DnsCheckResult, type DnsPlan } from '../core/dnsCheck';
import type { Translator } from '../i18n';
import { formatDate } from '../i18n/sentences';
import type { DnsCheckDone, DnsLookup, DnsOutcome } from './dnsLookup';
import { useTouchStyles } from './touch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  button: {
    alignSelf: 'flex-start',
    maxWidth: '100%',
    minHeight: '32px',
    whiteSpace: 'normal',
    textAlign: 'start',
  },
  privacy: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '1.5em minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
  },
  mark: { fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  quiet: { color: tokens.colorNeutralForeground2 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  records: {
    gridColumnStart: 2,
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
});

const MARK: Record<DnsCheckResult['state'], string> = { ok: '✓', problem: '✗', unknown: '?', info: 'i' };

export interface DnsCheckProps {
  readonly plan: DnsPlan;
  readonly lookup: DnsLookup;
  readonly t: Translator;
  /** Told when a check finished, so the admin mail can carry it. */
  readonly onResult?: (done: DnsCheckDone) => void;
}

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'running' }
  | { readonly step: 'done'; readonly outcome: DnsOutcome };

/**
 * "Check fabrikam.example now": nothing is asked before the click; then the plan's questions go to
 * the configured resolver (and a second one for propagation), and the checklist shows which step
 * is already fine and which is the problem, with the records that prove it.
 */
export function DnsCheck({ plan, lookup, t, onResult }: DnsCheckProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const [state, setState] = useState<State>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function run() {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: 'running' });
    const outcome = await lookup(plan, dnsQuestions(plan), abort.signal);
    if (abort.signal.aborted) return;
    setState({ step: 'done', outcome });
    onResult?.({ plan, outcome });
  }

  const results = state.step === 'done' ? state.outcome.results : null;
  const summary = results && results.length > 0 ? summaryKey(plan, results) : null;
  return (
    <div className={styles.root}>
      <Caption1 className={styles.privacy}>{t.t('dns.privacy', { resolver: lookup.resolverHost })}</Caption1>
      <Button
        className={mergeClasses(styles.button, touch.button)}
        appearance="secondary"
        disabled={state.step === 'running'}
        onClick={() => void run()}
      >
        {t.t(state.step === 'done' ? 'dns.again' : 'dns.check', { domain: plan.domain })}
      </Button>
      {state.step === 'running' && (
        <Spinner size="tiny" label={t.t('dns.running', { domain: plan.domain })} />
      )}
      {state.step === 'done' && state.outcome.error && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.t(`dns.error.${state.outcome.error}`)}</MessageBarBody>
        </MessageBar>
      )}
      {results && results.length > 0 && (
        <>
          <Body1>
            {t.t('dns.checkedAt', {
              domain: plan.domain,
              time:
                state.step === 'done'
                  ? (formatDate(state.outcome.checkedAt, t.locale) ?? state.outcome.checkedAt)
                  : '',
            })}
          </Body1>
          <ul className={styles.list} aria-label={t.t('dns.listLabel', { domain: plan.domain })}>
            {results.map((r) => (
              <li key={r.id} className={styles.item} data-check={r.id} data-state={r.state}>
                <span
                  aria-hidden="true"
                  className={`${styles.mark} ${r.state === 'ok' ? styles.ok : r.state === 'problem' ? styles.problem : styles.quiet}`}
                >
                  {MARK[r.state]}
                </span>
                <Body1>
                  <span className={styles.hidden}>{t.t(`dns.state.${r.state}`)} </span>
                  {t.t(`dns.finding.${r.finding}`, { domain: plan.domain })}
                </Body1>
                {r.records.length > 0 && (
                  // Records are the resolver's answer, shown as quoted data, never as links.
                  <pre className={styles.records}>{r.records.join('\n')}</pre>
                )}
              </li>
            ))}
          </ul>
          {summary && <Body1 data-dns-summary>{t.t(summary, { domain: plan.domain })}</Body1>}
        </>
      )}
    </div>
  );
}

/** One line after the checklist: the problem is marked, or DNS is fine and what is left to check. */
function summaryKey(plan: DnsPlan, results: readonly DnsCheckResult[]): string | null {
  if (results.some((r) => r.state === 'problem')) return 'dns.summary.problem';
  if (results.some((r) => r.state === 'unknown')) return null;
  return plan.topic === 'relay' ? 'dns.summary.relayFine' : 'dns.summary.fine';
}
