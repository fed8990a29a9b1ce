import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Analysis } from '../core/types';
import { languageName, loadTranslator, type Translator } from '../i18n';
import type { AdminChannel } from './adminChannel';
import { buildAdminReply, type AdminReply } from './adminReply';
import type { AdminReport } from './adminReport';
import { useTouchStyles } from './touch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  text: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '240px',
    overflowY: 'auto',
  },
});

type Shown = { readonly kind: 'open' } | { readonly kind: 'copy'; readonly reason: string | null } | null;

/**
 * "Reply to the user", the admin view's action: a short answer in the language the user wrote in,
 * opened as a reply to their mail in Outlook, or shown ready to copy where Outlook cannot.
 */
export function ReplyToUser({
  analysis,
  report,
  t,
  channel,
}: {
  analysis: Analysis;
  report: AdminReport;
  t: Translator;
  channel: AdminChannel;
}) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const [userT, setUserT] = useState<Translator | null>(
    report.locale === null || report.locale === t.locale ? t : null,
  );
  const [reply, setReply] = useState<AdminReply | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [copied, setCopied] = useState(false);
  const noticeRef = useRef<HTMLDivElement | null>(null);

  // The user's language, when it is not the admin's: its texts load on their own.
  useEffect(() => {
    if (userT || !report.locale) return;
    let live = true;
    loadTranslator(report.locale).then(
      (loaded) => live && setUserT(loaded),
      () => live && setUserT(t),
    );
    return () => {
      live = false;
    };
  }, [report.locale, t, userT]);

  useEffect(() => {
    if (shown) noticeRef.current?.focus();
  }, [shown]);

  const start = async () => {
    if (!userT) return;
    const built = buildAdminReply(analysis, userT);
    setReply(built);
    setCopied(false);
    if (channel.canReply && channel.reply) {
      const outcome = await channel.reply(built.html);
      setShown(outcome.ok ? { kind: 'open' } : { kind: 'copy', reason: outcome.detail ?? outcome.reason });
    } else setShown({ kind: 'copy', reason: null });
  };

  const copy = async () => {
    if (!reply) return;
    try {
      await navigator.clipboard.writeText(reply.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button className={touch.button} appearance="primary" disabled={!userT} onClick={() => void start()}>
          {t.t('adminView.reply')}
        </Button>
      </div>
      {userT && userT.locale !== t.locale && (
        <Caption1 className={styles.note}>
          {t.t('adminView.replyLanguage', { language: languageName(userT.locale, t.locale) })}
        </Caption1>
      )}
      {shown && (
        <MessageBar
          ref={(element: HTMLDivElement | null) => {
            noticeRef.current = element;
          }}
          tabIndex={-1}
          intent={shown.kind === 'open' ? 'success' : 'info'}
          layout="multiline"
        >
          <MessageBarBody>
            {shown.kind === 'open'
              ? t.t('adminView.replyOpen')
              : shown.reason
                ? t.t('adminView.replyFailed', { detail: shown.reason })
                : t.t('adminView.replyCopyOnly')}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown?.kind === 'copy' && reply && (
        <>
          <pre className={styles.text} role="region" aria-label={t.t('adminView.replyText')} tabIndex={0}>
            {reply.text}
          </pre>
          <div className={styles.row}>
            <Button className={touch.button} onClick={() => void copy()}>
              {copied ? t.t('adminView.replyCopied') : t.t('adminView.replyCopy')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
