/**
 * The largest inputs of the hostile set, near the pane's 50 MB input limit: the kinds that once held
 * the pane's main thread for a second or more (issue 15). Built in memory (too large to commit), the
 * same bytes every time. Used by the browser test of long tasks (test/browser/longTasks.test.ts) and
 * by `npm run bench`.
 */
import { MsgBuilder, ROW_HEADER, bin, long, messageHeader, str } from './msgFile';

export interface LargeInput {
  readonly name: string;
  /** 'file' is dropped as a file; 'text' is dropped as text (what a paste gives the pane). */
  readonly as: 'file' | 'text';
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Base64 in lines of 76, as mailers write it. */
function base64Lines(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join('\r\n');
}

/** Filler that compresses badly and reads like nothing the analyser looks for. */
function filler(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = 0x2545f491;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

const DSN_HEAD = [
  'From: Mail Delivery System <MAILER-DAEMON@mail.contoso.example>',
  'To: piet@contoso.example',
  'Subject: Undelivered Mail Returned to Sender',
  'Date: Tue, 3 Nov 2026 09:12:05 +0000',
  'Message-ID: <large@mail.contoso.example>',
  'MIME-Version: 1.0',
];

/** An RFC 3464 report for one recipient, with `original` (raw message text) attached. */
function report(boundary: string, original: string, encoding: 'base64' | '8bit'): string {
  return [
    ...DSN_HEAD,
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered to jan@fabrikam.example: 550 5.1.1 user unknown.',
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.contoso.example',
    '',
    'Final-Recipient: rfc822; jan@fabrikam.example',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <jan@fabrikam.example>: Recipient address rejected: User unknown',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    encoding === 'base64' ? base64Lines(encode(original)) : original,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A plain message with a base64 attachment of `size` bytes. */
function messageWithAttachment(size: number): string {
  return [
    'From: Piet de Vries <piet@contoso.example>',
    'To: Jan Jansen <jan@fabrikam.example>',
    'Subject: Offerte',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: text/plain',
    '',
    'The quote is attached.',
    '--mixed',
    'Content-Type: application/octet-stream; name="quote.bin"',
    'Content-Disposition: attachment; filename="quote.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(filler(size)),
    '--mixed--',
    '',
  ].join('\r\n');
}

/** A bounce whose original is a base64 message that itself holds a base64 bounce, `depth` deep. */
export function base64InsideBase64(depth: number, attachmentBytes: number): Uint8Array {
  let message = messageWithAttachment(attachmentBytes);
  for (let level = 0; level < depth; level++) message = report(`level${level}`, message, 'base64');
  return encode(message);
}

/** A report with `count` recipients, each with a diagnostic of about `diagnosticBytes`. */
export function manyRecipientsReport(count: number, diagnosticBytes: number): Uint8Array {
  const groups: string[] = ['Reporting-MTA: dns; mail.contoso.example', ''];
  const words = 'the recipient mailbox is not known here and the message was returned to the sender ';
  for (let i = 0; i < count; i++)
    groups.push(
      `Final-Recipient: rfc822; user${i}@fabrikam.example`,
      'Action: failed',
      `Status: 5.1.${i % 10}`,
      `Diagnostic-Code: smtp; 550 5.1.1 user${i}: ${words.repeat(Math.ceil(diagnosticBytes / words.length))}`,
      '',
    );
  return encode(
    [
      ...DSN_HEAD,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="many"',
      '',
      '--many',
      'Content-Type: text/plain',
      '',
      `Your message could not be delivered to ${count} recipients.`,
      '',
      '--many',
      'Content-Type: message/delivery-status',
      '',
      groups.join('\r\n'),
      '--many--',
      '',
    ].join('\r\n'),
  );
}

/** Pasted text of `size` bytes: a text bounce's recipient lines, address after address. */
export function addressText(size: number): Uint8Array {
  const lines = ['This is the mail system at host mail.contoso.example.', ''];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = `<user${i}@fabrikam.example>: host mx${i % 97}.fabrikam.example said: 550 5.1.1 <user${i}@fabrikam.example> unknown, cc user${i}.b@contoso.example`;
    lines.push(line);
    length += line.length + 1;
  }
  return encode(lines.join('\n'));
}

/** An Outlook .msg of a received NDR carrying `attachmentBytes` of attachment. */
export function largeMsg(attachmentBytes: number): Uint8Array {
  const body = [
    'Delivery has failed to these recipients or groups:',
    '',
    'jan@fabrikam.example',
    "The email address you entered couldn't be found.",
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: AM9PR04MB8412.eurprd04.prod.outlook.com',
    '',
    'jan@fabrikam.example',
    "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
  ].join('\r\n');
  const builder = new MsgBuilder();
  builder.addProps(
    0,
    [
      str(0x001a, 'REPORT.IPM.Note.NDR'), // PidTagMessageClass
      str(0x0037, 'Undeliverable: Offerte'), // PidTagSubject
      str(0x1000, body), // PidTagBody
      str(0x0c1a, 'Microsoft Outlook'), // PidTagSenderName
      str(0x0c1f, 'postmaster@contoso.example'), // PidTagSenderEmailAddress
    ],
    messageHeader(0, 1),
  );
  const attachment = builder.addStorage(0, '__attach_version1.0_#00000000');
  builder.addProps(
    attachment,
    [
      long(0x0e20, attachmentBytes), // PidTagAttachSize
      long(0x3705, 1), // PidTagAttachMethod: afByValue
      str(0x3707, 'scan.bin'), // PidTagAttachLongFilename
      bin(0x3701, filler(attachmentBytes)), // PidTagAttachDataBinary
    ],
    ROW_HEADER,
  );
  return builder.burn();
}

/** The largest hostile inputs, each under the pane's 50 MB limit. */
export function largestInputs(): LargeInput[] {
  return [
    { name: '45 MB .msg', as: 'file', fileName: 'Undeliverable.msg', bytes: largeMsg(45_000_000) },
    {
      name: 'base64 inside base64 (4 levels, 20 MB)',
      as: 'file',
      fileName: 'nested.eml',
      bytes: base64InsideBase64(4, 6_000_000),
    },
    {
      name: '1,000 recipients (4 MB)',
      as: 'file',
      fileName: 'many.eml',
      bytes: manyRecipientsReport(1000, 4000),
    },
    {
      name: '5 MB text with many addresses',
      as: 'text',
      fileName: 'paste.txt',
      bytes: addressText(5_000_000),
    },
  ];
}
