/**
 * The classify step: each merged recipient gets its status, reply code, command and reason, and its
 * entry in the cause catalogue. Reading the layouts is done; this reads only what they found.
 */
import { matchCause } from '../catalog/match';
import { providerReason } from '../catalog/providers';
import type { RefusingSide } from '../catalog/types';
import type { Finding } from '../decoders/types';
import type { ExchangeText } from '../exchange/humanReadable';
import { classifyReason } from '../reason/classify';
import { findCommand, type BounceText } from '../scan/plainText';
import { findAllEnhancedStatuses, findEnhancedStatus, findReplyCode, parseEnhancedStatus } from '../status';
import { clip, domainOf, hostWithinLimit, normalizeForMatch, stripInvisible } from '../text';
import type { DeliveryAction, EnhancedStatus, Evidence, Reason, RecipientOutcome } from '../types';

/** What the whole report says that each recipient's classification reads. */
export interface ReportView {
  readonly reportingMta: string | null;
  /** The report was written by Microsoft's servers (Exchange layout, header, or reporting host). */
  readonly microsoftReport: boolean;
  readonly exchange: ExchangeText | null;
  /** The bounce's own words before its recipients, for recipients without an error of their own. */
  readonly context: string | null;
  /** A reason the report's template implies when a recipient has no error (layoutReason). */
  readonly preset: Reason | null;
  /** The command a Sendmail transcript names, for recipients without one. */
  readonly transcriptCommand: string | null;
  /** The domains of the report's To: the sender's organisation. */
  readonly senderDomains: ReadonlySet<string>;
}

const TOKEN =
  /\b((?:RESOLVER|QUEUE|STOREDRV|SMTPSEND|ROUTING|CAT|SMTPSUBMIT|AGENT)\.[A-Za-z]+(?:\.[A-Za-z]+)*)/;
export const MICROSOFT_HOST =
  /(?:\.|^)(?:protection\.outlook\.com|prod\.outlook\.com|outlook\.com|hotmail\.com|onmicrosoft\.com|exchangelabs\.com|outlook\.office365\.com|office365\.com|live\.com|msn\.com)\b/i;

/**
 * Reasons implied by a report's own template when it carries no SMTP error. Google Groups answers
 * a post it refuses (no such group, or no permission to post) with a localised notice that always
 * links its help centre; whatever the language, the poster (the envelope sender) was refused.
 */
export function layoutReason(body: BounceText): Reason | null {
  const head = body.ownWithin(100_000);
  if (/https?:\/\/groups\.google\.com\/support\b/i.test(head)) return 'rejected';
  return null;
}

/** Sendmail transcripts name the command the server answered: ">>> DATA" then "<<< 550 …". */
export function transcriptCommand(body: BounceText): string | null {
  const transcript =
    /^>>>\s*(RCPT|MAIL|DATA|EHLO|HELO|STARTTLS)\b[^\n]*\n(?:[^\n]*\n){0,3}?<<<\s*[45]\d\d/im.exec(
      body.ownWithin(200_000),
    );
  return transcript ? (transcript[1] ?? '').toUpperCase() : null;
}

interface Answer {
  status: EnhancedStatus | null;
  replyCode: string | null;
  /** The X.4.7 "delivery time expired" status, when an earlier attempt's answer replaced it. */
  expiredStatus: EnhancedStatus | null;
}

/**
 * The status and reply code. The code inside the server's reply is more specific than the
 * reporter's Status field (which is often 5.0.0, or 4.4.7 for anything that timed out); when the
 * classes disagree, the reply code decides.
 */
function answerOf(
  statusText: string | null,
  diagnostic: string | null,
  exchange: ExchangeText | null,
): Answer {
  const fields = parseEnhancedStatus(statusText);
  const fromDiagnostic = findEnhancedStatus(diagnostic) ?? findEnhancedStatus(exchange?.statusLine);
  const replyCode = findReplyCode(diagnostic) ?? findReplyCode(exchange?.statusLine);
  const replyAgrees =
    fromDiagnostic !== null &&
    (!fields || fromDiagnostic.class === fields.class || replyCode?.[0] === String(fromDiagnostic.class));
  const status = replyAgrees ? fromDiagnostic : fields;
  return withActualAttempt({ status, replyCode, expiredStatus: null }, diagnostic, exchange);
}

/**
 * RFC 3463 on X.4.7 (delivery time expired): "If possible, the code for the actual problem found
 * when delivery was attempted should be returned rather than this code." Reports often quote that
 * attempt ("554 4.4.7 Message expired <421 4.4.2 Connection timed out>", Exchange retry history).
 */
function withActualAttempt(answer: Answer, diagnostic: string | null, exchange: ExchangeText | null): Answer {
  const { status } = answer;
  if (!status || status.subject !== 4 || status.detail !== 7) return answer;
  const attempts = [
    ...findAllEnhancedStatuses(diagnostic),
    ...findAllEnhancedStatuses(exchange?.adminInformation),
  ];
  const actual = attempts.find((s) => s.class !== 2 && !(s.subject === 4 && s.detail === 7));
  if (!actual) return { ...answer, expiredStatus: status };
  // Keep the reply code of that same attempt, so status and reply code describe one answer.
  const escaped = actual.code.replace(/\./g, '\\.');
  const attemptReply = new RegExp(`\\b([245]\\d\\d)[\\s-]{1,3}${escaped}(?![\\d.])`).exec(
    `${diagnostic ?? ''}\n${exchange?.adminInformation ?? ''}`,
  );
  return { status: actual, replyCode: attemptReply?.[1] ?? answer.replyCode, expiredStatus: status };
}

/** The Action field, else what the status or reply code's class says. */
function actionOf(stated: DeliveryAction | null, answer: Answer): DeliveryAction {
  if (stated) return stated;
  if (answer.status?.class === 2) return 'delivered';
  const temporary = answer.status?.class === 4 || (answer.replyCode?.startsWith('4') ?? false);
  return temporary ? 'delayed' : 'failed';
}

/** Microsoft wrote the report, or its host answered (the host names in the reply or Remote-MTA). */
function isMicrosoft(
  found: Finding,
  report: ReportView,
  diagnostic: string | null,
  normalized: string,
): boolean {
  return (
    report.microsoftReport ||
    MICROSOFT_HOST.test(found.remoteMta ?? '') ||
    // The host regex tries at every word of the text; it can only match where "outlook.com" is.
    (normalized.includes('outlook.com') &&
      /\b[a-z0-9-]+\.(?:[a-z0-9-]+\.)*(?:prod\.outlook\.com|protection\.outlook\.com)\b/i.test(
        diagnostic ?? '',
      ))
  );
}

/** A tenant's own Exchange Online Protection host: `contoso-com.mail.protection.outlook.com` (or `contoso-com01b`). */
const TENANT_HOST = /\b([a-z0-9][a-z0-9-]{0,62})\.mail\.protection\.outlook\.com\b/g;

/** Whether a tenant host label names the domain: dots turned into dashes, maybe a short suffix. */
function labelNames(domain: string, label: string): boolean {
  const dashed = domain.replace(/\./g, '-');
  return label === dashed || (label.startsWith(dashed) && /^[0-9a-z]{1,4}$/.test(label.slice(dashed.length)));
}

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
  for (const match of text.matchAll(TENANT_HOST)) {
    const label = match[1] ?? '';
    if (recipientDomain && labelNames(recipientDomain, label)) return 'recipient-organisation';
    for (const domain of senderDomains) if (labelNames(domain, label)) return 'sender-organisation';
  }
  return null;
}

/** The reason and the catalogue entry, with the evidence they add. */
function causeOf(
  found: Finding,
  report: ReportView,
  facts: { diagnostic: string | null; answer: Answer; token: string | null; command: string | null },
): { action: DeliveryAction; reason: Reason; match: ReturnType<typeof matchCause>; evidence: Evidence[] } {
  const { diagnostic, answer, token, command } = facts;
  const { status, replyCode } = answer;
  const action = actionOf(found.action, answer);
  // The provider tables, the catalogue and the host test below read the folded, lower-case text.
  const normalized = normalizeForMatch(diagnostic ?? '');
  const microsoft = isMicrosoft(found, report, diagnostic, normalized);
  // A provider that documents its own error codes says what its reply means (catalog/providers.ts).
  const provider = diagnostic
    ? providerReason({
        hosts: [domainOf(found.address), found.remoteMta, report.reportingMta],
        text: normalized,
        replyCode,
      })
    : null;
  // Without an error line of its own, the bounce's own words ("has been delayed", "address failed") decide.
  const reason = classifyReason({
    action,
    status: answer.expiredStatus ?? status,
    diagnostic: diagnostic ?? report.context,
    exchangeToken: token,
    command,
    microsoft,
    replyCode,
    diagnosticType: found.diagnosticType,
    preset: found.category ?? (found.diagnostic ? null : report.preset),
    provider: provider?.reason ?? null,
  });
  const refusedBy = microsoft
    ? refusingSide(found.remoteMta, normalized, domainOf(found.address), report.senderDomains)
    : null;
  const match = matchCause({ status, token, text: normalized, microsoft, reason, action, refusedBy });
  const evidence: Evidence[] = [...found.evidence];
  if (provider)
    evidence.push({
      source: 'catalogue',
      field: `provider.${provider.provider.id}`,
      text: provider.provider.source,
    });
  if (match) evidence.push({ source: 'catalogue', field: match.entry.id, text: match.entry.source });
  return { action, reason, match, evidence };
}

/** The catalogue entry's reason, cause, actor and link; without one, the classifier's reason. */
function catalogueFields(
  match: ReturnType<typeof matchCause>,
  reason: Reason,
  action: DeliveryAction,
): Pick<RecipientOutcome, 'reason' | 'cause' | 'actor' | 'docUrl' | 'confidence'> {
  if (match)
    return {
      reason: match.entry.reason ?? reason,
      cause: match.entry.id,
      actor: match.entry.actor,
      docUrl: match.entry.docUrl,
      confidence: match.confidence,
    };
  const delayed = action === 'delayed';
  return {
    reason,
    cause: delayed ? 'unknown.delay' : 'unknown.failure',
    actor: delayed ? 'nobody' : 'sender-admin',
    docUrl: null,
    confidence: 'guess',
  };
}

/** One recipient, classified. */
export function classifyRecipient(found: Finding, report: ReportView): RecipientOutcome {
  const diagnostic = found.diagnostic ? stripInvisible(found.diagnostic) : null;
  const answer = answerOf(found.statusText, diagnostic, report.exchange);
  const token = TOKEN.exec(diagnostic ?? '')?.[1] ?? null;
  const command = found.command ?? report.transcriptCommand ?? findCommand(diagnostic);
  const { action, reason, match, evidence } = causeOf(found, report, { diagnostic, answer, token, command });
  return {
    // Zero-width and bidi characters can disguise an address; show the address they hide.
    address: found.address ? stripInvisible(found.address) : null,
    originalAddress: found.originalAddress,
    displayName: found.displayName ? clip(stripInvisible(found.displayName), 200) : null,
    action,
    status: answer.status,
    replyCode: answer.replyCode,
    diagnostic: diagnostic ? clip(diagnostic, 4000) : null,
    remoteMta: hostWithinLimit(found.remoteMta),
    reportingMta: report.reportingMta,
    command,
    exchangeToken: token,
    lastAttempt: found.lastAttempt,
    retryUntil: found.retryUntil,
    ...catalogueFields(match, reason, action),
    evidence,
  };
}
