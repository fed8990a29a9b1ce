/**
 * Is this bounce real? Two kinds of message look like bounces and need the opposite advice:
 *
 * - a **lure**: a look-alike "Undeliverable" with a link to release held messages or sign in,
 *   sometimes an HTML attachment or a form; the reader must not click, and their admin wants to
 *   know (src/core/suspicion.ts finds the signs in the text; this module adds what only the HTML,
 *   the attachments and the authentication results show);
 * - **backscatter**: a genuine bounce of a message the reader never sent, because a spammer put
 *   the reader's address on it. The returned original then did not come through the reader's own
 *   mail system: its oldest hop is a home or dial-up connection handing mail straight to a
 *   foreign server, or, for a Microsoft 365 organisation, it lacks everything Exchange Online
 *   writes on the messages it sends.
 *
 * Every sign carries the header, link or phrase that raised it; the verdict says how sure it is.
 * A genuine bounce gets no verdict at all (null), so the pane stays quiet on the common case.
 */
import { getHeader, getHeaders } from './headers';
import { findSuspicions, hostOf, type SuspicionInput } from './suspicion';
import { clip, domainOf, findAddress, stripInvisible } from './text';
import type { Authenticity, Evidence, HeaderField, HtmlFacts, Suspicion } from './types';

export interface AuthenticityInput extends SuspicionInput {
  readonly html: HtmlFacts | null;
  /** The report's own attachments (not the returned original's). */
  readonly attachments: readonly { readonly mimeType: string; readonly filename: string | null }[];
  /** The returned original's header block, when the report carries it. */
  readonly originalHeaders: readonly HeaderField[] | null;
  /**
   * The reader's own address (Outlook's user profile), when known. Without it the report's
   * addressee stands in for the reader: a bounce goes to whoever the message claimed to be from.
   */
  readonly reader: string | null;
  /** The report was opened itself, not forwarded to the reader or attached by someone else. */
  readonly direct: boolean;
}

/** Signs that alone make a report a lure with high confidence. */
const DECISIVE = new Set(['html.passwordField', 'auth.failed', 'link.lookAlike', 'link.textMismatch']);

/** The verdict on a report that reads as a bounce or delay; null when nothing speaks against it. */
export function judgeAuthenticity(input: AuthenticityInput): Authenticity | null {
  const lure = lureSigns(input);
  if (lure.length > 0) return { verdict: 'suspicious', confidence: confidenceOf(lure), signs: lure };
  const backscatter = backscatterSigns(input);
  if (backscatter.decisive.length === 0) return null;
  const signs = [...backscatter.decisive, ...backscatter.supporting];
  // Without knowing who reads it (the command line without --me), one sign is not enough to tell
  // someone their bounce is not theirs: bounce collections are full of bounces of spam.
  if (!input.reader && signs.length < 2) return null;
  return { verdict: 'backscatter', confidence: signs.length > 1 ? 'high' : 'medium', signs };
}

function confidenceOf(signs: readonly Suspicion[]): 'high' | 'medium' {
  return signs.length > 1 || signs.some((s) => DECISIVE.has(s.code)) ? 'high' : 'medium';
}

// ---------------------------------------------------------------------------------------------
// Lures

function lureSigns(input: AuthenticityInput): Suspicion[] {
  const links = input.html?.links ?? [];
  // Targets hidden behind link text count like links written out: the text scan sees them too.
  const hrefs = links.map((l) => l.href).filter((h) => /^(?:https?:)?\/\//i.test(h));
  const text = hrefs.length > 0 ? `${input.text}\n${hrefs.join('\n')}` : input.text;
  const signs = findSuspicions({ ...input, text });
  const mismatch = mismatchedLinks(input, links);
  if (mismatch.length > 0) signs.push({ code: 'link.textMismatch', evidence: mismatch });
  if (input.html && input.html.passwordField)
    signs.push({
      code: 'html.passwordField',
      evidence: [ev('human-readable', 'HTML', '<input type="password">')],
    });
  else if (input.html && input.html.forms > 0)
    signs.push({ code: 'html.form', evidence: [ev('human-readable', 'HTML', '<form>')] });
  const pages = input.attachments.filter(isPageAttachment);
  if (pages.length > 0)
    signs.push({
      code: 'attachment.page',
      evidence: pages
        .slice(0, 3)
        .map((p) => ev('header', 'Content-Type', `${p.mimeType} ${p.filename ?? ''}`)),
    });
  const auth = failedAuthentication(input);
  if (auth) signs.push(auth);
  return signs;
}

function ev(source: Evidence['source'], field: string, text: string): Evidence {
  return { source, field, text: clip(stripInvisible(text.trim()), 300) };
}

/**
 * Links whose visible text names one site (or an address) and whose target is another site: the
 * oldest trick of phishing, which no genuine report plays.
 */
function mismatchedLinks(input: AuthenticityInput, links: HtmlFacts['links']): Evidence[] {
  const found: Evidence[] = [];
  for (const link of links) {
    if (found.length >= 3) break;
    const target = /^(?:https?:)?\/\//i.test(link.href) ? hostOf(link.href.replace(/^\/\//, '')) : null;
    if (!target) continue;
    const shown = shownHost(link.text);
    if (!shown || organisationOf(shown) === organisationOf(target)) continue;
    found.push(ev('human-readable', 'link', `${link.text} → ${link.href}`));
  }
  return found;
}

/** The host a link's text shows: a URL, a bare host name or an address; null for ordinary words. */
function shownHost(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 300 || /\s/.test(trimmed)) return null;
  const address = /^(?:mailto:)?[^\s@]{1,64}@([a-z0-9.-]{1,253}\.[a-z]{2,63})$/i.exec(trimmed);
  if (address?.[1]) return address[1].toLowerCase();
  if (!/^(?:https?:\/\/)?(?:[a-z0-9-]{1,63}\.)+[a-z]{2,63}(?:[/:?#].*)?$/i.test(trimmed)) return null;
  return hostOf(trimmed);
}

/** Web pages and scripts sent as attachments: lures carry their sign-in form this way. */
function isPageAttachment(part: { readonly mimeType: string; readonly filename: string | null }): boolean {
  const type = part.mimeType.toLowerCase();
  if (type === 'image/svg+xml' || type === 'application/xhtml+xml') return true;
  const name = (part.filename ?? '').toLowerCase().trim();
  if (/\.(?:s?html?|xhtml|svg|shtml|hta|js)$/.test(name)) return true;
  return type === 'text/html' && name !== '';
}

const MICROSOFT_CLAIM = /\b(?:microsoft|outlook|office\s*365|exchange|m365|postmaster)\b/i;

/**
 * The receiving system's Authentication-Results for a report that claims to come from Microsoft or
 * from the reader's own organisation: DMARC failing, or SPF failing without a DKIM pass, means the
 * claim is false. Genuine reports from the reader's own system carry no failing result.
 */
function failedAuthentication(input: AuthenticityInput): Suspicion | null {
  const results = getHeaders(input.headers, 'authentication-results').slice(0, 1);
  const header = results[0];
  if (!header) return null;
  const value = header.slice(0, 4000).toLowerCase();
  const dmarcFail = /\bdmarc\s*=\s*fail\b/.test(value);
  const spfFail = /\bspf\s*=\s*fail\b/.test(value) && !/\bdkim\s*=\s*pass\b/.test(value);
  if (!dmarcFail && !spfFail) return null;
  const from = (getHeader(input.headers, 'from') ?? '').slice(0, 1000);
  const fromDomain = domainOf(findAddress(from));
  const own = ownerDomain(input);
  const claimsOwn = fromDomain !== null && own !== null && organisationOf(fromDomain) === organisationOf(own);
  if (!MICROSOFT_CLAIM.test(from) && !input.looksExchange && !claimsOwn) return null;
  return { code: 'auth.failed', evidence: [ev('header', 'Authentication-Results', header)] };
}

// ---------------------------------------------------------------------------------------------
// Backscatter

interface BackscatterSigns {
  /** Signs that alone show the original did not come from the reader's system. */
  readonly decisive: Suspicion[];
  /** Signs that only add weight. */
  readonly supporting: Suspicion[];
}

function backscatterSigns(input: AuthenticityInput): BackscatterSigns {
  const none: BackscatterSigns = { decisive: [], supporting: [] };
  const original = input.originalHeaders;
  const owner = ownerDomain(input);
  if (!original || original.length === 0 || !owner) return none;
  const fromHeader = (getHeader(original, 'from') ?? '').slice(0, 1000);
  const senderDomain = domainOf(findAddress(fromHeader));
  if (!senderDomain) return none;
  if (organisationOf(senderDomain) === organisationOf(owner)) return forgedOwnSender(input, original, owner);
  // Someone else's message bounced to the reader: only said when we know who the reader is and
  // the reader opened the bounce themselves (an admin opening a user's bounce is not its sender).
  // Someone sending under an alias of another domain gets the bounce at that alias; backscatter
  // comes to the reader's own address (the forged envelope sender) about another From.
  if (input.reader && input.direct && addressedToReader(input) && !mentionsReader(original, input.reader))
    none.decisive.push({
      code: 'backscatter.notReaderSender',
      evidence: [ev('original-message', 'From', fromHeader)],
    });
  return none;
}

/** Signs that an original bearing the owner's own address did not come from the owner's system. */
function forgedOwnSender(
  input: AuthenticityInput,
  original: readonly HeaderField[],
  owner: string,
): BackscatterSigns {
  const signs: BackscatterSigns = { decisive: [], supporting: [] };
  const origin = oldestHop(original);
  if (origin && isForeignDynamicHop(origin, owner))
    signs.decisive.push({
      code: 'backscatter.foreignOrigin',
      evidence: [ev('original-message', 'Received', origin)],
    });
  if (isMicrosoft365(input.headers) && !wentThroughExchangeOnline(original) && !madeBy(original, owner))
    (signs.decisive.length > 0 ? signs.supporting : signs.decisive).push({
      code: 'backscatter.notThroughOrganisation',
      evidence: [ev('original-message', 'Message-ID', getHeader(original, 'message-id') ?? '(none)')],
    });
  const subject = getHeader(original, 'subject') ?? '';
  if (signs.decisive.length > 0 && SPAM_SUBJECT.test(subject.slice(0, 500)))
    signs.supporting.push({
      code: 'backscatter.spamContent',
      evidence: [ev('original-message', 'Subject', subject)],
    });
  return signs;
}

/** The domain whose mail this is: the reader's, or else the report's addressee's. */
function ownerDomain(input: AuthenticityInput): string | null {
  if (input.reader) return domainOf(input.reader);
  const to = (getHeader(input.headers, 'to') ?? '').slice(0, 1000);
  return domainOf(findAddress(to));
}

/** The report was sent to the reader's own address (its To, or Delivered-To when To is absent). */
function addressedToReader(input: AuthenticityInput): boolean {
  const reader = (input.reader ?? '').toLowerCase();
  if (!reader) return false;
  const to = `${getHeader(input.headers, 'to') ?? ''} ${getHeader(input.headers, 'delivered-to') ?? ''}`;
  return to.slice(0, 4000).toLowerCase().includes(reader);
}

function mentionsReader(original: readonly HeaderField[], reader: string): boolean {
  const wanted = reader.toLowerCase();
  return ['to', 'cc', 'sender', 'return-path', 'reply-to'].some((name) =>
    (getHeader(original, name) ?? '').slice(0, 4000).toLowerCase().includes(wanted),
  );
}

/** The first Received field the original got (the last one written in its header block). */
function oldestHop(original: readonly HeaderField[]): string | null {
  const received = getHeaders(original, 'received');
  const last = received[received.length - 1];
  return last ? last.slice(0, 2000) : null;
}

/** Host names that providers give home, dial-up and dynamic connections. */
const DYNAMIC_HOST =
  /(?:^|[.-])(?:dyn(?:amic)?|dhcp|[avx]?dsl|cable|pppo?e?|pool|dial-?up|broadband|cpe|customer|client|res(?:idential)?|home)(?:[.-]|\d)|\d{1,3}[.-]\d{1,3}[.-]\d{1,3}[.-]\d{1,3}[.-]?[a-z]/i;

/**
 * A hop from a home or dynamic connection straight to a server outside the owner's organisation,
 * without authenticating. A person sending their own mail from home goes through their
 * organisation's (or provider's) submission server and authenticates (ESMTPA/ESMTPSA).
 */
function isForeignDynamicHop(received: string, owner: string): boolean {
  const hop = /^\s*from\s+(\S{1,255})\s*(?:\(([^()]{0,500})\))?[^]*?\bby\s+(\S{1,255})/i.exec(received);
  if (!hop) return false;
  const helo = hop[1] ?? '';
  const reverse = hop[2] ?? '';
  const by = (hop[3] ?? '').toLowerCase().replace(/[;.]+$/, '');
  // Authenticated submission (ESMTPA, ESMTPSA, …) and webmail (HTTP) are the owner's own way in.
  if (/\bwith\s+(?:(?:e?smtp|lmtp|utf8smtp)s?a|https?|local)\b/i.test(received)) return false;
  if (!by.includes('.') || organisationOf(by) === organisationOf(owner)) return false;
  return DYNAMIC_HOST.test(helo) || DYNAMIC_HOST.test(reverse);
}

/** The report itself came through Exchange Online: the reader's organisation is a Microsoft 365 one. */
function isMicrosoft365(headers: readonly HeaderField[]): boolean {
  return headers.some(
    (h) =>
      h.name.startsWith('x-ms-exchange-organization-') ||
      (h.name === 'received' && /\bby\s+\S+\.(?:prod\.)?outlook\.com\b/i.test(h.value.slice(0, 1000))),
  );
}

/** What Exchange Online writes on every message it sends for its organisations. */
function wentThroughExchangeOnline(original: readonly HeaderField[]): boolean {
  const messageId = getHeader(original, 'message-id') ?? '';
  if (/\.(?:prod\.)?outlook\.com>?\s*$/i.test(messageId.slice(0, 1000))) return true;
  return original.some(
    (h) =>
      h.name.startsWith('x-ms-exchange-') ||
      (h.name === 'received' && /\.(?:prod\.)?outlook\.com\b/i.test(h.value.slice(0, 1000))),
  );
}

/** The original's Message-ID names the owner's own organisation (an on-premises server, say). */
function madeBy(original: readonly HeaderField[], owner: string): boolean {
  const messageId = (getHeader(original, 'message-id') ?? '').slice(0, 1000);
  const host = /@([a-z0-9.-]{1,253})>?\s*$/i.exec(messageId)?.[1];
  return host !== undefined && organisationOf(host) === organisationOf(owner);
}

/** Subjects of bulk spam that backscatter usually returns (English and Dutch). */
const SPAM_SUBJECT =
  /\b(?:viagra|cialis|casino|lottery|loterij|winner|winnaar|bitcoin|crypto|investment opportunity|replica|pharmacy|weight loss|dating|singles|loan offer|lening)\b/i;

// ---------------------------------------------------------------------------------------------
// Domains

/** Public suffixes of two labels common in mail (a full public-suffix list is not needed here). */
const TWO_LABEL_SUFFIX =
  /\.(?:co|ac|gov|org|net|com|ne|or|go|edu|ltd|plc|me)\.(?:uk|jp|au|nz|za|in|kr|br|mx|tr|cn|tw|il|th|id|sg|my|ar)$/;

/** The registrable domain of a host: `mail.contoso.co.uk` → `contoso.co.uk`. */
export function organisationOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  const labels = name.split('.');
  const keep = TWO_LABEL_SUFFIX.test(name) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
