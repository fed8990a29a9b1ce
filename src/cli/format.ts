/** How the command line prints an analysis: JSON for tools, text for people. */
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import { causeSteps, causeText, formatDate, recipientHeadline } from '../i18n/sentences';
import { quotedUnlessValid } from '../core/safeValues';

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// Escape sequences as a whole, so that no "[2J" is left behind: CSI (ESC [ or 0x9B), OSC (ESC ] or
// 0x9D, up to BEL or ST), DCS, SOS, PM and APC strings, and two-character ones such as ESC c (reset).
const TERMINAL_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]/g;
// Then every other character a terminal acts on or that reorders what it shows: C0 controls except
// tab and line feed (so also CR, which lets a line overwrite another), DEL, C1, and bidi controls.
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Text as it may reach a terminal: no escape sequences, no control or bidi characters. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(TERMINAL_CONTROL, '');
}

/**
 * One JSON line that a terminal shows as text: JSON.stringify escapes C0 controls but not DEL, C1
 * or bidi controls, so those are escaped here (still the same JSON value).
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function toJson(file: string, analysis: Analysis): Record<string, unknown> {
  return {
    file,
    verdict: analysis.verdict,
    language: analysis.language,
    input: analysis.input,
    layout: analysis.layout,
    recipients: analysis.recipients.map((r) => ({
      address: r.address,
      action: r.action,
      status: r.status?.code ?? null,
      replyCode: r.replyCode,
      diagnostic: r.diagnostic,
      remoteMta: r.remoteMta,
      reportingMta: r.reportingMta,
      command: r.command,
      reason: r.reason,
      cause: r.cause,
      actor: r.actor,
      docUrl: r.docUrl,
    })),
    original: {
      messageId: analysis.original.messageId,
      subject: analysis.original.subject,
      from: analysis.original.from,
      date: analysis.original.date,
    },
    suspicion: analysis.suspicion,
    warnings: analysis.warnings.map((w) => (w.detail ? `${w.code}: ${w.detail}` : w.code)),
    unparsed: analysis.unparsed,
  };
}

/** The explanation for people; everything in it passes terminalSafe, whatever the bounce held. */
export function toText(file: string, analysis: Analysis, t: Translator): string {
  return terminalSafe(textLines(file, analysis, t).join('\n'));
}

function textLines(file: string, analysis: Analysis, t: Translator): string[] {
  const lines: string[] = [`== ${file}`];
  if (analysis.verdict !== 'bounce' && analysis.verdict !== 'delay') {
    const key = {
      'auto-reply': 'autoReply',
      feedback: 'feedback',
      'delivery-report': 'deliveryReport',
      'not-a-bounce': 'notBounce',
    }[analysis.verdict];
    lines.push(t.t(`state.${key}.title`), t.t(`state.${key}.body`));
    return lines;
  }
  for (const r of analysis.recipients) {
    lines.push(
      '',
      recipientHeadline(t, analysis.verdict === 'delay', r),
      `${t.t('actor.label')}: ${t.t(`actor.${r.actor}`)}`,
      '',
      causeText(t, r, 'summary'),
    );
    const retryUntil = formatDate(r.retryUntil, t.locale);
    if (retryUntil) lines.push(t.t('verdict.retryUntil', { date: retryUntil }));
    const userSteps = causeSteps(t, r, 'userSteps');
    if (userSteps.length)
      lines.push('', `${t.t('section.userSteps')}:`, ...userSteps.map((s, i) => `  ${i + 1}. ${s}`));
    const adminSteps = causeSteps(t, r, 'adminSteps');
    if (adminSteps.length)
      lines.push('', `${t.t('section.adminSteps')}:`, ...adminSteps.map((s, i) => `  ${i + 1}. ${s}`));
    if (r.docUrl) lines.push('', `${t.t('section.docsOther')}: ${r.docUrl}`);
    lines.push('', `${t.t('section.details')}:`);
    const facts: [string, string | null][] = [
      ['field.recipient', quotedUnlessValid(r.address)],
      ['field.status', r.status?.code ?? null],
      ['field.replyCode', r.replyCode],
      ['field.diagnostic', r.diagnostic],
      ['field.remoteMta', r.remoteMta],
      ['field.reportingMta', r.reportingMta],
      ['field.command', r.command],
      ['field.reason', r.reason],
      ['field.cause', r.cause],
    ];
    for (const [label, value] of facts) if (value) lines.push(`  ${t.t(label)}: ${value}`);
  }
  const o = analysis.original;
  if (o.subject || o.messageId)
    lines.push(
      `  ${t.t('field.subject')}: ${o.subject ?? '-'}`,
      `  ${t.t('field.messageId')}: ${o.messageId ?? '-'}`,
    );
  return lines;
}
