import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import {
  isValidAdminAddress,
  storedAdminAddress,
  type AdminChannel,
  type SendOutcome,
  type SettingsStore,
} from './adminChannel';
import { adminSubject, buildAdminMail, mailtoHead, mailtoLink } from './adminMail';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

type Notice = { readonly intent: 'success' | 'warning' | 'error'; readonly text: string } | null;

export interface SendToAdminProps {
  readonly analysis: Analysis;
  readonly t: Translator;
  readonly channel: AdminChannel;
  readonly settings: SettingsStore;
  /** The explained bounce is the current Outlook item (or its forward), so it can be attached. */
  readonly fromCurrentItem: boolean;
}

/**
 * "Send to my admin": asks for the admin's address once (validated, remembered), then opens a new
 * message in Outlook, fills the Forward draft, or offers copy and mailto: where Outlook cannot.
 */
export function SendToAdmin({ analysis, t, channel, settings, fromCurrentItem }: SendToAdminProps) {
  const styles = useStyles();
  // Whatever the store returns is checked again here, the one place every store's value passes.
  const initial = useMemo(() => {
    const loaded = settings.load();
    return {
      userAddress: storedAdminAddress(loaded.userAddress),
      organisationAddress: storedAdminAddress(loaded.organisationAddress),
    };
  }, [settings]);
  const [userAddress, setUserAddress] = useState<string | null>(initial.userAddress);
  const address = userAddress ?? initial.organisationAddress;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(address ?? '');
  const [invalid, setInvalid] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Kept apart from the send outcome so that neither message hides the other.
  const [saveWarning, setSaveWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingSend, setPendingSend] = useState(false);

  const mailFor = useCallback((to: string) => buildAdminMail(analysis, to, t), [analysis, t]);

  const send = useCallback(
    async (to: string) => {
      setBusy(true);
      let outcome: SendOutcome;
      try {
        outcome = await channel.send(mailFor(to), { attachCurrentItem: fromCurrentItem });
      } catch (error) {
        outcome = {
          ok: false,
          reason: 'failed',
          detail: error instanceof Error ? error.name : String(error),
        };
      }
      setBusy(false);
      if (outcome.ok)
        setNotice({
          intent: 'success',
          text: t.t(outcome.via === 'composeDraft' ? 'admin.sent.compose' : 'admin.sent.form'),
        });
      else if (outcome.reason === 'unsupported')
        setNotice({ intent: 'warning', text: t.t('admin.unsupported') });
      else setNotice({ intent: 'error', text: t.t('admin.failed', { detail: outcome.detail ?? '' }) });
    },
    [channel, fromCurrentItem, mailFor, t],
  );

  const save = useCallback(async () => {
    const value = draft.trim();
    if (!isValidAdminAddress(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setEditing(false);
    setUserAddress(value);
    const saved = await settings.save(value);
    setSaveWarning(saved.ok ? null : t.t('admin.saveFailed', { detail: saved.detail ?? '' }));
    if (pendingSend) {
      setPendingSend(false);
      await send(value);
    }
  }, [draft, pendingSend, send, settings, t]);

  const onSend = useCallback(() => {
    setNotice(null);
    if (!address) {
      setPendingSend(true);
      setEditing(true);
      return;
    }
    void send(address);
  }, [address, send]);

  const copy = useCallback(async () => {
    try {
      const mail = mailFor(address ?? '');
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([mail.html], { type: 'text/html' }),
            'text/plain': new Blob([mail.text], { type: 'text/plain' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(mail.text);
      }
      setNotice({ intent: 'success', text: t.t('admin.copied') });
    } catch {
      setNotice({ intent: 'error', text: t.t('admin.copyFailed') });
    }
  }, [address, mailFor, t]);

  // The link carries the whole summary only once clicked: building it for every render cost a full
  // admin mail each time, and text the encoder refuses must not take the pane down with it.
  const openMailto = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (!address) return;
      try {
        event.currentTarget.href = mailtoLink(mailFor(address));
      } catch (error) {
        event.preventDefault();
        setNotice({
          intent: 'error',
          text: t.t('admin.mailtoFailed', { detail: error instanceof Error ? error.name : String(error) }),
        });
      }
    },
    [address, mailFor, t],
  );
  const mailtoHref = useMemo(() => {
    if (!address) return null;
    try {
      return mailtoHead(address, adminSubject(analysis, t));
    } catch {
      return 'mailto:';
    }
  }, [address, analysis, t]);

  const sendLabel = channel.composeMode ? t.t('admin.sendCompose') : t.t('admin.send');
  return (
    <section className={styles.root} aria-label={t.t('admin.title')}>
      <Subtitle2 as="h2">{t.t('admin.title')}</Subtitle2>
      {editing ? (
        <div className={styles.root}>
          <Field
            label={t.t('admin.address.label')}
            hint={t.t('admin.address.hint')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t.t('admin.address.invalid') : null}
          >
            <Input
              type="email"
              value={draft}
              onChange={(_e, data) => setDraft(data.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
              }}
            />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void save()}>
              {t.t('admin.address.save')}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setPendingSend(false);
                setInvalid(false);
              }}
            >
              {t.t('admin.address.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.row}>
          {channel.canSend && (
            <Button appearance="primary" onClick={onSend} disabled={busy}>
              {sendLabel}
            </Button>
          )}
          <Button onClick={() => void copy()}>{t.t('admin.copy')}</Button>
          {mailtoHref && (
            <Link href={mailtoHref} target="_blank" rel="noopener noreferrer" onClick={openMailto}>
              {t.t('admin.mailto')}
            </Link>
          )}
        </div>
      )}
      {!editing && (
        <div className={styles.row}>
          {address && (
            <Caption1>
              {userAddress
                ? t.t('admin.address.current', { address })
                : t.t('admin.address.organisation', { address })}
            </Caption1>
          )}
          <Button
            appearance="subtle"
            size="small"
            onClick={() => {
              setDraft(address ?? '');
              setEditing(true);
            }}
          >
            {t.t('admin.address.change')}
          </Button>
        </div>
      )}
      {saveWarning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{saveWarning}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" aria-live="polite">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
