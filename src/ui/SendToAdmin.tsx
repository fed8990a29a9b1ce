import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type MutableRefObject,
} from 'react';
import type { Analysis } from '../core/types';
import { languageName, loadTranslator, supportedLocale, type Locale, type Translator } from '../i18n';
import type { Audience } from '../i18n/sentences';
import {
  isValidAdminAddress,
  storedAdminAddress,
  type AdminChannel,
  type SendOutcome,
  type SettingsStore,
} from './adminChannel';
import { adminSubject, buildAdminMail, mailtoHead, mailtoLink } from './adminMail';
import type { DnsCheckDone } from './dnsLookup';
import { TOUCH, TOUCH_TARGET, useTouchStyles } from './touch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    minWidth: 0,
  },
  small: { overflowWrap: 'anywhere', minWidth: 0 },
  // A plain checkbox in Fluent's type and colours: Fluent's Checkbox would add 3 KB to the first download.
  choice: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    // On a phone the whole label is the touch target.
    [TOUCH]: { minHeight: TOUCH_TARGET, alignItems: 'center' },
  },
  box: {
    width: '16px',
    height: '16px',
    margin: '2px 0 0',
    [TOUCH]: { margin: 0 },
    flexShrink: 0,
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: 'pointer',
  },
  notice: { ':focus': { outlineStyle: 'none' } },
});

/**
 * A callback ref that fills `holder`. Fluent's components type their `ref` prop through an inference
 * that our strict settings turn into `Ref<never>`; a callback ref fits it and stays type-safe here.
 */
function into<T>(holder: MutableRefObject<T | null>): (element: T | null) => void {
  return (element) => {
    holder.current = element;
  };
}

type Notice = { readonly intent: 'success' | 'warning' | 'error'; readonly text: string } | null;

export interface SendToAdminProps {
  readonly analysis: Analysis;
  readonly t: Translator;
  readonly channel: AdminChannel;
  readonly settings: SettingsStore;
  /** The explained bounce is the current Outlook item (or its forward), so it can be attached. */
  readonly fromCurrentItem: boolean;
  /** Who is sending it: the person whose message bounced, or a helpdesk (the mail says so). */
  readonly audience?: Audience;
  /** The DNS check the user ran, added to the mail with its time; null when none ran. */
  readonly dnsCheck?: DnsCheckDone | null;
  /** Loads another language's texts, for a mail in the bounce's language (default: its chunk). */
  readonly loadLocale?: (locale: Locale) => Promise<Translator>;
}

/**
 * "Send to my admin" and "Copy details": asks for the admin's address once (validated, remembered),
 * then opens a new message in Outlook, fills the Forward draft (once), or offers copy and mailto:
 * where Outlook cannot. After every step focus goes to what appeared: the address field, or the
 * message saying what happened.
 */
export function SendToAdmin({
  analysis,
  t,
  channel,
  settings,
  fromCurrentItem,
  audience = 'sender',
  dnsCheck = null,
  loadLocale = loadTranslator,
}: SendToAdminProps) {
  const styles = useStyles();
  // The mail is in the pane's language. Only when the bounce is in another language we speak may the
  // user choose that one for it (an admin abroad, a bounce from their own system): the texts come
  // once chosen, and the box is ticked when they are there.
  const bounceLocale = useMemo(() => {
    const locale = supportedLocale(analysis.language);
    return locale && locale !== t.locale ? locale : null;
  }, [analysis.language, t.locale]);
  const [chosen, setChosen] = useState<Translator | null>(null);
  const mailT = chosen && chosen.locale === bounceLocale ? chosen : t;
  const choice = useRef(0);
  const chooseLanguage = useCallback(
    (checked: boolean) => {
      const request = ++choice.current;
      if (!checked || !bounceLocale) {
        setChosen(null);
        return;
      }
      // A language whose texts cannot be loaded comes back as English: the box then stays clear.
      void loadLocale(bounceLocale).then(
        (loaded) => {
          if (choice.current === request && loaded.locale === bounceLocale) setChosen(loaded);
        },
        () => undefined,
      );
    },
    [bounceLocale, loadLocale],
  );
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
  // The summary is in this draft: adding it again would put it there twice.
  const [added, setAdded] = useState(false);

  const inputRef = useRef<HTMLInputElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  // Where focus goes back to when the address form closes without a message.
  const returnTo = useRef<'send' | 'change'>('send');
  const touch = useTouchStyles();

  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const mailFor = useCallback(
    (to: string) => buildAdminMail(analysis, to, mailT, audience, dnsCheck),
    [analysis, mailT, audience, dnsCheck],
  );

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
      if (outcome.ok) {
        if (outcome.via === 'composeDraft') setAdded(true);
        setNotice({
          intent: 'success',
          text: t.t(outcome.via === 'composeDraft' ? 'admin.sent.compose' : 'admin.sent.form'),
        });
      } else if (outcome.reason === 'unsupported')
        setNotice({ intent: 'warning', text: t.t('admin.unsupported') });
      else setNotice({ intent: 'error', text: t.t('admin.failed', { detail: outcome.detail ?? '' }) });
    },
    [channel, fromCurrentItem, mailFor, t],
  );

  const closeForm = useCallback(() => {
    setEditing(false);
    setPendingSend(false);
    setInvalid(false);
    // After the form is gone, focus returns to the button that opened it.
    window.setTimeout(() => (returnTo.current === 'change' ? changeRef : sendRef).current?.focus(), 0);
  }, []);

  const save = useCallback(async () => {
    const value = draft.trim();
    if (!isValidAdminAddress(value)) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    setInvalid(false);
    setEditing(false);
    // A message about the old address would now be wrong.
    setNotice(null);
    setUserAddress(value);
    const saved = await settings.save(value);
    setSaveWarning(saved.ok ? null : t.t('admin.saveFailed', { detail: saved.detail ?? '' }));
    if (pendingSend) {
      setPendingSend(false);
      await send(value);
    } else {
      setNotice({ intent: 'success', text: t.t('admin.address.saved', { address: value }) });
    }
  }, [draft, pendingSend, send, settings, t]);

  const onSend = useCallback(() => {
    if (busy || added) return;
    setNotice(null);
    if (!address) {
      returnTo.current = 'send';
      setPendingSend(true);
      setEditing(true);
      return;
    }
    void send(address);
  }, [added, address, busy, send]);

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
      return mailtoHead(address, adminSubject(analysis, mailT));
    } catch {
      return 'mailto:';
    }
  }, [address, analysis, mailT]);

  const compose = channel.composeMode;
  const sendLabel = added
    ? t.t('admin.added')
    : compose
      ? t.t('admin.sendCompose')
      : analysis.suspicion?.verdict === 'suspicious'
        ? t.t('admin.sendSuspicious')
        : t.t('admin.send');
  return (
    <section className={styles.root} aria-label={t.t('admin.title')}>
      {editing ? (
        <div className={styles.root}>
          <Field
            label={t.t('admin.address.label')}
            hint={t.t('admin.address.hint')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t.t('admin.address.invalid') : null}
          >
            <Input
              ref={into(inputRef)}
              input={{ className: touch.field }}
              type="email"
              value={draft}
              onChange={(_e, data) => setDraft(data.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
                if (e.key === 'Escape') closeForm();
              }}
            />
          </Field>
          <div className={styles.row}>
            <Button className={touch.button} appearance="primary" onClick={() => void save()}>
              {t.t('admin.address.save')}
            </Button>
            <Button className={touch.button} onClick={closeForm}>
              {t.t('admin.address.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.row}>
          {channel.canSend && (
            <Button
              ref={into(sendRef)}
              className={touch.button}
              // A delay asks nothing of anyone yet: the action is there, but does not call for a click.
              appearance={analysis.verdict === 'delay' ? 'secondary' : 'primary'}
              onClick={onSend}
              disabled={busy || added}
              data-primary-action
              {...(compose && !added ? { 'aria-label': t.t('admin.sendCompose.name') } : {})}
            >
              {sendLabel}
            </Button>
          )}
          <Button
            className={touch.button}
            appearance={channel.canSend || analysis.verdict === 'delay' ? 'secondary' : 'primary'}
            onClick={() => void copy()}
            {...(channel.canSend ? {} : { 'data-primary-action': true })}
          >
            {t.t('admin.copy')}
          </Button>
        </div>
      )}
      {!editing && (
        <div className={styles.row}>
          {address && (
            <Caption1 className={styles.small}>
              {userAddress
                ? t.t('admin.address.current', { address })
                : t.t('admin.address.organisation', { address })}
            </Caption1>
          )}
          <Button
            ref={into(changeRef)}
            className={touch.button}
            appearance="subtle"
            size="small"
            onClick={() => {
              returnTo.current = 'change';
              setDraft(address ?? '');
              setEditing(true);
            }}
          >
            {t.t(address ? 'admin.address.change' : 'admin.address.set')}
          </Button>
          {mailtoHref && (
            <Link
              className={touch.link}
              href={mailtoHref}
              target="_blank"
              rel="noopener noreferrer"
              onClick={openMailto}
            >
              {t.t('admin.mailto')}
            </Link>
          )}
        </div>
      )}
      {!editing && bounceLocale && (
        <label className={styles.choice}>
          <input
            type="checkbox"
            className={styles.box}
            checked={mailT !== t}
            onChange={(event) => chooseLanguage(event.currentTarget.checked)}
          />
          <span className={styles.small}>
            {t.t('admin.mailLanguage', { language: languageName(bounceLocale, t.locale) })}
          </span>
        </label>
      )}
      <div aria-live="polite" className={styles.root}>
        {saveWarning && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{saveWarning}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar
            ref={into(noticeRef)}
            tabIndex={-1}
            className={styles.notice}
            intent={notice.intent}
            layout="multiline"
            data-testid="admin-notice"
          >
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
