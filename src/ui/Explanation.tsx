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
import { useId, useMemo, type ReactNode } from 'react';
import { ADMIN_CENTER_URLS, adminCenterPages, adminCommands } from '../core/adminCommands';
import { planDnsCheck } from '../core/dnsCheck';
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import {
  explain,
  type AdminStepsView,
  type Audience,
  type CauseView,
  type DetailRow,
  type EvidenceLine,
  type ExplanationView,
  type ProblemAt,
  type RouteView,
  type WhoView,
  quoted,
} from '../i18n/explain';
import { AdminCommands } from './AdminCommands';
import { DnsCheck } from './DnsCheck';
import { TOUCH, TOUCH_TARGET, useTouchStyles } from './touch';
import type { DnsCheckDone, DnsLookup } from './dnsLookup';

type Marks = ExplanationView['marks'];

export type { Audience } from '../i18n/explain';

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
  adviceList: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  signs: {
    marginTop: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
    '& > summary': { cursor: 'pointer', minHeight: '24px', fontWeight: tokens.fontWeightSemibold },
    // Under the rule above, which a class on the summary would not outweigh.
    [TOUCH]: {
      '& > summary': {
        boxSizing: 'border-box',
        minHeight: TOUCH_TARGET,
        paddingTop: '12px',
        paddingBottom: '12px',
      },
    },
  },
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

/** The reader's own locale (e.g. en-US), for dates in the form they are used to. */
function readerTag(): string | null {
  return typeof navigator === 'undefined' ? null : (navigator.language ?? null);
}

/** Whose side the "who must act" box speaks for: its colour, matching the route picture. */
const TONE: Record<ProblemAt, 'toneYou' | 'toneOwn' | 'toneTheir' | 'toneCalm'> = {
  you: 'toneYou',
  own: 'toneOwn',
  their: 'toneTheir',
  transit: 'toneCalm',
  none: 'toneCalm',
};

function WhoMustAct({ who, styles }: { who: WhoView; styles: Styles }) {
  return (
    <div className={mergeClasses(styles.who, styles[TONE[who.at]])} data-testid="who-must-act">
      <Text className={styles.whoText}>{who.text}</Text>
      {who.detail.map((line) => (
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
function Route({ route, styles }: { route: RouteView; styles: Styles }) {
  const captionId = useId();
  return (
    <figure className={styles.route} aria-labelledby={captionId} data-testid="route">
      <div className={styles.routeRow} role="img" aria-label={route.alt}>
        {route.nodes.map((node, i) => (
          <div key={node.key} style={{ display: 'contents' }}>
            {i > 0 && <Arrow styles={styles} />}
            <div
              className={mergeClasses(
                styles.node,
                node.mark?.kind === 'waiting' && styles.nodeWaiting,
                node.mark?.kind === 'problem' && styles.nodeProblem,
              )}
            >
              <span>{node.label}</span>
              {node.mark && (
                <ProblemMark waiting={node.mark.kind === 'waiting'} label={node.mark.label} styles={styles} />
              )}
            </div>
          </div>
        ))}
      </div>
      <Caption1 as="p" id={captionId} className={styles.note}>
        {route.caption}
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
  cause,
  audience,
  styles,
  headingLevel,
}: {
  cause: CauseView;
  audience: Audience;
  styles: Styles;
  headingLevel: 'h3' | 'h4';
}) {
  const Heading = headingLevel;
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.subheading}>
        {cause.userSteps.title}
      </Heading>
      {/* Written to the sender: for a helpdesk it is what to pass on, so it sits under this title. */}
      {audience === 'other' && <Body1 className={styles.cause}>{cause.summary}</Body1>}
      {cause.userSteps.items.length > 0 && <StepList steps={cause.userSteps.items} styles={styles} />}
    </section>
  );
}

function AdminSteps({ steps, cause, styles }: { steps: AdminStepsView; cause: CauseView; styles: Styles }) {
  const touch = useTouchStyles();
  return (
    <>
      {steps.passOn && <Caption1 className={styles.note}>{steps.passOn}</Caption1>}
      <StepList steps={steps.items} styles={styles} />
      {steps.codeNote && <Caption1 className={styles.note}>{steps.codeNote}</Caption1>}
      {cause.doc?.trusted && (
        <Link className={touch.link} href={cause.doc.url} target="_blank" rel="noopener noreferrer">
          {cause.doc.label}
        </Link>
      )}
    </>
  );
}

/** One row of the details: a value of ours or that passed its check as it is, the bounce's own text quoted. */
function Fact({ row, marks, styles }: { row: DetailRow; marks: Marks; styles: Styles }) {
  return (
    <div>
      <dt className={styles.term}>
        <Caption1>{row.label}</Caption1>
      </dt>
      <dd className={styles.value}>
        <Caption1 className={row.code ? styles.code : undefined}>
          {row.quoted ? quoted(marks, row.value) : row.value}
        </Caption1>
        {row.meaning && <Caption1> — {row.meaning}</Caption1>}
      </dd>
    </div>
  );
}

function Facts({ rows, marks, styles }: { rows: readonly DetailRow[]; marks: Marks; styles: Styles }) {
  return (
    <>
      <dl className={styles.facts}>
        {rows
          .filter((row) => !row.block)
          .map((row) => (
            <Fact key={row.key} row={row} marks={marks} styles={styles} />
          ))}
      </dl>
      {rows
        .filter((row) => row.block)
        .map((row) => (
          <div key={row.key} className={styles.panel}>
            <Caption1 className={styles.term}>{row.label}</Caption1>
            <Quoted label={row.label} text={row.value} styles={styles} />
          </div>
        ))}
    </>
  );
}

/** Where each finding was read: our words, then what was read there (quoted when the bounce wrote it). */
function Evidence({
  lines,
  title,
  marks,
  styles,
}: {
  lines: readonly EvidenceLine[];
  title: string;
  marks: Marks;
  styles: Styles;
}) {
  if (lines.length === 0) return null;
  return (
    <>
      <Caption1 className={styles.term}>{title}</Caption1>
      <ul className={styles.steps} data-testid="evidence">
        {lines.map((e, i) => (
          <li key={i}>
            <Caption1>
              {e.where}
              {marks.colon}
            </Caption1>
            <Caption1 className={styles.evidence}>{e.quoted ? quoted(marks, e.text) : e.text}</Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

function TechnicalDetails({ view, styles }: { view: ExplanationView; styles: Styles }) {
  const several = view.recipients.length > 1;
  return (
    <div className={styles.panel}>
      {view.recipients.map((r, i) => (
        <section key={i} className={styles.panel} aria-label={several ? r.name : undefined}>
          {several && <h4 className={styles.subheading}>{r.name}</h4>}
          <Facts rows={r.details} marks={view.marks} styles={styles} />
          <Evidence lines={r.evidence} title={view.titles.evidence} marks={view.marks} styles={styles} />
        </section>
      ))}
      <Facts rows={view.original} marks={view.marks} styles={styles} />
      {(view.sections.length > 0 || view.notes.length > 0) && (
        <Accordion collapsible multiple>
          {view.sections.map((section) => (
            <AccordionItem key={section.key} value={section.key}>
              <AccordionHeader as="h4" className={styles.accordionHeader}>
                {section.title}
              </AccordionHeader>
              <AccordionPanel>
                <Quoted label={section.title} text={section.text} styles={styles} />
              </AccordionPanel>
            </AccordionItem>
          ))}
          {view.notes.length > 0 && (
            <AccordionItem value="warnings">
              <AccordionHeader as="h4" className={styles.accordionHeader}>
                {view.titles.notes}
              </AccordionHeader>
              <AccordionPanel>
                {view.notes.map((note, i) => (
                  <Caption1 block key={i}>
                    {note.text}
                    {note.quoted && (
                      <span className={styles.evidence}> {quoted(view.marks, note.quoted)}</span>
                    )}
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

/**
 * A lure or backscatter, said first: what it is, what to do (and not do), and on request the signs
 * with the link, header or words that raised each, quoted. Nothing for a genuine report.
 */
function SuspicionWarning({ view, styles }: { view: ExplanationView; styles: Styles }) {
  const suspicion = view.suspicion;
  if (!suspicion) return null;
  return (
    <MessageBar
      intent={suspicion.verdict === 'suspicious' ? 'error' : 'info'}
      layout="multiline"
      data-suspicion={suspicion.verdict}
    >
      <MessageBarBody>
        <MessageBarTitle>{suspicion.title}</MessageBarTitle>
        <Text block>{suspicion.intro}</Text>
        <ul className={styles.adviceList}>
          {suspicion.advice.map((line) => (
            <li key={line}>
              <Text>{line}</Text>
            </li>
          ))}
        </ul>
        <details className={styles.signs}>
          <summary>{suspicion.signsTitle}</summary>
          {suspicion.items.map(({ text, evidence }) => (
            <div key={text}>
              <Text block>{text}</Text>
              {evidence.map((e) => (
                <Text block key={`${e.label}:${e.text}`} className={styles.evidence}>
                  {e.label} {quoted(view.marks, e.text)}
                </Text>
              ))}
            </div>
          ))}
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}

/** One cause for several recipients, or each cause in turn, when the first screen cannot name one. */
function RecipientGroup({
  cause,
  audience,
  styles,
}: {
  cause: CauseView;
  audience: Audience;
  styles: Styles;
}) {
  const headingId = useId();
  return (
    <section className={styles.recipientBlock} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {cause.names.join(', ')}
      </h3>
      <Body1 className={styles.cause}>{cause.sentence}</Body1>
      {cause.confidence && <Caption1 className={styles.note}>{cause.confidence}</Caption1>}
      <WhoMustAct who={cause.who} styles={styles} />
      {audience === 'sender' && <Body1 className={styles.cause}>{cause.summary}</Body1>}
      <UserSteps cause={cause} audience={audience} styles={styles} headingLevel="h4" />
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
  /** The DNS check offered next to the admin steps; null when the feature is off. */
  readonly dns?: DnsLookup | null;
  /** Told when the user ran the DNS check, so "Send to my admin" can carry it. */
  readonly onDnsResult?: (done: DnsCheckDone) => void;
  /**
   * The admin opened a mail made by "Send to my admin" (src/ui/adminReport.ts): the pane speaks to
   * them, admin steps first and open. `user` is who sent it, when a valid address.
   */
  readonly adminView?: { readonly user: string | null } | null;
}

/** The admin view's first lines: who sent the bounce, and whose move it is, said to the admin. */
function AdminViewBanner({ user, t }: { user: string | null; t: Translator }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="admin-view">
      <MessageBarBody>
        {user ? t.t('adminView.banner', { user }) : t.t('adminView.banner.plain')}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Links to the admin-center pages for this cause: our own fixed addresses, never the bounce's. */
function AdminCenterLinks({
  pages,
  t,
  styles,
}: {
  pages: readonly AdminCenterPage[];
  t: Translator;
  styles: Styles;
}) {
  const touch = useTouchStyles();
  if (pages.length === 0) return null;
  return (
    <section className={styles.section} aria-label={t.t('adminView.adminCenter')}>
      <h4 className={styles.subheading}>{t.t('adminView.adminCenter')}</h4>
      <ul className={styles.steps}>
        {pages.map((page) => (
          <li key={page}>
            <Link
              className={touch.link}
              href={ADMIN_CENTER_URLS[page]}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t.t(`adminCenter.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type AdminCenterPage = ReturnType<typeof adminCenterPages>[number];

/**
 * The explanation, first screen first: the headline (what happened), the cause in one sentence, who
 * must act from the reader's side, the action, and a picture of the route. Then "What you can do"
 * (open), what the admin must check (closed, labelled by whose admin) and the technical details
 * (closed), where every internal code stands next to its meaning and every finding next to where
 * it was read. Everything it says comes from `explain` (src/i18n/explain.ts), as in the admin mail
 * and on the command line.
 */
export function Explanation({
  analysis,
  t,
  audience = 'sender',
  action = null,
  dns = null,
  onDnsResult,
  adminView = null,
}: ExplanationProps) {
  const styles = useStyles();
  const view = useMemo(
    () => explain(analysis, t, { audience, readerTag: readerTag() }),
    [analysis, t, audience],
  );
  const headlineId = useId();
  const first = view.causes[0];
  // The DNS check answers the first cause's admin steps, for the domain its recipient names.
  const firstRecipient = first ? analysis.recipients[first.recipients[0] ?? -1] : undefined;
  const dnsPlan = useMemo(
    () => (dns && firstRecipient ? planDnsCheck(analysis, firstRecipient) : null),
    [analysis, firstRecipient, dns],
  );
  // Copy-ready PowerShell with this bounce's validated values, under the first cause's admin steps.
  const commands = useMemo(
    () => (firstRecipient && !view.suspicion ? adminCommands(analysis, firstRecipient) : []),
    [analysis, firstRecipient, view.suspicion],
  );
  const pages = useMemo(
    () => (adminView && firstRecipient && !view.suspicion ? adminCenterPages(firstRecipient) : []),
    [adminView, firstRecipient, view.suspicion],
  );
  // Said to the admin: whose move it is (theirs, the recipient's admin's, or the user's).
  const who =
    adminView && view.who && firstRecipient
      ? {
          ...view.who,
          text: t.t(view.delay ? 'adminView.act.delay' : `adminView.act.${firstRecipient.actor}`),
        }
      : view.who;
  // The admin view opens every cause's admin steps; the user's own steps wait under their title.
  const openAdmin = adminView
    ? view.causes.flatMap((cause, i) => (cause.adminSteps ? [`admin-${i}`] : []))
    : [];

  return (
    <article className={styles.root} aria-labelledby={headlineId}>
      {adminView && <AdminViewBanner user={adminView.user} t={t} />}
      <h2 id={headlineId} className={styles.headline} tabIndex={-1} data-result-focus>
        {view.headline}
      </h2>
      <SuspicionWarning view={view} styles={styles} />
      {view.recipientLine && (
        <Body1 as="p" className={styles.cause}>
          {view.recipientLine}
        </Body1>
      )}
      {first && !view.list && first.sentence && (
        <>
          <Body1 as="p" className={styles.cause}>
            {first.sentence}
          </Body1>
          {first.confidence && (
            <Caption1 as="p" className={styles.note}>
              {first.confidence}
            </Caption1>
          )}
        </>
      )}
      {view.multipleCauses && (
        <Body1 as="p" className={styles.cause}>
          {view.multipleCauses}
        </Body1>
      )}
      {who && <WhoMustAct who={who} styles={styles} />}
      {action}
      {!adminView && first && !view.list && !view.suspicion && (
        <>
          {view.route && <Route route={view.route} styles={styles} />}
          {audience === 'sender' && (
            <Body1 as="p" className={styles.cause}>
              {first.summary}
            </Body1>
          )}
          <UserSteps cause={first} audience={audience} styles={styles} headingLevel="h3" />
        </>
      )}
      {!adminView &&
        view.list &&
        !view.suspicion &&
        view.causes.map((cause, i) => (
          <RecipientGroup key={i} cause={cause} audience={audience} styles={styles} />
        ))}
      <Accordion collapsible multiple defaultOpenItems={openAdmin}>
        {view.causes.map((cause, i) =>
          cause.adminSteps ? (
            <AccordionItem key={`admin-${i}`} value={`admin-${i}`}>
              <AccordionHeader as="h3" className={styles.accordionHeader}>
                {cause.adminSteps.title}
                {view.list ? ` (${cause.names.join(', ')})` : ''}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.panel}>
                  <AdminSteps steps={cause.adminSteps} cause={cause} styles={styles} />
                  {i === 0 && <AdminCommands commands={commands} t={t} />}
                  {i === 0 && <AdminCenterLinks pages={pages} t={t} styles={styles} />}
                  {i === 0 && dns && dnsPlan && (
                    <DnsCheck
                      plan={dnsPlan}
                      lookup={dns}
                      t={t}
                      {...(onDnsResult ? { onResult: onDnsResult } : {})}
                    />
                  )}
                </div>
              </AccordionPanel>
            </AccordionItem>
          ) : null,
        )}
        {adminView && !view.suspicion && first && (
          <AccordionItem value="userTold">
            <AccordionHeader as="h3" className={styles.accordionHeader}>
              {t.t('adminView.userTold')}
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.panel}>
                {view.list ? (
                  view.causes.map((cause, i) => (
                    <RecipientGroup key={i} cause={cause} audience={audience} styles={styles} />
                  ))
                ) : (
                  <UserSteps cause={first} audience={audience} styles={styles} headingLevel="h4" />
                )}
              </div>
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="details">
          <AccordionHeader as="h3" className={styles.accordionHeader}>
            {view.titles.details}
          </AccordionHeader>
          <AccordionPanel>
            <TechnicalDetails view={view} styles={styles} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </article>
  );
}
