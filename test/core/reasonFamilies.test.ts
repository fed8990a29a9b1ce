import { classifyReason, type ReasonInput } from '../../src/core/reason/classify';
import type { EnhancedStatus, Reason } from '../../src/core/types';

/**
 * Reasons grounded in standards first (RFC 3463 class and subject), with the server's own words
 * deciding when they name a more specific cause. Texts are the wording of public documentation:
 * RFC 5321 reply texts, Postfix, Sendmail, Exim and Exchange documentation.
 */

function status(code: string): EnhancedStatus {
  const [cls = 5, subject = 0, detail = 0] = code.split('.').map(Number);
  return { code, class: cls as 4 | 5, subject, detail };
}

function reasonOf(
  code: string | null,
  diagnostic: string,
  more: Partial<Omit<ReasonInput, 'status' | 'diagnostic'>> = {},
): Reason {
  return classifyReason({
    action: 'failed',
    status: code ? status(code) : null,
    diagnostic,
    exchangeToken: null,
    command: null,
    microsoft: false,
    replyCode: /^[245]\d\d/.exec(diagnostic)?.[0] ?? null,
    diagnosticType: 'smtp',
    ...more,
  });
}

describe('reasons: a broad status never overrides specific words', () => {
  it.each([
    // Sendmail's relay refusal (sendmail.org cf/README, "Relaying denied").
    ['5.7.1', '550 5.7.1 <bob@example.org>... Relaying denied', 'norelaying'],
    // Postfix's size limit (postconf message_size_limit: "message size exceeds fixed maximum message size").
    ['5.0.0', '552 5.0.0 Message size exceeds fixed maximum message size', 'emailtoolarge'],
    ['5.7.1', '552 5.7.1 Message too large', 'emailtoolarge'],
    // RFC 3463 X.2.2 wording under the "other mailbox status" detail.
    ['5.2.0', '552 5.2.0 Mailbox full', 'mailboxfull'],
    // Exchange's content filter agent: "Message rejected as spam by Content Filtering".
    ['5.7.1', '550 5.7.1 Message rejected as spam by Content Filtering.', 'spamdetected'],
    ['5.6.0', '554 5.6.0 Message scored as spam', 'spamdetected'],
    ['5.7.1', '554 5.7.1 Virus found in message', 'virusdetected'],
    ['5.7.1', '554 5.7.1 Message rejected because of its content', 'policyviolation'],
    // Postfix reject_unknown_recipient_domain: "Recipient address rejected: Domain not found".
    ['5.0.0', '550 5.0.0 <bob@example.invalid>: Recipient address rejected: Domain not found', 'hostunknown'],
    [
      '5.7.1',
      '550 5.7.1 <bob@example.invalid>: Recipient address rejected: DNS domain does not exist',
      'hostunknown',
    ],
  ] as const)('reads %s with "%s" as %s', (code, text, reason) => {
    expect(reasonOf(code, text)).toBe(reason);
  });

  it.each([
    ['5.7.1', 'securityerror'],
    ['5.2.0', 'filtered'],
    ['5.3.0', 'systemerror'],
    ['5.1.0', 'userunknown'],
  ] as const)('keeps the RFC 3463 reading of a broad %s when the words name nothing', (code, reason) => {
    expect(reasonOf(code, `550 ${code} Requested action not taken`)).toBe(reason);
  });
});

describe('reasons: an unknown mailbox, decided by the SMTP step', () => {
  it.each([
    // RFC 5321 §4.2.2 / §4.2.3 reply texts.
    '550 5.0.0 No mail box available for this user',
    '550 5.5.0 Requested action not taken: mailbox unavailable',
    // Sendmail "User unknown", a vendor's spelling of RFC 3463 X.1.1.
    '550 5.7.1 <bob@example.org>... User unknown',
    '550 5.7.1 BAD_RECIPIENT',
    '550 5.0.0 Invalid recipient <bob@example.org>',
  ])('reads "%s" refused at RCPT as userunknown', (text) => {
    const code = /[245]\.\d\.\d/.exec(text)?.[0] ?? null;
    expect(reasonOf(code, text, { command: 'RCPT' })).toBe('userunknown');
  });

  it("reads user-unknown words after DATA, or at an unknown step, as a filter (Sisimai's rule)", () => {
    expect(reasonOf('5.0.0', '550 Unknown user bob@example.org', { command: 'DATA' })).toBe('filtered');
    expect(reasonOf('5.7.1', '550 5.7.1 No mail box available for this user')).toBe('filtered');
  });

  it('reads a reporter-worded reply (X-Postfix) like an SMTP reply, not by its status class', () => {
    const text =
      'host mx.example.org[192.0.2.1] said: 550 5.7.1 <bob@example.org>: User unknown (in reply to RCPT TO command)';
    expect(reasonOf('5.7.1', text, { diagnosticType: 'x-postfix', command: 'RCPT' })).toBe('userunknown');
    expect(reasonOf('5.7.1', '552 5.7.1 Message too large', { diagnosticType: 'x-postfix' })).toBe(
      'emailtoolarge',
    );
  });

  it('reads 5.2.0 with "mailbox does not exist" at RCPT as an unknown mailbox, not a filter', () => {
    expect(reasonOf('5.2.0', '550 5.2.0 Mailbox does not exist', { command: 'RCPT' })).toBe('userunknown');
  });

  it('reads an RFC 3463 addressing-subject wrapper (Exchange X.1.351) quoting "unknown user" as userunknown', () => {
    const text =
      '550 5.1.351 Remote server returned unknown recipient or mailbox unavailable -> 550 Unknown user bob@example.org';
    expect(reasonOf('5.1.351', text)).toBe('userunknown');
  });

  it('keeps the output of a local delivery program (X-Unix) a mailer error', () => {
    const text = 'procmail: Couldn\'t create "/var/spool/mail/bob"';
    expect(reasonOf('5.0.0', text, { diagnosticType: 'x-unix' })).toBe('mailererror');
  });
});

describe('reasons: phrase families beyond the exact strings a fixture needed', () => {
  it.each([
    // qmail's badrcptto patch and vpopmail's vdelivermail.
    ['5.7.1', '553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)', 'userunknown'],
    ['5.0.0', '550 vdeliver: invalid or unknown virtual user', 'userunknown'],
    // A directory lookup: Postfix ldap_table(5) and Exchange-style "was not found in" replies.
    ['5.0.0', '550 5.0.0 Recipient bob@example.org was not found in LDAP server', 'userunknown'],
    ['5.0.0', '550 5.0.0 <bob@example.org> does not exist', 'userunknown'],
    // Mail stores' quota wording (Dovecot, Courier maildrop, Exchange).
    ['5.0.0', '552 5.0.0 maildir delivery failed: userdisk quota exceeded', 'mailboxfull'],
    ['5.0.0', '552 5.0.0 Mailbox quota usage exceeded', 'mailboxfull'],
    ['5.0.0', "552 5.0.0 The user's space has been used up", 'mailboxfull'],
    ['5.0.0', '552 5.0.0 Recipient rejected: mailbox would exceed maximum allowed storage', 'mailboxfull'],
    // Accounts that exist but are suspended or terminated.
    ['5.0.0', '550 5.0.0 Mailbox currently suspended', 'suspend'],
    ['5.0.0', '550 5.0.0 Recipient is unavailable: user is terminated', 'suspend'],
  ] as const)('reads %s "%s" at RCPT as %s', (code, text, reason) => {
    expect(reasonOf(code, text, { command: 'RCPT' })).toBe(reason);
  });

  it.each([
    // Amazon SES (docs.aws.amazon.com, "Email address is not verified").
    '554 Message rejected: Email address is not verified. The following identities failed the check: bob@example.org',
    // Bounce Address Tag Validation and a sender block list.
    '550 5.7.1 BATV failed to verify',
    '550 5.7.1 Sender is in my black list',
  ])('reads the sender check "%s" at MAIL FROM as rejected', (text) => {
    const code = /[245]\.\d\.\d/.exec(text)?.[0] ?? null;
    expect(reasonOf(code, text, { command: 'MAIL' })).toBe('rejected');
  });

  it.each([
    // qmail-smtpd's refusal for a domain it does not relay for.
    ['5.7.1', "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", 'RCPT', 'norelaying'],
    // Gmail's documented 552 5.7.0 policy refusals.
    [
      '5.7.0',
      '552 5.7.0 This message was blocked because its content presents a potential security issue.',
      'DATA',
      'policyviolation',
    ],
    [
      '5.7.0',
      '552 5.7.0 Our system detected an illegal attachment on your message.',
      'DATA',
      'policyviolation',
    ],
    // A SpamAssassin verdict.
    ['5.7.1', '550 5.7.1 Blocked by SpamAssassin', 'DATA', 'spamdetected'],
  ] as const)('reads %s "%s" at %s as %s', (code, text, command, reason) => {
    expect(reasonOf(code, text, { command })).toBe(reason);
  });

  it.each([
    // RFC 5321 §4.2.3: "451 Requested action aborted: local error in processing".
    ['4.3.0', '451 4.3.0 Requested action aborted: local error in processing', 'systemerror'],
    // Exim's retry rules (spec, "Retry configuration").
    [null, 'retry time not reached for any host after a long failure period', 'expired'],
    // Sendmail's per-host session limit and its open-proxy check.
    ['4.7.1', '421 4.7.1 Too many SMTP sessions for this host', 'ratelimited'],
    ['5.7.1', '550 5.7.1 Rejecting open proxy 192.0.2.1', 'blocked'],
  ] as const)('reads %s "%s" as %s', (code, text, reason) => {
    expect(reasonOf(code, text)).toBe(reason);
  });

  it.each([
    // RFC 4954 §6 reply text.
    ['535 Authentication credentials invalid', 'securityerror'],
    // Sendmail's resolver error and Postfix's loop detection.
    ['Malformed name server reply', 'networkerror'],
    ['mail forwarding loop for bob@example.org', 'networkerror'],
  ] as const)('reads "%s" without a status as %s', (text, reason) => {
    expect(reasonOf(null, text)).toBe(reason);
  });

  it('reads a plain permanent refusal of MAIL FROM as a refused sender (RFC 5321 §3.3)', () => {
    expect(reasonOf('5.7.1', '550 5.7.1 Access denied', { command: 'MAIL' })).toBe('rejected');
    expect(reasonOf('5.1.0', '553 5.1.0 <bob@example.org>... User unknown', { command: 'MAIL' })).toBe(
      'rejected',
    );
  });

  it('keeps other readings of a MAIL FROM refusal: elsewhere, temporary, or naming another cause', () => {
    expect(reasonOf('5.7.1', '550 5.7.1 Access denied', { command: 'RCPT' })).toBe('securityerror');
    expect(reasonOf('4.7.1', '451 4.7.1 Access denied', { command: 'MAIL', action: 'delayed' })).not.toBe(
      'rejected',
    );
    expect(
      reasonOf('5.7.1', '550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org', {
        command: 'MAIL',
      }),
    ).toBe('blocked');
  });

  it('does not read Postfix\'s "delivery temporarily suspended" (destination down) as a suspended account', () => {
    const text =
      'delivery temporarily suspended: connect to mx.example.org[192.0.2.1]:25: Connection refused';
    expect(reasonOf('4.0.0', text, { action: 'delayed' })).not.toBe('suspend');
  });
});

describe('reasons: a notice with no SMTP exchange at all', () => {
  it.each([
    // vpopmail/qmail-local's own notice, Smail's "Failed addresses follow" list, a subject-only notice.
    ['<kees@example.org>: no such user here'],
    [' <pat@example.org> ... unknown user'],
    ['Warning: lars@example.org - User unknown!'],
  ])('reads a local delivery agent’s "%s" as the address check (userunknown)', (text) => {
    expect(reasonOf(null, text, { replyCode: null, diagnosticType: null })).toBe('userunknown');
  });

  it('keeps "user unknown" after DATA as a filter’s verdict', () => {
    expect(reasonOf(null, '550 User unknown', { command: 'DATA' })).toBe('filtered');
  });
});
