/**
 * The sentences the pane, the admin mail and the command line build from an analysis. Every value
 * they name comes from `sentenceValues` (src/core/safeValues), so all three say the same and none
 * says what a bounce made up; the translator checks each value again before filling it in.
 */
import { sentenceValues } from '../core/safeValues';
import type { Analysis, RecipientOutcome } from '../core/types';
import type { Locale, Params, Translator } from './index';

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

/**
 * "Your message to jan@fabrikam.example (+2) was not delivered: …" for one recipient; without the
 * address when it is not a valid one, so that no text from the bounce becomes our headline.
 */
export function recipientHeadline(
  t: Translator,
  delay: boolean,
  r: RecipientOutcome | undefined,
  others = 0,
): string {
  const title = r ? causeText(t, r, 'title') : t.t('cause.unknown.failure.title');
  const recipient = r ? sentenceValues(r).recipient : null;
  if (!recipient)
    return t.t(delay ? 'verdict.delay.headlineNoRecipient' : 'verdict.bounce.headlineNoRecipient', { title });
  return t.t(delay ? 'verdict.delay.headline' : 'verdict.bounce.headline', {
    recipient,
    others: others > 0 ? ` (+${others})` : '',
    title,
  });
}

/** The pane's headline: the first recipient's, or a count when recipients failed for different causes. */
export function headline(analysis: Analysis, t: Translator): string {
  const recipients = analysis.recipients;
  if (
    analysis.verdict !== 'delay' &&
    recipients.length > 1 &&
    new Set(recipients.map((r) => r.cause)).size > 1
  )
    return t.t('verdict.multiple', { count: recipients.length });
  return recipientHeadline(t, analysis.verdict === 'delay', recipients[0], recipients.length - 1);
}

const DATE_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', nl: 'nl-NL' };

/** An ISO 8601 time from the analysis, written for people (in the reader's time zone); null if it is not one. */
export function formatDate(iso: string | null, locale: Locale): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long', timeStyle: 'short' }).format(
    time,
  );
}
