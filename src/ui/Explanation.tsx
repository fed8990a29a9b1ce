import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { quotedUnlessValid, validAddress } from '../core/safeValues';
import type { Analysis, RecipientOutcome } from '../core/types';
import type { Translator } from '../i18n';
import {
  adminStepsTitle,
  causeGroups,
  causeMeaning,
  causeSentence,
  causeSteps,
  causeText,
  commandMeaning,
  formatDate,
  formatMailDate,
  needsRecipientList,
  outcomeHeadline,
  problemAt,
  reasonMeaning,
  recipientBelowHeadline,
  replyMeaning,
  routeCaption,
  statusMeaning,
  whoMustAct,
  type Audience,
  type ProblemAt,
} from '../i18n/sentences';

export type { Audience } from '../i18n/sentences';

/** Griffel takes no `border-color` shorthand. */
function edges(all: string, left: string) {
  return {
    borderTopColor: all,
    borderRightColor: all,
    borderBottomColor: all,
    borderLeftColor: left,
  };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  headline: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    '@media (min-width: 400px)': {
      fontSize: tokens.fontSizeBase500,
      lineHeight: tokens.lineHeightBase500,
    },
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
  cause: { margin: 0, overflowWrap: 'anywhere' },
  note: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  who: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: tokens.strokeWidthThicker,
    borderLeftStyle: 'solid',
    borderTopWidth: tokens.strokeWidthThin,
    borderRightWidth: tokens.strokeWidthThin,
    borderBottomWidth: tokens.strokeWidthThin,
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    overflowWrap: 'anywhere',
  },
  whoText: { fontWeight: tokens.fontWeightSemibold },
  toneYou: {
    backgroundColor: tokens.colorBrandBackground2,
    ...edges(tokens.colorBrandStroke2, tokens.colorBrandStroke1),
  },
  toneOwn: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    ...edges(tokens.colorStatusWarningBorder1, tokens.colorStatusWarningBorderActive),
  },
  toneTheir: {
    backgroundColor: tokens.colorNeutralBackground3,
    ...edges(tokens.colorNeutralStroke2, tokens.colorNeutralStrokeAccessible),
  },
  toneCalm: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    ...edges(tokens.colorStatusSuccessBorder1, tokens.colorStatusSuccessBorderActive),
  },
  route: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  routeRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto minmax(0, 1fr) auto minmax(0, 1fr)',
    alignItems: 'stretch',
    columnGap: tokens.spacingHorizontalXS,
  },
  node: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  nodeProblem: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
  },
  nodeWaiting: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorStatusWarningBorderActive}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  arrow: { alignSelf: 'center', color: tokens.colorNeutralForeground3, display: 'flex' },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', wordBreak: 'break-word' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  evidence: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  pre: {
    margin: 0,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '240px',
    overflowY: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  recipientBlock: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  accordionHeader: { overflowWrap: 'anywhere' },
});

type Styles = ReturnType<typeof useStyles>;

/** Only links we own (Microsoft Learn, RFC editor) are clickable; nothing from the NDR is. */
function isTrustedDocUrl(url: string): boolean {
  return /^https:\/\/(?:learn\.microsoft\.com|support\.microsoft\.com|www\.rfc-editor\.org|datatracker\.ietf\.org)\//.test(
    url,
  );
}

/** The reader's own locale (e.g. en-US), for dates in the form they are used to. */
function readerTag(): string | null {
  return typeof navigator === 'undefined' ? null : (navigator.language ?? null);
}

/** The same recipient with no address, so that a cause shared by several names none of them. */
function withoutAddress(r: RecipientOutcome): RecipientOutcome {
  return { ...r, address: null };
}

/** Whose side the "who must act" box speaks for: its colour, matching the route picture. */
const TONE: Record<ProblemAt, 'toneYou' | 'toneOwn' | 'toneTheir' | 'toneCalm'> = {
  you: 'toneYou',
  own: 'toneOwn',
  their: 'toneTheir',
  transit: 'toneCalm',
  none: 'toneCalm',
};

function WhoMustAct({
  text,
  detail,
  at,
  styles,
}: {
  text: string;
  detail?: readonly string[];
  at: ProblemAt;
  styles: Styles;
}) {
  return (
    <div className={mergeClasses(styles.who, styles[TONE[at]])} data-testid="who-must-act">
      <Text className={styles.whoText}>{text}</Text>
      {detail?.map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
    </div>
  );
}

function Arrow({ styles }: { styles: Styles }) {
  return (
    <span className={styles.arrow} aria-hidden="true">
      <svg data-route-icon width="14" height="12" viewBox="0 0 14 12" focusable="false">
        <path d="M1 6h10M7 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </span>
  );
}

function ProblemMark({ waiting, label, styles }: { waiting: boolean; label: string; styles: Styles }) {
  return (
    <span className={styles.mark}>
      <svg data-route-icon width="12" height="12" viewBox="0 0 12 12" focusable="false" aria-hidden="true">
        {waiting ? (
          <path
            d="M6 1a5 5 0 1 0 0 10A5 5 0 0 0 6 1zm0 2v3l2 1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
        ) : (
          <path d="M2 2l8 8M10 2l-8 8" fill="none" stroke="currentColor" strokeWidth="2" />
        )}
      </svg>
      {label}
    </span>
  );
}

/**
 * The route of the message with the place of the problem marked: you → your mail server → the
 * recipient's mail server. Drawn with boxes and tokens, so it follows light, dark and high-contrast
 * themes; the caption under it is its text alternative.
 */
function Route({
  recipient,
  delay,
  audience,
  t,
  styles,
}: {
  recipient: RecipientOutcome;
  delay: boolean;
  audience: Audience;
  t: Translator;
  styles: Styles;
}) {
  const at = problemAt(recipient, delay);
  const a = audience === 'other' ? '.other' : '';
  const captionId = useId();
  const nodes: readonly { key: ProblemAt; label: string }[] = [
    { key: 'you', label: t.t(`route.you${a}`) },
    { key: 'own', label: t.t(`route.own${a}`) },
    { key: 'their', label: t.t('route.their') },
  ];
  // A delay waits at the door of the recipient's server.
  const marked: ProblemAt = at === 'transit' ? 'their' : at;
  return (
    <figure className={styles.route} aria-labelledby={captionId} data-testid="route">
      <div className={styles.routeRow} role="img" aria-label={t.t(`route.alt${a}`)}>
        {nodes.map((node, i) => (
          <div key={node.key} style={{ display: 'contents' }}>
            {i > 0 && <Arrow styles={styles} />}
            <div
              className={mergeClasses(
                styles.node,
                node.key === marked && at === 'transit' && styles.nodeWaiting,
                node.key === marked && at !== 'transit' && styles.nodeProblem,
              )}
            >
              <span>{node.label}</span>
              {node.key === marked && (
                <ProblemMark
                  waiting={at === 'transit'}
                  label={t.t(at === 'transit' ? 'route.mark.waiting' : 'route.mark.problem')}
                  styles={styles}
                />
              )}
            </div>
          </div>
        ))}
      </div>
      <Caption1 as="p" id={captionId} className={styles.note}>
        {routeCaption(t, recipient, delay, audience)}
      </Caption1>
    </figure>
  );
}

/**
 * Text quoted from the bounce in a block that scrolls when long; as a scrolling region it takes
 * keyboard focus and a name, so that it can be read without a mouse.
 */
function Quoted({ label, text, styles }: { label: string; text: string; styles: Styles }) {
  return (
    <pre className={styles.pre} role="region" aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}

function StepList({ steps, styles }: { steps: readonly string[]; styles: Styles }) {
  return (
    <ol className={styles.steps}>
      {steps.map((step, i) => (
        <li key={i}>
          <Body1>{step}</Body1>
        </li>
      ))}
    </ol>
  );
}

/** "What you can do" (or, for a helpdesk, what to tell the sender): open, at most three steps. */
function UserSteps({
  recipient,
  audience,
  t,
  styles,
  headingLevel,
}: {
  recipient: RecipientOutcome;
  audience: Audience;
  t: Translator;
  styles: Styles;
  headingLevel: 'h3' | 'h4';
}) {
  const steps = causeSteps(t, recipient, 'userSteps').slice(0, 3);
  const title = t.t(audience === 'other' ? 'section.userSteps.other' : 'section.userSteps');
  const Heading = headingLevel;
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.subheading}>
        {title}
      </Heading>
      {/* Written to the sender: for a helpdesk it is what to pass on, so it sits under this title. */}
      {audience === 'other' && <Body1 className={styles.cause}>{causeText(t, recipient, 'summary')}</Body1>}
      {steps.length > 0 && <StepList steps={steps} styles={styles} />}
    </section>
  );
}

function AdminSteps({
  recipient,
  audience,
  t,
  styles,
}: {
  recipient: RecipientOutcome;
  audience: Audience;
  t: Translator;
  styles: Styles;
}) {
  const steps = causeSteps(t, recipient, 'adminSteps');
  const theirs = recipient.actor === 'recipient-admin';
  return (
    <>
      {theirs && (
        <Caption1 className={styles.note}>
          {t.t(audience === 'other' ? 'section.adminSteps.passOn.other' : 'section.adminSteps.passOn')}
        </Caption1>
      )}
      <StepList steps={steps} styles={styles} />
      {steps.some((s) => /\bX\.\d/.test(s)) && (
        <Caption1 className={styles.note}>{t.t('section.codeNote')}</Caption1>
      )}
      {recipient.docUrl && isTrustedDocUrl(recipient.docUrl) && (
        <Link href={recipient.docUrl} target="_blank" rel="noopener noreferrer">
          {recipient.docUrl.includes('microsoft.com') ? t.t('section.docs') : t.t('section.docsOther')}
        </Link>
      )}
    </>
  );
}

function Fact({
  term,
  value,
  meaning = null,
  code = false,
  styles,
}: {
  term: string;
  value: string | null;
  meaning?: string | null;
  code?: boolean;
  styles: Styles;
}) {
  if (!value) return null;
  return (
    <div>
      <dt className={styles.term}>
        <Caption1>{term}</Caption1>
      </dt>
      <dd className={styles.value}>
        <Caption1 className={code ? styles.code : undefined}>{value}</Caption1>
        {meaning && <Caption1> — {meaning}</Caption1>}
      </dd>
    </div>
  );
}

/** The facts of one recipient, every code explained in words next to it. */
function RecipientFacts({
  recipient: r,
  t,
  styles,
}: {
  recipient: RecipientOutcome;
  t: Translator;
  styles: Styles;
}) {
  return (
    <>
      <dl className={styles.facts}>
        <Fact styles={styles} term={t.t('field.recipient')} value={quotedUnlessValid(r.address)} />
        <Fact
          styles={styles}
          term={t.t('field.status')}
          value={r.status?.code ?? null}
          meaning={statusMeaning(t, r.status?.code)}
          code
        />
        <Fact
          styles={styles}
          term={t.t('field.replyCode')}
          value={r.replyCode}
          meaning={replyMeaning(t, r.replyCode)}
          code
        />
        <Fact styles={styles} term={t.t('field.remoteMta')} value={r.remoteMta} code />
        <Fact styles={styles} term={t.t('field.reportingMta')} value={r.reportingMta} code />
        <Fact
          styles={styles}
          term={t.t('field.command')}
          value={r.command}
          meaning={commandMeaning(t, r.command)}
          code
        />
        <Fact
          styles={styles}
          term={t.t('field.reason')}
          value={r.reason}
          meaning={reasonMeaning(t, r.reason)}
          code
        />
        <Fact styles={styles} term={t.t('field.cause')} value={r.cause} meaning={causeMeaning(t, r)} code />
      </dl>
      {r.diagnostic && (
        <>
          <Caption1 className={styles.term}>{t.t('field.diagnostic')}</Caption1>
          <Quoted label={t.t('field.diagnostic')} text={r.diagnostic} styles={styles} />
        </>
      )}
      {r.evidence.length > 0 && (
        <>
          <Caption1 className={styles.term}>{t.t('section.evidence')}</Caption1>
          <ul className={styles.steps}>
            {r.evidence.map((e, i) => (
              <li key={i} className={styles.evidence}>
                {e.field}: “{e.text}”
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function TechnicalDetails({ analysis, t, styles }: { analysis: Analysis; t: Translator; styles: Styles }) {
  const original = analysis.original;
  const several = analysis.recipients.length > 1;
  const sections = (
    [
      ['user', 'section.userInformation', analysis.userInformation],
      ['admin', 'section.adminInformation', analysis.adminInformation],
      ['headers', 'section.originalHeaders', original.headers],
      ['unparsed', 'section.unparsed', analysis.unparsed.length > 0 ? analysis.unparsed.join('\n') : null],
    ] as const
  ).filter(([, , text]) => text);
  return (
    <div className={styles.panel}>
      {analysis.recipients.map((r, i) => (
        <section
          key={i}
          className={styles.panel}
          aria-label={several ? t.t('section.recipientDetails', { number: i + 1 }) : undefined}
        >
          {several && (
            <h4 className={styles.subheading}>
              {validAddress(r.address) ?? t.t('section.recipientDetails', { number: i + 1 })}
            </h4>
          )}
          <RecipientFacts recipient={r} t={t} styles={styles} />
        </section>
      ))}
      <dl className={styles.facts}>
        <Fact styles={styles} term={t.t('field.subject')} value={original.subject} />
        <Fact
          styles={styles}
          term={t.t('field.sent')}
          value={formatMailDate(original.date, t.locale, readerTag()) ?? original.date}
        />
        <Fact styles={styles} term={t.t('field.messageId')} value={original.messageId} code />
        <Fact styles={styles} term={t.t('field.language')} value={analysis.language} />
        <Fact styles={styles} term={t.t('field.input')} value={t.t(`input.${analysis.input}`)} />
        <Fact styles={styles} term={t.t('field.layout')} value={analysis.layout} code />
      </dl>
      {(sections.length > 0 || analysis.warnings.length > 0) && (
        <Accordion collapsible multiple>
          {sections.map(([value, title, text]) => (
            <AccordionItem key={value} value={value}>
              <AccordionHeader as="h4" className={styles.accordionHeader}>
                {t.t(title)}
              </AccordionHeader>
              <AccordionPanel>
                <Quoted label={t.t(title)} text={text ?? ''} styles={styles} />
              </AccordionPanel>
            </AccordionItem>
          ))}
          {analysis.warnings.length > 0 && (
            <AccordionItem value="warnings">
              <AccordionHeader as="h4" className={styles.accordionHeader}>
                {t.t('section.warnings')}
              </AccordionHeader>
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
      )}
    </div>
  );
}

/** The look-alike warning, each sign with the link or words that raised it; nothing when there is none. */
function SuspicionWarning({ analysis, t, styles }: { analysis: Analysis; t: Translator; styles: Styles }) {
  if (analysis.suspicion.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
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
  );
}

/** The lines under "who must act" for a delay: no need to resend, and until when it is tried. */
function delayDetail(r: RecipientOutcome, t: Translator, audience: Audience): string[] {
  const lines = [t.t(audience === 'other' ? 'verdict.delay.note.other' : 'verdict.delay.note')];
  const until = formatDate(r.retryUntil, t.locale, readerTag());
  if (until) lines.push(t.t('verdict.retryUntil', { date: until }));
  return lines;
}

/** One cause for several recipients, or each cause in turn, when the first screen cannot name one. */
function RecipientGroup({
  group,
  delay,
  audience,
  t,
  styles,
}: {
  group: readonly RecipientOutcome[];
  delay: boolean;
  audience: Audience;
  t: Translator;
  styles: Styles;
}) {
  const first = group[0];
  const headingId = useId();
  if (!first) return null;
  const names = group.map(
    (r, i) => validAddress(r.address) ?? t.t('section.recipientDetails', { number: i + 1 }),
  );
  const subject = group.length > 1 ? withoutAddress(first) : first;
  return (
    <section className={styles.recipientBlock} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {names.join(', ')}
      </h3>
      <Body1 className={styles.cause}>{causeSentence(t, subject, audience)}</Body1>
      {first.confidence !== 'catalogue' && (
        <Caption1 className={styles.note}>{t.t(`confidence.${first.confidence}`)}</Caption1>
      )}
      <WhoMustAct
        text={whoMustAct(t, first, delay, audience)}
        at={problemAt(first, delay)}
        styles={styles}
        {...(delay ? { detail: delayDetail(first, t, audience) } : {})}
      />
      {audience === 'sender' && <Body1 className={styles.cause}>{causeText(t, subject, 'summary')}</Body1>}
      <UserSteps recipient={subject} audience={audience} t={t} styles={styles} headingLevel="h4" />
    </section>
  );
}

export interface ExplanationProps {
  readonly analysis: Analysis;
  readonly t: Translator;
  /**
   * Who reads it: 'sender' (default) is spoken to as "you"; 'other' (a helpdesk opening a user's
   * forward) reads about "the sender".
   */
  readonly audience?: Audience;
  /** The primary action ("Send to my admin" and "Copy details"), placed right after who must act. */
  readonly action?: ReactNode;
}

/**
 * The explanation, first screen first: the headline (what happened), the cause in one sentence, who
 * must act from the reader's side, the action, and a picture of the route. Then "What you can do"
 * (open), what the admin must check (closed, labelled by whose admin) and the technical details
 * (closed), where every internal code stands next to its meaning.
 */
export function Explanation({ analysis, t, audience = 'sender', action = null }: ExplanationProps) {
  const styles = useStyles();
  const delay = analysis.verdict === 'delay';
  const first = analysis.recipients[0];
  const list = needsRecipientList(analysis, t);
  const groups = causeGroups(analysis);
  const actors = new Set(analysis.recipients.map((r) => r.actor));
  const headlineId = useId();
  const longAddress = recipientBelowHeadline(analysis, t);
  const others = analysis.recipients.length - 1;

  return (
    <article className={styles.root} aria-labelledby={headlineId}>
      <SuspicionWarning analysis={analysis} t={t} styles={styles} />
      <h2 id={headlineId} className={styles.headline} tabIndex={-1} data-result-focus>
        {outcomeHeadline(analysis, t, audience)}
      </h2>
      {longAddress && (
        <Body1 as="p" className={styles.cause}>
          {t.t('headline.recipientLine', {
            recipient: longAddress,
            others: others > 0 ? t.t('headline.others', { count: others }) : '',
          })}
        </Body1>
      )}
      {first && !list && (
        <>
          <Body1 as="p" className={styles.cause}>
            {causeSentence(t, first, audience)}
          </Body1>
          {first.confidence !== 'catalogue' && (
            <Caption1 as="p" className={styles.note}>
              {t.t(`confidence.${first.confidence}`)}
            </Caption1>
          )}
          <WhoMustAct
            text={whoMustAct(t, first, delay, audience)}
            at={problemAt(first, delay)}
            styles={styles}
            {...(delay ? { detail: delayDetail(first, t, audience) } : {})}
          />
        </>
      )}
      {first && list && (
        <>
          {groups.length > 1 && (
            <Body1 as="p" className={styles.cause}>
              {t.t('headline.multipleCauses')}
            </Body1>
          )}
          <WhoMustAct
            text={actors.size === 1 ? whoMustAct(t, first, delay, audience) : t.t('who.mixed')}
            at={actors.size === 1 ? problemAt(first, delay) : 'none'}
            styles={styles}
          />
        </>
      )}
      {action}
      {first && !list && (
        <>
          <Route recipient={first} delay={delay} audience={audience} t={t} styles={styles} />
          {audience === 'sender' && (
            <Body1 as="p" className={styles.cause}>
              {causeText(t, first, 'summary')}
            </Body1>
          )}
          <UserSteps recipient={first} audience={audience} t={t} styles={styles} headingLevel="h3" />
        </>
      )}
      {list &&
        groups.map((group, i) => (
          <RecipientGroup key={i} group={group} delay={delay} audience={audience} t={t} styles={styles} />
        ))}
      <Accordion collapsible multiple>
        {groups.map((group, i) => {
          const r = group[0];
          if (!r || causeSteps(t, r, 'adminSteps').length === 0) return null;
          return (
            <AccordionItem key={`admin-${i}`} value={`admin-${i}`}>
              <AccordionHeader as="h3" className={styles.accordionHeader}>
                {adminStepsTitle(t, r, delay, audience)}
                {list ? ` (${group.map((g, j) => validAddress(g.address) ?? String(j + 1)).join(', ')})` : ''}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.panel}>
                  <AdminSteps
                    recipient={group.length > 1 ? withoutAddress(r) : r}
                    audience={audience}
                    t={t}
                    styles={styles}
                  />
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
        <AccordionItem value="details">
          <AccordionHeader as="h3" className={styles.accordionHeader}>
            {t.t('section.details')}
          </AccordionHeader>
          <AccordionPanel>
            <TechnicalDetails analysis={analysis} t={t} styles={styles} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </article>
  );
}
