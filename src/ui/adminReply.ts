import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import { explain } from '../i18n/explain';
import { isUncertain } from '../i18n/sentences';
import { escapeHtml } from './adminMail';

/** The admin's answer to the user: a few sentences of ours in the user's language, as HTML and text. */
export interface AdminReply {
  readonly html: string;
  readonly text: string;
}

/** At most this many recipients are named one by one when they failed for different causes. */
const MAX_NAMED = 10;

/** What the reply says of the cause: whose move it is, from the first recipient's side. */
function conclusion(analysis: Analysis, t: Translator): string {
  const first = analysis.recipients[0];
  if (analysis.suspicion) return t.t(`reply.${analysis.suspicion.verdict}`);
  if (analysis.verdict === 'delay') return t.t('reply.delay');
  if (!first) return t.t('reply.unknown');
  const text = t.t(`reply.actor.${first.actor}`);
  return isUncertain(first) ? `${text} ${t.t('reply.uncertain')}` : text;
}

/**
 * A short reply from the admin to the user who sent the bounce, in `t`'s language (the one the user
 * wrote in): what happened, whose move it is, and the user's own steps when the fix is theirs. Built
 * from our catalogue and values that passed their check only; nothing of the bounce's text is in it.
 */
export function buildAdminReply(analysis: Analysis, t: Translator): AdminReply {
  const view = explain(analysis, t, { audience: 'sender' });
  const first = view.recipients[0];
  const paragraphs: string[] = [t.t('reply.greeting')];
  paragraphs.push(
    first?.address ? t.t('reply.thanks', { recipient: first.address }) : t.t('reply.thanks.plain'),
  );
  if (!view.suspicion) {
    if (view.causes.length > 1) paragraphs.push(t.t('reply.several'));
    // The cause's title as a sentence of its own: after a colon most of our languages would not
    // start it with the capital it has.
    else if (first) paragraphs.push(`${first.title}.`);
  }
  paragraphs.push(conclusion(analysis, t));
  const named =
    !view.suspicion && view.causes.length > 1
      ? view.recipients.slice(0, MAX_NAMED).map((r) => `${r.name}: ${r.title}`)
      : [];
  // The user's own steps, when the fix is theirs.
  const steps =
    !view.suspicion && view.causes.length === 1 && analysis.recipients[0]?.actor === 'sender'
      ? (view.causes[0]?.userSteps.items ?? [])
      : [];
  const list = (items: readonly string[], ordered: boolean): string =>
    items.length === 0
      ? ''
      : `<${ordered ? 'ol' : 'ul'}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;
  const html = [
    `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    list(named, false),
    steps.length > 0 ? `<p>${escapeHtml(t.t('reply.steps'))}</p>${list(steps, true)}` : '',
    '</div>',
  ].join('');
  const text = [
    ...paragraphs,
    named.map((n) => `- ${n}`).join('\n'),
    steps.length > 0 ? [t.t('reply.steps'), ...steps.map((s, i) => `${i + 1}. ${s}`)].join('\n') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { html, text };
}
