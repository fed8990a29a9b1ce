import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { quotedUnlessValid, validAddress } from '../core/safeValues';
import type { Actor, Analysis, RecipientOutcome } from '../core/types';
import type { Translator } from '../i18n';
import { causeSteps, causeText, formatDate, headline } from '../i18n/sentences';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  evidence: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  value: { margin: 0, overflowWrap: 'anywhere', wordBreak: 'break-word' },
  pre: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '240px',
    overflowY: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

const ACTOR_COLOR: Record<Actor, 'success' | 'warning' | 'important' | 'informative'> = {
  sender: 'success',
  'sender-admin': 'warning',
  'recipient-admin': 'important',
  nobody: 'informative',
};

/** Only links we own (Microsoft Learn, RFC editor) are clickable; nothing from the NDR is. */
function isTrustedDocUrl(url: string): boolean {
  return /^https:\/\/(?:learn\.microsoft\.com|support\.microsoft\.com|www\.rfc-editor\.org|datatracker\.ietf\.org)\//.test(
    url,
  );
}

function Fact({
  term,
  value,
  styles,
}: {
  term: string;
  value: string | null;
  styles: ReturnType<typeof useStyles>;
}) {
  if (!value) return null;
  return (
    <>
      <dt className={styles.term}>
        <Caption1>{term}</Caption1>
      </dt>
      <dd className={styles.value}>
        <Caption1>{value}</Caption1>
      </dd>
    </>
  );
}

/** With one recipient the headline already names the cause, so the card does not repeat it. */
export function RecipientCard({
  recipient,
  t,
  showTitle,
}: {
  recipient: RecipientOutcome;
  t: Translator;
  showTitle: boolean;
}) {
  const styles = useStyles();
  const userSteps = causeSteps(t, recipient, 'userSteps');
  const adminSteps = causeSteps(t, recipient, 'adminSteps');
  const retryUntil = formatDate(recipient.retryUntil, t.locale);
  return (
    <Card className={styles.card} aria-label={validAddress(recipient.address) ?? t.t('field.recipient')}>
      {showTitle && <Subtitle2 as="h3">{causeText(t, recipient, 'title')}</Subtitle2>}
      <div>
        <Badge appearance="tint" color={ACTOR_COLOR[recipient.actor]}>
          {t.t(`actor.${recipient.actor}`)}
        </Badge>
      </div>
      <Body1>{causeText(t, recipient, 'summary')}</Body1>
      {recipient.confidence !== 'catalogue' && (
        <Caption1>{t.t(`confidence.${recipient.confidence}`)}</Caption1>
      )}
      {retryUntil && <Caption1>{t.t('verdict.retryUntil', { date: retryUntil })}</Caption1>}
      {userSteps.length > 0 && (
        <section aria-label={t.t('section.userSteps')}>
          <Subtitle2 as={showTitle ? 'h4' : 'h3'}>{t.t('section.userSteps')}</Subtitle2>
          <ol className={styles.steps}>
            {userSteps.map((step, i) => (
              <li key={i}>
                <Body1>{step}</Body1>
              </li>
            ))}
          </ol>
        </section>
      )}
      {adminSteps.length > 0 && (
        <section aria-label={t.t('section.adminSteps')}>
          <Subtitle2 as={showTitle ? 'h4' : 'h3'}>{t.t('section.adminSteps')}</Subtitle2>
          <ol className={styles.steps}>
            {adminSteps.map((step, i) => (
              <li key={i}>
                <Body1>{step}</Body1>
              </li>
            ))}
          </ol>
        </section>
      )}
      {recipient.docUrl && isTrustedDocUrl(recipient.docUrl) && (
        <Link href={recipient.docUrl} target="_blank" rel="noopener noreferrer">
          {recipient.docUrl.includes('microsoft.com') ? t.t('section.docs') : t.t('section.docsOther')}
        </Link>
      )}
      <dl className={styles.facts}>
        <Fact styles={styles} term={t.t('field.recipient')} value={quotedUnlessValid(recipient.address)} />
        <Fact styles={styles} term={t.t('field.status')} value={recipient.status?.code ?? null} />
        <Fact styles={styles} term={t.t('field.replyCode')} value={recipient.replyCode} />
        <Fact styles={styles} term={t.t('field.remoteMta')} value={recipient.remoteMta} />
        <Fact styles={styles} term={t.t('field.reportingMta')} value={recipient.reportingMta} />
        <Fact styles={styles} term={t.t('field.command')} value={recipient.command} />
        <Fact styles={styles} term={t.t('field.reason')} value={recipient.reason} />
        <Fact styles={styles} term={t.t('field.cause')} value={recipient.cause} />
      </dl>
      {recipient.diagnostic && (
        <>
          <Caption1 className={styles.term}>{t.t('field.diagnostic')}</Caption1>
          <pre className={styles.pre}>{recipient.diagnostic}</pre>
        </>
      )}
    </Card>
  );
}

export function Explanation({
  analysis,
  t,
  audience = 'sender',
}: {
  analysis: Analysis;
  t: Translator;
  /** 'other': the reader did not send the bounced message (a helpdesk opening a user's forward). */
  audience?: 'sender' | 'other';
}) {
  const styles = useStyles();
  const original = analysis.original;
  return (
    <div className={styles.root}>
      <Title3 as="h2">{headline(analysis, t)}</Title3>
      {audience === 'other' && <Body1>{t.t('audience.other.note')}</Body1>}
      {analysis.verdict === 'delay' && <Body1>{t.t('verdict.delay.note')}</Body1>}
      {analysis.suspicion.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t.t('section.suspicion')}</MessageBarTitle>
            {analysis.suspicion.map(({ code, evidence }) => (
              <div key={code}>
                <Text block>{t.t(`suspicion.${code}`)}</Text>
                {evidence.map((e) => (
                  <Text block key={`${e.field}:${e.text}`} className={styles.evidence}>
                    {t.t(`suspicion.evidence.${e.field === 'link' ? 'link' : 'text'}`)} “{e.text}”
                  </Text>
                ))}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {analysis.recipients.map((recipient, i) => (
        <RecipientCard
          key={`${recipient.address ?? ''}-${i}`}
          recipient={recipient}
          t={t}
          showTitle={analysis.recipients.length > 1}
        />
      ))}
      <Accordion collapsible multiple>
        <AccordionItem value="details">
          <AccordionHeader as="h3">{t.t('section.details')}</AccordionHeader>
          <AccordionPanel>
            <dl className={styles.facts}>
              <Fact styles={styles} term={t.t('field.subject')} value={original.subject} />
              <Fact styles={styles} term={t.t('field.sent')} value={original.date} />
              <Fact styles={styles} term={t.t('field.messageId')} value={original.messageId} />
              <Fact styles={styles} term={t.t('field.language')} value={analysis.language} />
              <Fact styles={styles} term={t.t('field.input')} value={t.t(`input.${analysis.input}`)} />
              <Fact styles={styles} term={t.t('field.layout')} value={analysis.layout} />
            </dl>
          </AccordionPanel>
        </AccordionItem>
        {(
          [
            ['user', 'section.userInformation', analysis.userInformation],
            ['admin', 'section.adminInformation', analysis.adminInformation],
            ['headers', 'section.originalHeaders', original.headers],
            [
              'unparsed',
              'section.unparsed',
              analysis.unparsed.length > 0 ? analysis.unparsed.join('\n') : null,
            ],
          ] as const
        ).map(
          ([value, title, text]) =>
            text && (
              <AccordionItem key={value} value={value}>
                <AccordionHeader as="h3">{t.t(title)}</AccordionHeader>
                <AccordionPanel>
                  <pre className={styles.pre}>{text}</pre>
                </AccordionPanel>
              </AccordionItem>
            ),
        )}
        {analysis.warnings.length > 0 && (
          <AccordionItem value="warnings">
            <AccordionHeader as="h3">{t.t('section.warnings')}</AccordionHeader>
            <AccordionPanel>
              {analysis.warnings.map((w, i) => (
                <Caption1 block key={i}>
                  {t.t('warning.generic', { code: w.detail ? `${w.code}: ${w.detail}` : w.code })}
                </Caption1>
              ))}
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
