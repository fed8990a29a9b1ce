/**
 * The sentences of the explanation model (src/i18n/explain.ts), which the pane, the admin mail and
 * the command line render. Every value they name comes from `sentenceValues` (src/core/safeValues),
 * so none says what a bounce made up; the translator checks each value again before filling it in.
 */
import { sentenceValues, validStatus } from '../core/safeValues';
import type { Analysis, RecipientOutcome } from '../core/types';
import type { Locale, Params, Translator } from './index';
import { dateTimeFormat, isOne } from './intl';

/** Placeholders for a recipient's cause texts: `{recipient}`, `{domain}`, `{remoteMta}`, `{status}`. */
export function causeParams(r: RecipientOutcome): Params {
  return { ...sentenceValues(r) };
}

/** One line of a cause's text (`title`, `summary`). */
export function causeText(t: Translator, r: RecipientOutcome, part: 'title' | 'summary'): string {
  return t.t(`cause.${r.cause}.${part}`, causeParams(r));
}

/** A cause's steps for the user or for the admin. */
export function causeSteps(t: Translator, r: RecipientOutcome, who: 'userSteps' | 'adminSteps'): string[] {
  return t.list(`cause.${r.cause}.${who}`, causeParams(r));
}

/** Who reads the explanation: the person who sent the message, or someone else (a helpdesk). */
export type Audience = 'sender' | 'other';

const other = (audience: Audience): string => (audience === 'other' ? '.other' : '');

/** A cause's title for this reader: a helpdesk gets "The sender is not allowed…" where there is one. */
export function causeTitle(t: Translator, r: RecipientOutcome, audience: Audience = 'sender'): string {
  const key = `cause.${r.cause}.titleOther`;
  return audience === 'other' && t.has(key) ? t.t(key, causeParams(r)) : causeText(t, r, 'title');
}

/** The cause as one plain sentence, ending with a full stop. */
export function causeSentence(t: Translator, r: RecipientOutcome, audience: Audience = 'sender'): string {
  const title = causeTitle(t, r, audience);
  return /[.!?]$/.test(title) ? title : `${title}.`;
}

/** True when the cause's own title names the recipient's address (so the headline need not). */
function titleNamesRecipient(t: Translator, r: RecipientOutcome): boolean {
  const recipient = sentenceValues(r).recipient;
  return recipient !== null && causeText(t, r, 'title').includes(recipient);
}

/**
 * True when the first screen cannot speak of one cause for one recipient: recipients failed for
 * different causes, or several share a cause whose title names one of them.
 */
export function needsRecipientList(analysis: Analysis, t: Translator): boolean {
  const first = analysis.recipients[0];
  if (!first) return false;
  if (new Set(analysis.recipients.map((r) => r.cause)).size > 1) return true;
  return analysis.recipients.length > 1 && titleNamesRecipient(t, first);
}

/** Longer addresses leave the headline for a line of their own: three lines at 320 px hold this much. */
const HEADLINE_ADDRESS = 32;

/**
 * The address the headline leaves out for its length, for a line of its own under it; null when the
 * headline or the cause names the recipient, or there is no valid address.
 */
export function recipientBelowHeadline(analysis: Analysis, t: Translator): string | null {
  const first = analysis.recipients[0];
  if (!first || needsRecipientList(analysis, t) || titleNamesRecipient(t, first)) return null;
  const recipient = sentenceValues(first).recipient;
  return recipient && recipient.length > HEADLINE_ADDRESS ? recipient : null;
}

/**
 * The headline: what happened and to whom, never the cause (the next sentence) and never an
 * address twice. "Your message to jan@fabrikam.example was not delivered", "… is delayed".
 */
export function outcomeHeadline(analysis: Analysis, t: Translator, audience: Audience = 'sender'): string {
  const a = other(audience);
  const first = analysis.recipients[0];
  if (first && needsRecipientList(analysis, t))
    return t.t(`headline.multiple${a}`, { count: analysis.recipients.length });
  const kind = analysis.verdict === 'delay' ? 'delay' : 'bounce';
  const recipient = first ? sentenceValues(first).recipient : null;
  if (!first || !recipient || titleNamesRecipient(t, first) || recipient.length > HEADLINE_ADDRESS)
    return t.t(`headline.${kind}.plain${a}`);
  const more = analysis.recipients.length - 1;
  // " and 1 more" has a singular of its own: every locale we have needs only one and other.
  const othersKey = isOne(t.locale, more) ? 'headline.others.one' : 'headline.others';
  return t.t(`headline.${kind}.to${a}`, {
    recipient,
    others: more > 0 ? t.t(othersKey, { count: more }) : '',
  });
}

/** True when the cause is not certain (chosen from the status code only, or a guess). */
export function isUncertain(r: RecipientOutcome): boolean {
  return r.confidence !== 'catalogue';
}

/**
 * Who must act, from the reader's side: "Your message is fine — the recipient's mail admin must fix
 * this". A delay never asks anyone to act now; an uncertain cause says it is not certain.
 */
export function whoMustAct(
  t: Translator,
  r: RecipientOutcome,
  delay: boolean,
  audience: Audience = 'sender',
): string {
  const a = other(audience);
  if (delay) return t.t(`who.delay${a}`);
  return t.t(`who.${r.actor}${isUncertain(r) ? '.uncertain' : ''}${a}`);
}

/** Where the problem lies, for the route picture. */
export type ProblemAt = 'you' | 'own' | 'their' | 'transit' | 'none';

/**
 * The place on the route (you → your mail server → the recipient's mail server) where the problem
 * lies, from who must fix it: the sender (the address or the message), the sender's own mail
 * system, the recipient's mail system; a delay is on its way between the two servers.
 */
export function problemAt(r: RecipientOutcome, delay: boolean): ProblemAt {
  if (delay) return 'transit';
  switch (r.actor) {
    case 'sender':
      return 'you';
    case 'sender-admin':
      return 'own';
    case 'recipient-admin':
      return 'their';
    case 'nobody':
      return 'none';
  }
}

/** The sentence under the route picture, which is also its text alternative. */
export function routeCaption(
  t: Translator,
  r: RecipientOutcome,
  delay: boolean,
  audience: Audience = 'sender',
): string {
  const at = problemAt(r, delay);
  const key =
    at === 'own' || at === 'transit' ? `route.caption.${at}${other(audience)}` : `route.caption.${at}`;
  const text = t.t(key, causeParams(r));
  if (!isUncertain(r) || at === 'transit' || at === 'none') return text;
  return t.t('route.probably', { text: text.charAt(0).toLowerCase() + text.slice(1) });
}

/** The title over the admin steps: whose admin, and whether they must or only can act. */
export function adminStepsTitle(
  t: Translator,
  r: RecipientOutcome,
  delay: boolean,
  audience: Audience = 'sender',
): string {
  if (delay) return t.t('section.adminSteps.delay');
  if (isUncertain(r)) return t.t('section.adminSteps.uncertain');
  if (r.actor === 'recipient-admin') return t.t('section.adminSteps.their');
  return t.t(`section.adminSteps.own${other(audience)}`);
}

/** "permanent failure, concerning the recipient's mailbox" for 5.2.2; null for anything else. */
export function statusMeaning(t: Translator, code: string | null | undefined): string | null {
  const status = validStatus(code);
  if (!status) return null;
  const [cls, subject] = status.split('.');
  const area = `meaning.status.subject.${subject ?? ''}`;
  if (!t.has(area)) return t.t(`meaning.status.class.${cls ?? ''}`);
  return t.t('meaning.status', { kind: t.t(`meaning.status.class.${cls ?? ''}`), area: t.t(area) });
}

/** "the server refused for good" for a 5xx reply; null for anything that is not a reply code. */
export function replyMeaning(t: Translator, code: string | null | undefined): string | null {
  const match = /^([245])\d\d$/.exec(code ?? '');
  return match ? t.t(`meaning.reply.${match[1] ?? ''}`) : null;
}

/** "at the recipient's address (RCPT TO)" for RCPT; null for a step we have no words for. */
export function commandMeaning(t: Translator, command: string | null | undefined): string | null {
  const key = `meaning.command.${(command ?? '').toUpperCase()}`;
  return /^[A-Z]+$/i.test(command ?? '') && t.has(key) ? t.t(key) : null;
}

/** The reason category in words ("the recipient's mailbox is full"). */
export function reasonMeaning(t: Translator, reason: string, delayed = false): string | null {
  const key = `meaning.reason.${reason}`;
  // A delay is still being tried: "expired" then means it has been tried for long, not given up.
  if (delayed && t.has(`${key}.delayed`)) return t.t(`${key}.delayed`);
  return t.has(key) ? t.t(key) : null;
}

/** The matched cause in words, with how sure the match is. */
export function causeMeaning(t: Translator, r: RecipientOutcome): string {
  return t.t('meaning.cause', { confidence: t.t(`meaning.confidence.${r.confidence}`) });
}

/** An RFC 5322 date ("Tue, 3 Nov 2026 09:11:52 +0000"), strictly: anything else is not a date here. */
const MAIL_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? [+-]\d{4}(?: \([A-Za-z ]{1,40}\))?$/;

/** A Date header written for people, like formatDate; null when it is not a plain RFC 5322 date. */
export function formatMailDate(raw: string | null, locale: Locale, readerTag?: string | null): string | null {
  if (!raw || raw.length > 80 || !MAIL_DATE.test(raw.trim())) return null;
  const time = Date.parse(raw.trim().replace(/ \(.*\)$/, ''));
  return Number.isNaN(time) ? null : formatDate(new Date(time).toISOString(), locale, readerTag);
}

/** The form of a date in each language when the reader's own locale is of another language. */
const DATE_LOCALES: Readonly<Record<Locale, string>> = {
  en: 'en-GB',
  nl: 'nl-NL',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  // The Portuguese texts are Brazilian (você, arquivo).
  pt: 'pt-BR',
  sv: 'sv-SE',
};

/**
 * The date format for `locale`: the reader's own (`readerTag`, e.g. `en-US` from the browser) when it
 * is of the language shown, so that an American reader gets an American date in English; else the
 * language's (DATE_LOCALES).
 */
function dateFormatFor(locale: Locale, readerTag: string | null | undefined): Intl.DateTimeFormat {
  if (readerTag && readerTag.toLowerCase().split(/[-_]/)[0] === locale) {
    try {
      return dateTimeFormat(readerTag);
    } catch {
      // Not a tag Intl knows: the language's default below.
    }
  }
  return dateTimeFormat(DATE_LOCALES[locale]);
}

/**
 * An ISO 8601 time from the analysis, written for people in the reader's time zone; null if it is not
 * one. `readerTag` is the reader's own locale (see dateFormatFor).
 */
export function formatDate(iso: string | null, locale: Locale, readerTag?: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return dateFormatFor(locale, readerTag).format(time);
}
