/**
 * Detection: what kind of message this is before any layout is decoded (a feedback report, a read
 * receipt, a report by its structure), and afterwards whether its words make it a bounce at all.
 */
import { reportsFailure } from '../decoders/dispositionNotification';
import { showsExchangeReport } from '../exchange/humanReadable';
import type { ForwardedBlock } from '../forward';
import { getHeader, hasHeader } from '../headers';
import type { BounceText } from '../scan/plainText';
import { foldSpace } from '../text';
import type { DecodedMessage, Verdict, Warning } from '../types';
import {
  BOUNCE_PHRASES,
  DELAY_STATEMENT,
  BOUNCE_SUBJECT,
  DAEMON_SENDER,
  LIST_REFUSAL,
  REPORT_OPENER,
  SERVER_ERROR_PHRASES,
} from './bounceWords';
import { partOf, type ReportInput } from './input';
import { SUBJECT_PREFIXES } from './original';

/** A report whose kind its MIME type says: a feedback (abuse) report or a read receipt. */
export interface KnownReport {
  readonly verdict: Verdict;
  readonly layout: string | null;
  readonly warnings: readonly Warning[];
}

export function reportByType({ message, reportType }: ReportInput): KnownReport | null {
  if (reportType === 'feedback-report' || partOf(message, 'message/feedback-report'))
    return { verdict: 'feedback', layout: null, warnings: [] };
  const receipt =
    reportType === 'disposition-notification' || partOf(message, 'message/disposition-notification');
  // A read receipt: the message was delivered (and opened, or deleted by its reader); not a failure.
  // One that reports a failure is a report like any other (decoders/dispositionNotification.ts).
  if (receipt && !reportsFailure(message))
    return { verdict: 'delivery-report', layout: 'rfc8098', warnings: [{ code: 'report.readReceipt' }] };
  return null;
}

/**
 * Whether the message is itself a report by its structure. If not, a report it carries (attached,
 * or forwarded inline) is what the user wants explained, before its own words are read as a bounce.
 */
export function isReportByStructure({ message, reportType, dsFromPart }: ReportInput): boolean {
  return (
    dsFromPart !== null ||
    reportsFailure(message) ||
    reportType === 'delivery-status' ||
    reportType === 'global-delivery-status' ||
    hasHeader(message.headers, 'x-ms-exchange-message-is-ndr') ||
    hasHeader(message.headers, 'x-failed-recipients')
  );
}

export interface Signals {
  readonly isReport: boolean;
  readonly autoReply: boolean;
}

/** Forwarding and reply prefixes in the languages we read. */
const REPLY_PREFIXES = /^(?:(?:fw|fwd|re|tr|wg|doorst|antw)\s*:\s*)+/i;

const AUTO_REPLY_SUBJECT =
  /^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|automatisch antwoord|automatische antwort|abwesenheitsnotiz|réponse automatique|risposta automatica|respuesta automática|resposta automática|autosvar|vacation)/i;

/** An SMTP reply with an enhanced status or a word after it, or an enhanced status alone. */
function showsSmtpReply(text: string): boolean {
  return (
    /(?:^|\s)[45]\d\d[\s-]+(?:[45]\.\d{1,3}\.\d{1,3}|[a-z<#]|["'*[(]{1,3}\s?[a-z])/im.test(text) ||
    /\b[45]\.\d{1,3}\.\d{1,3}\b/.test(text)
  );
}

/**
 * `Auto-Submitted: auto-replied` (RFC 3834 §5) marks every automatic answer to a message: Exim and
 * Postfix put it on their bounces as well as vacation programs on their notices. It counts towards a
 * report only next to the report's own words (its subject or text), and not when the subject says the
 * message is an automatic reply.
 */
function autoRepliedNotice(message: DecodedMessage, subject: string | null): boolean {
  const autoSubmitted = (getHeader(message.headers, 'auto-submitted') ?? '').trim().toLowerCase();
  return autoSubmitted.startsWith('auto-replied') && !AUTO_REPLY_SUBJECT.test((subject ?? '').trim());
}

/** How many of the weaker signs of a report the message shows (each scans headers or text once). */
function weakSigns(message: DecodedMessage, subject: string | null, bounceText: string): number {
  const from = (getHeader(message.headers, 'from') ?? '').toLowerCase();
  const returnPath = getHeader(message.headers, 'return-path');
  const words = [
    !!subject && BOUNCE_SUBJECT.test(subject.trim().replace(REPLY_PREFIXES, '')),
    BOUNCE_PHRASES.test(bounceText),
    REPORT_OPENER.test(bounceText.slice(0, 5000)),
    showsSmtpReply(bounceText),
    DELAY_STATEMENT.test(bounceText),
  ].filter(Boolean).length;
  const sender = [
    DAEMON_SENDER.test(from),
    returnPath !== null && /^<?\s*>?$/.test(returnPath.trim()),
  ].filter(Boolean).length;
  const autoReplied = words > 0 && autoRepliedNotice(message, subject) ? 1 : 0;
  return words + sender + autoReplied;
}

/**
 * A mailing-list manager refusing a post (fml, Mailman, Google Groups): sent as a notice, not as a
 * DSN. Counted only together with a list manager's own header, so a newsletter stays a newsletter.
 */
function isListRefusal(message: DecodedMessage, subject: string | null, bounceText: string): boolean {
  const listManager =
    hasHeader(message.headers, 'x-mlserver') ||
    hasHeader(message.headers, 'x-ml-name') ||
    hasHeader(message.headers, 'x-mailman-version');
  return listManager && LIST_REFUSAL.test(`${subject ?? ''}\n${bounceText.slice(0, 5000)}`);
}

function isAutoReply(message: DecodedMessage, subject: string | null): boolean {
  const autoSubmitted = (getHeader(message.headers, 'auto-submitted') ?? '').toLowerCase();
  return (
    autoSubmitted.startsWith('auto-replied') ||
    autoSubmitted.startsWith('auto-generated') ||
    hasHeader(message.headers, 'x-autoreply') ||
    hasHeader(message.headers, 'x-autorespond') ||
    AUTO_REPLY_SUBJECT.test((subject ?? '').trim())
  );
}

/**
 * Whether the message is a report: a decoded layout or a report header decides alone (and a
 * report is never an auto-reply); otherwise two weaker signs, a list manager's refusal, or a paste
 * that is little more than the server's answer.
 */
export function bounceSignals(input: ReportInput, decodedLayout: boolean, pasted: boolean): Signals {
  const { message, body, subject } = input;
  const strong =
    decodedLayout ||
    hasHeader(message.headers, 'x-failed-recipients') ||
    hasHeader(message.headers, 'x-ms-exchange-message-is-ndr');
  if (strong) return { isReport: true, autoReply: false };
  const bounceText = body.ownWithin(100_000);
  // Pasted text has no headers: the words and an SMTP reply together are enough, and so is a short
  // paste that is little more than the server's answer (the line a user copies out of a bounce).
  const isReport =
    isListRefusal(message, subject, bounceText) ||
    weakSigns(message, subject, bounceText) >= 2 ||
    (pasted && message.headers.length === 0 && isPastedAnswer(body));
  return { isReport, autoReply: !isReport && isAutoReply(message, subject) };
}

/**
 * A server's answer on a line of its own: a reply code with an enhanced status ("550 5.4.1 Relay
 * Access Denied"), a bare enhanced status with words ("5.1.1 User unknown"), or Exchange's "Remote
 * Server returned '…'" line. Status codes of class 4 or 5 only: 2.x.x is success. RFC 5321 §4.2
 * leaves the text after the code free, so it may open with quotes, stars or a bracket (`550 "…"`,
 * `550 ** No mail box`) or a server's own number (`554 30 Sorry`).
 */
const ANSWER_LINE =
  /^[\s>*"'#]*(?:remote server returned\s*['"]?\s*)?(?:[45]\d\d[\s-]+#?[45]\.\d{1,3}\.\d{1,3}|[45]\.\d{1,3}\.\d{1,3}\s+[A-Za-z<[]|[45]\d\d\s+(?:[A-Za-z<[#]|["'*(]{1,3}\s?[A-Za-z]|\d{1,3}\s+[A-Za-z]))/im;
const PASTED_ANSWER_MAX = 2000;

/**
 * A short paste whose lines hold a server's answer, with its code or in the words a mail server
 * writes without one ("… timed out while sending RCPT TO"): explained as far as it goes.
 */
function isPastedAnswer(body: BounceText): boolean {
  const text = body.ownWithin(PASTED_ANSWER_MAX + 1).trim();
  return (
    text.length > 0 &&
    text.length <= PASTED_ANSWER_MAX &&
    (ANSWER_LINE.test(text) || SERVER_ERROR_PHRASES.test(foldSpace(text)))
  );
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
export function forwardedReportSign(
  block: ForwardedBlock,
  lines: readonly string[],
): 'text' | 'header' | null {
  const own = lines.slice(block.bodyLine, block.endLine);
  const ownText = own.join('\n');
  if (REPORT_IN_TEXT.some((pattern) => pattern.test(ownText)) || showsExchangeReport(own)) return 'text';
  const subject = (getHeader(block.headers, 'subject') ?? '').trim();
  const lowerSubject = subject.toLowerCase();
  if (
    BOUNCE_SUBJECT.test(subject.replace(REPLY_PREFIXES, '')) ||
    SUBJECT_PREFIXES.some((p) => lowerSubject.startsWith(p.lower)) ||
    DAEMON_SENDER.test((getHeader(block.headers, 'from') ?? '').toLowerCase())
  )
    return 'header';
  return null;
}
