import type { DeliveryAction, EnhancedStatus, Reason } from '../types';
import { collapseSpace } from '../text';
import { textSays } from './patterns';

export interface ReasonInput {
  readonly action: DeliveryAction;
  readonly status: EnhancedStatus | null;
  /** The error text (SMTP reply or the reporter's words). */
  readonly diagnostic: string | null;
  /** Exchange's NDR-subject token; its meaning lives in the catalogue (not read here). */
  readonly exchangeToken: string | null;
  readonly command: string | null;
  /**
   * A Microsoft server rejected or wrote the report. Not read here: the catalogue's Exchange
   * section gates Microsoft-only meanings on it.
   */
  readonly microsoft: boolean;
  /** SMTP reply code of the diagnostic, when known. */
  readonly replyCode?: string | null;
  /** RFC 3464 diagnostic type (`smtp`, `x-unix`, `x-postfix`), lower-case; null when not stated. */
  readonly diagnosticType?: string | null;
  /** A reason the report's layout already implies (e.g. a mailing-list posting refusal). */
  readonly preset?: Reason | null;
  /** The reason the rejecting provider's own error-code table gives (catalog/providers.ts). */
  readonly provider?: Reason | null;
}

/**
 * What an enhanced status code says on its own (after RFC 3463 and the reading Sisimai gives the
 * codes, so that our reasons stay comparable). Codes that say little (x.0.0, 5.5.0, 5.4.1 …) are
 * absent: the text has to decide. 4.x.y codes are listed separately because a temporary 4.2.1 or
 * 4.7.1 is a block at the client, not a mailbox state.
 */
const STATUS_NAMES: Readonly<Record<string, Reason>> = {
  '4.1.6': 'hasmoved',
  '4.1.7': 'rejected',
  '4.1.8': 'rejected',
  '4.1.9': 'systemerror',
  '4.2.1': 'blocked',
  '4.2.2': 'mailboxfull',
  '4.2.3': 'emailtoolarge',
  '4.2.4': 'filtered',
  '4.3.1': 'systemfull',
  '4.3.2': 'notaccept',
  '4.3.3': 'systemerror',
  '4.3.5': 'systemerror',
  '4.4.1': 'expired',
  '4.4.2': 'networkerror',
  '4.4.3': 'systemerror',
  '4.4.4': 'networkerror',
  '4.4.5': 'systemfull',
  '4.4.6': 'networkerror',
  '4.4.7': 'expired',
  '4.4.8': 'networkerror',
  '4.5.3': 'systemerror',
  '4.5.5': 'systemerror',
  '4.6.0': 'contenterror',
  '4.6.2': 'contenterror',
  '4.6.5': 'contenterror',
  '4.7.1': 'blocked',
  '4.7.2': 'blocked',
  '4.7.5': 'securityerror',
  '4.7.6': 'securityerror',
  '4.7.7': 'securityerror',
  '4.7.12': 'securityerror',
  '4.7.15': 'securityerror',
  '4.7.16': 'emailtoolarge',
  '4.7.24': 'authfailure',
  '4.7.25': 'requireptr',
  '4.7.26': 'authfailure',
  '5.1.0': 'userunknown',
  '5.1.1': 'userunknown',
  '5.1.2': 'hostunknown',
  '5.1.3': 'userunknown',
  '5.1.4': 'filtered',
  '5.1.6': 'hasmoved',
  '5.1.7': 'rejected',
  '5.1.8': 'rejected',
  '5.1.9': 'systemerror',
  '5.1.10': 'notaccept',
  // X.2.1 "mailbox disabled, not accepting messages": the mailbox exists but refuses (Sisimai: filtered).
  '5.2.0': 'filtered',
  '5.2.1': 'filtered',
  '5.2.2': 'mailboxfull',
  '5.2.3': 'emailtoolarge',
  '5.2.4': 'filtered',
  '5.3.0': 'systemerror',
  '5.3.1': 'systemfull',
  '5.3.2': 'notaccept',
  '5.3.3': 'systemerror',
  '5.3.4': 'emailtoolarge',
  '5.3.5': 'systemerror',
  '5.4.0': 'networkerror',
  '5.4.3': 'systemerror',
  '5.4.4': 'hostunknown',
  '5.5.2': 'syntaxerror',
  '5.5.3': 'ratelimited',
  '5.5.4': 'systemerror',
  '5.5.5': 'systemerror',
  '5.5.6': 'syntaxerror',
  '5.6.0': 'contenterror',
  '5.6.1': 'contenterror',
  '5.6.2': 'contenterror',
  '5.6.3': 'contenterror',
  '5.6.5': 'contenterror',
  '5.6.6': 'contenterror',
  '5.6.7': 'contenterror',
  '5.6.8': 'contenterror',
  '5.6.9': 'contenterror',
  '5.7.0': 'securityerror',
  '5.7.1': 'securityerror',
  '5.7.2': 'securityerror',
  '5.7.3': 'securityerror',
  '5.7.4': 'securityerror',
  '5.7.5': 'securityerror',
  '5.7.6': 'securityerror',
  '5.7.7': 'securityerror',
  '5.7.8': 'securityerror',
  '5.7.9': 'securityerror',
  '5.7.10': 'failedstarttls',
  '5.7.11': 'failedstarttls',
  '5.7.13': 'suspend',
  '5.7.14': 'securityerror',
  '5.7.15': 'securityerror',
  '5.7.16': 'emailtoolarge',
  '5.7.17': 'hasmoved',
  '5.7.18': 'hasmoved',
  '5.7.19': 'securityerror',
  '5.7.20': 'authfailure',
  '5.7.21': 'authfailure',
  '5.7.22': 'authfailure',
  '5.7.23': 'authfailure',
  '5.7.24': 'authfailure',
  '5.7.25': 'requireptr',
  '5.7.26': 'authfailure',
  '5.7.27': 'notaccept',
  '5.7.28': 'spamdetected',
  '5.7.29': 'authfailure',
  '5.7.30': 'failedstarttls',
};

/**
 * Reasons that are only provisional: a status code or a layout that implies one of these is
 * re-examined against the text (a 5.1.1 that says "mailbox full", a 5.7.1 that names a block list).
 */
const PROVISIONAL: ReadonlySet<Reason> = new Set<Reason>([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);

/**
 * Words that say the recipient was looked up in the server's own directory and not found (Lotus
 * Domino's "not listed in Domino Directory" / "… public Name & Address Book"). A directory lookup
 * is the address check itself, never a filter reading the message, whatever step it came at.
 */
const DIRECTORY_MISS: readonly RegExp[] = [
  /not listed in (?:the )?(?:domino |public |global )?(?:directory|name (?:&|and) address book|address book)/,
];

/** SMTP commands sent before DATA: a refusal there cannot be about the message content. */
const BEFORE_DATA: ReadonlySet<string> = new Set([
  'CONN',
  'HELO',
  'EHLO',
  'STARTTLS',
  'AUTH',
  'MAIL',
  'RCPT',
]);

/** The reason an enhanced status code names on its own, or null. */
export function reasonFromStatus(status: EnhancedStatus | null): Reason | null {
  if (!status || status.class === 2) return null;
  return STATUS_NAMES[status.code] ?? null;
}

interface Facts {
  readonly text: string;
  /** The reason the layout or a specific status names; null for a broad status (see isBroad). */
  readonly statusName: Reason | null;
  /** The reason the status names even when broad: the last word, after the text. */
  readonly broadName: Reason | null;
  readonly status: EnhancedStatus | null;
  readonly command: string | null;
  readonly replyCode: string | null;
  /** textSays for this text, each reason tested at most once (both passes ask about the same ones). */
  readonly says: (reason: Reason) => boolean;
}

type Probe = (f: Facts) => boolean;

/** Reasons whose words, at MAIL FROM, name a cause other than the sender address itself. */
const NOT_THE_SENDER: readonly Reason[] = [
  'blocked',
  'ratelimited',
  'spamdetected',
  'securityerror',
  'systemerror',
  'systemfull',
  'networkerror',
  'syntaxerror',
  'policyviolation',
  'hostunknown',
  'notaccept',
];

/**
 * A permanent refusal of MAIL FROM with nothing more specific in the code or the words: the MAIL
 * command carries only the sender (RFC 5321 §3.3), so refusing it refuses the sender
 * ("550 5.7.1 Access denied (in reply to MAIL FROM command)").
 */
function refusedSenderPlainly(f: Facts): boolean {
  if (f.command !== 'MAIL' || f.statusName !== null) return false;
  if (f.status ? f.status.class !== 5 : !/^5\d\d$/.test(f.replyCode ?? '')) return false;
  return !NOT_THE_SENDER.some((reason) => f.says(reason));
}

/**
 * The words say the recipient's domain does not exist ("Recipient address rejected: DNS domain
 * does not exist"): the host-unknown reading, not the user-unknown one that "address rejected"
 * suggests. Not for temporary (4.x.x) answers, nor for a domain that exists but takes no mail.
 */
function namesMissingDomain(f: Facts): boolean {
  return f.status?.class !== 4 && f.says('hostunknown') && !f.says('notaccept');
}

/** The default test: the status code names the reason, or the text says it. */
const plain =
  (reason: Reason): Probe =>
  (f) =>
    f.statusName === reason || f.says(reason);

/**
 * First pass (the text of an SMTP reply, or no text): reasons tried in this order, each combining
 * status code, text and SMTP command. Specific reasons come before the general ones that share
 * words ("mailbox full" must not read as an unknown mailbox, a sender refusal not as a block).
 */
const FIRST_PASS: readonly [Reason, Probe][] = [
  ['mailboxfull', plain('mailboxfull')],
  ['emailtoolarge', plain('emailtoolarge')],
  ['suspend', plain('suspend')],
  ['hasmoved', plain('hasmoved')],
  ['norelaying', plain('norelaying')],
  // Before authfailure: "Duplicate header 'DKIM-Signature'" is about the header, not a DKIM verdict.
  ['notcompliantrfc', plain('notcompliantrfc')],
  ['authfailure', plain('authfailure')],
  [
    'userunknown',
    (f) => {
      if (f.statusName === 'suspend') return false;
      if (DIRECTORY_MISS.some((p) => p.test(f.text))) return true;
      if (f.statusName === 'userunknown') {
        // A 5.1.1 whose words say something more specific keeps the specific reading.
        return !(['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept'] as const).some(
          (r) => f.says(r),
        );
      }
      if (namesMissingDomain(f)) return false;
      // RFC 3463 subject 1 is "addressing status": a vendor detail of it (Exchange's X.1.351
      // wrapper) that quotes "unknown user" is the address check, whatever step it came at.
      // (Not at MAIL FROM: the address checked there is the sender's.)
      if (f.statusName === null && f.status?.subject === 1 && f.command !== 'MAIL')
        return f.says('userunknown');
      // No SMTP exchange at all (no status, no reply code, no step): a local delivery agent's own
      // notice (qmail-local, vpopmail, Smail, Exim's routers) that found no such user. No filter
      // read the message there, so its "unknown user" is the address check.
      if (f.status === null && f.replyCode === null && f.command === null) return f.says('userunknown');
      // Without a code pointing at the mailbox, "unknown user" counts only when refused at RCPT.
      return f.command === 'RCPT' && f.says('userunknown');
    },
  ],
  [
    'filtered',
    (f) => {
      // X.1.7 / X.1.8 are about the sender's address: "sender address … does not exist" is no filter.
      if (f.statusName === 'suspend' || f.statusName === 'rejected') return false;
      // A filter that says what it found (spam, a virus) gave that verdict; a missing domain is
      // no filter's doing.
      if (f.says('spamdetected') || f.says('virusdetected') || namesMissingDomain(f)) return false;
      if (f.statusName === 'filtered') return f.says('userunknown') || f.says('filtered');
      // After DATA (or at an unknown step), an "unknown user" comes from a filter that read the
      // message, not from the address check: a refusal before DATA cannot be a content filter.
      if (f.command !== null && BEFORE_DATA.has(f.command)) return false;
      return f.says('filtered') || f.says('userunknown');
    },
  ],
  ['requireptr', plain('requireptr')],
  ['badreputation', plain('badreputation')],
  ['contenterror', plain('contenterror')],
  [
    'rejected',
    (f) => {
      if (f.statusName === 'rejected') return true;
      if (refusedSenderPlainly(f)) return true;
      // Sender-refusal words count when refused at MAIL FROM, after DATA, or when the code says
      // nothing more precise than "security" or "system".
      if (!f.says('rejected') || /recipient address rejected/.test(f.text)) return false;
      if (f.command === 'MAIL') return true;
      if (f.command === 'DATA') return f.statusName !== 'userunknown';
      return (
        f.statusName === null ||
        f.statusName === 'onhold' ||
        f.statusName === 'undefined' ||
        f.statusName === 'securityerror' ||
        f.statusName === 'systemerror'
      );
    },
  ],
  [
    'hostunknown',
    (f) => {
      // As for users: a temporary DNS answer (4.x.x, "try again") is a network problem, not a missing domain.
      if (f.status?.class === 4) return false;
      // "No MX / no SMTP service" under a host-unknown code: the domain exists but takes no mail.
      if (f.says('notaccept')) return false;
      return f.statusName === 'hostunknown' ? !f.says('networkerror') : f.says('hostunknown');
    },
  ],
  ['spamdetected', plain('spamdetected')],
  ['ratelimited', plain('ratelimited')],
  ['blocked', plain('blocked')],
];

/** Second pass, when the first found nothing or only a provisional reason: text alone, in this order. */
const SECOND_PASS: readonly Reason[] = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'ratelimited',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'norelaying',
  // Before the network and system readings: a null MX ("doesn't receive email … Null MX") often
  // arrives wrapped in a DNS error text.
  'notaccept',
  'systemerror',
  'networkerror',
  'suspend',
  'contenterror',
  'systemfull',
  'expired',
  'failedstarttls',
  'securityerror',
  'suppressed',
  'mailererror',
  // Last: a refused greeting or a block list named by a non-SMTP report ("server refused to talk to
  // me: 421 Service not available") is a block, whatever retrying followed.
  'blocked',
];

/** Phrases of a sending server that retried until its queue lifetime ran out. */
const STRONG_EXPIRY: readonly RegExp[] = [
  /did not accept our requests to connect/,
  /message expired/,
  /retry time(?:out)? exceeded/,
];

/**
 * A queue-lifetime notice (Sendmail: "Message could not be delivered for 5 days"). Weaker than the
 * phrases above, so it only confirms an X.4.7 status rather than overriding the quoted cause.
 */
const QUEUE_LIFETIME: readonly RegExp[] = [
  ...STRONG_EXPIRY,
  /could not be delivered for \d{1,4} (?:days?|hours?)/,
];

/** Actions that mean the message arrived (or went on): no failure to explain. */
const ARRIVED: ReadonlySet<DeliveryAction> = new Set<DeliveryAction>(['delivered', 'relayed', 'expanded']);

/**
 * The diagnostic as the patterns read it: lower case, white space folded, at most 4,000
 * characters. Multi-line replies repeat the codes on each line ("550-5.7.1 Messages with multiple
 * 550-5.7.1 addresses"); dropping the repeats lets phrases that span lines match.
 */
function foldDiagnostic(diagnostic: string | null): string {
  const folded = diagnostic ? collapseSpace(diagnostic).toLowerCase().slice(0, 4000) : '';
  return folded.slice(0, 12) + folded.slice(12).replace(/ [245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?/g, ' ');
}

/**
 * A broad status says only the class and subject of a failure: RFC 3463's "other or undefined"
 * details (X.Y.0: 5.0.0, 5.1.0, 5.2.0, 5.3.0, 5.5.0, 4.0.0 ...) and X.7.1 "delivery not authorized,
 * message refused", which servers send for any refusal. Its reading comes after the server's
 * own words, never before: "550 5.7.1 Message too large" is about size.
 */
function isBroad(status: EnhancedStatus | null): boolean {
  return status !== null && (status.detail === 0 || (status.subject === 7 && status.detail === 1));
}

function factsOf(input: ReasonInput, preset: Reason | null): Facts {
  const text = foldDiagnostic(input.diagnostic);
  const said: Partial<Record<Reason, boolean>> = {};
  return {
    text,
    statusName: preset ?? (isBroad(input.status) ? null : reasonFromStatus(input.status)),
    broadName: reasonFromStatus(input.status),
    status: input.status,
    command: input.command,
    replyCode: input.replyCode ?? null,
    says: (reason) => (said[reason] ??= textSays(reason, text)),
  };
}

/**
 * X.4.7 (delivery time expired) and the report says the message sat in the queue until its
 * lifetime ran out: the attempts it quotes ("Connection refused by [127.0.0.1]") are the history
 * of the expiry, not a separate refusal. A failed name lookup is the exception: the destination
 * could not even be found, which Sisimai reports as a network error.
 */
function queueRanOut(f: Facts): boolean {
  return (
    f.statusName === 'expired' &&
    QUEUE_LIFETIME.some((p) => p.test(f.text)) &&
    !/(?:host ?name|dns|name server) (?:lookup )?(?:failure|failed|error)|name server:/.test(f.text)
  );
}

/** The text alone, once the first pass found nothing or only a provisional reason. */
function textAlone(f: Facts): Reason | null {
  // A report that says outright it gave up after retrying is an expiry, whatever network
  // trouble it mentions as the cause.
  if (STRONG_EXPIRY.some((p) => p.test(f.text))) return 'expired';
  return SECOND_PASS.find((reason) => f.says(reason)) ?? null;
}

/** What the status class alone implies (RFC 3463 X.6 media, X.7 security or policy). */
function statusClassReason(status: EnhancedStatus | null): Reason | null {
  if (!status || status.class === 2) return null;
  if (status.subject === 6) return 'contenterror';
  if (status.subject === 7) return 'securityerror';
  return null;
}

/** What the diagnostic type, the reply code, the action and the command imply, when nothing else did. */
function context(input: ReasonInput, f: Facts): Reason | null {
  if ((input.diagnosticType ?? '').toLowerCase().startsWith('x-unix')) return 'mailererror';
  const reply = input.replyCode ?? '';
  if (f.says('syntaxerror') || /^[45]0[0-7]$/.test(reply)) return 'syntaxerror';
  if (input.action === 'delayed') return 'expired';
  if (input.command === 'EHLO' || input.command === 'HELO') return 'blocked';
  // A temporary (4xx) error in a report of final failure: the server kept retrying and gave up.
  if (input.action === 'failed' && (input.status?.class === 4 || /^4\d\d$/.test(reply))) return 'expired';
  return null;
}

/**
 * Whether the diagnostic is a server's reply (RFC 3464 type `smtp`, none stated, or a reporter's
 * own `X-Postfix`-like wording of one) rather than a local delivery program's output (`X-Unix`),
 * whose words describe the program, not the recipient.
 */
function readsAsReply(diagnosticType: string | null | undefined): boolean {
  return !(diagnosticType ?? '').toLowerCase().startsWith('x-unix');
}

/** The first pass, then a specific status the first pass did not overrule. */
function readReply(f: Facts): Reason | null {
  const first = FIRST_PASS.find(([, probe]) => probe(f));
  if (first) return first[0];
  return f.statusName !== null && !PROVISIONAL.has(f.statusName) ? f.statusName : null;
}

/** Decides the Sisimai reason for one recipient. */
export function classifyReason(input: ReasonInput): Reason {
  if (ARRIVED.has(input.action)) return 'delivered';
  // A provider's documented code is more specific than any generic reading of status or words.
  if (input.provider) return input.provider;
  // A reason the report's layout implies comes first. Vendor codes (Exchange NDR-subject tokens,
  // Exchange Online's extended codes) are not read here: their one home is the cause catalogue,
  // whose entry, when it names a reason, decides it (catalog/sections/exchange.ts).
  const preset = input.preset ?? null;
  if (preset && !PROVISIONAL.has(preset)) return preset;

  const f = factsOf(input, preset);
  if (queueRanOut(f)) return 'expired';
  const replyReading = readsAsReply(input.diagnosticType) ? readReply(f) : null;
  if (replyReading) return replyReading;
  return (
    textAlone(f) ??
    f.statusName ??
    f.broadName ??
    statusClassReason(input.status) ??
    context(input, f) ??
    (f.text ? 'onhold' : 'undefined')
  );
}
