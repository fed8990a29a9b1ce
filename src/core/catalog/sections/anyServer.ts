import type { CauseEntry } from '../types';
import { UNDECIDED } from './undecided';

/*
 * Catalogue section 2: well-known causes from any server (RFC 3463 and later registries, vendor
 * documentation), text-only causes and, inside the same entries, the fallback for the Sisimai
 * reason they explain. Generic status matchers carry a `reasons` gate (see ../causes.ts).
 */
export const anyServerCauses = [
  // A 5.4.1 that is neither Relay Access Denied nor DBEB (e.g. Zoho "541 5.4.1 Mail rejected by
  // destination domain"): the generic meaning, and we say we are unsure (docs/ndr-notes.md §5.2 rule 4).
  {
    id: 'routing.unclearRejection',
    actor: 'recipient-admin',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.4.1); docs/ndr-notes.md §5.2; set-of-emails rhost-zoho-04',
    match: [{ statuses: ['5.4.1'] }],
  },
  {
    id: 'relay.denied',
    actor: 'recipient-admin',
    reason: 'norelaying',
    docUrl: null,
    documented: true,
    source: 'Postfix "Relay access denied" (454 4.7.1 / 554 5.7.1) and similar; Sisimai norelaying',
    match: [
      {
        text: [
          'relay access denied',
          'relaying denied',
          'relay denied',
          'relay not permitted',
          'relaying not permitted',
          'not permitted to relay',
          'relaying not allowed',
          'relay not allowed',
          'we do not relay',
          'unable to relay',
        ],
        reasons: ['norelaying'],
      },
      { reasons: ['norelaying'] },
    ],
  },
  {
    id: 'delay.greylisted',
    actor: 'nobody',
    reason: null,
    docUrl: null,
    documented: false,
    source: 'Greylisting replies from common servers (Postgrey, Exim, Rspamd)',
    match: [{ text: ['greylist', 'graylist', 'grey-list', 'gray-list', 'grey list', 'gray list'] }],
  },

  // Sender authentication (RFC 7372 codes and the texts that name SPF, DKIM or DMARC).
  {
    id: 'auth.spfFailed',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-23-in-exchange-online',
    documented: true,
    source: 'RFC 7372 (X.7.23, X.7.24); MS NDR table (5.7.23)',
    match: [
      { statuses: ['5.7.23', '4.7.23', '5.7.24', '4.7.24'], reasons: ['authfailure'] },
      {
        text: ['sender policy framework', 'spf check failed', 'spf fail', 'failed spf', 'spf validation'],
        reasons: ['authfailure'],
      },
    ],
  },
  {
    id: 'auth.dkimFailed',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7372',
    documented: true,
    source: 'RFC 7372 (X.7.20-22)',
    match: [
      { statuses: ['5.7.20-22', '4.7.20-22'], reasons: ['authfailure'] },
      { text: ['dkim signature', 'dkim verification failed', 'dkim fail'], reasons: ['authfailure'] },
    ],
  },
  {
    id: 'auth.dmarcFailed',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7489',
    documented: true,
    source: 'RFC 7372 (X.7.26); RFC 7489; Gmail 5.7.26 replies',
    match: [
      { statuses: ['5.7.26', '4.7.26'], reasons: ['authfailure'] },
      { text: ['dmarc'], reasons: ['authfailure'] },
    ],
  },
  {
    id: 'auth.reverseDnsFailed',
    actor: 'sender-admin',
    reason: 'requireptr',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7372',
    documented: true,
    source: 'RFC 7372 (X.7.25); MS NDR table (5.7.25 for IPv6)',
    match: [
      { statuses: ['5.7.25', '4.7.25'], reasons: ['requireptr'] },
      {
        text: ['reverse dns', 'ptr record', 'cannot find your hostname', 'reverse lookup'],
        reasons: [...UNDECIDED],
      },
      { reasons: ['requireptr'] },
    ],
  },
  {
    id: 'auth.failed',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7372',
    documented: true,
    source: 'Sisimai authfailure; RFC 7372',
    match: [{ reasons: ['authfailure'] }],
  },
  {
    id: 'sender.domainNullMx',
    actor: 'sender-admin',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7505',
    documented: true,
    source: 'RFC 7505 (X.7.27 sender address has null MX)',
    match: [{ statuses: ['5.7.27', '4.7.27'] }],
  },

  // Addressing.
  {
    id: 'recipient.addressSyntax',
    actor: 'sender',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.1.3 bad destination mailbox address syntax)',
    match: [{ statuses: ['5.1.3', '4.1.3'], reasons: ['userunknown', 'syntaxerror', ...UNDECIDED] }],
  },
  {
    id: 'domain.notFound',
    actor: 'sender',
    reason: 'hostunknown',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.1.2); Exchange token SMTPSEND.DNS.NonExistentDomain; Sisimai hostunknown',
    match: [
      { tokens: ['SMTPSEND.DNS.NonExistentDomain'] },
      { statuses: ['5.1.2', '4.1.2'], reasons: ['hostunknown', ...UNDECIDED] },
      {
        text: [
          'host not found',
          'domain not found',
          'host or domain name not found',
          'no such domain',
          'name or service not known',
          'unrouteable domain',
          'nxdomain',
        ],
        reasons: [...UNDECIDED],
      },
      { reasons: ['hostunknown'] },
    ],
  },
  {
    id: 'recipient.moved',
    actor: 'sender',
    reason: 'hasmoved',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.1.6 mailbox moved, no forwarding address); Sisimai hasmoved',
    match: [{ statuses: ['5.1.6', '4.1.6'], reasons: ['hasmoved', ...UNDECIDED] }, { reasons: ['hasmoved'] }],
  },
  {
    id: 'recipient.unknown',
    actor: 'sender',
    reason: 'userunknown',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.1.1 bad destination mailbox address); Sisimai userunknown',
    match: [
      { statuses: ['5.1.1', '4.1.1'], reasons: ['userunknown', ...UNDECIDED] },
      {
        text: [
          'user unknown',
          'unknown user',
          'no such user',
          'user not found',
          'unknown recipient',
          'recipient unknown',
          'no such recipient',
          'mailbox not found',
          'mailbox does not exist',
          'address does not exist',
          'user does not exist',
          'invalid recipient',
          "address couldn't be found",
          'address could not be found',
        ],
        reasons: [...UNDECIDED],
      },
      { reasons: ['userunknown'] },
    ],
  },

  // Mailbox.
  {
    id: 'recipient.disabled',
    actor: 'recipient-admin',
    reason: 'suspend',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.2.1 mailbox disabled); RFC 5248 (X.7.13 user account disabled); Sisimai suspend',
    match: [
      { statuses: ['5.2.1', '4.2.1', '5.7.13'], reasons: ['suspend', ...UNDECIDED] },
      {
        text: ['account disabled', 'mailbox disabled', 'account is disabled', 'account has been disabled'],
        reasons: [...UNDECIDED],
      },
      { reasons: ['suspend'] },
    ],
  },
  {
    id: 'recipient.mailboxFull',
    actor: 'recipient-admin',
    reason: 'mailboxfull',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.2.2 mailbox full); set-of-emails lhost-outlook-01; Sisimai mailboxfull',
    match: [
      { statuses: ['5.2.2', '4.2.2'], reasons: ['mailboxfull', ...UNDECIDED] },
      { text: ['mailbox full', 'mailbox is full', 'over quota', 'quota exceeded'], reasons: [...UNDECIDED] },
      { reasons: ['mailboxfull'] },
    ],
  },
  {
    id: 'message.tooLarge',
    actor: 'sender',
    reason: 'emailtoolarge',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.2.3, X.3.4); Sisimai emailtoolarge',
    match: [
      { statuses: ['5.2.3', '4.2.3', '5.3.4', '4.3.4'], reasons: ['emailtoolarge', ...UNDECIDED] },
      {
        text: ['message too large', 'message too big', 'message size exceeds', 'exceeds size limit'],
        reasons: [...UNDECIDED],
      },
      { reasons: ['emailtoolarge'] },
    ],
  },
  {
    id: 'system.full',
    actor: 'recipient-admin',
    reason: 'systemfull',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.3.1 mail system full); Sisimai systemfull',
    match: [
      { statuses: ['5.3.1', '4.3.1'], reasons: ['systemfull', ...UNDECIDED] },
      { text: ['insufficient system storage'], reasons: [...UNDECIDED] },
      { reasons: ['systemfull'] },
    ],
  },

  // Network and routing.
  {
    id: 'network.mailLoop',
    actor: 'recipient-admin',
    reason: 'networkerror',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.4.6 routing loop detected)',
    match: [
      { statuses: ['5.4.6', '4.4.6'], reasons: ['networkerror', 'systemerror', ...UNDECIDED] },
      {
        text: [
          'mail loop',
          'routing loop',
          'loop detected',
          'too many hops',
          'hop count exceeded',
          'mail forwarding loop',
        ],
        reasons: ['networkerror'],
      },
    ],
  },
  {
    id: 'network.unableToRoute',
    actor: 'recipient-admin',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.4.4 unable to route)',
    match: [{ statuses: ['5.4.4', '4.4.4'], reasons: ['networkerror', 'notaccept', ...UNDECIDED] }],
  },
  {
    id: 'delivery.expired',
    actor: 'recipient-admin',
    reason: 'expired',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.4.7 delivery time expired); Sisimai expired',
    match: [
      { statuses: ['5.4.7', '4.4.7'], reasons: ['expired', ...UNDECIDED], actions: ['failed'] },
      { reasons: ['expired'], actions: ['failed'] },
    ],
  },
  {
    id: 'delay.connectionProblem',
    actor: 'nobody',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (4.4.0-4.4.5 persistent transient network problems)',
    match: [{ statuses: ['4.4.0', '4.4.1', '4.4.2', '4.4.3', '4.4.4', '4.4.5'], actions: ['delayed'] }],
  },
  {
    id: 'network.unreachable',
    actor: 'recipient-admin',
    reason: 'networkerror',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.4.1 no answer, X.4.2 bad connection); Sisimai networkerror',
    match: [
      {
        statuses: ['5.4.0', '5.4.2', '4.4.1', '4.4.2', '5.4.5', '4.4.5'],
        reasons: ['networkerror', ...UNDECIDED],
      },
      {
        text: ['connection refused', 'connection timed out', 'network is unreachable', 'no route to host'],
        reasons: [...UNDECIDED],
      },
      { reasons: ['networkerror'] },
    ],
  },

  // Protocol.
  {
    id: 'protocol.tooManyRecipients',
    actor: 'sender',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.5.3 too many recipients)',
    match: [
      { statuses: ['5.5.3', '4.5.3'], reasons: ['ratelimited', ...UNDECIDED] },
      { text: ['too many recipients'], reasons: ['ratelimited', ...UNDECIDED] },
    ],
  },
  {
    id: 'protocol.syntaxError',
    actor: 'sender-admin',
    reason: 'syntaxerror',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.5.1, X.5.2, X.5.4, X.5.5); Sisimai syntaxerror',
    match: [
      {
        statuses: ['5.5.1', '5.5.2', '5.5.4', '5.5.5', '4.5.1', '4.5.2'],
        reasons: ['syntaxerror', ...UNDECIDED],
      },
      { reasons: ['syntaxerror'] },
    ],
  },

  // The sender's side: address, IP, reputation, volume.
  {
    id: 'sender.rejected',
    actor: 'sender-admin',
    reason: 'rejected',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.1.7 bad sender mailbox syntax, X.1.8 bad sender system address); Sisimai rejected',
    match: [
      { statuses: ['5.1.7', '5.1.8', '4.1.7', '4.1.8'], reasons: ['rejected', ...UNDECIDED] },
      {
        text: [
          'sender address rejected',
          'sender rejected',
          'sender verify failed',
          'unroutable sender address',
        ],
        reasons: [...UNDECIDED],
      },
      { reasons: ['rejected'] },
    ],
  },
  {
    id: 'sender.ipBlockListed',
    actor: 'sender-admin',
    reason: 'blocked',
    docUrl: null,
    documented: true,
    source: 'Common DNSBL replies (Spamhaus, SpamCop, Barracuda); Sisimai blocked',
    match: [
      {
        text: ['blocked using', 'spamhaus', 'spamcop', 'blacklist', 'blocklist', 'block list', 'dnsbl'],
        reasons: ['blocked', ...UNDECIDED],
      },
      { reasons: ['blocked'] },
    ],
  },
  {
    id: 'sender.badReputation',
    actor: 'sender-admin',
    reason: 'badreputation',
    docUrl: null,
    documented: true,
    source: 'Sisimai badreputation',
    match: [{ text: ['reputation'], reasons: [...UNDECIDED] }, { reasons: ['badreputation'] }],
  },
  {
    id: 'sender.rateLimited',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl: null,
    documented: true,
    source: 'Sisimai ratelimited (was speeding / toomanyconn)',
    match: [
      {
        text: ['rate limit', 'too many messages', 'too many connections', 'throttl'],
        reasons: [...UNDECIDED],
      },
      { reasons: ['ratelimited'] },
    ],
  },
  {
    id: 'sender.suppressed',
    actor: 'sender-admin',
    reason: 'suppressed',
    docUrl: null,
    documented: true,
    source: "Sisimai suppressed (sending provider's suppression list)",
    match: [{ text: ['suppression list'], reasons: [...UNDECIDED] }, { reasons: ['suppressed'] }],
  },

  // Content.
  {
    id: 'content.virus',
    actor: 'sender',
    reason: 'virusdetected',
    docUrl: null,
    documented: true,
    source: 'Sisimai virusdetected',
    match: [
      { text: ['virus', 'malware', 'infected'], reasons: [...UNDECIDED] },
      { reasons: ['virusdetected'] },
    ],
  },
  {
    id: 'content.spam',
    actor: 'sender',
    reason: 'spamdetected',
    docUrl: null,
    documented: true,
    source: 'Sisimai spamdetected',
    match: [
      { text: ['spam', 'junk mail', 'unsolicited'], reasons: [...UNDECIDED] },
      { reasons: ['spamdetected'] },
    ],
  },
  {
    id: 'content.notCompliant',
    actor: 'sender-admin',
    reason: 'notcompliantrfc',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc5322',
    documented: true,
    source: 'RFC 5322; Sisimai notcompliantrfc',
    match: [
      { text: ['rfc 5322', 'rfc5322', 'rfc 2822', 'duplicate header'], reasons: [...UNDECIDED] },
      { reasons: ['notcompliantrfc'] },
    ],
  },
  {
    id: 'content.rejected',
    actor: 'sender',
    reason: 'contenterror',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.6.x media and content); Sisimai contenterror',
    match: [
      { statuses: ['5.6.0', '5.6.1', '5.6.2', '5.6.3', '5.6.5'], reasons: ['contenterror', ...UNDECIDED] },
      { reasons: ['contenterror'] },
    ],
  },

  // Security and policy.
  {
    id: 'security.tlsFailed',
    actor: 'sender-admin',
    reason: 'failedstarttls',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3207; RFC 5248 (X.7.10, X.7.11); RFC 8689 (X.7.30); Sisimai failedstarttls',
    match: [
      {
        statuses: ['5.7.10', '5.7.11', '5.7.30', '4.7.10', '4.7.11'],
        reasons: ['failedstarttls', ...UNDECIDED],
      },
      { text: ['starttls', 'tls required', 'encryption required'], reasons: [...UNDECIDED] },
      { reasons: ['failedstarttls'] },
    ],
  },
  {
    id: 'security.authenticationRequired',
    actor: 'sender-admin',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc4954',
    documented: true,
    source: 'RFC 4954 (530 5.7.0 authentication required, 535 5.7.8 credentials invalid)',
    match: [
      { statuses: ['5.7.8', '4.7.8'] },
      { text: ['authentication required', 'must authenticate', 'authentication is required'] },
    ],
  },
  {
    id: 'delay.temporaryPolicy',
    actor: 'nobody',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (4.7.x persistent transient security or policy status)',
    match: [{ statuses: ['4.7.0', '4.7.1'], actions: ['delayed'] }],
  },
  {
    id: 'policy.rejected',
    actor: 'recipient-admin',
    reason: null,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source:
      'RFC 3463 (X.7.1 delivery not authorized, message refused); Sisimai policyviolation / securityerror',
    match: [
      {
        statuses: ['5.7.0', '5.7.1', '5.7.2', '5.7.3', '5.7.7', '5.7.9', '4.7.0', '4.7.1'],
        reasons: ['policyviolation', 'securityerror', ...UNDECIDED],
      },
      { reasons: ['policyviolation', 'securityerror'] },
    ],
  },

  // Recipient side, reason-based.
  {
    id: 'recipient.filtered',
    actor: 'recipient-admin',
    reason: 'filtered',
    docUrl: null,
    documented: true,
    source: 'Sisimai filtered',
    match: [{ reasons: ['filtered'] }],
  },
  {
    id: 'recipient.mailerError',
    actor: 'recipient-admin',
    reason: 'mailererror',
    docUrl: null,
    documented: true,
    source: 'Sisimai mailererror',
    match: [
      { text: ['mailer error', 'command died with status'], reasons: [...UNDECIDED] },
      { reasons: ['mailererror'] },
    ],
  },
  {
    id: 'system.error',
    actor: 'recipient-admin',
    reason: 'systemerror',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc3463',
    documented: true,
    source: 'RFC 3463 (X.3.0, X.3.5, X.4.3); Sisimai systemerror',
    match: [
      {
        statuses: ['5.3.0', '5.3.5', '5.4.3', '4.3.0', '4.3.5', '4.4.3'],
        reasons: ['systemerror', ...UNDECIDED],
      },
      { reasons: ['systemerror'] },
    ],
  },
  {
    id: 'domain.notAccepting',
    actor: 'sender',
    reason: 'notaccept',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7504',
    documented: true,
    source: 'RFC 7504 (521 / 556); RFC 3463 (X.3.2); Sisimai notaccept',
    match: [
      { statuses: ['5.3.2'], reasons: ['notaccept', ...UNDECIDED] },
      { text: ['does not accept mail', 'not accepting mail'], reasons: [...UNDECIDED] },
      { reasons: ['notaccept'] },
    ],
  },
] as const satisfies readonly CauseEntry[];
