/** The assemble step: the Analysis the product shows, from what the steps before found. */
import type { DeliveryStatusReport } from '../dsn/deliveryStatus';
import type { ExchangeText } from '../exchange/humanReadable';
import { getHeader } from '../headers';
import { guessLanguage } from '../language';
import { BounceText } from '../scan/plainText';
import { judgeAuthenticity } from '../authenticity';
import { parseHeaderBlock } from '../headers';
import { BOUNCE_SUBJECT } from './bounceWords';
import { anyOf, clip, stripInvisible } from '../text';
import type { Analysis, DecodedMessage, DecodedPart, RecipientOutcome, Verdict, Warning } from '../types';
import { dedupeWarnings } from './budget';
import { findLeftovers } from './leftovers';
import { emptyOriginal, findOriginal, stripBouncePrefix, textOf } from './original';

/** What the report's decoding found that the Analysis shows besides the recipients. */
export interface ReportFound {
  readonly deliveryStatus: DeliveryStatusReport | null;
  readonly exchange: ExchangeText | null;
  readonly reportingMta: string | null;
  readonly dsPart: DecodedPart | undefined;
}

export interface Assembly {
  readonly message: DecodedMessage;
  readonly verdict: Verdict;
  readonly route: Analysis['input'];
  /** The reader's own address, when the host knows it (AnalyzeOptions.reader). */
  readonly reader: string | null;
  readonly layout: string | null;
  readonly recipients: readonly RecipientOutcome[];
  readonly warnings: readonly Warning[];
  /** The analysed text (BounceText of the capped or raw-body text). */
  readonly body: BounceText;
  /** Absent for messages that are no report. */
  readonly found?: ReportFound;
}

const VALID_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Content-Language names the report's language; else Exchange's labels; else its own words. */
function languageOf(
  message: DecodedMessage,
  exchange: ExchangeText | null,
  text: BounceText | null,
): string | null {
  const contentLanguage = getHeader(message.headers, 'content-language')?.split(',')[0]?.trim() ?? null;
  if (contentLanguage && VALID_TAG.test(contentLanguage)) return contentLanguage;
  return text ? (exchange?.language ?? guessLanguage(text.own)) : null;
}

function humanText(messageText: BounceText): string | null {
  // Line breaks as LF, whatever the input used: pasted text keeps the CRLF a clipboard gave it.
  const cut = messageText.own.trim().replace(/\r\n?/g, '\n');
  return cut === '' ? null : cut;
}

const shown = (text: string | null): string | null => (text ? clip(stripInvisible(text), 8000) : null);

/** The report's texts and its original; only for messages that are reports (or read receipts). */
function reportTexts(
  a: Assembly,
): Pick<Analysis, 'language' | 'original' | 'userInformation' | 'adminInformation'> {
  const { message } = a;
  const exchange = a.found?.exchange ?? null;
  const messageText = textOf(message, a.body);
  const adminInformation = exchange?.adminInformation ?? a.found?.dsPart?.text?.trim() ?? null;
  return {
    language: languageOf(message, exchange, messageText),
    original: findOriginal({ message, exchange, messageText }),
    userInformation: shown(exchange?.userInformation ?? humanText(messageText)),
    adminInformation: shown(adminInformation),
  };
}

/** A message that is no report has no texts of one; a valid Content-Language still names its language. */
function noReportTexts(
  message: DecodedMessage,
): Pick<Analysis, 'language' | 'original' | 'userInformation' | 'adminInformation'> {
  return {
    language: languageOf(message, null, null),
    original: emptyOriginal(),
    userInformation: null,
    adminInformation: null,
  };
}

/**
 * Is it real: a lure dressed as a bounce, backscatter, or (null) a genuine report. Asked of every
 * report, and of a message that only dresses as one (a bounce's subject) however it was read.
 */
function suspicionOf(a: Assembly, original: Analysis['original']): Analysis['suspicion'] {
  const headers = a.message.headers;
  const subject = getHeader(headers, 'subject');
  return judgeAuthenticity({
    headers,
    text: a.message.text,
    looksExchange: stripBouncePrefix(subject) !== null,
    exchangeLayout: Boolean(a.found?.exchange),
    deliveryStatus: Boolean(a.found?.deliveryStatus),
    html: a.message.html ?? null,
    // Type and name only: reading `message` would decode an attached .msg nobody asked for.
    attachments: a.message.parts.map((p) => ({ mimeType: p.mimeType, filename: p.filename })),
    originalHeaders: original.headers ? parseHeaderBlock(original.headers).headers : null,
    reader: a.reader,
    direct: a.route === 'mime' || a.route === 'text',
  });
}

/** A message that presents itself as a bounce by its subject, whatever the analysis made of it. */
function dressedAsBounce(a: Assembly): boolean {
  const subject = (getHeader(a.message.headers, 'subject') ?? '').slice(0, 1000).trim();
  return stripBouncePrefix(subject) !== null || BOUNCE_SUBJECT.test(subject);
}

function leftoversOf(a: Assembly): Analysis['unparsed'] {
  if (!a.found) return [];
  const { dsPart, exchange } = a.found;
  return findLeftovers(dsPart?.text ?? null, exchange?.adminInformation ?? null, a.recipients);
}

export function assemble(a: Assembly): Analysis {
  const { message, verdict } = a;
  const headers = message.headers;
  const isBounceLike = verdict === 'bounce' || verdict === 'delay' || verdict === 'delivery-report';
  const texts = isBounceLike ? reportTexts(a) : noReportTexts(message);
  return {
    verdict,
    language: texts.language,
    input: a.route,
    layout: a.layout,
    recipients: a.recipients,
    reportingMta: a.found?.reportingMta ?? null,
    report: {
      subject: getHeader(headers, 'subject'),
      from: getHeader(headers, 'from'),
      date: getHeader(headers, 'date'),
    },
    original: texts.original,
    userInformation: texts.userInformation,
    adminInformation: texts.adminInformation,
    suspicion: isBounceLike || dressedAsBounce(a) ? suspicionOf(a, texts.original) : null,
    warnings: dedupeWarnings(a.warnings),
    unparsed: leftoversOf(a),
  };
}

/**
 * Which well-known mail server wrote a non-Exchange report, from its fixed wording or DS fields.
 * Informational (shown to admins as the bounce format); the parsing does not depend on it.
 */
const MTA_FINGERPRINTS: readonly [string, RegExp][] = [
  ['postfix', /this is the mail system at host|^x-postfix-(?:queue-id|sender):/im],
  ['qmail', /this is the qmail-send program|^hi\. this is the qmail/im],
  ['exim', /this message was created automatically by mail delivery software/i],
  [
    'sendmail',
    /(?<!-)-{3,} ?(?:the following addresses had permanent fatal errors|transcript of session follows) ?-{3,}/i,
  ],
  [
    'gmail',
    /delivery to the following recipient failed permanently|the response from the remote server was:|google tried to deliver your message/i,
  ],
  ['mimecast', /mimecast/i],
  ['amazonses', /amazonses\.com/i],
];

/**
 * The fingerprints joined into one alternation per set of flags: whether any of them occurs in a
 * report's first 20,000 characters is one scan, and most reports (all RFC 3464 and plain-text
 * ones from other servers) show none, where trying each in turn scanned the text seven times.
 */
const ANY_FINGERPRINT: readonly RegExp[] = [
  ...new Set(MTA_FINGERPRINTS.map(([, pattern]) => pattern.flags)),
].map((flags) =>
  anyOf(
    MTA_FINGERPRINTS.filter(([, pattern]) => pattern.flags === flags).map(([, pattern]) => pattern),
    flags,
  ),
);

export function detectMta(
  text: string,
  ds: DeliveryStatusReport | null,
  reportingMta: string | null,
): string | null {
  const head = text.slice(0, 20_000);
  const headHasAny = ANY_FINGERPRINT.some((pattern) => pattern.test(head));
  const dsText = ds ? [...ds.perMessage.keys()].map((key) => `${key}:`).join('\n') : '';
  for (const [name, pattern] of MTA_FINGERPRINTS) {
    if ((headHasAny && pattern.test(head)) || pattern.test(dsText) || pattern.test(reportingMta ?? ''))
      return name;
  }
  return null;
}
