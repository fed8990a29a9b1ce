import { stripInvisible } from '../core/text';
import type { Analysis, RecipientOutcome } from '../core/types';
import type { Translator } from '../i18n';
import type { AdminMail } from './adminChannel';

/** displayNewMessageForm's limit for htmlBody (docs/office-notes.md §4.1); kept with a margin. */
export const MAX_HTML_BYTES = 32_000;
const MAX_SUBJECT = 255;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Cuts text so that its escaped form stays within `bytes`, marking the cut. */
function fitEscaped(text: string, bytes: number, marker: string): string {
  if (bytes <= 0) return '';
  if (utf8Length(escapeHtml(text)) <= bytes) return escapeHtml(text);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (utf8Length(escapeHtml(text.slice(0, mid) + marker)) <= bytes) low = mid;
    else high = mid - 1;
  }
  return escapeHtml(text.slice(0, low) + marker);
}

/** "550 5.4.1 Relay Access Denied [server tail]" → "Relay Access Denied" (what the server said, briefly). */
function shortDiagnostic(r: RecipientOutcome): string | null {
  if (!r.diagnostic) return null;
  const words = stripInvisible(r.diagnostic)
    .replace(/^[^A-Za-z]*(?:[245]\d\d[\s-]+)?(?:#?[245]\.\d{1,3}\.\d{1,3}\s*)?/, '')
    .replace(/\s*[[(].*$/, '')
    .trim();
  if (!words) return null;
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}

function params(r: RecipientOutcome): Record<string, string> {
  return {
    recipient: r.address ?? '',
    domain: r.address?.split('@')[1] ?? '',
    status: r.status?.code ?? '',
    remoteMta: r.remoteMta ?? '',
  };
}

export function adminSubject(analysis: Analysis, t: Translator): string {
  const first = analysis.recipients[0];
  const original = analysis.original.subject ?? t.t('admin.noSubject');
  const code = [first?.replyCode, first?.status?.code, first ? shortDiagnostic(first) : null]
    .filter(Boolean)
    .join(' ');
  const recipients =
    analysis.recipients.length > 1
      ? `${first?.address ?? '?'} +${analysis.recipients.length - 1}`
      : (first?.address ?? '?');
  const subject = `${t.t(analysis.verdict === 'delay' ? 'admin.subjectDelay' : 'admin.subjectBounce')}: ${original} → ${recipients}${code ? ` (${code})` : ''}`;
  // Subjects never carry line breaks or invisible controls from the NDR.
  const clean = stripInvisible(subject.replace(/[\r\n\t]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > MAX_SUBJECT ? `${clean.slice(0, MAX_SUBJECT - 1)}…` : clean;
}

interface Row {
  readonly label: string;
  readonly value: string | null;
  readonly pre?: boolean;
}

function recipientRows(r: RecipientOutcome, t: Translator): Row[] {
  return [
    { label: t.t('field.recipient'), value: r.address },
    { label: t.t('field.status'), value: r.status?.code ?? null },
    { label: t.t('field.replyCode'), value: r.replyCode },
    { label: t.t('field.diagnostic'), value: r.diagnostic, pre: true },
    { label: t.t('field.remoteMta'), value: r.remoteMta },
    { label: t.t('field.reportingMta'), value: r.reportingMta },
    { label: t.t('field.command'), value: r.command },
    { label: t.t('field.reason'), value: r.reason },
    { label: t.t('field.cause'), value: r.cause },
  ];
}

const TD = 'style="padding:2px 8px;vertical-align:top;border-bottom:1px solid #ddd"';
const PRE = 'style="white-space:pre-wrap;font-family:Consolas,monospace;font-size:12px;margin:0"';

function htmlRows(rows: readonly Row[]): string {
  return rows
    .filter((row) => row.value)
    .map(
      (row) =>
        `<tr><th ${TD} align="left">${escapeHtml(row.label)}</th><td ${TD}>${row.pre ? `<pre ${PRE}>${escapeHtml(row.value ?? '')}</pre>` : escapeHtml(row.value ?? '')}</td></tr>`,
    )
    .join('');
}

function textRows(rows: readonly Row[]): string {
  return rows
    .filter((row) => row.value)
    .map((row) => `${row.label}: ${row.value}`)
    .join('\n');
}

/**
 * The mail an admin wants: who, what status, the server's exact answer, which servers, the original
 * message, the fix, and the original headers (cut to fit). Every value from the bounce is escaped; the
 * only link is the catalogue's documentation URL.
 */
export function buildAdminMail(analysis: Analysis, to: string, t: Translator): AdminMail {
  const subject = adminSubject(analysis, t);
  const first = analysis.recipients[0];
  const html: string[] = [];
  const text: string[] = [];
  html.push(`<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">`);
  html.push(`<p>${escapeHtml(t.t('admin.intro'))}</p>`);
  text.push(t.t('admin.intro'), '');
  const seenCauses = new Set<string>();
  for (const r of analysis.recipients.slice(0, 20)) {
    const p = params(r);
    const title = t.t(`cause.${r.cause}.title`, p);
    html.push(
      `<h3 style="margin:12px 0 4px">${escapeHtml(r.address ?? t.t('field.recipient'))}: ${escapeHtml(title)}</h3>`,
    );
    html.push(
      `<p>${escapeHtml(t.t(`cause.${r.cause}.summary`, p))} <b>${escapeHtml(t.t(`actor.${r.actor}`))}.</b></p>`,
    );
    html.push(`<table style="border-collapse:collapse">${htmlRows(recipientRows(r, t))}</table>`);
    text.push(
      `== ${r.address ?? ''}: ${title}`,
      t.t(`cause.${r.cause}.summary`, p),
      `${t.t('actor.label')}: ${t.t(`actor.${r.actor}`)}`,
      textRows(recipientRows(r, t)),
      '',
    );
    if (!seenCauses.has(r.cause)) {
      seenCauses.add(r.cause);
      const steps = t.list(`cause.${r.cause}.adminSteps`, p);
      if (steps.length > 0) {
        html.push(
          `<p style="margin:8px 0 2px"><b>${escapeHtml(t.t('section.adminSteps'))}</b></p><ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`,
        );
        text.push(`${t.t('section.adminSteps')}:`, ...steps.map((s, i) => `  ${i + 1}. ${s}`), '');
      }
      if (r.docUrl && /^https:\/\//.test(r.docUrl)) {
        html.push(`<p><a href="${escapeHtml(r.docUrl)}">${escapeHtml(r.docUrl)}</a></p>`);
        text.push(r.docUrl, '');
      }
    }
  }
  if (analysis.recipients.length > 20)
    html.push(
      `<p>${escapeHtml(t.t('admin.moreRecipients', { count: analysis.recipients.length - 20 }))}</p>`,
    );
  const o = analysis.original;
  const originalRows: Row[] = [
    { label: t.t('field.subject'), value: o.subject },
    { label: t.t('field.sent'), value: o.date },
    { label: t.t('admin.from'), value: o.from },
    { label: t.t('field.messageId'), value: o.messageId },
    { label: t.t('field.reportingMta'), value: analysis.reportingMta ?? first?.reportingMta ?? null },
    { label: t.t('field.language'), value: analysis.language },
  ];
  html.push(
    `<h3 style="margin:12px 0 4px">${escapeHtml(t.t('admin.original'))}</h3><table style="border-collapse:collapse">${htmlRows(originalRows)}</table>`,
  );
  text.push(`== ${t.t('admin.original')}`, textRows(originalRows), '');
  html.push(`<p style="color:#666;font-size:12px">${escapeHtml(t.t('admin.footer'))}</p>`);

  // The long, optional parts last, each cut to what still fits under the limit.
  const closing = '</div>';
  const sections: [string, string | null][] = [
    [t.t('section.adminInformation'), analysis.adminInformation],
    [t.t('section.unparsed'), analysis.unparsed.length > 0 ? analysis.unparsed.join('\n') : null],
    [t.t('section.originalHeaders'), o.headers],
  ];
  let body = html.join('');
  for (const [title, content] of sections) {
    if (!content) continue;
    const head = `<h3 style="margin:12px 0 4px">${escapeHtml(title)}</h3><pre ${PRE}>`;
    const tail = '</pre>';
    const room = MAX_HTML_BYTES - utf8Length(body) - utf8Length(head + tail + closing) - 64;
    if (room < 200) break;
    body += head + fitEscaped(content, room, `\n[${t.t('admin.truncated')}]`) + tail;
    text.push(
      `== ${title}`,
      content.length > 8000 ? `${content.slice(0, 8000)}\n[${t.t('admin.truncated')}]` : content,
      '',
    );
  }
  body += closing;
  return { to, subject, html: body, text: text.join('\n') };
}

/** A mailto: link with the summary (bodies over ~2,000 characters break some mail clients). */
export function mailtoLink(mail: AdminMail): string {
  const body = mail.text.length > 1800 ? `${mail.text.slice(0, 1800)}\n…` : mail.text;
  return `mailto:${encodeURIComponent(mail.to)}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(body)}`;
}
