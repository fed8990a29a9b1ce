import { validAddress } from '../core/safeValues';
import { clip, cutAt, stripInvisible, wellFormed } from '../core/text';
import type { Analysis, RecipientOutcome } from '../core/types';
import type { Translator } from '../i18n';
import { explain, quoted, type Audience, type DetailRow, type ExplanationView } from '../i18n/explain';
import { isOne } from '../i18n/intl';
import { formatDate } from '../i18n/sentences';
import type { AdminMail } from './adminChannel';
import { adminReportMarker } from './adminReport';
import type { DnsCheckDone } from './dnsLookup';

/** displayNewMessageForm's limit for htmlBody (docs/office-notes.md §4.1); kept with a margin. */
export const MAX_HTML_BYTES = 32_000;
const MAX_SUBJECT = 255;
/** Recipients described one by one; the rest are counted. Fewer when their texts alone fill the mail. */
const MAX_RECIPIENTS = 20;
/** What our own words and markup may take at most, so that the quotes always keep room. */
const MAX_OWN_BYTES = 20_000;
/** A mailto: body over ~2,000 characters breaks some mail clients. */
const MAX_MAILTO_BODY = 1800;

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

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Links in a suspicious message, made inert: `https://x` becomes `hxxps[://]x` and `www.` becomes
 * `www[.]`, so that no mail client turns them back into links. The admin can still read them.
 */
export function inertLinks(text: string): string {
  return text
    .replace(/\b(https?|ftp):\/\//gi, (_m, scheme: string) => `${scheme.replace(/t/gi, 'x')}[://]`)
    .replace(/\bwww\./gi, (www: string) => `${www.slice(0, 3)}[.]`);
}

/** "550 5.4.1 Relay Access Denied [server tail]" → "Relay Access Denied" (what the server said, briefly). */
function shortDiagnostic(r: RecipientOutcome): string | null {
  if (!r.diagnostic) return null;
  const words = stripInvisible(r.diagnostic)
    .replace(/^[^A-Za-z]*(?:[245]\d\d[\s-]+)?(?:#?[245]\.\d{1,3}\.\d{1,3}\s*)?/, '')
    .replace(/\s*[[(].*$/, '')
    .trim();
  if (!words) return null;
  return clip(words, 60);
}

export function adminSubject(analysis: Analysis, t: Translator): string {
  const first = analysis.recipients[0];
  const original = analysis.original.subject ?? t.t('admin.noSubject');
  const code = [first?.replyCode, first?.status?.code, first ? shortDiagnostic(first) : null]
    .filter(Boolean)
    .join(' ');
  // Only a valid address is named; whatever else the bounce put in the recipient field is not.
  const address = validAddress(first?.address);
  const others = analysis.recipients.length > 1 ? ` +${analysis.recipients.length - 1}` : '';
  const recipients = address ? ` → ${address}${others}` : others ? ` →${others}` : '';
  const prefix = t.t(
    analysis.suspicion?.verdict === 'suspicious'
      ? 'admin.subjectSuspicious'
      : analysis.suspicion?.verdict === 'backscatter'
        ? 'admin.subjectBackscatter'
        : analysis.verdict === 'delay'
          ? 'admin.subjectDelay'
          : 'admin.subjectBounce',
  );
  const rest = `${original}${recipients}${code ? ` (${code})` : ''}`;
  // Subjects never carry line breaks or invisible controls from the NDR.
  const clean = wellFormed(stripInvisible(rest.replace(/[\r\n\t]+/g, ' ')))
    .replace(/\s+/g, ' ')
    .trim();
  // "{prefix}: {subject}": the separator is the locale's own (French puts a no-break space before the colon).
  return clip(t.t('admin.subjectFormat', { prefix, subject: clean }).trim(), MAX_SUBJECT);
}

/** Text quoted from the bounce: always shown as a quote, never as a link, and cut first when space runs out. */
interface Quote {
  readonly text: string;
  /** Several lines: a block (`<pre>`, or "> " before each line in plain text). */
  readonly block: boolean;
}

/** The mail as blocks of our own words and quotes, rendered once as HTML and once as plain text. */
type Block =
  | { readonly kind: 'warning'; readonly title: string; readonly lines: readonly string[] }
  | { readonly kind: 'para'; readonly text: string; readonly strong?: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'steps'; readonly title: string; readonly items: readonly string[] }
  | { readonly kind: 'link'; readonly url: string }
  | { readonly kind: 'facts'; readonly title?: string; readonly rows: readonly Fact[] }
  | { readonly kind: 'quoted'; readonly title: string; readonly quote: Quote }
  | { readonly kind: 'small'; readonly text: string }
  /** A line that differs between the HTML and the plain text (how quotes look). */
  | { readonly kind: 'note'; readonly html: string; readonly text: string };

interface Fact {
  readonly label: string;
  readonly quote: Quote;
  /** What a code means, in our own words (not quoted: Bounce Explainer wrote it). */
  readonly note?: string | null;
}

/** What each quote shows after cutting (the whole text when it fits). */
type Cuts = ReadonlyMap<Quote, string>;

const TD = 'padding:1px 8px;vertical-align:top';
const MONO = 'font-family:Consolas,monospace';
const QUOTE_BLOCK = `white-space:pre-wrap;${MONO};margin:0;padding:4px 8px;background:#f3f3f3;border-left:3px solid #999`;
const H3 = 'margin:12px 0 4px';

function renderHtml(blocks: readonly Block[], cuts: Cuts): string {
  const shown = (q: Quote): string => escapeHtml(cuts.get(q) ?? q.text);
  const out: string[] = ['<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">'];
  for (const block of blocks) {
    switch (block.kind) {
      case 'warning':
        out.push(
          `<div style="border:2px solid #c50f1f;padding:8px;margin:0 0 12px"><p style="margin:0 0 4px"><b>${escapeHtml(block.title)}</b></p>${block.lines.map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`).join('')}</div>`,
        );
        break;
      case 'para':
        out.push(
          `<p>${escapeHtml(block.text)}${block.strong ? ` <b>${escapeHtml(block.strong)}</b>` : ''}</p>`,
        );
        break;
      case 'heading':
        out.push(`<h3 style="${H3}">${escapeHtml(block.text)}</h3>`);
        break;
      case 'steps':
        out.push(
          `<p style="margin:8px 0 2px"><b>${escapeHtml(block.title)}</b></p><ol>${block.items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`,
        );
        break;
      case 'link':
        out.push(`<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`);
        break;
      case 'facts':
        if (block.title) out.push(`<p style="margin:8px 0 2px"><b>${escapeHtml(block.title)}</b></p>`);
        out.push(
          `<table style="border-collapse:collapse">${block.rows
            .map(
              (row) =>
                `<tr><th style="${TD}" align="left">${escapeHtml(row.label)}</th>${
                  row.quote.block
                    ? `<td style="${TD}"><pre style="${QUOTE_BLOCK}">${shown(row.quote)}</pre></td>`
                    : `<td style="${TD}"><span style="${MONO}">${shown(row.quote)}</span>${
                        row.note ? ` — ${escapeHtml(row.note)}` : ''
                      }</td>`
                }</tr>`,
            )
            .join('')}</table>`,
        );
        break;
      case 'quoted':
        out.push(
          `<h3 style="${H3}">${escapeHtml(block.title)}</h3><pre style="${QUOTE_BLOCK}">${shown(block.quote)}</pre>`,
        );
        break;
      case 'small':
      case 'note':
        out.push(
          `<p style="color:#666;font-size:12px">${escapeHtml(block.kind === 'note' ? block.html : block.text)}</p>`,
        );
        break;
    }
  }
  out.push('</div>');
  return out.join('');
}

/** Quoted lines start with "> ", our headings with "== ", warnings with "!! ": a quote cannot pass for ours. */
function renderText(blocks: readonly Block[], cuts: Cuts): string {
  const quoteLines = (q: Quote): string[] =>
    (cuts.get(q) ?? q.text).split(/\r\n|\r|\n/).map((line) => `> ${line}`);
  const oneLine = (q: Quote): string => (cuts.get(q) ?? q.text).replace(/[\r\n]+/g, ' ');
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'warning':
        out.push(`!! ${block.title}`, ...block.lines.map((line) => `!! ${line}`), '');
        break;
      case 'para':
        out.push(block.strong ? `${block.text} ${block.strong}` : block.text, '');
        break;
      case 'heading':
        out.push(`== ${block.text} ==`);
        break;
      case 'steps':
        out.push(`${block.title}:`, ...block.items.map((s, i) => `  ${i + 1}. ${s}`), '');
        break;
      case 'link':
        out.push(block.url, '');
        break;
      case 'facts':
        if (block.title) out.push(`${block.title}:`);
        for (const row of block.rows)
          if (row.quote.block) out.push(`${row.label}:`, ...quoteLines(row.quote));
          else out.push(`${row.label}: ${oneLine(row.quote)}${row.note ? ` (${row.note})` : ''}`);
        out.push('');
        break;
      case 'quoted':
        out.push(`== ${block.title} ==`, ...quoteLines(block.quote), '');
        break;
      case 'small':
      case 'note':
        out.push(block.text, '');
        break;
    }
  }
  return out.join('\n');
}

/** Text from the bounce as a quote: well-formed, without disguising characters, links inert if suspicious. */
function quoter(suspicious: boolean): (text: string | null, block?: boolean) => Quote | null {
  return (text, block = false) => {
    if (!text) return null;
    const clean = wellFormed(stripInvisible(text));
    return { text: suspicious ? inertLinks(clean) : clean, block };
  };
}

function facts(rows: readonly (readonly [string, Quote | null, (string | null)?])[]): Block {
  return {
    kind: 'facts',
    rows: rows.flatMap(([label, quote, note]) => (quote ? [{ label, quote, note: note ?? null }] : [])),
  };
}

/** "Hello, a message I sent to jan@fabrikam.example bounced." — from the user to their own admin. */
function opening(view: ExplanationView, t: Translator): string {
  const kind = view.delay ? 'delay' : 'bounce';
  const a = view.audience === 'other' ? '.other' : '';
  const recipient = view.recipients[0]?.address ?? null;
  return recipient ? t.t(`admin.opening.${kind}${a}`, { recipient }) : t.t(`admin.opening.${kind}.plain${a}`);
}

/**
 * The mail's blocks with the first `count` recipients described one by one. Everything it says
 * about the bounce comes from the explanation model (`explain`), as in the pane and on the command
 * line; only the framing (a user writing to their admin) is the mail's own.
 */
function mailBlocks(view: ExplanationView, t: Translator, count: number): Block[] {
  // A lure's links are made inert everywhere in the mail; backscatter is a real bounce.
  const suspicious = view.suspicion?.verdict === 'suspicious';
  const other = view.audience === 'other';
  const quote = quoter(suspicious);
  const rows = (details: readonly DetailRow[]): Block =>
    facts(details.map((row) => [row.label, quote(row.value, row.block), row.meaning]));
  const blocks: Block[] = [];
  if (view.suspicion)
    blocks.push({
      kind: 'warning',
      title: view.suspicion.mailTitle,
      lines: [
        view.headline,
        view.suspicion.intro,
        ...view.suspicion.items.flatMap(({ text, evidence }) => [
          text,
          // What raised it, quoted and with its links made inert.
          ...evidence.map((e) => `${e.label} ${quoted(view.marks, inertLinks(e.text))}`),
        ]),
        ...(suspicious ? [t.t('admin.linksInert')] : []),
      ],
    });
  blocks.push({
    kind: 'para',
    text: suspicious ? t.t('admin.introSuspicious') : `${opening(view, t)} ${t.t('admin.introRest')}`,
  });
  blocks.push({ kind: 'note', html: t.t('admin.quoteNoteHtml'), text: t.t('admin.quoteNoteText') });
  const explained = new Set<number>();
  view.recipients.slice(0, count).forEach((r) => {
    const cause = view.causes[r.cause];
    const firstOfCause = !explained.has(r.cause);
    explained.add(r.cause);
    blocks.push({ kind: 'heading', text: `${r.name}: ${r.title}` });
    // A cause is explained once; the next recipients with it get their facts only.
    if (cause && firstOfCause)
      blocks.push({
        kind: 'para',
        // The explanation speaks to the sender ("your message"): said so, it does not read as if
        // the admin had sent the message. The first one starts with the pane's headline.
        text: [
          t.t(other ? 'admin.explanation.other' : 'admin.explanation'),
          explained.size === 1 ? `${view.headline}.` : null,
          cause.summary,
          cause.confidence,
        ]
          .filter(Boolean)
          .join(' '),
        strong: cause.who.mailLine,
      });
    blocks.push(rows(r.details));
    // Where it was read, for the recipient whose cause is explained: for each further one it would
    // take the room that lists more recipients.
    if (firstOfCause && r.evidence.length > 0)
      blocks.push({
        kind: 'facts',
        title: view.titles.evidence,
        rows: r.evidence.flatMap((e) => {
          const text = quote(e.text);
          return text ? [{ label: e.where, quote: text, note: null }] : [];
        }),
      });
    if (!cause || !firstOfCause) return;
    if (cause.userSteps.items.length > 0)
      blocks.push({
        kind: 'steps',
        title: t.t(other ? 'admin.userSteps.other' : 'admin.userSteps'),
        items: cause.userSteps.items,
      });
    if (cause.adminSteps)
      blocks.push({ kind: 'steps', title: cause.adminSteps.mailTitle, items: cause.adminSteps.items });
    if (cause.doc) blocks.push({ kind: 'link', url: cause.doc.url });
  });
  const unlisted = view.recipients.length - count;
  if (unlisted > 0)
    blocks.push({
      kind: 'para',
      // "1 more recipient is not listed": every locale we have needs only one and other.
      text: t.t(isOne(t.locale, unlisted) ? 'admin.moreRecipients.one' : 'admin.moreRecipients', {
        count: unlisted,
      }),
    });
  blocks.push({ kind: 'heading', text: t.t('admin.original') });
  blocks.push(rows(view.original));
  // The long parts last: they are the first to be cut.
  for (const section of view.sections) {
    const content = quote(section.text, true);
    if (content) blocks.push({ kind: 'quoted', title: section.title, quote: content });
  }
  blocks.push({ kind: 'small', text: t.t('admin.footer') });
  // How the admin's pane knows this mail (src/ui/adminReport.ts): a line of its own, in ASCII.
  blocks.push({ kind: 'small', text: t.t('admin.footerAdminView') });
  blocks.push({ kind: 'small', text: adminReportMarker(t.locale) });
  return blocks;
}

function quotesOf(blocks: readonly Block[]): Quote[] {
  return blocks.flatMap((b) =>
    b.kind === 'facts' ? b.rows.map((row) => row.quote) : b.kind === 'quoted' ? [b.quote] : [],
  );
}

/** The longest start of `text` whose escaped form fits in `bytes`, cut between code points. */
function fitEscaped(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(escapeHtml(ch));
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return cutAt(text, end);
}

/**
 * Shares `budget` bytes among the quotes: a quote that fits in an equal share keeps all of it, and
 * what it leaves goes to the others; the longest ones are cut to the same size, marker included.
 */
function cutQuotes(
  quotes: readonly Quote[],
  budget: number,
  marker: (q: Quote) => string,
): Map<Quote, string> {
  const cuts = new Map<Quote, string>();
  const sized = quotes
    .map((quote) => ({ quote, size: utf8Length(escapeHtml(quote.text)) }))
    .sort((a, b) => a.size - b.size);
  let left = budget;
  sized.forEach(({ quote, size }, i) => {
    const share = Math.floor(left / (sized.length - i));
    if (size <= share) {
      left -= size;
      return;
    }
    const end = marker(quote);
    const cut = fitEscaped(quote.text, Math.max(0, share - utf8Length(escapeHtml(end)))) + end;
    cuts.set(quote, cut);
    left -= utf8Length(escapeHtml(cut));
  });
  return cuts;
}

/**
 * The mail an admin wants: who, what status, the server's exact answer, which servers, the original
 * message, the fix, and the original headers. Every value from the bounce is escaped and shown as a
 * quote; the only link is the catalogue's documentation URL. A suspicious bounce is reported as
 * such, with its links made inert. The HTML always fits in MAX_HTML_BYTES: the quotes are cut
 * first (and the mail says so), then fewer recipients are described one by one.
 */
export function buildAdminMail(
  analysis: Analysis,
  to: string,
  t: Translator,
  audience: Audience = 'sender',
  dnsCheck: DnsCheckDone | null = null,
): AdminMail {
  const subject = adminSubject(analysis, t);
  const view = explain(analysis, t, { audience });
  const cutNotice: Block = { kind: 'small', text: t.t('admin.cutNotice') };
  let count = Math.min(MAX_RECIPIENTS, view.recipients.length);
  const dnsBlocks = dnsCheck ? dnsMailBlocks(dnsCheck, t) : [];
  const adminTitle = view.causes[0]?.adminSteps?.mailTitle ?? null;
  const withDns = (list: Block[]): Block[] =>
    dnsBlocks.length > 0 ? afterAdminSteps(list, adminTitle, dnsBlocks) : list;
  let blocks = withDns(mailBlocks(view, t, count));
  // Our words and markup alone, every quote empty (the cut notice counted in case it is needed),
  // and the quotes' own share.
  const measure = (): { own: number; quoted: number } => {
    const quotes = quotesOf(blocks);
    return {
      own: utf8Length(renderHtml([cutNotice, ...blocks], new Map(quotes.map((q) => [q, ''])))),
      quoted: quotes.reduce((sum, q) => sum + utf8Length(escapeHtml(q.text)), 0),
    };
  };
  let { own, quoted } = measure();
  while (own + quoted > MAX_HTML_BYTES && own > MAX_OWN_BYTES && count > 1) {
    count -= 1;
    blocks = withDns(mailBlocks(view, t, count));
    ({ own, quoted } = measure());
  }
  const quotes = quotesOf(blocks);
  let cuts = new Map<Quote, string>();
  if (own + quoted > MAX_HTML_BYTES) {
    const marker = (q: Quote): string => (q.block ? `\n[${t.t('admin.truncated')}]` : ' […]');
    cuts = cutQuotes(quotes, MAX_HTML_BYTES - own, marker);
    // Said at the top, under the introduction.
    const at = blocks.findIndex((b) => b.kind === 'note');
    blocks = [...blocks.slice(0, at + 1), cutNotice, ...blocks.slice(at + 1)];
  }
  return {
    to,
    subject,
    html: renderHtml(blocks, cuts),
    text: renderText(blocks, cuts),
  };
}

/**
 * The DNS check the user ran, with its time: each check's finding in our words (the domain passed
 * validation when the check was planned) and the records the resolver answered, quoted.
 */
function dnsMailBlocks({ plan, outcome }: DnsCheckDone, t: Translator): Block[] {
  const title = t.t('dns.checkedAt', {
    domain: plan.domain,
    time: formatDate(outcome.checkedAt, t.locale) ?? outcome.checkedAt,
  });
  if (outcome.error)
    return [
      { kind: 'heading', text: title },
      { kind: 'small', text: t.t(`dns.error.${outcome.error}`) },
    ];
  return [
    {
      kind: 'facts',
      title,
      rows: outcome.results.map((r) => ({
        label: t.t(`dns.state.${r.state}`).replace(/:$/, ''),
        // The resolver's records are data from outside, quoted like the bounce's own text.
        quote: { text: r.records.join('; ') || '—', block: false },
        note: t.t(`dns.finding.${r.finding}`, { domain: plan.domain }),
      })),
    },
  ];
}

/** Right after the first cause's admin steps, which the check answers; else at the end. */
function afterAdminSteps(blocks: Block[], title: string | null, extra: Block[]): Block[] {
  const steps = blocks.findIndex((b) => b.kind === 'steps' && b.title === title);
  const at = steps >= 0 ? steps + 1 : blocks.length;
  return [...blocks.slice(0, at), ...extra, ...blocks.slice(at)];
}

/**
 * A mailto: link with the summary, cut to what mail clients accept. Any text is encoded, even with
 * half an emoji in it; the caller builds it when the user clicks, inside try/catch all the same.
 */
export function mailtoLink(mail: AdminMail): string {
  const text = wellFormed(mail.text);
  const body = text.length > MAX_MAILTO_BODY ? `${cutAt(text, MAX_MAILTO_BODY)}\n…` : text;
  return `${mailtoHead(mail.to, mail.subject)}&body=${encodeURIComponent(body)}`;
}

/** `mailto:` with the address and subject only: what the link shows before it is clicked. */
export function mailtoHead(to: string, subject: string): string {
  return `mailto:${encodeURIComponent(wellFormed(to))}?subject=${encodeURIComponent(wellFormed(subject))}`;
}
