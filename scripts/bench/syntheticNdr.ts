/**
 * A Postfix-style multipart/report non-delivery report whose attached original message (message/rfc822)
 * is about `originalBytes` long: a few headers, a plain-text body of prose lines and a base64 PDF-like
 * attachment in 76-character lines, as real bounces of large messages look. Deterministic.
 */

const WORDS = (
  'the quarterly report attached below covers revenue invoices shipping delays and the updated ' +
  'forecast for our partners please review the figures before friday meeting notes follow with ' +
  'action items owners and dates contract renewal pricing table customer feedback summary'
).split(' ');

/** A small deterministic generator (mulberry32) so every run benchmarks the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function proseLines(bytes: number, next: () => number): string[] {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    let line = '';
    while (line.length < 60) line += (line ? ' ' : '') + WORDS[Math.floor(next() * WORDS.length)];
    lines.push(line);
    size += line.length + 2;
  }
  return lines;
}

function base64Lines(bytes: number, next: () => number): string[] {
  // 57 raw bytes make one 76-character line.
  const raw = new Uint8Array(Math.ceil((bytes / 78) * 57));
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(next() * 256);
  const text = Buffer.from(raw).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines;
}

/** The original message the bounce carries, about `bytes` long, with CRLF line ends. */
function originalMessage(bytes: number, seed = 1): string {
  const next = random(seed);
  const textBytes = Math.max(200, Math.min(Math.floor(bytes * 0.2), 200_000));
  const headers = [
    'Received: from laptop.example.com (laptop.example.com [198.51.100.7])',
    '\tby mail.example.com (Postfix) with ESMTPSA id 4B7D21C0A2',
    '\tfor <jane.doe@fabrikam.example>; Tue, 10 Mar 2026 09:12:44 +0100 (CET)',
    'From: Alex Sender <alex@example.com>',
    'To: Jane Doe <jane.doe@fabrikam.example>',
    'Subject: Quarterly report and invoices',
    'Date: Tue, 10 Mar 2026 09:12:40 +0100',
    'Message-ID: <20260310091240.4B7D21C0A2@mail.example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="=_orig_boundary_7f3a"',
  ];
  const head = [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    '',
    '--=_orig_boundary_7f3a',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    ...proseLines(textBytes, next),
    '',
    '--=_orig_boundary_7f3a',
    'Content-Type: application/pdf; name="report-q1.pdf"',
    'Content-Disposition: attachment; filename="report-q1.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
  ].join('\r\n');
  const tail = '\r\n--=_orig_boundary_7f3a--\r\n';
  const rest = Math.max(0, bytes - head.length - tail.length - 2);
  return `${head}\r\n${base64Lines(rest, next).join('\r\n')}${tail}`;
}

/** The whole bounce, with the original of about `originalBytes` attached. */
export function syntheticNdr(originalBytes: number, seed = 1): string {
  const boundary = '4B7D21C0A2.1773130365/mx.example.com';
  return [
    'Return-Path: <>',
    'Received: by mx.example.com (Postfix) id 5C1E41C0B3; Tue, 10 Mar 2026 09:12:45 +0100 (CET)',
    'Date: Tue, 10 Mar 2026 09:12:45 +0100 (CET)',
    'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    'To: alex@example.com',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    'Message-Id: <20260310081245.5C1E41C0B3@mx.example.com>',
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.com.',
    '',
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    '',
    'For further assistance, please send mail to postmaster.',
    '',
    'If you do so, please include this problem report. You can',
    'delete your own text from the attached returned message.',
    '',
    '                   The mail system',
    '',
    '<jane.doe@fabrikam.example>: host mx1.fabrikam.example[203.0.113.25] said: 550',
    '    5.1.1 <jane.doe@fabrikam.example>: Recipient address rejected: User unknown',
    '    in virtual mailbox table (in reply to RCPT TO command)',
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    'X-Postfix-Queue-ID: 4B7D21C0A2',
    'X-Postfix-Sender: rfc822; alex@example.com',
    'Arrival-Date: Tue, 10 Mar 2026 09:12:44 +0100 (CET)',
    '',
    'Final-Recipient: rfc822; jane.doe@fabrikam.example',
    'Original-Recipient: rfc822;jane.doe@fabrikam.example',
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx1.fabrikam.example',
    'Diagnostic-Code: smtp; 550 5.1.1 <jane.doe@fabrikam.example>: Recipient address',
    '    rejected: User unknown in virtual mailbox table',
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message',
    'Content-Type: message/rfc822',
    '',
    originalMessage(originalBytes, seed),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
