/**
 * One explanation of an analysis, as plain readonly data, for the pane (src/ui/Explanation.tsx), the
 * admin mail (src/ui/adminMail.ts) and the command line (src/cli/format.ts) alike: they only lay it
 * out, so they cannot say different things.
 *
 * Two kinds of text are in it and never mixed. Our own sentences, built by src/i18n/sentences from
 * values that passed their check in src/core/safeValues; and the bounce's own text (a detail value,
 * the server's answer, evidence, the quoted sections), always in a field of its own with
 * `quoted: true` or in a field named as quoted, which every renderer shows as a quote and never as
 * our words. Quoted text is passed on as the analysis holds it; each renderer makes it safe for its
 * medium (React text, escaped HTML, terminal-safe text).
 *
 * Pure: no React, DOM or Office, so it runs in every jest project and on the command line.
 */
import { sentenceValues, validAddress, validHostname, validStatus } from '../core/safeValues';
import type { Analysis, Evidence, RecipientOutcome, Verdict } from '../core/types';
import type { Translator } from './index';
import { isOne } from './intl';
import {
  adminStepsTitle,
  causeMeaning,
  causeSentence,
  causeSteps,
  causeText,
  commandMeaning,
  formatDate,
  formatMailDate,
  isUncertain,
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
} from './sentences';

export type { Audience, ProblemAt } from './sentences';

export interface ExplainOptions {
  /** 'sender' (default) is spoken to as "you"; 'other' (a helpdesk) reads about "the sender". */
  readonly audience?: Audience;
  /** The reader's own locale (e.g. `en-US`), for dates in the form they are used to. */
  readonly readerTag?: string | null;
}

/** The rows of the technical details, in the order every renderer shows them. */
export type DetailKey =
  | 'recipient'
  | 'status'
  | 'replyCode'
  | 'diagnostic'
  | 'remoteMta'
  | 'reportingMta'
  | 'command'
  | 'reason'
  | 'cause'
  | 'subject'
  | 'sent'
  | 'from'
  | 'messageId'
  | 'language'
  | 'input'
  | 'layout';

export interface DetailRow {
  readonly key: DetailKey;
  readonly label: string;
  /**
   * The value. When `quoted`, it is the bounce's own text as received (it failed, or has no, strict
   * check) and is shown as a quote; otherwise it passed its check or is a code or word of ours.
   */
  readonly value: string;
  readonly quoted: boolean;
  /** Several lines of the bounce's text (the server's answer): shown as a block. */
  readonly block: boolean;
  /** A code or machine value, shown in a fixed-width font. */
  readonly code: boolean;
  /** What the value means, in our words; null when we have none. */
  readonly meaning: string | null;
}

/** Where a finding was read: "From the delivery-status part, field Status" and the text read there. */
export interface EvidenceLine {
  readonly source: Evidence['source'];
  /** Our words: the part of the bounce and the field. */
  readonly where: string;
  /** What was read. Quoted text from the bounce, except for the catalogue's own reference. */
  readonly text: string;
  readonly quoted: boolean;
}

export interface WhoView {
  /** "Your message is fine — the recipient's mail admin must fix this" (pane and command line). */
  readonly text: string;
  /** The same in the words of a user writing to their admin ("Who must act: …."). */
  readonly mailLine: string;
  /** Whose side: the colour of the pane's box and the place on the route. */
  readonly at: ProblemAt;
  /** Lines under it: for a delay, no need to resend and until when it is tried. */
  readonly detail: readonly string[];
}

export interface StepsView {
  readonly title: string;
  readonly items: readonly string[];
}

export interface AdminStepsView extends StepsView {
  /** The title in the words of a user writing to their admin. */
  readonly mailTitle: string;
  /** For the recipient's admin's steps: that they are to be passed on. */
  readonly passOn: string | null;
  /** What the X in X.2.2 stands for, when a step has such a code. */
  readonly codeNote: string | null;
}

/** A documentation link from our catalogue (never from the bounce). */
export interface DocLink {
  readonly url: string;
  readonly label: string;
  /** Microsoft Learn, Microsoft Support or the RFC editor: the pane makes only these clickable. */
  readonly trusted: boolean;
}

/** One cause and what it asks of whom; several recipients may share it. */
export interface CauseView {
  readonly cause: string;
  /** Indexes into `ExplanationView.recipients`. */
  readonly recipients: readonly number[];
  /** The recipients' names: a valid address or "Recipient 2". */
  readonly names: readonly string[];
  /** The cause in one sentence, ending with a full stop. */
  readonly sentence: string;
  readonly summary: string;
  /** "Not certain: …" when the cause is not an exact match. */
  readonly confidence: string | null;
  readonly who: WhoView;
  readonly userSteps: StepsView;
  readonly adminSteps: AdminStepsView | null;
  readonly doc: DocLink | null;
}

export interface RouteNode {
  readonly key: 'you' | 'own' | 'their';
  readonly label: string;
  /** The mark on the node where the problem lies; null elsewhere. */
  readonly mark: { readonly kind: 'problem' | 'waiting'; readonly label: string } | null;
}

/** The route picture: you → your mail server → the recipient's mail server, the problem marked. */
export interface RouteView {
  readonly at: ProblemAt;
  readonly alt: string;
  readonly nodes: readonly RouteNode[];
  /** The sentence under the picture, also its text alternative. */
  readonly caption: string;
}

export interface RecipientView {
  /** A valid address, or "Recipient 2". */
  readonly name: string;
  readonly address: string | null;
  /** Index into `ExplanationView.causes`. */
  readonly cause: number;
  /** The cause's title for this recipient (the admin mail's heading). */
  readonly title: string;
  readonly details: readonly DetailRow[];
  readonly evidence: readonly EvidenceLine[];
}

export interface SuspicionView {
  readonly text: string;
  /** The links or words that raised it: `label` ours, `text` quoted from the bounce. */
  readonly evidence: readonly { readonly label: string; readonly text: string }[];
}

/** A long part of the bounce, shown as a quoted block under its title. */
export interface QuotedSection {
  readonly key: 'userInformation' | 'adminInformation' | 'originalHeaders' | 'unparsed';
  readonly title: string;
  readonly text: string;
}

export interface ExplanationView {
  readonly verdict: Verdict;
  readonly audience: Audience;
  readonly delay: boolean;
  /** For a message that is not a bounce or a delay: what it is instead. Then nothing else is set. */
  readonly state: { readonly title: string; readonly body: string } | null;
  /** What happened and to whom, never the cause: "Your message to jan@fabrikam.example was not delivered". */
  readonly headline: string;
  /** "To <address>" under the headline, when the address is too long for it. */
  readonly recipientLine: string | null;
  /**
   * True when the first screen cannot speak of one cause for one recipient: each cause is then
   * explained in turn under its recipients' names.
   */
  readonly list: boolean;
  /** "It failed for different reasons; …" when recipients failed for different causes. */
  readonly multipleCauses: string | null;
  /** Who must act, on the first screen. */
  readonly who: WhoView | null;
  /** The route picture, on the first screen when there is one cause for one recipient. */
  readonly route: RouteView | null;
  readonly causes: readonly CauseView[];
  readonly recipients: readonly RecipientView[];
  /**
   * When the report is not what it seems: a lure (`suspicious`) or a bounce of a message the reader
   * never sent (`backscatter`). Then the first screen shows this instead of the fix: our advice,
   * and the signs with the evidence that raised them.
   */
  readonly suspicion: {
    readonly verdict: 'suspicious' | 'backscatter';
    readonly confidence: 'high' | 'medium';
    readonly title: string;
    /** What it is, in one or two sentences of ours. */
    readonly intro: string;
    /** What to do (and not do). */
    readonly advice: readonly string[];
    readonly mailTitle: string;
    /** The title of the signs' disclosure ("Why we think so"). */
    readonly signsTitle: string;
    readonly items: readonly SuspicionView[];
  } | null;
  readonly original: readonly DetailRow[];
  readonly sections: readonly QuotedSection[];
  /** The titles of the technical details, of the evidence under each recipient, and of the notes. */
  readonly titles: { readonly details: string; readonly evidence: string; readonly notes: string };
  /**
   * The locale's quotation marks, put around every text quoted from the bounce, and the separator
   * after a label ("field Status: ", French "champ Status : ").
   */
  readonly marks: { readonly open: string; readonly close: string; readonly colon: string };
  /** Problems met while reading the message: our words with the code, and the detail quoted. */
  readonly notes: readonly { readonly text: string; readonly quoted: string | null }[];
}

/** The locale's quotation marks and label separator (`marks.*` in ui.json). */
export function marksOf(t: Translator): ExplanationView['marks'] {
  return { open: t.t('marks.quoteOpen'), close: t.t('marks.quoteClose'), colon: t.t('marks.colon') };
}

/** Text from the bounce between the locale's quotation marks. */
export function quoted(marks: ExplanationView['marks'], text: string): string {
  return `${marks.open}${text}${marks.close}`;
}

/** Only links we own (Microsoft Learn and Support, the RFC editor) may be clickable. */
export function isTrustedDocUrl(url: string): boolean {
  return /^https:\/\/(?:learn\.microsoft\.com|support\.microsoft\.com|www\.rfc-editor\.org|datatracker\.ietf\.org)\//.test(
    url,
  );
}

const STATES: Partial<Record<Verdict, string>> = {
  'auto-reply': 'autoReply',
  feedback: 'feedback',
  'delivery-report': 'deliveryReport',
  'not-a-bounce': 'notBounce',
};

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const REPLY = /^[245]\d\d$/;
const COMMAND = /^[A-Za-z]{2,10}$/;

/** A server name or IPv4 literal as it passes; null otherwise. */
function validServer(value: string | null): string | null {
  if (!value) return null;
  return validHostname(value) ?? (IPV4.test(value) ? value : null);
}

/** A row shown as a fact (`quoted` false) when the value passes `check`, a quoted row otherwise; none when empty. */
function row(
  key: DetailKey,
  label: string,
  value: string | null | undefined,
  check: ((v: string) => string | null) | 'ours' | 'quoted',
  meaning: string | null = null,
  code = true,
): DetailRow[] {
  if (!value) return [];
  // A value that passes is shown as the bounce wrote it (its case kept), but not quoted.
  const passes = check === 'ours' || (check !== 'quoted' && check(value) !== null);
  return [
    {
      key,
      label,
      value,
      quoted: !passes,
      block: key === 'diagnostic',
      code,
      meaning,
    },
  ];
}

function recipientDetails(t: Translator, r: RecipientOutcome): DetailRow[] {
  return [
    ...row('recipient', t.t('field.recipient'), r.address, validAddress, null, false),
    ...row('status', t.t('field.status'), r.status?.code, validStatus, statusMeaning(t, r.status?.code)),
    ...row(
      'replyCode',
      t.t('field.replyCode'),
      r.replyCode,
      (v) => (REPLY.test(v) ? v : null),
      replyMeaning(t, r.replyCode),
    ),
    ...row('diagnostic', t.t('field.diagnostic'), r.diagnostic, 'quoted'),
    ...row('remoteMta', t.t('field.remoteMta'), r.remoteMta, validServer),
    ...row('reportingMta', t.t('field.reportingMta'), r.reportingMta, validServer),
    ...row(
      'command',
      t.t('field.command'),
      r.command,
      (v) => (COMMAND.test(v) ? v : null),
      commandMeaning(t, r.command),
    ),
    ...row(
      'reason',
      t.t('field.reason'),
      r.reason,
      'ours',
      reasonMeaning(t, r.reason, r.action === 'delayed'),
    ),
    ...row('cause', t.t('field.cause'), r.cause, 'ours', causeMeaning(t, r)),
  ];
}

/**
 * A field or catalogue name as the core writes it (`Diagnostic-Code`, `Remote Server returned`,
 * `exo.relayAccessDenied`). The core sets these, not the bounce; a name that is anything else is
 * left out of the sentence all the same.
 */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9 .-]{0,40}$/;

/** "From the delivery-status part, field Status" with what was read there; the catalogue's own reference apart. */
function evidenceLine(t: Translator, e: Evidence): EvidenceLine {
  const field = FIELD_NAME.test(e.field) ? e.field : null;
  if (e.source === 'catalogue')
    return {
      source: e.source,
      where: field ? t.t('evidence.catalogue', { entry: field }) : t.t('evidence.source.catalogue'),
      text: e.text,
      quoted: false,
    };
  const source = t.t(`evidence.source.${e.source}`);
  return {
    source: e.source,
    where: field ? t.t('evidence.where', { source, field }) : t.t('evidence.whereNoField', { source }),
    text: e.text,
    quoted: true,
  };
}

/**
 * Whom a cause's texts speak of: the recipient when it is the only one with this cause; for several,
 * none of them by address, but their domain when they all share it (sentenceValues reads the domain
 * after the `@` when there is no valid address).
 */
function groupSubject(group: readonly RecipientOutcome[], first: RecipientOutcome): RecipientOutcome {
  if (group.length === 1) return first;
  const domains = new Set(group.map((r) => sentenceValues(r).domain));
  const [domain] = domains;
  return { ...first, address: domains.size === 1 && domain ? `@${domain}` : null };
}

function who(t: Translator, r: RecipientOutcome, delay: boolean, options: Required<ExplainOptions>): WhoView {
  const { audience, readerTag } = options;
  const detail: string[] = [];
  if (delay) {
    detail.push(t.t(audience === 'other' ? 'verdict.delay.note.other' : 'verdict.delay.note'));
    const until = formatDate(r.retryUntil, t.locale, readerTag);
    if (until) detail.push(t.t('verdict.retryUntil', { date: until }));
  }
  const mailWho = delay
    ? t.t('admin.who.delay')
    : t.t(r.actor === 'sender' && audience === 'other' ? 'admin.who.sender.other' : `admin.who.${r.actor}`);
  return {
    text: whoMustAct(t, r, delay, audience),
    mailLine: t.t(isUncertain(r) && !delay ? 'admin.who.lineUncertain' : 'admin.who.line', { who: mailWho }),
    at: problemAt(r, delay),
    detail,
  };
}

function adminSteps(
  t: Translator,
  r: RecipientOutcome,
  delay: boolean,
  audience: Audience,
): AdminStepsView | null {
  const items = causeSteps(t, r, 'adminSteps');
  if (items.length === 0) return null;
  const mailTitle = delay
    ? 'admin.steps.delay'
    : isUncertain(r)
      ? 'admin.steps.uncertain'
      : r.actor === 'recipient-admin'
        ? 'admin.steps.their'
        : 'admin.steps.own';
  return {
    title: adminStepsTitle(t, r, delay, audience),
    mailTitle: t.t(mailTitle),
    items,
    passOn:
      r.actor === 'recipient-admin'
        ? t.t(audience === 'other' ? 'section.adminSteps.passOn.other' : 'section.adminSteps.passOn')
        : null,
    codeNote: items.some((s) => /\bX\.\d/.test(s)) ? t.t('section.codeNote') : null,
  };
}

/** At most three steps for the user: more is not read on a small pane. */
const USER_STEPS = 3;

function causeView(
  t: Translator,
  group: readonly RecipientOutcome[],
  indexes: readonly number[],
  names: readonly string[],
  delay: boolean,
  options: Required<ExplainOptions>,
): CauseView | null {
  const first = group[0];
  if (!first) return null;
  const subject = groupSubject(group, first);
  const { audience } = options;
  return {
    cause: first.cause,
    recipients: indexes,
    names,
    sentence: causeSentence(t, subject, audience),
    summary: causeText(t, subject, 'summary'),
    confidence: isUncertain(first) ? t.t(`confidence.${first.confidence}`) : null,
    who: who(t, first, delay, options),
    userSteps: {
      title: t.t(audience === 'other' ? 'section.userSteps.other' : 'section.userSteps'),
      items: causeSteps(t, subject, 'userSteps').slice(0, USER_STEPS),
    },
    adminSteps: adminSteps(t, subject, delay, audience),
    doc:
      first.docUrl && /^https:\/\//.test(first.docUrl)
        ? {
            url: first.docUrl,
            label: first.docUrl.includes('microsoft.com') ? t.t('section.docs') : t.t('section.docsOther'),
            trusted: isTrustedDocUrl(first.docUrl),
          }
        : null,
  };
}

function route(t: Translator, r: RecipientOutcome, delay: boolean, audience: Audience): RouteView {
  const at = problemAt(r, delay);
  const a = audience === 'other' ? '.other' : '';
  // A delay waits at the door of the recipient's server.
  const marked = at === 'transit' ? 'their' : at;
  const mark = (key: RouteNode['key']): RouteNode['mark'] =>
    key !== marked
      ? null
      : at === 'transit'
        ? { kind: 'waiting', label: t.t('route.mark.waiting') }
        : { kind: 'problem', label: t.t('route.mark.problem') };
  return {
    at,
    alt: t.t(`route.alt${a}`),
    nodes: [
      { key: 'you', label: t.t(`route.you${a}`), mark: mark('you') },
      { key: 'own', label: t.t(`route.own${a}`), mark: mark('own') },
      { key: 'their', label: t.t('route.their'), mark: mark('their') },
    ],
    caption: routeCaption(t, r, delay, audience),
  };
}

function originalDetails(analysis: Analysis, t: Translator, readerTag: string | null): DetailRow[] {
  const o = analysis.original;
  const sent = formatMailDate(o.date, t.locale, readerTag);
  return [
    ...row('subject', t.t('field.subject'), o.subject, 'quoted', null, false),
    ...(sent
      ? row('sent', t.t('field.sent'), sent, 'ours', null, false)
      : row('sent', t.t('field.sent'), o.date, 'quoted', null, false)),
    ...row('from', t.t('field.from'), o.from, 'quoted', null, false),
    ...row('messageId', t.t('field.messageId'), o.messageId, 'quoted'),
    ...row(
      'language',
      t.t('field.language'),
      analysis.language,
      (v) => (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(v) ? v : null),
      null,
      false,
    ),
    ...row('input', t.t('field.input'), t.t(`input.${analysis.input}`), 'ours', null, false),
    ...row('layout', t.t('field.layout'), analysis.layout, 'ours'),
  ];
}

function sections(analysis: Analysis, t: Translator): QuotedSection[] {
  const all: [QuotedSection['key'], string, string | null][] = [
    ['userInformation', 'section.userInformation', analysis.userInformation],
    ['adminInformation', 'section.adminInformation', analysis.adminInformation],
    ['originalHeaders', 'section.originalHeaders', analysis.original.headers],
    ['unparsed', 'section.unparsed', analysis.unparsed.length > 0 ? analysis.unparsed.join('\n') : null],
  ];
  return all.flatMap(([key, title, text]) => (text ? [{ key, title: t.t(title), text }] : []));
}

/**
 * The explanation of `analysis` in the translator's language, for the given reader. Everything the
 * pane, the admin mail and the command line say about a bounce comes from here.
 */
export function explain(analysis: Analysis, t: Translator, options: ExplainOptions = {}): ExplanationView {
  const opts: Required<ExplainOptions> = {
    audience: options.audience ?? 'sender',
    readerTag: options.readerTag ?? null,
  };
  const { audience } = opts;
  const delay = analysis.verdict === 'delay';
  const stateKey = STATES[analysis.verdict];
  const state = stateKey
    ? { title: t.t(`state.${stateKey}.title`), body: t.t(`state.${stateKey}.body`) }
    : null;
  const list = needsRecipientList(analysis, t);
  const names = analysis.recipients.map(
    (r, i) => validAddress(r.address) ?? t.t('section.recipientDetails', { number: i + 1 }),
  );
  // The recipients' places by cause, causes in order of first appearance.
  const byCause = new Map<string, number[]>();
  analysis.recipients.forEach((r, i) => {
    const indexes = byCause.get(r.cause);
    if (indexes) indexes.push(i);
    else byCause.set(r.cause, [i]);
  });
  const groups = [...byCause.values()];
  const causeIndex = new Map([...byCause.keys()].map((cause, i) => [cause, i]));
  const causes = groups.flatMap((indexes) => {
    const group = indexes.flatMap((i) => analysis.recipients[i] ?? []);
    const view = causeView(
      t,
      group,
      indexes,
      indexes.map((i) => names[i] ?? ''),
      delay,
      opts,
    );
    // A lure or backscatter gets no fix: its causes keep their facts, not their advice.
    return view ? [analysis.suspicion ? withoutAdvice(view) : view] : [];
  });
  const first = analysis.recipients[0];
  const others = analysis.recipients.length - 1;
  const othersKey = isOne(t.locale, others) ? 'headline.others.one' : 'headline.others';
  const longAddress = recipientBelowHeadline(analysis, t);
  const actors = new Set(analysis.recipients.map((r) => r.actor));
  let firstWho: WhoView | null = null;
  if (first && !list) firstWho = causes[0]?.who ?? null;
  else if (first && list)
    firstWho =
      actors.size === 1
        ? { ...who(t, first, delay, opts), detail: [] }
        : { text: t.t('who.mixed'), mailLine: t.t('who.mixed'), at: 'none', detail: [] };
  return {
    verdict: analysis.verdict,
    audience,
    delay,
    state,
    headline: state
      ? state.title
      : analysis.suspicion
        ? t.t(`${analysis.suspicion.verdict}.headline`)
        : outcomeHeadline(analysis, t, audience),
    recipientLine: longAddress
      ? t.t('headline.recipientLine', {
          recipient: longAddress,
          others: others > 0 ? t.t(othersKey, { count: others }) : '',
        })
      : null,
    list,
    multipleCauses: list && groups.length > 1 ? t.t('headline.multipleCauses') : null,
    who: analysis.suspicion ? null : firstWho,
    route: first && !list && !analysis.suspicion ? route(t, first, delay, audience) : null,
    causes,
    recipients: analysis.recipients.map((r, i) => ({
      name: names[i] ?? '',
      address: validAddress(r.address),
      cause: causeIndex.get(r.cause) ?? 0,
      title: causeText(t, r, 'title'),
      details: recipientDetails(t, r),
      evidence: r.evidence.map((e) => evidenceLine(t, e)),
    })),
    suspicion: suspicionView(analysis, t),
    original: originalDetails(analysis, t, opts.readerTag),
    sections: sections(analysis, t),
    titles: {
      details: t.t('section.details'),
      evidence: t.t('section.evidence'),
      notes: t.t('section.warnings'),
    },
    marks: marksOf(t),
    // A warning's detail (a charset name…) may come from the bounce: quoted, not in the sentence.
    notes: analysis.warnings.map((w) => ({
      text: t.t('warning.generic', { code: w.code }),
      quoted: w.detail ?? null,
    })),
  };
}

/** The lure or backscatter notice, with each sign's evidence quoted; null for a genuine report. */
function suspicionView(analysis: Analysis, t: Translator): ExplanationView['suspicion'] {
  const found = analysis.suspicion;
  if (!found) return null;
  const key = found.verdict;
  return {
    verdict: found.verdict,
    confidence: found.confidence,
    title: t.t(key === 'suspicious' ? 'section.suspicion' : 'section.backscatter'),
    intro: t.t(`${key}.intro.${found.confidence}`),
    advice: t.list(`${key}.advice`),
    mailTitle: t.t(key === 'suspicious' ? 'admin.suspicionTitle' : 'admin.backscatterTitle'),
    signsTitle: t.t('suspicion.signsTitle'),
    items: found.signs.map(({ code, evidence }) => ({
      text: t.t(`suspicion.${code}`),
      evidence: evidence.map((e) => ({
        label: t.t(`suspicion.evidence.${e.field === 'link' ? 'link' : 'text'}`),
        text: e.text,
      })),
    })),
  };
}

/** A cause's view without the sentences and steps that would take a lure's or backscatter's claim at face value. */
function withoutAdvice(view: CauseView): CauseView {
  return {
    ...view,
    sentence: '',
    summary: '',
    confidence: null,
    who: { ...view.who, text: '', mailLine: '', detail: [] },
    userSteps: { ...view.userSteps, items: [] },
    adminSteps: null,
  };
}
