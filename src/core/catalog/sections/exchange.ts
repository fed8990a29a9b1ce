import type { CauseEntry } from '../types';
import { UNDECIDED } from './undecided';

/*
 * Catalogue section 1: Exchange and Exchange Online. Replies keyed on status + text, NDR-subject
 * tokens and Microsoft's own extended codes (docs/ndr-notes.md §5, §4.5, §4.4). Specific enough to
 * need no `reasons` gate; they come first so a Microsoft meaning of a shared code wins.
 */
export const exchangeCauses = [
  // The two meanings of 5.4.1 (docs/ndr-notes.md §5.2): decide on code *and* text.
  {
    // KB 2827473: an on-premises organisation relaying outbound through its own tenant's EOP, whose
    // send connector does not use the tenant's smart host or whose inbound connector is missing.
    // Told from the recipient-side meaning by the refusing host: the sender's own tenant host.
    id: 'exo.relayAccessDeniedOutbound',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail',
    documented: true,
    source: 'KB 2827473 (on-premises relay through EOP); older 5.4.1 article, hybrid section',
    match: [{ statuses: ['5.4.1'], text: ['relay access denied'], refusedBy: 'sender-organisation' }],
  },
  {
    id: 'exo.relayAccessDenied',
    actor: 'recipient-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-4-1-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.4.1 Relay Access Denied); older 5.4.1 article; KB 2827473',
    match: [{ statuses: ['5.4.1'], text: ['relay access denied'] }],
  },
  {
    id: 'exo.dbebRecipientNotFound',
    actor: 'sender',
    reason: 'userunknown',
    docUrl: 'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-4-1',
    documented: true,
    source: 'MS NDR table (5.4.1, 5.7.504); newer 5.4.1 article; DBEB doc; set-of-emails rhost-microsoft-02',
    match: [
      {
        statuses: ['5.4.1', '5.7.504'],
        text: ['recipient address rejected', 'access denied', 'as(201806281)', 'aka.ms/exosmtperrors'],
      },
      { statuses: ['5.7.504'], microsoft: true },
    ],
  },

  // Close relatives of 5.4.1 that also say "relay" (docs/ndr-notes.md §5.4).
  {
    id: 'exo.hybridCertificateNotAccepted',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online',
    documented: true,
    source: 'MS hybrid wizard article relay-access-denied-attr36-ndr (KB 4019940)',
    match: [{ statuses: ['5.7.64'], text: ['attr36'] }, { text: ['relay access denied attr36'] }],
  },
  {
    id: 'exo.tenantAttribution',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.64); relay-access-denied-smtp; tenantattribution-ndr',
    match: [{ statuses: ['5.7.64'] }, { text: ['tenantattribution'] }],
  },
  {
    id: 'exo.blockedByCustomerAllowList',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/unable-to-relay-blocked-by-allow-list',
    documented: true,
    source: 'MS unable-to-relay-blocked-by-allow-list',
    match: [{ text: ['blocked by customer allow list'] }],
  },
  {
    id: 'exchange.nonAcceptedDomainRelay',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl: null,
    documented: false,
    source: 'On-premises Exchange receive connector; forum posts quoted in Sisimai; set-of-emails',
    match: [{ statuses: ['5.7.54'] }, { text: ['unable to relay recipient in non-accepted domain'] }],
  },
  {
    id: 'exo.unableToRelay',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.1 Unable to relay); 5.7.1 article',
    match: [{ statuses: ['5.7.1', '4.7.1'], text: ['unable to relay'] }],
  },
  {
    id: 'exo.relayPoolRejected',
    actor: 'sender-admin',
    reason: 'norelaying',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/forwarded-message-rejected-5-7-367-ndr',
    documented: true,
    source: 'MS forwarded-message-rejected-5-7-367-ndr',
    match: [{ statuses: ['5.7.367'] }, { text: ['remote server returned not permitted to relay'] }],
  },

  // Recipient resolution (RESOLVER.ADR.*, 5.1.x from Exchange).
  {
    id: 'exchange.staleAddressEntry',
    actor: 'sender',
    reason: 'userunknown',
    docUrl: 'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/exrecipnotfound-ndr',
    documented: true,
    source: 'MS exrecipnotfound-ndr; Exchange NDR-subject token',
    match: [{ tokens: ['RESOLVER.ADR.ExRecipNotFound'] }, { text: ['resolver.adr.exrecipnotfound'] }],
  },
  {
    id: 'exchange.recipNotFound',
    actor: 'sender',
    reason: 'userunknown',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-1-1-through-5-1-20-in-exchange-online',
    documented: true,
    source:
      'MS NDR table (5.1.1 Bad destination mailbox address); Exchange token; set-of-emails lhost-exchange2007-01',
    match: [
      { tokens: ['RESOLVER.ADR.RecipNotFound'] },
      { text: ['resolver.adr.recipnotfound'] },
      { statuses: ['5.1.1'], text: ['bad destination mailbox address'] },
      // Exchange 5.5-2003 diagnostic code (`MSEXCH:IMS:... (000C05A6)`): unknown recipient, whatever
      // the language of the surrounding text.
      { text: ['(000c05a6)'] },
    ],
  },
  // RFC 7505 null MX shares 5.1.10 with Exchange Online's "recipient not found": the text decides.
  {
    id: 'domain.nullMx',
    actor: 'sender',
    reason: 'notaccept',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7505',
    documented: true,
    source: 'RFC 7505 (X.1.10 recipient domain has null MX)',
    match: [
      { statuses: ['5.1.10'], text: ['null mx', 'nullmx', 'does not accept mail', 'does not accept email'] },
      { statuses: ['5.1.10'], reasons: ['notaccept'] },
    ],
  },
  {
    id: 'exo.recipientNotFound',
    actor: 'sender',
    reason: 'userunknown',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-1-10-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.1.10); 5.1.10 article; recipientnotfound-ndr; set-of-emails lhost-office365-01',
    match: [
      { tokens: ['RESOLVER.ADR.RecipientNotFound'] },
      { text: ['resolver.adr.recipientnotfound'] },
      { statuses: ['5.1.10'], text: ['recipient not found', 'recipientnotfound'] },
      { statuses: ['5.1.10'], microsoft: true },
    ],
  },
  {
    id: 'exo.consumerMailboxUnavailable',
    actor: 'sender',
    reason: 'userunknown',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-1-10-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.5.0, points to the 5.1.10 article); set-of-emails lhost-outlook-08',
    match: [{ statuses: ['5.5.0'], text: ['mailbox unavailable'], microsoft: true }],
  },
  {
    id: 'exo.remoteRecipientUnknown',
    actor: 'sender',
    // A wrapper around the remote server's reply: that reply's own words decide the reason.
    reason: null,
    docUrl: null,
    documented: false,
    source: 'Outlook.com wrapper, seen in set-of-emails lhost-office365-04/-07/-10',
    match: [{ statuses: ['5.1.351'] }, { text: ['remote server returned unknown recipient'] }],
  },
  {
    id: 'exchange.ambiguousRecipient',
    actor: 'recipient-admin',
    reason: 'systemerror',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: true,
    source: 'Exchange NDR-subject token (Sisimai Exchange2007 table); Exchange Server NDR doc (5.1.4)',
    match: [{ tokens: ['RESOLVER.ADR.Ambiguous'] }, { text: ['resolver.adr.ambiguous'] }],
  },
  {
    id: 'exchange.invalidRecipientAddress',
    actor: 'recipient-admin',
    reason: 'systemerror',
    docUrl: 'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/badprimary-ndr',
    documented: true,
    source: 'Exchange NDR-subject tokens (Sisimai Exchange2007 table); MS badprimary-ndr',
    match: [
      { tokens: ['RESOLVER.ADR.BadPrimary', 'RESOLVER.ADR.InvalidInSmtp'] },
      { text: ['resolver.adr.badprimary', 'resolver.adr.invalidinsmtp'] },
    ],
  },
  {
    id: 'exchange.tooManyRecipients',
    actor: 'sender',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: true,
    source: 'Exchange NDR-subject token (Sisimai: toomanyconn, now ratelimited)',
    match: [{ tokens: ['RESOLVER.ADR.RecipLimit'] }, { text: ['resolver.adr.reciplimit'] }],
  },
  {
    id: 'exchange.authRequired',
    actor: 'recipient-admin',
    reason: 'securityerror',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.1 RESOLVER.RST.AuthRequired); set-of-emails lhost-exchange2007-04',
    match: [{ tokens: ['RESOLVER.RST.AuthRequired'] }, { text: ['resolver.rst.authrequired'] }],
  },
  {
    id: 'exchange.notAuthorized',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'Exchange NDR-subject token (Sisimai Exchange2007 table); 5.7.1 article',
    match: [{ tokens: ['RESOLVER.RST.NotAuthorized'] }, { text: ['resolver.rst.notauthorized'] }],
  },
  {
    id: 'exchange.recipientSizeLimit',
    actor: 'sender',
    reason: 'emailtoolarge',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: true,
    source: 'Exchange Server NDR doc (5.2.3); set-of-emails lhost-exchange2007-03',
    match: [{ tokens: ['RESOLVER.RST.RecipSizeLimit'] }, { text: ['resolver.rst.recipsizelimit'] }],
  },
  {
    id: 'exchange.mxLoopback',
    actor: 'sender-admin',
    reason: 'networkerror',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: false,
    source: 'Exchange NDR-subject token (Sisimai Exchange2007 table)',
    match: [{ tokens: ['SMTPSEND.DNS.MxLoopback'] }, { text: ['smtpsend.dns.mxloopback'] }],
  },

  // Queue and store driver.
  {
    id: 'exo.messageExpired',
    actor: 'recipient-admin',
    reason: 'expired',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-4-4-7-in-exchange-online',
    documented: true,
    source:
      'MS NDR table (4.4.7); 4.4.7 article; Exchange token QUEUE.Expired; set-of-emails lhost-exchange2007-05',
    match: [
      { tokens: ['QUEUE.Expired'], actions: ['failed'] },
      { text: ['queue.expired'], actions: ['failed'] },
      { statuses: ['4.4.7', '5.4.7'], microsoft: true, actions: ['failed'] },
    ],
  },
  {
    id: 'exo.messageDelayed',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-4-4-7-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.4.7); Exchange delay notification "400 4.4.7 Message delayed"',
    match: [
      { statuses: ['4.4.7'], microsoft: true, actions: ['delayed'] },
      { text: ['message delayed'], actions: ['delayed'] },
    ],
  },
  {
    id: 'exo.submissionQuotaExceeded',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-for-submission-quota-exceeded-in-exchange-online',
    documented: true,
    source: "MS NDR table (5.2.2 when Exchange Online generates it; the no-code 'submission quota' NDR)",
    match: [{ text: ['submission quota', 'submissionquotaexceeded'] }],
  },
  {
    id: 'exchange.mailboxFull',
    actor: 'recipient-admin',
    reason: 'mailboxfull',
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: true,
    source: 'Exchange Server NDR doc (5.2.2 mailbox full); set-of-emails lhost-exchange2007-02',
    match: [
      { tokens: ['STOREDRV.Deliver'], text: ['quota', 'mailbox full'] },
      { text: ['storedrv.deliver: mailbox full', 'quotaexceeded'] },
    ],
  },
  {
    id: 'exo.recipientThrottled',
    actor: 'nobody',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded)',
    match: [
      { text: ['recipient thread limit exceeded'] },
      { tokens: ['STOREDRV.Deliver'], text: ['thread limit'] },
    ],
  },
  {
    id: 'exchange.mailboxDeliveryFailed',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
    documented: false,
    source: 'Exchange NDR-subject token STOREDRV.Deliver (other store errors)',
    match: [{ tokens: ['STOREDRV.Deliver'] }, { text: ['storedrv.deliver'] }],
  },
  {
    id: 'exchange.sendAsDenied',
    actor: 'sender-admin',
    reason: null,
    docUrl: null,
    documented: false,
    source: 'STOREDRV.Submission SendAsDeniedException seen in real NDRs; continuous-error-throttling doc',
    match: [{ text: ['sendasdenied', 'send as denied', 'not allowed to send as'] }],
  },
  {
    id: 'exchange.submissionFailed',
    actor: 'sender-admin',
    reason: null,
    docUrl: null,
    documented: false,
    source: 'Exchange NDR-subject token STOREDRV.Submission',
    match: [{ tokens: ['STOREDRV.Submission'] }, { text: ['storedrv.submission'] }],
  },
  {
    id: 'exo.smtpAuthThrottled',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions',
    documented: true,
    source: 'MS continuous-error-throttling-smtp-auth-submissions (5.2.251-255)',
    match: [{ statuses: ['5.2.251-255', '4.2.251-255'] }],
  },

  // Outbound connections and connectors (Exchange Online as the sending side).
  {
    id: 'exo.connectionRefused',
    actor: 'recipient-admin',
    reason: 'networkerror',
    docUrl: 'https://learn.microsoft.com/defender-office-365/connectors-mail-flow-intelligence',
    documented: true,
    source: 'MS NDR table (4.4.316); mail flow intelligence; set-of-emails lhost-office365-08 (5.4.316)',
    match: [{ statuses: ['4.4.316', '5.4.316'] }],
  },
  {
    id: 'exo.dnsQueryFailed',
    actor: 'recipient-admin',
    reason: 'networkerror',
    docUrl: 'https://learn.microsoft.com/defender-office-365/connectors-mail-flow-intelligence',
    documented: true,
    source: 'MS mail flow intelligence (4.4.312); set-of-emails lhost-office365-06',
    match: [{ statuses: ['4.4.312', '5.4.312'] }],
  },
  {
    id: 'exo.connectorConnectionProblem',
    actor: 'recipient-admin',
    reason: null,
    docUrl: 'https://learn.microsoft.com/defender-office-365/connectors-mail-flow-intelligence',
    documented: true,
    source: 'MS mail flow intelligence (4.4.315 time-out, 4.4.318 connection closed)',
    match: [{ statuses: ['4.4.315', '5.4.315', '4.4.318', '5.4.318'] }],
  },
  {
    id: 'exo.connectorTlsFailed',
    actor: 'recipient-admin',
    reason: 'failedstarttls',
    docUrl: 'https://learn.microsoft.com/defender-office-365/connectors-mail-flow-intelligence',
    documented: true,
    source: 'MS mail flow intelligence (4.4.317, 4.7.320); fix-error-code-450-4-4-317-untrusted-root',
    match: [{ statuses: ['4.4.317', '5.4.317', '4.7.320', '5.7.320'] }],
  },
  {
    id: 'exo.replicationDelay',
    actor: 'nobody',
    reason: 'systemerror',
    docUrl: null,
    documented: false,
    source: 'Sisimai Microsoft table: 4.4.24/25/28 message failed to be replicated',
    match: [{ statuses: ['4.4.24', '4.4.25', '4.4.28'] }, { text: ['message failed to be replicated'] }],
  },
  {
    id: 'exo.mtaStsMxMismatch',
    actor: 'recipient-admin',
    reason: 'failedstarttls',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.4.8 / 5.4.8)',
    match: [{ statuses: ['4.4.8', '5.4.8'] }],
  },
  {
    id: 'exo.mtaStsCertificateInvalid',
    actor: 'recipient-admin',
    reason: 'failedstarttls',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.7.5 / 5.7.5)',
    match: [
      { statuses: ['4.7.5', '5.7.5'], text: ['mta-sts'] },
      { statuses: ['4.7.5', '5.7.5'], microsoft: true },
    ],
  },
  {
    id: 'exo.routingLoop',
    actor: 'recipient-admin',
    reason: 'networkerror',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-4-6-through-5-4-20-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.4.6 / 5.4.14); 5.4.6-5.4.20 article; set-of-emails lhost-x2-07',
    match: [
      { statuses: ['5.4.14', '4.4.14'] },
      { statuses: ['5.4.6', '4.4.6'], microsoft: true },
      { text: ['hop count exceeded - possible mail loop'] },
    ],
  },
  {
    id: 'exo.messageExpiredNoAnswer',
    actor: 'recipient-admin',
    reason: 'expired',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.4.300)',
    match: [{ statuses: ['5.4.300', '4.4.300'] }],
  },

  // Limits and throttling.
  {
    id: 'exo.tooManyEnvelopeRecipients',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.5.3, more than 200 envelope recipients per domain)',
    match: [{ statuses: ['4.5.3'], microsoft: true }],
  },
  {
    id: 'exo.excessiveMessageRate',
    actor: 'sender',
    reason: 'ratelimited',
    docUrl: null,
    documented: false,
    source: 'Seen in 2026 application logs (4.5.127); no Microsoft doc found',
    match: [{ statuses: ['4.5.127', '5.5.127'] }, { text: ['excessive message rate from sender'] }],
  },
  {
    id: 'exo.ipv6Unauthenticated',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.7.26)',
    match: [
      { statuses: ['4.7.26', '5.7.26'], text: ['ipv6'] },
      { statuses: ['4.7.26'], microsoft: true },
    ],
  },
  {
    id: 'exo.daneFailed',
    actor: 'recipient-admin',
    reason: 'failedstarttls',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.7.321-325 / 5.7.321-325 DANE and DNSSEC)',
    match: [{ statuses: ['4.7.321-325', '5.7.321-325'] }],
  },
  {
    id: 'exo.ipReputationThrottled',
    actor: 'nobody',
    reason: 'badreputation',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
    documented: false,
    source: 'Sisimai Microsoft table (4.7.650, undocumented); set-of-emails rhost-microsoft-05',
    match: [{ statuses: ['4.7.650'] }, { text: ['temporarily rate limited due to ip reputation'] }],
  },
  {
    id: 'exo.ipTemporarilyRestricted',
    actor: 'nobody',
    reason: 'blocked',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.7.500-699); 4.7.500-699 article',
    match: [{ statuses: ['4.7.500-699'] }],
  },
  {
    id: 'exo.connectingIpRestricted',
    actor: 'nobody',
    reason: 'blocked',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (4.7.850-899)',
    match: [{ statuses: ['4.7.850-899'] }],
  },

  // 5.0.350 and its special texts.
  {
    id: 'exo.nestedAttachments',
    actor: 'sender',
    reason: 'policyviolation',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-0-350-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.0.350 policy violation detected (AS345))',
    match: [{ text: ['policy violation detected (as345)', '(as345)'] }],
  },
  {
    id: 'exo.dgRefHeaderTooLong',
    actor: 'sender',
    reason: 'policyviolation',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/550-x-dg-ref-header-too-long-ndr',
    documented: true,
    source: 'MS NDR table (5.0.350 x-dg-ref header is too long)',
    match: [{ text: ['x-dg-ref header is too long'] }],
  },
  {
    id: 'exo.unspecifiedRemoteError',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-0-350-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.0.350 catch-all)',
    match: [{ statuses: ['5.0.350'] }],
  },

  // 5.1.x from Exchange Online.
  {
    id: 'exo.senderDenied',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-1-0-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.1.0 Sender denied)',
    match: [{ statuses: ['5.1.0'], text: ['sender denied'] }],
  },
  {
    id: 'exo.recipientUnresolved',
    actor: 'sender',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-1-0-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.1.0 recipient could not be resolved; legacyExchangeDN replies)',
    match: [
      { statuses: ['5.1.0'], text: ['imceaex', 'could not be resolved', 'not resolved'] },
      { statuses: ['5.1.0'], microsoft: true, reasons: ['userunknown', ...UNDECIDED] },
    ],
  },
  {
    id: 'exo.badOutboundSender',
    actor: 'sender-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-1-8-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.1.8 Access denied, bad outbound sender)',
    match: [{ text: ['bad outbound sender'] }],
  },
  {
    id: 'exo.dailyRecipientLimit',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.1.90)',
    match: [{ statuses: ['5.1.90'] }, { text: ['daily limit for message recipients'] }],
  },
  {
    id: 'exo.senderRecipientHourlyLimit',
    actor: 'sender',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.2.121)',
    match: [{ statuses: ['5.2.121', '4.2.121'] }, { text: ['receive limit from specific sender exceeded'] }],
  },
  {
    id: 'exo.recipientHourlyLimit',
    actor: 'nobody',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.2.122)',
    match: [
      { statuses: ['5.2.122', '4.2.122'] },
      { text: ["recipient's per hour message receive limit exceeded"] },
    ],
  },
  {
    id: 'exo.journalingNotSupported',
    actor: 'sender-admin',
    reason: 'systemerror',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.3.190)',
    match: [{ statuses: ['5.3.190'] }],
  },
  {
    id: 'exo.bareLineFeeds',
    actor: 'sender',
    reason: 'contenterror',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-6-11-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.6.11 Invalid characters)',
    match: [{ statuses: ['5.6.11'] }],
  },

  // 5.7.x from Exchange Online: authentication of devices and delivery restrictions.
  {
    id: 'exo.anonymousSubmission',
    actor: 'sender-admin',
    reason: 'securityerror',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-57-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.57)',
    match: [{ statuses: ['5.7.57'] }, { text: ['not authenticated to send anonymous mail'] }],
  },
  {
    id: 'exo.clientNotAuthenticated',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.1 Client was not authenticated)',
    match: [{ statuses: ['5.7.1', '5.7.0', '5.7.3'], text: ['client was not authenticated'] }],
  },
  {
    id: 'exo.senderNotAuthenticatedByOrg',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-12-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.12)',
    match: [{ statuses: ['5.7.12'] }, { text: ['sender was not authenticated by organization'] }],
  },
  {
    id: 'exo.publicFolderRestricted',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-13-or-5-7-135-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.13 / 5.7.135)',
    match: [
      { statuses: ['5.7.135'] },
      { statuses: ['5.7.13'], microsoft: true },
      { text: ['not authenticated for public folder'] },
    ],
  },
  {
    id: 'exo.groupSenderNotAllowed',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-124-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.124)',
    match: [{ statuses: ['5.7.124'] }, { text: ['sender not in allowed-senders list'] }],
  },
  {
    id: 'exo.groupRejectsExternal',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-133-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.133)',
    match: [{ statuses: ['5.7.133'] }, { text: ['sender not authenticated for group'] }],
  },
  {
    id: 'exo.mailboxRejectsExternal',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-134-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.134)',
    match: [{ statuses: ['5.7.134'] }, { text: ['sender was not authenticated for mailbox'] }],
  },
  {
    id: 'exo.mailUserRejectsExternal',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-136-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.136)',
    match: [{ statuses: ['5.7.136'] }],
  },
  {
    id: 'exo.groupExternalNotAllowed',
    actor: 'recipient-admin',
    reason: 'rejected',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/550-5-7-193-when-external-users-send-to-microsoft-365-group',
    documented: true,
    source: 'MS 550-5-7-193-when-external-users-send-to-microsoft-365-group',
    match: [{ statuses: ['5.7.193'] }],
  },
  {
    id: 'exo.transportRuleRejected',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'Exchange Server NDR doc (5.7.900-999 mail flow rule reject); 5.7.1 article',
    match: [{ statuses: ['5.7.900-999'] }],
  },
  {
    id: 'exo.deliveryNotAuthorized',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.1 Delivery not authorized)',
    match: [{ text: ['delivery not authorized'] }],
  },

  // 5.7.5xx-8xx: Exchange Online anti-spam and tenant protection.
  {
    id: 'exo.outlookComBlockList',
    actor: 'sender-admin',
    reason: 'blocked',
    docUrl: null,
    documented: false,
    source: 'Outlook.com consumer block list (AS3150/AS3140/S3150/S3140); wordtothewise.com; Sisimai',
    match: [{ text: ['part of their network is on our block list'] }],
  },
  {
    id: 'exo.accountBannedSpam',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.501 / 5.7.502 / 5.7.503)',
    match: [{ statuses: ['5.7.501-503'] }],
  },
  {
    id: 'exo.recipientBanned',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.505)',
    match: [{ statuses: ['5.7.505'] }],
  },
  {
    id: 'exo.badHelo',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.506)',
    match: [{ statuses: ['5.7.506'] }, { text: ['access denied, bad helo'] }],
  },
  {
    id: 'exo.rejectedByRecipientOrg',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.507)',
    match: [{ statuses: ['5.7.507'] }, { text: ['access denied, rejected by recipient'] }],
  },
  {
    id: 'exo.ipv6Rejected',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.508 IPv6 range over limits; 5.7.510 recipient does not accept IPv6)',
    match: [{ statuses: ['5.7.508', '5.7.510'] }, { text: ['does not accept email over ipv6'] }],
  },
  {
    id: 'exo.dmarcReject',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.509); set-of-emails rhost-microsoft-04',
    match: [{ statuses: ['5.7.509'] }, { text: ['does not pass dmarc verification'] }],
  },
  {
    id: 'exo.senderIpBanned',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/defender-office-365/external-senders-use-the-delist-portal-to-unblock-yourself',
    documented: true,
    source: 'MS NDR table (5.7.511)',
    match: [{ statuses: ['5.7.511'] }],
  },
  {
    id: 'exo.noValidFromHeader',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.512)',
    match: [{ statuses: ['5.7.512'] }, { text: ['must be rfc 5322 section 3.6.2 compliant'] }],
  },
  {
    id: 'exo.customerBlockList',
    actor: 'recipient-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.513, AS16012607)',
    match: [{ statuses: ['5.7.513'] }, { text: ['using customer block list', 'as16012607'] }],
  },
  {
    id: 'exo.authenticationLevel',
    actor: 'sender-admin',
    reason: 'authfailure',
    docUrl: null,
    documented: false,
    source: 'set-of-emails rhost-microsoft-06; Sisimai (rb-sisimai #341)',
    match: [{ statuses: ['5.7.515'] }],
  },
  {
    id: 'exo.externalForwardingBlocked',
    actor: 'sender-admin',
    reason: 'policyviolation',
    docUrl:
      'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding',
    documented: true,
    source: 'MS outbound spam policy doc (5.7.520, AS(7555)); Microsoft Q&A 5877188',
    match: [{ statuses: ['5.7.520'] }, { text: ['as(7555)', 'does not allow external forwarding'] }],
  },
  {
    id: 'exo.bannedSendingIp',
    actor: 'sender-admin',
    reason: 'blocked',
    docUrl:
      'https://learn.microsoft.com/defender-office-365/external-senders-use-the-delist-portal-to-unblock-yourself',
    documented: true,
    source: 'MS NDR table (5.7.606-649); set-of-emails rhost-microsoft-01',
    match: [{ statuses: ['5.7.606-649'] }, { text: ['banned sending ip'] }],
  },
  {
    id: 'exo.recipientsBlockedByTenant',
    actor: 'sender-admin',
    reason: null,
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-codes-550-5-7-703-550-5-7-705-550-5-7-708-550-5-7-750',
    documented: true,
    source: 'MS NDR table (5.7.703)',
    match: [{ statuses: ['5.7.703'] }],
  },
  {
    id: 'exo.ipNotAccepted',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-codes-550-5-7-703-550-5-7-705-550-5-7-708-550-5-7-750',
    documented: true,
    source: 'MS NDR table (5.7.708)',
    match: [{ statuses: ['5.7.708'] }, { text: ['traffic not accepted from this ip'] }],
  },
  {
    id: 'exo.badInboundConnector',
    actor: 'sender-admin',
    reason: null,
    docUrl: 'https://learn.microsoft.com/defender-office-365/connectors-remove-blocked',
    documented: true,
    source: 'MS connectors-remove-blocked (5.7.711, AS(2204))',
    match: [{ statuses: ['5.7.711'] }, { text: ['bad inbound connector'] }],
  },
  {
    id: 'exo.tenantThresholdExceeded',
    actor: 'sender-admin',
    reason: 'ratelimited',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-700-through-5-7-750',
    documented: true,
    source: 'MS NDR table (5.7.705, range 5.7.700-749)',
    match: [{ statuses: ['5.7.700-749', '4.7.700-749'] }, { text: ['tenant has exceeded threshold'] }],
  },
  {
    id: 'exo.unregisteredDomain',
    actor: 'sender-admin',
    reason: 'blocked',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/fix-error-codes-550-5-7-703-550-5-7-705-550-5-7-708-550-5-7-750',
    documented: true,
    source: 'MS NDR table (5.7.750)',
    match: [{ statuses: ['5.7.750'] }, { text: ['sending from unregistered domain'] }],
  },
  {
    id: 'exo.bannedSender',
    actor: 'sender-admin',
    reason: 'blocked',
    docUrl:
      'https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    documented: true,
    source: 'MS NDR table (5.7.800)',
    match: [{ statuses: ['5.7.800'] }],
  },
  {
    id: 'exo.externalRecipientRateLimit',
    actor: 'sender-admin',
    reason: null,
    docUrl: null,
    documented: false,
    source: 'Secondary sources only (techstories.co on the Exchange team announcement): 5.7.232 / 5.7.233',
    match: [{ statuses: ['5.7.232', '5.7.233'] }],
  },
] as const satisfies readonly CauseEntry[];
