/**
 * Signs that a "bounce" may be a look-alike: phishing lures dress up as non-delivery reports, with a
 * link to "release" held messages or "upgrade" a full mailbox. Genuine reports link to their
 * vendor's documentation and never ask the reader to sign in, so a sign here needs more than a
 * link: a link of a kind genuine reports never use, or lure wording together with a link to a host
 * that is not a known documentation host. Every sign carries the link or phrase that raised it.
 */
import { getHeader, hasHeader } from './headers';
import { LURE_WORDING_PATTERN } from './languages';
import { clip, stripInvisible } from './text';
import type { Evidence, HeaderField, Suspicion } from './types';

export interface SuspicionInput {
  readonly headers: readonly HeaderField[];
  /** The report's own text (not the returned original). */
  readonly text: string;
  /** The subject starts with an Exchange NDR prefix of some language ("Undeliverable:"). */
  readonly looksExchange: boolean;
  /** The text was read as an Exchange NDR layout. */
  readonly exchangeLayout: boolean;
  /** The message has a delivery-status part (or fields). */
  readonly deliveryStatus: boolean;
}

const MAX_TEXT = 200_000;
const MAX_LINKS = 200;
const MAX_EVIDENCE = 3;

/** URLs as they appear in text: a scheme, then anything up to white space or a closing bracket/quote. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]}]{1,2000}/gi;

/**
 * Hosts whose pages genuine reports link to: the mail vendors' own help and standards bodies. A
 * host is known when it is one of these or ends in `.` + one of these.
 */
const DOCUMENTATION_HOSTS = [
  'microsoft.com',
  'office.com',
  'office365.com',
  'aka.ms',
  'outlook.com',
  'live.com',
  'google.com',
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.jp',
  'yahooinc.com',
  'aol.com',
  'apple.com',
  'icloud.com',
  'zoho.com',
  'mimecast.com',
  'proofpoint.com',
  'barracudanetworks.com',
  'barracuda.com',
  'cisco.com',
  'spamhaus.org',
  'spamcop.net',
  'sorbs.net',
  'abuseat.org',
  'rfc-editor.org',
  'ietf.org',
  'amazon.com',
  'amazonaws.com',
  'sendgrid.com',
  'mailchimp.com',
  'comcast.net',
  'att.net',
  'gmx.net',
  'gmx.de',
  'web.de',
  'orange.fr',
  'free.fr',
  'ziggo.nl',
  'kpnmail.nl',
  'xs4all.nl',
];

/** Brands that lures imitate, and the registrable domains that really belong to them. */
const BRANDS: readonly { readonly token: string; readonly official: readonly string[] }[] = [
  { token: 'microsoft', official: ['microsoft.com', 'microsoftonline.com', 'microsoft365.com', 'aka.ms'] },
  { token: 'office365', official: ['office365.com', 'office.com', 'microsoft.com'] },
  { token: 'outlook', official: ['outlook.com', 'office.com', 'live.com', 'microsoft.com'] },
  { token: 'onedrive', official: ['onedrive.com', 'live.com', 'microsoft.com'] },
  { token: 'sharepoint', official: ['sharepoint.com', 'microsoft.com'] },
];

const SHORTENERS = new Set([
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
  't.ly',
  's.id',
  'bl.ink',
]);

/**
 * What lures ask for, in the languages we read (each language file's `lureWording`): release/retry/review held or pending messages,
 * a full mailbox to upgrade, an expiring password, an account about to be closed, "verify", a
 * deadline. Genuine reports say what happened; they do not ask the reader to do something online.
 */
const LURE_WORDING = LURE_WORDING_PATTERN;

function ev(field: string, text: string): Evidence {
  return { source: 'human-readable', field, text: clip(stripInvisible(text.trim()), 300) };
}

/** The host of a URL as written (lower-case, without port or credentials); null when none. */
export function hostOf(url: string): string | null {
  const match = /^(?:https?:\/\/)?(?:[^/?#@\s]*@)?(\[[^\]]{1,100}\]|[^/?#:\s]{1,253})/i.exec(url);
  const host = match?.[1]?.toLowerCase().replace(/\.$/, '');
  return host || null;
}

function endsWithDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isDocumentationHost(host: string): boolean {
  return DOCUMENTATION_HOSTS.some((d) => endsWithDomain(host, d));
}

/** Digits and letter pairs that lures use in place of letters ("micros0ft", "rnicrosoft"). */
function unDisguise(host: string): string {
  return host
    .replace(/0/g, 'o')
    .replace(/1/g, 'l')
    .replace(/3/g, 'e')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[-_.]/g, '');
}

/** Why a link's host is of a kind genuine reports never use; null when it is not. */
function linkSign(host: string): string | null {
  if (/^\[.*\]$/.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return 'link.ipAddress';
  if (SHORTENERS.has(host)) return 'link.shortener';
  if (host.split('.').some((label) => label.startsWith('xn--')) || /[^ -~]/.test(host))
    return 'link.punycode';
  const plain = unDisguise(host);
  for (const brand of BRANDS) {
    if (!plain.includes(brand.token)) continue;
    if (!brand.official.some((d) => endsWithDomain(host, d))) return 'link.lookAlike';
  }
  return null;
}

function domainsOf(value: string | null): string[] {
  const domains: string[] = [];
  for (const match of (value ?? '').matchAll(/@([a-z0-9.-]{1,253})/gi))
    if (match[1]) domains.push(match[1].toLowerCase().replace(/\.$/, ''));
  return domains;
}

/** What the links of the text show: signs by code, and links to foreign hosts that raise no sign. */
interface LinkFindings {
  readonly byCode: Map<string, Evidence[]>;
  readonly foreignLinks: string[];
}

function readLinks(text: string, ownDomains: readonly string[]): LinkFindings {
  const byCode = new Map<string, Evidence[]>();
  const foreignLinks: string[] = [];
  let links = 0;
  for (const match of text.matchAll(URL)) {
    if (++links > MAX_LINKS) break;
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const host = hostOf(url);
    // Links to the report's own organisation (its webmail at outlook.contoso.com, say) are its own.
    if (!host || ownDomains.some((d) => endsWithDomain(host, d))) continue;
    const sign = linkSign(host);
    if (sign) {
      const list = byCode.get(sign) ?? [];
      if (list.length < MAX_EVIDENCE && !list.some((e) => e.text === url)) list.push(ev('link', url));
      byCode.set(sign, list);
    } else if (
      !isDocumentationHost(host) &&
      foreignLinks.length < MAX_EVIDENCE &&
      !foreignLinks.includes(url)
    ) {
      foreignLinks.push(url);
    }
  }
  return { byCode, foreignLinks };
}

/**
 * A copy of an Exchange report without Exchange's own marker header and without a delivery-status
 * part: only worth a word when something else is wrong too, as anonymised samples lose headers.
 */
function exchangeMarkersMissing(input: SuspicionInput): boolean {
  return (
    input.looksExchange &&
    input.exchangeLayout &&
    !input.deliveryStatus &&
    input.headers.some((h) => h.name === 'received' || h.name === 'message-id') &&
    !hasHeader(input.headers, 'x-ms-exchange-message-is-ndr')
  );
}

/** Look-alike sender domains use non-ASCII letters (homoglyphs). */
function nonAsciiSender(headers: SuspicionInput['headers']): Suspicion | null {
  // A From header is short; a longer one is cut so the pattern below stays linear.
  const from = (getHeader(headers, 'from') ?? '').slice(0, 1000);
  const homoglyph = /@[^\s>]*[\u0080-\uffff][^\s>]*/.exec(from);
  return homoglyph
    ? {
        code: 'sender.nonAsciiDomain',
        evidence: [{ source: 'header', field: 'From', text: clip(homoglyph[0], 300) }],
      }
    : null;
}

/** Signs that the report may be a look-alike, each with the links or words that raised it. */
export function findSuspicions(input: SuspicionInput): Suspicion[] {
  const found: Suspicion[] = [];
  const text = input.text.length > MAX_TEXT ? input.text.slice(0, MAX_TEXT) : input.text;
  // The report's own organisation (its From and To domains) links to its own help pages.
  const ownDomains = [
    ...domainsOf(getHeader(input.headers, 'from')),
    ...domainsOf(getHeader(input.headers, 'to')),
  ];
  const { byCode, foreignLinks } = readLinks(text, ownDomains);
  for (const [code, evidence] of byCode) found.push({ code, evidence });

  const subject = getHeader(input.headers, 'subject') ?? '';
  const linked = found.length > 0 || foreignLinks.length > 0;
  const markersMissing = exchangeMarkersMissing(input);
  // Lure wording counts only with a link or without Exchange's markers: most reports have neither,
  // and are not searched for it.
  const lure = linked || markersMissing ? LURE_WORDING.exec(`${subject}\n${text}`) : null;
  if (lure && linked)
    found.push({
      code: 'wording.lure',
      evidence: [ev('wording', lure[0]), ...foreignLinks.map((url) => ev('link', url))],
    });

  if (markersMissing && (lure !== null || found.length > 0))
    found.push({
      code: 'exchange.markersMissing',
      evidence: [{ source: 'header', field: 'Subject', text: clip(stripInvisible(subject), 200) }],
    });

  const sender = nonAsciiSender(input.headers);
  if (sender) found.push(sender);
  return found;
}
