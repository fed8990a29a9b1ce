import { exchangeLabels } from './catalog/exchangeLabels';
import { matchCause } from './catalog/match';
import { providerReason } from './catalog/providers';
import {
  findDeliveryStatusInText,
  parseDeliveryStatus,
  splitDiagnostic,
  typedValue,
  type DeliveryStatusReport,
  type FieldGroup,
} from './dsn/deliveryStatus';
import { parseExchangeText, showsExchangeReport, type ExchangeText } from './exchange/humanReadable';
import { findForwardedBlocks, forwardedText, MAX_FORWARDED_BLOCKS, type ForwardedBlock } from './forward';
import { guessLanguage } from './language';
import { BOUNCE_PHRASE_PATTERN, BOUNCE_SUBJECT_PATTERN, REPORT_OPENER_PATTERN } from './languages';
import { formatHeaderBlock, getHeader, hasHeader, parseHeaderBlock } from './headers';
import { classifyReason } from './reason/classify';
import type { RefusingSide } from './catalog/types';
import { BounceText, findCommand, plainContext, scanPlainBounce } from './scan/plainText';
import { findSesNotification } from './scan/sesJson';
import { findSuspicions } from './suspicion';
import { findAllEnhancedStatuses, findEnhancedStatus, findReplyCode, parseEnhancedStatus } from './status';
import {
  anyOf,
  clip,
  domainOf,
  findAddress,
  findAddresses,
  foldSpace,
  hostWithinLimit,
  normalizeForMatch,
  splitLines,
  stripInvisible,
} from './text';
import type {
  Analysis,
  DecodedMessage,
  DecodedPart,
  DeliveryAction,
  Evidence,
  HeaderField,
  OriginalMessage,
  Reason,
  RecipientOutcome,
  Verdict,
  Warning,
} from './types';

export interface AnalyzeOptions {
  /** At most this many recipients are analysed (default 1000); the rest are counted in a warning. */
  readonly maxRecipients?: number;
  /** How deep attached and forwarded messages are followed (default 4). */
  readonly maxDepth?: number;
}

const MAX_TEXT = 2_000_000;
const EVIDENCE_MAX = 400;

/** Analyses a decoded message: a report itself, a message carrying one, or a forward of one. */
export function analyzeMessage(message: DecodedMessage, options: AnalyzeOptions = {}): Analysis {
  const budget = newBudget();
  return withoutNul(withBudgetWarning(analyzeAt(message, options, 0, 'mime', budget), budget));
}

/**
 * Analyses text without MIME structure: a body read from Outlook (optionally with its internet
 * headers) or text the user pasted.
 */
export function analyzeText(
  text: string,
  options: AnalyzeOptions & { readonly headers?: string } = {},
): Analysis {
  const headers = options.headers ? parseHeaderBlock(options.headers).headers : [];
  // Pasted text sometimes starts with the report's own header block.
  // A message copied out of an mbox file starts with its "From sender date" separator line.
  const unboxed = text.replace(/^From [^\r\n]{0,1000}\r?\n(?=[!-9;-~]{1,76}:)/, '');
  let body = unboxed;
  let ownHeaders = headers;
  if (headers.length === 0) {
    const leading = parseHeaderBlock(unboxed);
    if (
      leading.headers.length >= 3 &&
      leading.headers.some((h) => h.name === 'subject' || h.name === 'from')
    ) {
      ownHeaders = leading.headers;
      body = splitLines(unboxed).slice(leading.lineCount).join('\n');
    }
  }
  const message: DecodedMessage = { headers: ownHeaders, text: body, parts: [], raw: text, warnings: [] };
  const budget = newBudget();
  return withoutNul(withBudgetWarning(analyzeAt(message, options, 0, 'text', budget), budget));
}

/**
 * What one analysis may spend on the messages inside the one it was given (attached and forwarded
 * messages, at every level together). Each nested text is read once, so the characters stay within
 * about twice the input; the counts are a backstop against inputs built to have thousands of them.
 */
interface Budget {
  /** Nested analyses still allowed. */
  analyses: number;
  /** Characters of nested text still allowed. */
  chars: number;
  /** What ran out, if something did (then the analysis says so in a warning). */
  exhausted: 'analyses' | 'chars' | 'blocks' | null;
}

const MAX_NESTED_ANALYSES = 64;
const MAX_NESTED_CHARS = 2 * MAX_TEXT;

function newBudget(): Budget {
  return { analyses: MAX_NESTED_ANALYSES, chars: MAX_NESTED_CHARS, exhausted: null };
}

/** Takes one nested analysis of `chars` characters from the budget; false when it cannot pay. */
function spend(budget: Budget, chars: number): boolean {
  if (budget.analyses <= 0) budget.exhausted ??= 'analyses';
  else if (chars > budget.chars) budget.exhausted ??= 'chars';
  else {
    budget.analyses--;
    budget.chars -= chars;
    return true;
  }
  return false;
}

function withBudgetWarning(analysis: Analysis, budget: Budget): Analysis {
  if (budget.exhausted === null) return analysis;
  const warning: Warning = { code: 'analysis.budgetExhausted', detail: budget.exhausted };
  return { ...analysis, warnings: dedupeWarnings([...analysis.warnings, warning]) };
}

/**
 * NUL characters from the bounce never reach the UI or Office (a NUL truncates strings in some
 * hosts and hides text from the reader): removed from every string of the result. Almost no result
 * has one, so a walk that only looks comes first; copying the whole result every time cost more
 * than some of the parsing.
 */
function withoutNul<T>(value: T): T {
  return hasNul(value) ? copyWithoutNul(value) : value;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') {
    for (const key in value) if (hasNul((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function copyWithoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(copyWithoutNul) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyWithoutNul(v)])) as T;
  return value;
}

type Route = Analysis['input'];

function analyzeAt(
  message: DecodedMessage,
  options: AnalyzeOptions,
  depth: number,
  route: Route,
  budget: Budget,
): Analysis {
  const maxDepth = options.maxDepth ?? 4;
  const warnings: Warning[] = [...message.warnings];
  const ownText = message.text.trim() === '' && message.raw ? rawBodyText(message.raw) : message.text;
  const text = ownText.length > MAX_TEXT ? ownText.slice(0, MAX_TEXT) : ownText;
  if (message.text.length > MAX_TEXT)
    warnings.push({ code: 'input.textTruncated', detail: String(message.text.length) });
  const subject = getHeader(message.headers, 'subject');
  const contentType = (getHeader(message.headers, 'content-type') ?? '').toLowerCase();
  const reportType = /report-type\s*=\s*"?([a-z0-9-]+)/.exec(contentType)?.[1] ?? null;
  const body = new BounceText(text);

  const partOf = (...types: string[]): DecodedPart | undefined =>
    message.parts.find((p) => types.includes(p.mimeType.toLowerCase()));
  if (reportType === 'feedback-report' || partOf('message/feedback-report')) {
    return finish(message, 'feedback', route, null, [], {}, warnings, null, body);
  }
  if (reportType === 'disposition-notification' || partOf('message/disposition-notification')) {
    // A read receipt: the message was delivered (and opened); not a failure.
    return finish(
      message,
      'delivery-report',
      route,
      'rfc8098',
      [],
      {},
      [...warnings, { code: 'report.readReceipt' }],
      null,
      body,
    );
  }

  const dsPart = partOf('message/delivery-status', 'message/global-delivery-status');
  let ds: DeliveryStatusReport | null = dsPart?.text ? parseDeliveryStatus(dsPart.text) : null;
  if (ds && ds.perRecipient.length === 0) ds = null;
  // Is this message itself a report by its structure? If not, a report it carries (attached, or
  // forwarded inline) is what the user wants explained, before its own words are read as a bounce.
  const structural =
    ds !== null ||
    reportType === 'delivery-status' ||
    reportType === 'global-delivery-status' ||
    hasHeader(message.headers, 'x-ms-exchange-message-is-ndr') ||
    hasHeader(message.headers, 'x-failed-recipients');
  if (!structural && depth < maxDepth) {
    for (const part of message.parts) {
      if (!part.message) continue;
      if (!spend(budget, part.message.text.length)) break;
      const inner = analyzeAt(part.message, options, depth + 1, 'attached-report', budget);
      if (inner.verdict === 'bounce' || inner.verdict === 'delay')
        return withOuterWarnings({ ...inner, input: 'attached-report' }, warnings);
    }
    // A forwarded message's text was searched for forward blocks with the text around it: every
    // block below it is one of those, and is tried on its own.
    if (route !== 'forwarded-text') {
      const inner = analyzeForwarded(text, body.lines, options, depth, budget);
      if (inner) return withOuterWarnings({ ...inner, input: 'forwarded-text' }, warnings);
    }
  }
  let dsSource: Evidence['source'] = 'delivery-status';
  if (!ds) {
    // Broken MIME (a wrong boundary, parts without headers) or a report quoted as text.
    const fromText =
      findDeliveryStatusInText(text) ??
      (message.raw ? findDeliveryStatusInText(message.raw.slice(0, MAX_TEXT)) : null);
    if (fromText) {
      ds = fromText;
      dsSource = 'human-readable';
      if (dsPart === undefined && message.parts.length > 0)
        warnings.push({ code: 'mime.deliveryStatusNotAPart' });
    }
  }
  if (!ds) {
    // Amazon SES notifications mailed through SNS carry the report as JSON in the body.
    const ses = findSesNotification(text);
    if (ses?.kind === 'complaint')
      return finish(message, 'feedback', route, null, [], {}, warnings, null, body);
    if (ses) {
      const parsed = parseDeliveryStatus(ses.deliveryStatus);
      if (parsed.perRecipient.length > 0) {
        ds = parsed;
        dsSource = 'human-readable';
      }
    }
  }
  const exchange = parseExchangeText(text, subject, body.lines);
  const signals = bounceSignals(message, body, subject, ds !== null, exchange !== null, route);

  if (!signals.isReport) {
    const verdict: Verdict = signals.autoReply ? 'auto-reply' : 'not-a-bounce';
    return finish(message, verdict, route, null, [], {}, warnings, null, body);
  }

  // Server names longer than a host name can be are not names: the report's text still shows them.
  const reportingMta =
    hostWithinLimit(typedValue(ds?.perMessage.get('reporting-mta'))) ??
    hostWithinLimit(exchange?.generatingServer);
  const recipients = collectRecipients(
    message,
    body,
    ds,
    dsSource,
    exchange,
    reportingMta,
    options,
    warnings,
  );
  const verdict: Verdict = recipients.some((r) => r.action === 'failed')
    ? 'bounce'
    : recipients.some((r) => r.action === 'delayed')
      ? 'delay'
      : recipients.length > 0
        ? 'delivery-report'
        : exchange?.delayed
          ? 'delay'
          : 'bounce';
  if (!recipients.some((r) => r.address)) warnings.push({ code: 'recipients.notFound' });
  const layout = exchange?.layout ?? detectMta(text, ds, reportingMta) ?? (ds ? 'rfc3464' : 'text');
  return finish(
    message,
    verdict,
    route,
    layout,
    recipients,
    {
      ds,
      exchange,
      reportingMta,
      dsPart,
      unparsed: findLeftovers(dsPart?.text ?? null, exchange?.adminInformation ?? null, recipients),
    },
    warnings,
    exchange?.language ?? null,
    body,
  );
}

/**
 * A nested report's analysis with the warnings about the message that carried it: what could not
 * be read there (a MIME structure given up on, cut parts) still holds for the report inside.
 */
function withOuterWarnings(inner: Analysis, outer: readonly Warning[]): Analysis {
  return outer.length === 0 ? inner : { ...inner, warnings: dedupeWarnings([...inner.warnings, ...outer]) };
}

/**
 * The report in a text's inline-forwarded messages, if one is there. The blocks are found once, and
 * only those that look like a report are analysed (an ordinary reply thread is dozens of blocks):
 * first those whose own text shows a report, each with the text down to the next of them; then
 * those that only have a report's subject or sender, each with its own text. Innermost first: the
 * report is at the bottom of a thread, under the replies that discuss it. Each line is read by at
 * most two of these analyses, so a chain costs time linear in its size.
 */
function analyzeForwarded(
  text: string,
  lines: readonly string[],
  options: AnalyzeOptions,
  depth: number,
  budget: Budget,
): Analysis | null {
  const blocks = findForwardedBlocks(text, lines);
  if (blocks.length >= MAX_FORWARDED_BLOCKS) budget.exhausted ??= 'blocks';
  const shown: ForwardedBlock[] = [];
  const named: ForwardedBlock[] = [];
  for (const block of blocks) {
    const sign = forwardedReportSign(block, lines);
    if (sign === 'text') shown.push(block);
    else if (sign === 'header') named.push(block);
  }
  const tries: { block: ForwardedBlock; end: number }[] = [
    ...shown.map((block, i) => ({ block, end: shown[i + 1]?.headerLine ?? lines.length })).reverse(),
    ...named.map((block) => ({ block, end: block.endLine })).reverse(),
  ];
  for (const { block, end } of tries) {
    const forwarded: DecodedMessage = {
      headers: block.headers,
      text: forwardedText(lines, block.bodyLine, end),
      parts: [],
      raw: null,
      warnings: [],
    };
    if (!spend(budget, forwarded.text.length)) break;
    const inner = analyzeAt(forwarded, options, depth + 1, 'forwarded-text', budget);
    if (inner.verdict === 'bounce' || inner.verdict === 'delay') return inner;
  }
  return null;
}

/**
 * The body of the undecoded message as plain text, for broken MIME that left no readable part (a
 * multipart whose boundary parameter sits on an unfolded line, so no part is found). Boundary lines
 * and part headers are dropped; encoded parts stay unreadable, which is no worse than nothing.
 */
function rawBodyText(raw: string): string {
  const head = raw.slice(0, MAX_TEXT);
  const blank = /\r?\n\r?\n/.exec(head);
  if (!blank) return '';
  return splitLines(head.slice(blank.index + blank[0].length))
    .filter(
      (line) =>
        !/^--[!-~]{1,200}$/.test(line.trim()) && !/^(?:content-[a-z-]{1,40}:|\s*boundary=)/i.test(line),
    )
    .join('\n');
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

function detectMta(
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

interface Signals {
  readonly isReport: boolean;
  readonly autoReply: boolean;
}

/** How a bounce's subject reads, in any language we know (src/core/languages/). */
const BOUNCE_SUBJECT = BOUNCE_SUBJECT_PATTERN;

/** A report's sender (lower-cased From). */
const DAEMON_SENDER =
  /(?:mailer-daemon|post_?master|mail delivery (?:system|subsystem)|mail-daemon|mailerdaemon|microsoftexchange329e71ec88ae4615bbc36ab6ce41109e)/;

const BOUNCE_PHRASES = BOUNCE_PHRASE_PATTERN;

/**
 * The sentences mail servers open their reports with (Exim, Postfix, Sendmail, qmail, Exchange,
 * Gmail, Courier): a second, independent sign next to the failure wording, so that a pasted report
 * without headers or an SMTP code is still read as one.
 */
const REPORT_OPENER = REPORT_OPENER_PATTERN;

/**
 * A mailing-list manager refusing a post (fml, Mailman, Google Groups): sent as a notice, not as a
 * DSN. Counted only together with a list manager's own header, so a newsletter (List-Id alone, no
 * refusal words) stays a newsletter.
 */
const LIST_REFUSAL =
  /(?:you are not a member of this (?:mailing )?list|are not (?:a )?member|not allowed to post|only members (?:can|may) post|duplicated message-id|posting (?:was )?(?:rejected|refused))/i;

function bounceSignals(
  message: DecodedMessage,
  body: BounceText,
  subject: string | null,
  hasDs: boolean,
  isExchange: boolean,
  route: Route,
): Signals {
  const strong =
    hasDs ||
    isExchange ||
    hasHeader(message.headers, 'x-failed-recipients') ||
    hasHeader(message.headers, 'x-ms-exchange-message-is-ndr');
  // A strong sign decides alone (and a report is never an auto-reply): the weaker signs below scan
  // the whole text and could not change the answer.
  if (strong) return { isReport: true, autoReply: false };
  const from = (getHeader(message.headers, 'from') ?? '').toLowerCase();
  const autoSubmitted = (getHeader(message.headers, 'auto-submitted') ?? '').toLowerCase();
  const returnPath = getHeader(message.headers, 'return-path');
  let medium = 0;
  if (
    subject &&
    BOUNCE_SUBJECT.test(subject.trim().replace(/^(?:(?:fw|fwd|re|tr|wg|doorst|antw)\s*:\s*)+/i, ''))
  )
    medium++;
  if (DAEMON_SENDER.test(from)) medium++;
  if (returnPath !== null && /^<?\s*>?$/.test(returnPath.trim())) medium++;
  const bounceText = body.ownWithin(100_000);
  if (BOUNCE_PHRASES.test(bounceText)) medium++;
  if (REPORT_OPENER.test(bounceText.slice(0, 5000))) medium++;
  const smtpLike =
    /(?:^|\s)[45]\d\d[\s-]+(?:[45]\.\d{1,3}\.\d{1,3}|[a-z<#])/im.test(bounceText) ||
    /\b[45]\.\d{1,3}\.\d{1,3}\b/.test(bounceText);
  if (smtpLike) medium++;
  const listManager =
    hasHeader(message.headers, 'x-mlserver') ||
    hasHeader(message.headers, 'x-ml-name') ||
    hasHeader(message.headers, 'x-mailman-version');
  const listRefusal = listManager && LIST_REFUSAL.test(`${subject ?? ''}\n${bounceText.slice(0, 5000)}`);
  // Pasted text has no headers: the words and an SMTP reply together are enough, and so is a short
  // paste that is little more than the server's answer (the line a user copies out of a bounce).
  const isReport =
    listRefusal || medium >= 2 || (route === 'text' && message.headers.length === 0 && isPastedAnswer(body));
  const autoReply =
    !isReport &&
    (autoSubmitted.startsWith('auto-replied') ||
      autoSubmitted.startsWith('auto-generated') ||
      hasHeader(message.headers, 'x-autoreply') ||
      hasHeader(message.headers, 'x-autorespond') ||
      /^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|automatisch antwoord|automatische antwort|abwesenheitsnotiz|réponse automatique|risposta automatica|respuesta automática|resposta automática|autosvar|vacation)/i.test(
        (subject ?? '').trim(),
      ));
  return { isReport, autoReply };
}

/**
 * A server's answer on a line of its own: a reply code with an enhanced status ("550 5.4.1 Relay
 * Access Denied"), a bare enhanced status with words ("5.1.1 User unknown"), or Exchange's "Remote
 * Server returned '…'" line. Status codes of class 4 or 5 only: 2.x.x is success.
 */
const ANSWER_LINE =
  /^[\s>*"'#]*(?:remote server returned\s*['"]?\s*)?(?:[45]\d\d[\s-]+#?[45]\.\d{1,3}\.\d{1,3}|[45]\.\d{1,3}\.\d{1,3}\s+[A-Za-z<[]|[45]\d\d\s+[A-Za-z<[#])/im;
const PASTED_ANSWER_MAX = 2000;

/** A short paste whose lines hold a server's answer: explained as far as it goes. */
function isPastedAnswer(body: BounceText): boolean {
  const text = body.ownWithin(PASTED_ANSWER_MAX + 1).trim();
  return text.length > 0 && text.length <= PASTED_ANSWER_MAX && ANSWER_LINE.test(text);
}

/** Report wording in a forwarded message's own text that the full analysis reads (cheap tests). */
const REPORT_IN_TEXT: readonly RegExp[] = [
  BOUNCE_PHRASES,
  // An SMTP reply at the start of a line or where bounces quote one, and an enhanced status code
  // after a reply code, a hash or "Status:" (alone, "(2.753.1)" is as often a version number).
  /(?:^[ \t>]*|said:\s{0,3}|smtp;\s{0,3}|returned\s{0,3}['"‘])[45][0-5]\d[ -]/im,
  /(?:[245]\d\d[ -]|#|status:[ \t]{0,3})[245]\.\d{1,3}\.\d{1,3}(?!\d|\.\d)/i,
  /^(?:final-recipient|original-recipient|diagnostic-code|reporting-mta)[ \t]*:/im,
  /"(?:notificationType|eventType)"\s{0,20}:\s{0,20}"(?:Bounce|Delivery)"/,
];

/**
 * Whether a forwarded block looks like a report: 'text' when its own text (down to the next block)
 * shows report wording, 'header' when only its subject or sender does, null when nothing does.
 */
function forwardedReportSign(block: ForwardedBlock, lines: readonly string[]): 'text' | 'header' | null {
  const own = lines.slice(block.bodyLine, block.endLine);
  const ownText = own.join('\n');
  if (REPORT_IN_TEXT.some((pattern) => pattern.test(ownText)) || showsExchangeReport(own)) return 'text';
  const subject = (getHeader(block.headers, 'subject') ?? '').trim();
  const lowerSubject = subject.toLowerCase();
  if (
    BOUNCE_SUBJECT.test(subject.replace(/^(?:(?:fw|fwd|re|tr|wg|doorst|antw)\s*:\s*)+/i, '')) ||
    SUBJECT_PREFIXES.some((p) => lowerSubject.startsWith(p.lower)) ||
    DAEMON_SENDER.test((getHeader(block.headers, 'from') ?? '').toLowerCase())
  )
    return 'header';
  return null;
}

const TOKEN =
  /\b((?:RESOLVER|QUEUE|STOREDRV|SMTPSEND|ROUTING|CAT|SMTPSUBMIT|AGENT)\.[A-Za-z]+(?:\.[A-Za-z]+)*)/;
const MICROSOFT_HOST =
  /(?:\.|^)(?:protection\.outlook\.com|prod\.outlook\.com|outlook\.com|hotmail\.com|onmicrosoft\.com|exchangelabs\.com|outlook\.office365\.com|office365\.com|live\.com|msn\.com)\b/i;

interface Partial {
  address: string | null;
  originalAddress: string | null;
  displayName: string | null;
  action: DeliveryAction | null;
  statusText: string | null;
  diagnostic: string | null;
  diagnosticField: string | null;
  /** RFC 3464 diagnostic type (`smtp`, `x-unix`, …), lower-case; null for text bounces. */
  diagnosticType: string | null;
  diagnosticSource: Evidence['source'];
  remoteMta: string | null;
  lastAttempt: string | null;
  retryUntil: string | null;
  command: string | null;
  /** A reason the reporting MTA states in a field of its own (X-PowerMTA-BounceCategory). */
  category?: Reason | null;
  evidence: Evidence[];
}

/**
 * PowerMTA classifies every failure itself and writes the class next to the RFC 3464 fields
 * (`X-PowerMTA-BounceCategory: bad-mailbox`). It is the sending MTA's own verdict on the reply,
 * documented in its user guide, so it stands in for a decoder's reading of the layout; as with
 * other provisional reasons, the classifier still lets more specific words in the reply win.
 */
const POWERMTA_CATEGORIES: Readonly<Record<string, Reason>> = {
  'bad-domain': 'hostunknown',
  'bad-mailbox': 'userunknown',
  'inactive-mailbox': 'suspend',
  'message-expired': 'expired',
  'no-answer-from-host': 'networkerror',
  'policy-related': 'policyviolation',
  'quota-issues': 'mailboxfull',
  'routing-errors': 'systemerror',
  'spam-related': 'spamdetected',
  'virus-related': 'virusdetected',
  'content-related': 'contenterror',
  'relaying-issues': 'norelaying',
};

function ev(source: Evidence['source'], field: string, text: string): Evidence {
  return { source, field, text: clip(stripInvisible(foldSpace(text)), EVIDENCE_MAX) };
}

function parseAction(value: string | undefined): DeliveryAction | null {
  const word =
    (value ?? '')
      .trim()
      .toLowerCase()
      .split(/[\s(;]/)[0] ?? '';
  if (word === 'failed' || word === 'failure') return 'failed';
  if (word === 'delayed' || word === 'delay') return 'delayed';
  if (word === 'delivered') return 'delivered';
  if (word === 'relayed') return 'relayed';
  if (word === 'expanded') return 'expanded';
  return null;
}

function fromGroup(group: FieldGroup, source: Evidence['source']): Partial {
  const evidence: Evidence[] = [];
  const finalRecipient = typedValue(group.get('final-recipient'));
  const originalRecipient = typedValue(group.get('original-recipient'));
  const address =
    findAddress(finalRecipient ?? '') ??
    findAddress(originalRecipient ?? '') ??
    finalRecipient ??
    originalRecipient;
  const original = findAddress(originalRecipient ?? '');
  if (finalRecipient) evidence.push(ev(source, 'Final-Recipient', group.get('final-recipient') ?? ''));
  const actionRaw = group.get('action');
  if (actionRaw) evidence.push(ev(source, 'Action', actionRaw));
  const statusRaw = group.get('status');
  if (statusRaw) evidence.push(ev(source, 'Status', statusRaw));
  const diagnostic = splitDiagnostic(group.get('diagnostic-code'));
  if (diagnostic.text) evidence.push(ev(source, 'Diagnostic-Code', group.get('diagnostic-code') ?? ''));
  const remote = typedValue(group.get('remote-mta'));
  if (remote) evidence.push(ev(source, 'Remote-MTA', group.get('remote-mta') ?? ''));
  const lastAttemptRaw = group.get('last-attempt-date') ?? group.get('arrival-date');
  if (lastAttemptRaw)
    evidence.push(
      ev(source, group.get('last-attempt-date') ? 'Last-Attempt-Date' : 'Arrival-Date', lastAttemptRaw),
    );
  const retryUntilRaw = group.get('will-retry-until');
  if (retryUntilRaw) evidence.push(ev(source, 'Will-Retry-Until', retryUntilRaw));
  const categoryRaw = group.get('x-powermta-bouncecategory');
  const category = categoryRaw ? (POWERMTA_CATEGORIES[categoryRaw.trim().toLowerCase()] ?? null) : null;
  if (category && categoryRaw) evidence.push(ev(source, 'X-PowerMTA-BounceCategory', categoryRaw));
  return {
    address,
    originalAddress:
      original && address && original.toLowerCase() !== address.toLowerCase() ? original : null,
    displayName: group.get('x-display-name')?.trim() || null,
    action: parseAction(actionRaw),
    statusText: statusRaw ?? null,
    diagnostic: diagnostic.text,
    diagnosticField: diagnostic.text ? 'Diagnostic-Code' : null,
    diagnosticType: diagnostic.text ? diagnostic.type : null,
    diagnosticSource: source,
    remoteMta: remote ? (remote.replace(/^\[|\]$/g, '').split(/\s/)[0] ?? remote) : null,
    lastAttempt: toIsoDate(lastAttemptRaw),
    retryUntil: toIsoDate(retryUntilRaw),
    command: null,
    category,
    evidence,
  };
}

// The shapes a date in a delivery-status field takes: RFC 5322 date-time (day name and seconds
// optional, numeric or obsolete zone) or ISO 8601. Date.parse alone also accepts "ACTION 1 2 3".
const RFC5322_DATE =
  /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:[+-]\d{4}|[A-Za-z]{1,5}))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 for a date that parses; null otherwise (the raw text is kept as evidence only). */
function toIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.replace(/\s*\([^)]{0,100}\)\s*$/, '').trim();
  if (text.length > 100 || !(RFC5322_DATE.test(text) || ISO_DATE.test(text))) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function collectRecipients(
  message: DecodedMessage,
  body: BounceText,
  ds: DeliveryStatusReport | null,
  dsSource: Evidence['source'],
  exchange: ExchangeText | null,
  reportingMta: string | null,
  options: AnalyzeOptions,
  warnings: Warning[],
): RecipientOutcome[] {
  const partials: Partial[] = [];
  const byAddress = new Map<string, Partial>();
  const add = (partial: Partial): void => {
    const key = partial.address?.toLowerCase();
    if (key && byAddress.has(key)) {
      const existing = byAddress.get(key);
      if (existing) mergeInto(existing, partial);
      return;
    }
    partials.push(partial);
    if (key) byAddress.set(key, partial);
  };
  for (const group of ds?.perRecipient ?? []) add(fromGroup(group, dsSource));

  const textSource: Evidence['source'] = 'human-readable';
  if (exchange) {
    for (const recipient of exchange.recipients) {
      const partial: Partial = {
        address: recipient.address,
        originalAddress: null,
        displayName: recipient.displayName,
        action: exchange.delayed ? 'delayed' : null,
        statusText: null,
        diagnostic: recipient.diagnostic,
        diagnosticField: recipient.diagnosticField,
        diagnosticType: null,
        diagnosticSource: textSource,
        remoteMta: recipient.remoteMta,
        lastAttempt: null,
        retryUntil: null,
        command: null,
        evidence: recipient.diagnostic
          ? [ev(textSource, recipient.diagnosticField ?? 'text', recipient.diagnostic)]
          : [],
      };
      // Only enrich DS recipients; a human-readable list without DS part stands on its own.
      if (ds && !byAddress.has(recipient.address.toLowerCase())) {
        if (partials.length === 1 && exchange.recipients.length === 1 && !partials[0]?.diagnostic)
          mergeInto(partials[0] as Partial, partial);
        continue;
      }
      add(partial);
    }
  }

  const own = findAddresses(getHeader(message.headers, 'from') ?? '');
  // A report goes to the sender of the message it reports on: its To names the sender's organisation.
  const reportTo = findAddresses(getHeader(message.headers, 'to') ?? '');
  const senderDomains = new Set(reportTo.map(domainOf).filter((d): d is string => d !== null));
  const exclude = [...own, ...reportTo];
  const needsText = partials.length === 0 || partials.some((p) => !p.diagnostic);
  let context: string | null = null;
  const scan = scanPlainBounce(body, exclude, own);
  // The human-readable part often names the SMTP command the DS part leaves out ("in reply to
  // RCPT TO command", a ">>> MAIL From:" transcript); it decides between e.g. userunknown and filtered.
  for (const partial of partials) {
    if (partial.command) continue;
    const key = partial.address?.toLowerCase();
    const same =
      scan.recipients.find((r) => r.address.toLowerCase() === key) ??
      (partials.length === 1 && scan.recipients.length === 1 ? scan.recipients[0] : undefined);
    if (same?.command) partial.command = same.command;
  }
  if (needsText) {
    const structured = partials.length;
    const { preamble, delayed, final } = plainContext(body);
    context = preamble;
    // A report that returns the message (Postfix's "Undelivered Mail Returned to Sender" after its
    // queue lifetime) is a failure even when the last answer it quotes was a temporary 4xx.
    const over =
      final ||
      /returned to sender|undelivered mail returned/i.test(getHeader(message.headers, 'subject') ?? '');
    for (const found of scan.recipients) {
      const partial: Partial = {
        address: found.address,
        originalAddress: null,
        displayName: null,
        action: delayed ? 'delayed' : over ? 'failed' : null,
        statusText: null,
        diagnostic: found.diagnostic,
        diagnosticField: found.diagnostic ? found.field : null,
        diagnosticType: null,
        diagnosticSource: textSource,
        remoteMta: found.remoteMta,
        lastAttempt: null,
        retryUntil: null,
        command: found.command,
        evidence: found.diagnostic ? [ev(textSource, found.field, found.diagnostic)] : [],
      };
      const key = found.address.toLowerCase();
      if (byAddress.has(key)) add(partial);
      else if (structured === 0) add(partial);
      else if (structured === 1 && partials.length === 1 && !partials[0]?.diagnostic && found.diagnostic) {
        // The DS part named the recipient differently (an alias, an x400 address): take the text's error.
        mergeInto(partials[0] as Partial, { ...partial, address: null });
      }
    }
    if (partials.length === 0) {
      const failed = getHeader(message.headers, 'x-failed-recipients');
      const addresses = findAddresses(failed ?? '');
      // The text names the recipient in a form we could not read (a local alias, "save to …"):
      // with a single failed recipient, the bounce's only SMTP error line is its error.
      const error = addresses.length === 1 ? firstErrorLines(body) : null;
      for (const address of addresses) {
        add({
          address,
          originalAddress: null,
          displayName: null,
          action: 'failed',
          statusText: null,
          diagnostic: error?.text ?? null,
          diagnosticField: error ? 'text' : null,
          diagnosticType: null,
          diagnosticSource: error ? 'human-readable' : 'header',
          remoteMta: null,
          lastAttempt: null,
          retryUntil: null,
          command: error?.command ?? null,
          evidence: [ev('header', 'X-Failed-Recipients', failed ?? '')],
        });
      }
    }
    if (partials.length === 0) {
      // The report names no recipient at all ("Message could not be delivered to mobile."): when the
      // returned original was addressed to exactly one mailbox, that mailbox is the one that failed.
      const to = originalRecipients(message, textOf(message, body));
      if (to.length === 1 && to[0]) {
        const error = firstErrorLines(body) ?? linesNaming(body, to[0]);
        add({
          address: to[0],
          originalAddress: null,
          displayName: null,
          action: delayed ? 'delayed' : 'failed',
          statusText: null,
          diagnostic: error?.text ?? null,
          diagnosticField: error ? 'text' : null,
          diagnosticType: null,
          diagnosticSource: 'original-message',
          remoteMta: null,
          lastAttempt: null,
          retryUntil: null,
          command: error?.command ?? null,
          evidence: [ev('original-message', 'To', to[0])],
        });
      }
    }
    if (partials.length === 0) {
      // No recipient is named anywhere (a pasted answer line, a report that lost its addresses):
      // the server's answer still says what happened, so it is explained without an address.
      const error = firstErrorLines(body);
      if (error)
        add({
          address: null,
          originalAddress: null,
          displayName: null,
          action: delayed ? 'delayed' : 'failed',
          statusText: null,
          diagnostic: error.text,
          diagnosticField: 'text',
          diagnosticType: null,
          diagnosticSource: 'human-readable',
          remoteMta: null,
          lastAttempt: null,
          retryUntil: null,
          command: error.command,
          evidence: [ev('human-readable', 'text', error.text)],
        });
    }
  }

  const max = options.maxRecipients ?? 1000;
  if (partials.length > max) warnings.push({ code: 'recipients.truncated', detail: String(partials.length) });
  const microsoftReport =
    exchange !== null ||
    hasHeader(message.headers, 'x-ms-exchange-message-is-ndr') ||
    MICROSOFT_HOST.test(reportingMta ?? '');
  // Sendmail transcripts name the command the server answered: ">>> DATA" then "<<< 550 …".
  const transcript =
    /^>>>\s*(RCPT|MAIL|DATA|EHLO|HELO|STARTTLS)\b[^\n]*\n(?:[^\n]*\n){0,3}?<<<\s*[45]\d\d/im.exec(
      body.ownWithin(200_000),
    );
  const transcriptCommand = transcript ? (transcript[1] ?? '').toUpperCase() : null;
  const preset = layoutReason(body);
  return partials
    .slice(0, max)
    .map((p) =>
      finishRecipient(
        { ...p, command: p.command ?? transcriptCommand },
        reportingMta,
        microsoftReport,
        exchange,
        context,
        p.category ?? (p.diagnostic ? null : preset),
        senderDomains,
      ),
    );
}

/** Addresses in the To and Cc of the returned original message, when one is included. */
function originalRecipients(message: DecodedMessage, messageText: BounceText): string[] {
  const original = findOriginal(message, null, messageText);
  if (original.headers === null && original.to.length === 0) return [];
  const cc = original.headers
    ? findAddresses(getHeader(parseHeaderBlock(original.headers).headers, 'cc') ?? '')
    : [];
  return [...new Set([...original.to, ...cc].map((a) => a.toLowerCase()))];
}

/** The first SMTP error in a text bounce (a reply code or enhanced status) and the lines after it. */
function firstErrorLines(body: BounceText): { text: string; command: string | null } | null {
  const lines = body.ownLinesWithin(100_000);
  const index = lines.findIndex(
    (l) =>
      (/(?:^|[\s'"])[45]\d\d[\s-]/.test(l) &&
        (findReplyCode(l) !== null || findEnhancedStatus(l) !== null)) ||
      /^\s*[45]\.\d{1,3}\.\d{1,3}\s+[A-Za-z]/.test(l),
  );
  if (index < 0) return null;
  const block: string[] = [];
  for (const line of lines.slice(index, index + 5)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  return {
    text: foldSpace(block.join(' ')),
    command: findCommand(lines.slice(Math.max(0, index - 2), index + 1).join(' ')),
  };
}

/**
 * The report's sentence that names the recipient and the lines right after it, for reports with no
 * SMTP reply at all ("There was an error delivering your mail to <a@b>.\nDNS lookup failure: host
 * example.org not found"). The address was left out of the recipient scan (a postmaster@ address
 * looks like the report's own), but the words next to it are still its error.
 */
function linesNaming(body: BounceText, address: string): { text: string; command: string | null } | null {
  const lines = body.ownLinesWithin(100_000);
  const wanted = address.toLowerCase();
  const index = lines.findIndex((l) => l.length < 2000 && l.toLowerCase().includes(wanted));
  if (index < 0) return null;
  // The sentence naming the address, then the paragraph after it (one blank line between is common).
  const block: string[] = [(lines[index] ?? '').trim()];
  let next = index + 1;
  if ((lines[next] ?? '').trim() === '') next++;
  for (const line of lines.slice(next, next + 3)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  const joined = foldSpace(block.join(' '));
  return block.length > 1 ? { text: joined, command: findCommand(joined) } : null;
}

function mergeInto(target: Partial, extra: Partial): void {
  if (!target.address && extra.address) target.address = extra.address;
  if (!target.displayName && extra.displayName) target.displayName = extra.displayName;
  if (!target.action && extra.action) target.action = extra.action;
  // Text from the human-readable part is often fuller than the DS part's (Exchange truncates).
  if (
    extra.diagnostic &&
    (!target.diagnostic ||
      (extra.diagnostic.length > target.diagnostic.length + 10 && findReplyCode(target.diagnostic) === null))
  ) {
    target.diagnostic = extra.diagnostic;
    target.diagnosticField = extra.diagnosticField;
    target.diagnosticType = extra.diagnosticType;
    target.diagnosticSource = extra.diagnosticSource;
  }
  if (!target.remoteMta && extra.remoteMta) target.remoteMta = extra.remoteMta;
  if (!target.command && extra.command) target.command = extra.command;
  target.evidence.push(...extra.evidence);
}

/**
 * Reasons implied by a report's own template when it carries no SMTP error. Google Groups answers
 * a post it refuses (no such group, or no permission to post) with a localised notice that always
 * links its help centre; whatever the language, the poster (the envelope sender) was refused.
 */
function layoutReason(body: BounceText): Reason | null {
  const head = body.ownWithin(100_000);
  if (/https?:\/\/groups\.google\.com\/support\b/i.test(head)) return 'rejected';
  return null;
}

function finishRecipient(
  p: Partial,
  reportingMta: string | null,
  microsoftReport: boolean,
  exchange: ExchangeText | null,
  context: string | null,
  preset: Reason | null,
  senderDomains: ReadonlySet<string>,
): RecipientOutcome {
  const diagnostic = p.diagnostic ? stripInvisible(p.diagnostic) : null;
  let status = parseEnhancedStatus(p.statusText);
  const fromDiagnostic = findEnhancedStatus(diagnostic) ?? findEnhancedStatus(exchange?.statusLine);
  let replyCode = findReplyCode(diagnostic) ?? findReplyCode(exchange?.statusLine);
  // The code inside the server's reply is more specific than the reporter's Status field (which is
  // often 5.0.0, or 4.4.7 for anything that timed out); when the classes disagree, the reply code decides.
  if (
    fromDiagnostic &&
    (!status || fromDiagnostic.class === status.class || replyCode?.[0] === String(fromDiagnostic.class))
  )
    status = fromDiagnostic;
  // RFC 3463 on X.4.7 (delivery time expired): "If possible, the code for the actual problem found
  // when delivery was attempted should be returned rather than this code." Reports often quote that
  // attempt ("554 4.4.7 Message expired <421 4.4.2 Connection timed out>", Exchange retry history).
  const expiredStatus = status && status.subject === 4 && status.detail === 7 ? status : null;
  if (expiredStatus) {
    const attempts = [
      ...findAllEnhancedStatuses(diagnostic),
      ...findAllEnhancedStatuses(exchange?.adminInformation),
    ];
    const actual = attempts.find((s) => s.class !== 2 && !(s.subject === 4 && s.detail === 7));
    if (actual) {
      status = actual;
      // Keep the reply code of that same attempt, so status and reply code describe one answer.
      const escaped = actual.code.replace(/\./g, '\\.');
      const attemptReply = new RegExp(`\\b([245]\\d\\d)[\\s-]{1,3}${escaped}(?![\\d.])`).exec(
        `${diagnostic ?? ''}\n${exchange?.adminInformation ?? ''}`,
      );
      if (attemptReply?.[1]) replyCode = attemptReply[1];
    }
  }
  const token = TOKEN.exec(diagnostic ?? '')?.[1] ?? null;
  const command = p.command ?? findCommand(diagnostic);
  let action: DeliveryAction =
    p.action ?? (status?.class === 4 || (replyCode?.startsWith('4') ?? false) ? 'delayed' : 'failed');
  if (p.action === null && status?.class === 2) action = 'delivered';
  // The provider tables, the catalogue and the host test below read the folded, lower-case text.
  const normalized = normalizeForMatch(diagnostic ?? '');
  const microsoft =
    microsoftReport ||
    MICROSOFT_HOST.test(p.remoteMta ?? '') ||
    // The host regex tries at every word of the text; it can only match where "outlook.com" is.
    (normalized.includes('outlook.com') &&
      /\b[a-z0-9-]+\.(?:[a-z0-9-]+\.)*(?:prod\.outlook\.com|protection\.outlook\.com)\b/i.test(
        diagnostic ?? '',
      ));
  // A provider that documents its own error codes says what its reply means (catalog/providers.ts).
  const provider = diagnostic
    ? providerReason({
        hosts: [domainOf(p.address), p.remoteMta, reportingMta],
        text: normalized,
        replyCode,
      })
    : null;
  // Without an error line of its own, the bounce's own words ("has been delayed", "address failed") decide.
  const reason = classifyReason({
    action,
    status: expiredStatus ?? status,
    diagnostic: diagnostic ?? context,
    exchangeToken: token,
    command,
    microsoft,
    replyCode,
    diagnosticType: p.diagnosticType,
    preset,
    provider: provider?.reason ?? null,
  });
  const match = matchCause({
    status,
    token,
    text: normalized,
    microsoft,
    reason,
    action,
    refusedBy: microsoft ? refusingSide(p.remoteMta, normalized, domainOf(p.address), senderDomains) : null,
  });
  const finalReason = match?.entry.reason ?? reason;
  const evidence = [...p.evidence];
  if (provider)
    evidence.push({
      source: 'catalogue',
      field: `provider.${provider.provider.id}`,
      text: provider.provider.source,
    });
  if (match) evidence.push({ source: 'catalogue', field: match.entry.id, text: match.entry.source });
  return {
    // Zero-width and bidi characters can disguise an address; show the address they hide.
    address: p.address ? stripInvisible(p.address) : null,
    originalAddress: p.originalAddress,
    displayName: p.displayName ? clip(stripInvisible(p.displayName), 200) : null,
    action,
    status,
    replyCode,
    diagnostic: diagnostic ? clip(diagnostic, 4000) : null,
    remoteMta: hostWithinLimit(p.remoteMta),
    reportingMta,
    command,
    exchangeToken: token,
    lastAttempt: p.lastAttempt,
    retryUntil: p.retryUntil,
    reason: finalReason,
    cause: match?.entry.id ?? (action === 'delayed' ? 'unknown.delay' : 'unknown.failure'),
    actor: match?.entry.actor ?? (action === 'delayed' ? 'nobody' : 'sender-admin'),
    docUrl: match?.entry.docUrl ?? null,
    confidence: match?.confidence ?? 'guess',
    evidence,
  };
}

/** A tenant's own Exchange Online Protection host: `contoso-com.mail.protection.outlook.com` (or `contoso-com01b`). */
const TENANT_HOST = /\b([a-z0-9][a-z0-9-]{0,62})\.mail\.protection\.outlook\.com\b/g;

/**
 * Whose organisation the refusing Exchange Online host belongs to, from its tenant host name:
 * Microsoft names it after the domain with dots turned into dashes. Shared front-door hosts
 * (`BN8NAM12FT045.mail.protection.outlook.com`) name no tenant, and then the report does not say.
 */
function refusingSide(
  remoteMta: string | null,
  diagnostic: string,
  recipientDomain: string | null,
  senderDomains: ReadonlySet<string>,
): RefusingSide | null {
  const text = `${(remoteMta ?? '').toLowerCase()} ${diagnostic.length > 4000 ? diagnostic.slice(0, 4000) : diagnostic}`;
  if (!text.includes('.mail.protection.outlook.com')) return null;
  const names = (domain: string, label: string): boolean => {
    const dashed = domain.replace(/\./g, '-');
    return (
      label === dashed || (label.startsWith(dashed) && /^[0-9a-z]{1,4}$/.test(label.slice(dashed.length)))
    );
  };
  for (const match of text.matchAll(TENANT_HOST)) {
    const label = match[1] ?? '';
    if (recipientDomain && names(recipientDomain, label)) return 'recipient-organisation';
    for (const domain of senderDomains) if (names(domain, label)) return 'sender-organisation';
  }
  return null;
}

interface Context {
  readonly unparsed?: readonly string[];
  readonly ds?: DeliveryStatusReport | null;
  readonly exchange?: ExchangeText | null;
  readonly reportingMta?: string | null;
  readonly dsPart?: DecodedPart | undefined;
}

function finish(
  message: DecodedMessage,
  verdict: Verdict,
  route: Route,
  layout: string | null,
  recipients: RecipientOutcome[],
  context: Context,
  warnings: Warning[],
  labelLanguage: string | null,
  body: BounceText,
): Analysis {
  const headers = message.headers;
  const contentLanguage = getHeader(headers, 'content-language')?.split(',')[0]?.trim() ?? null;
  const isBounceLike = verdict === 'bounce' || verdict === 'delay' || verdict === 'delivery-report';
  const validTag =
    contentLanguage && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(contentLanguage) ? contentLanguage : null;
  // Content-Language names the report's language; else Exchange's labels; else its own words.
  const messageText = isBounceLike ? textOf(message, body) : null;
  const language = validTag ?? (messageText ? (labelLanguage ?? guessLanguage(messageText.own)) : null);
  const exchange = context.exchange ?? null;
  const original = messageText ? findOriginal(message, exchange, messageText) : emptyOriginal();
  const userInformation = messageText ? (exchange?.userInformation ?? humanText(messageText)) : null;
  const adminInformation = isBounceLike
    ? (exchange?.adminInformation ?? context.dsPart?.text?.trim() ?? null)
    : null;
  return {
    verdict,
    language,
    input: route,
    layout,
    recipients,
    reportingMta: context.reportingMta ?? null,
    report: {
      subject: getHeader(headers, 'subject'),
      from: getHeader(headers, 'from'),
      date: getHeader(headers, 'date'),
    },
    original,
    userInformation: userInformation ? clip(stripInvisible(userInformation), 8000) : null,
    adminInformation: adminInformation ? clip(stripInvisible(adminInformation), 8000) : null,
    suspicion: isBounceLike
      ? findSuspicions({
          headers: message.headers,
          text: message.text,
          looksExchange: stripBouncePrefix(getHeader(message.headers, 'subject')) !== null,
          exchangeLayout: Boolean(context.exchange),
          deliveryStatus: Boolean(context.ds),
        })
      : [],
    warnings: dedupeWarnings(warnings),
    unparsed: context.unparsed ?? [],
  };
}

/** RFC 3464 and RFC 6533 field names; anything else (but X- extensions) is a leftover worth showing. */
const DSN_FIELDS = new Set([
  'original-envelope-id',
  'reporting-mta',
  'dsn-gateway',
  'received-from-mta',
  'arrival-date',
  'original-recipient',
  'final-recipient',
  'action',
  'status',
  'remote-mta',
  'diagnostic-code',
  'last-attempt-date',
  'final-log-id',
  'will-retry-until',
]);
const MAX_LEFTOVERS = 50;
/** Characters findLeftovers may compare while matching error lines with the recipients' answers. */
const LEFTOVER_WORK = 50_000_000;

/**
 * What looked meaningful but was not used: lines of the delivery-status part that are not fields or
 * are unknown fields, and error lines in the administrators' section that no recipient took.
 * Shown to admins so nothing from the report is silently dropped.
 */
function findLeftovers(
  dsText: string | null,
  adminText: string | null,
  recipients: readonly RecipientOutcome[],
): string[] {
  const leftovers: string[] = [];
  const add = (line: string): void => {
    if (leftovers.length < MAX_LEFTOVERS) leftovers.push(clip(stripInvisible(line.trim()), 300));
  };
  if (dsText) {
    for (const line of splitLines(dsText.slice(0, 200_000))) {
      if (line.trim() === '' || /^[ \t]/.test(line)) continue;
      const field = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:/.exec(line)?.[1]?.toLowerCase();
      if (field === undefined || (!DSN_FIELDS.has(field) && !field.startsWith('x-'))) add(line);
    }
  }
  if (adminText) {
    // Each recipient's answer once (a thousand recipients often share one). Folded text has no
    // line breaks, so a line lies inside some answer exactly when it lies inside them joined by one.
    const used = [...new Set(recipients.map((r) => normalizeForMatch(r.diagnostic ?? '')))].filter(Boolean);
    const usedText = used.join('\n');
    // A line naming the same reply code and status as a recipient's answer adds nothing (a
    // "Status code: 550 5.4.1" label, a help-link sentence); earlier retry answers do.
    const answers = new Set(recipients.map((r) => `${r.replyCode ?? ''} ${r.status?.code ?? ''}`));
    // Comparing every line with every answer is lines × answers: the comparisons have a budget,
    // and the search ends when it is spent or when the list is full.
    let work = 0;
    for (const line of splitLines(adminText.slice(0, 200_000))) {
      if (leftovers.length >= MAX_LEFTOVERS) break;
      const replyCode = findReplyCode(line);
      if (!replyCode) continue;
      const folded = normalizeForMatch(line);
      if (folded.length < 8) continue;
      if (answers.has(`${replyCode} ${findEnhancedStatus(line)?.code ?? ''}`)) continue;
      work += usedText.length + folded.length * used.length;
      if (work > LEFTOVER_WORK) break;
      if (usedText.includes(folded) || used.some((u) => folded.includes(u))) continue;
      add(line);
    }
  }
  return leftovers;
}

function dedupeWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function humanText(messageText: BounceText): string | null {
  // Line breaks as LF, whatever the input used: pasted text keeps the CRLF a clipboard gave it.
  const cut = messageText.own.trim().replace(/\r\n?/g, '\n');
  return cut === '' ? null : cut;
}

function emptyOriginal(): OriginalMessage {
  return { messageId: null, subject: null, from: null, to: [], date: null, headers: null };
}

function originalFromHeaders(headers: readonly HeaderField[], text: string | null): OriginalMessage {
  return {
    messageId: getHeader(headers, 'message-id')?.trim() ?? null,
    subject: getHeader(headers, 'subject'),
    from: getHeader(headers, 'from'),
    to: findAddresses(getHeader(headers, 'to') ?? ''),
    date: getHeader(headers, 'date'),
    headers: text ? clip(text, 16_000) : headers.length > 0 ? clip(formatHeaderBlock(headers), 16_000) : null,
  };
}

/**
 * `message.text` as a BounceText: the analysed one when it is the same text (it is not when the
 * text was truncated or read from the raw message), else a new one.
 */
function textOf(message: DecodedMessage, body: BounceText): BounceText {
  return body.text === message.text ? body : new BounceText(message.text);
}

/** The returned original: an attached message, text/rfc822-headers, or Exchange's header block. */
function findOriginal(
  message: DecodedMessage,
  exchange: ExchangeText | null,
  messageText: BounceText,
): OriginalMessage {
  for (const part of message.parts) {
    const type = part.mimeType.toLowerCase();
    // The type first: an attached .msg is decoded on first use (src/mail/decodeEml.ts).
    if ((type === 'message/rfc822' || type === 'message/global') && part.message)
      return originalFromHeaders(part.message.headers, null);
  }
  for (const part of message.parts) {
    const type = part.mimeType.toLowerCase();
    if (
      (type === 'text/rfc822-headers' || type === 'message/global-headers' || type === 'message/rfc822') &&
      part.text
    ) {
      const parsed = parseHeaderBlock(part.text);
      if (parsed.headers.length > 0) return originalFromHeaders(parsed.headers, part.text.trim());
    }
  }
  if (exchange && exchange.originalHeaders.length > 0)
    return originalFromHeaders(exchange.originalHeaders, exchange.originalHeadersText);
  // Text bounces quote the original after a marker line.
  const cut = messageText.own;
  if (cut.length < message.text.length) {
    const rest = message.text.slice(cut.length);
    const startOfHeaders = rest.search(
      /^(?:Return-Path|Received|From|Message-ID|Subject|Date|To|MIME-Version|DKIM-Signature|X-[\w-]+):/im,
    );
    if (startOfHeaders >= 0) {
      const parsed = parseHeaderBlock(rest.slice(startOfHeaders));
      if (parsed.headers.some((h) => h.name === 'subject' || h.name === 'message-id')) {
        return originalFromHeaders(
          parsed.headers,
          splitLines(rest.slice(startOfHeaders)).slice(0, parsed.lineCount).join('\n'),
        );
      }
    }
  }
  const subject =
    getHeader(message.headers, 'thread-topic') ?? stripBouncePrefix(getHeader(message.headers, 'subject'));
  const inReplyTo = getHeader(message.headers, 'in-reply-to');
  const created = exchange?.originalDate ?? null;
  return {
    messageId: inReplyTo?.trim() || null,
    subject: exchange?.originalSubject ?? subject,
    from: exchange?.originalSender ?? null,
    to: [],
    date: created,
    headers: null,
  };
}

/** Exchange's subject prefixes of every language, with their lower-case form for comparing. */
const SUBJECT_PREFIXES = exchangeLabels.flatMap((l) =>
  l.subjectPrefixes.map((prefix) => ({ prefix, lower: prefix.toLowerCase() })),
);

function stripBouncePrefix(subject: string | null): string | null {
  if (!subject) return null;
  const lower = subject.toLowerCase();
  for (const { prefix, lower: lowerPrefix } of SUBJECT_PREFIXES)
    if (lower.startsWith(lowerPrefix)) return subject.slice(prefix.length).trim() || null;
  return null;
}
