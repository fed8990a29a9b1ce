/**
 * Builds test/fixtures/msg/exchange-online-5.4.1-relay-access-denied.msg, an Outlook item file (CFBF,
 * [MS-OXMSG]) holding the English legacy "Relay Access Denied" NDR as Outlook stores a received NDR:
 * message class REPORT.IPM.Note.NDR, the NDR's transport headers, its plain-text and HTML bodies and one
 * recipient row for the bounced address with the NDR-specific recipient properties.
 *
 * The content is taken from test/fixtures/exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml,
 * so the .eml and the .msg stay in step. The output is deterministic (no clocks, no randomness).
 *
 * It also writes test/fixtures/hostile/hostile-none-msg-directory-loop.msg: the same file with its
 * directory chain looping back to its first sector, which made @kenjiuno/msgreader read directory
 * entries until it ran out of memory (issue #12); the pane must refuse it within a second.
 *
 * Run: npx tsx scripts/make-msg-fixture.ts
 * It reads the file back with MsgReader and exits non-zero if anything does not round-trip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import PostalMime from 'postal-mime';
import MsgReader from '@kenjiuno/msgreader';
import {
  CompoundFileEditor,
  HEADER,
  MsgBuilder,
  ROW_HEADER,
  bin,
  bool,
  long,
  messageHeader,
  str,
  time,
  type Prop,
} from '../test/support/msgFile';

const ROOT = resolve(dirname(process.argv[1] ?? '.'), '..');
const SOURCE = resolve(
  ROOT,
  'test/fixtures/exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml',
);
const TARGET = resolve(ROOT, 'test/fixtures/msg/exchange-online-5.4.1-relay-access-denied.msg');
const LOOPING = resolve(ROOT, 'test/fixtures/hostile/hostile-none-msg-directory-loop.msg');

// ---------------------------------------------------------------- content from the .eml fixture

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

function fail(message: string): never {
  process.stderr.write(`make-msg-fixture: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const raw = readFileSync(SOURCE);
  const rawText = raw.toString('latin1');
  const headerEnd = rawText.indexOf('\n\n');
  if (headerEnd < 0) fail('no header/body separator in source');
  const transportHeaders = crlf(rawText.slice(0, headerEnd)) + '\r\n\r\n';

  const email = await PostalMime.parse(raw, { forceRfc822Attachments: true });
  const subject = email.subject ?? fail('source has no subject');
  const body = crlf(email.text ?? fail('source has no text part'));
  const html = new Uint8Array(Buffer.from(email.html ?? fail('source has no HTML part'), 'utf8'));
  const sentAt = new Date(email.date ?? fail('source has no date'));
  const sender = email.from ?? fail('source has no From');
  const ds =
    email.attachments.find((a) => a.mimeType === 'message/delivery-status') ??
    fail('no delivery-status part');
  const dsText = typeof ds.content === 'string' ? ds.content : new TextDecoder().decode(ds.content);
  const field = (name: string): string =>
    new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(dsText)?.[1]?.trim() ?? fail(`no ${name} in delivery-status`);
  const recipient = field('Final-Recipient').replace(/^rfc822;\s*/i, '');
  const displayName = field('X-Display-Name');
  const diagnostic = field('Diagnostic-Code').replace(/^smtp;\s*/i, '');
  const remoteMta = field('Remote-MTA').replace(/^dns;\s*/i, '');
  const prefix = /^[^:]+:\s/.exec(subject)?.[0] ?? '';

  const rootProps: Prop[] = [
    str(0x001a, 'REPORT.IPM.Note.NDR'), // PidTagMessageClass
    str(0x0037, subject), // PidTagSubject
    str(0x003d, prefix), // PidTagSubjectPrefix
    str(0x0e1d, subject.slice(prefix.length)), // PidTagNormalizedSubject
    str(0x0070, subject.slice(prefix.length)), // PidTagConversationTopic
    str(0x1000, body), // PidTagBody
    bin(0x1013, html), // PidTagHtml
    str(0x007d, transportHeaders), // PidTagTransportMessageHeaders
    str(0x0c1a, sender.name || sender.address || ''), // PidTagSenderName
    str(0x0c1e, 'SMTP'), // PidTagSenderAddressType
    str(0x0c1f, sender.address ?? ''), // PidTagSenderEmailAddress
    str(0x5d01, sender.address ?? ''), // PidTagSenderSmtpAddress
    str(0x0042, sender.name || sender.address || ''), // PidTagSentRepresentingName
    str(0x0064, 'SMTP'), // PidTagSentRepresentingAddressType
    str(0x0065, sender.address ?? ''), // PidTagSentRepresentingEmailAddress
    str(0x5d02, sender.address ?? ''), // PidTagSentRepresentingSmtpAddress
    str(0x0e04, displayName), // PidTagDisplayTo
    str(0x1035, email.messageId ?? ''), // PidTagInternetMessageId
    str(0x1042, email.inReplyTo ?? ''), // PidTagInReplyToId
    time(0x0039, sentAt), // PidTagClientSubmitTime
    time(0x0e06, sentAt), // PidTagMessageDeliveryTime
    long(0x0e07, 0x00000001), // PidTagMessageFlags: MSGFLAG_READ
    long(0x0017, 1), // PidTagImportance: normal
    long(0x0036, 0), // PidTagSensitivity: none
    long(0x3fde, 20127), // PidTagInternetCodepage: us-ascii
    long(0x3ff1, 1033), // PidTagMessageLocaleId: en-US
  ];

  const recipientProps: Prop[] = [
    long(0x3000, 0), // PidTagRowid
    long(0x0c15, 1), // PidTagRecipientType: MAPI_TO
    long(0x0ffe, 6), // PidTagObjectType: MAPI_MAILUSER
    long(0x3900, 0), // PidTagDisplayType: DT_MAILUSER
    str(0x3001, displayName), // PidTagDisplayName
    str(0x5ff6, displayName), // PidTagRecipientDisplayName
    str(0x3002, 'SMTP'), // PidTagAddressType
    str(0x3003, recipient), // PidTagEmailAddress
    str(0x39fe, recipient), // PidTagSmtpAddress
    bool(0x0e0f, false), // PidTagResponsibility: not delivered
    str(0x0c1b, `${remoteMta}\r\nRemote Server returned '${diagnostic}'`), // PidTagSupplementaryInfo
    long(0x0c04, 0), // PidTagNonDeliveryReportReasonCode: MAPI_REASON_TRANSFER_FAILED
    long(0x0c05, -1), // PidTagNonDeliveryReportDiagCode: MAPI_DIAG_NO_DIAGNOSTIC
    long(0x0c20, 541), // PidTagNonDeliveryReportStatusCode (our encoding of 5.4.1)
  ];

  const builder = new MsgBuilder();
  builder.addProps(0, rootProps, messageHeader(1, 0));
  const recip = builder.addStorage(0, '__recip_version1.0_#00000000');
  builder.addProps(recip, recipientProps, ROW_HEADER);
  // Named-property mapping with no named properties (Outlook expects the storage to exist).
  builder.addNamedProperties();

  const msg = builder.burn();
  mkdirSync(dirname(TARGET), { recursive: true });
  writeFileSync(TARGET, msg);

  // ---------------------------------------------------------------- read back and verify
  const copy = new Uint8Array(msg);
  const data = new MsgReader(copy.buffer).getFileData();
  if (data.error) fail(`MsgReader: ${data.error}`);
  const checks: [string, unknown, unknown][] = [
    ['subject', data.subject, subject],
    ['messageClass', data.messageClass, 'REPORT.IPM.Note.NDR'],
    ['body', data.body, body],
    ['headers', data.headers, transportHeaders],
    ['senderEmail', data.senderEmail, sender.address],
    ['senderName', data.senderName, sender.name],
    ['recipient', data.recipients?.[0]?.email, recipient],
    ['recipients', data.recipients?.length, 1],
    ['html length', data.html?.length, html.length],
  ];
  for (const [name, got, want] of checks) {
    if (got !== want)
      fail(
        `round trip: ${name} is ${JSON.stringify(got)?.slice(0, 80)}, expected ${JSON.stringify(want)?.slice(0, 80)}`,
      );
  }
  process.stdout.write(
    [
      `wrote ${TARGET.slice(ROOT.length + 1)} (${msg.length} bytes)`,
      `  subject:      ${data.subject}`,
      `  messageClass: ${data.messageClass}`,
      `  sender:       ${data.senderName} <${data.senderEmail}>`,
      `  recipient:    ${data.recipients?.[0]?.name} <${data.recipients?.[0]?.email}>`,
      `  body:         ${data.body?.length} chars`,
      `  headers:      ${data.headers?.length} chars`,
      `  html:         ${data.html?.length} bytes`,
      'round trip OK',
      '',
    ].join('\n'),
  );

  // ---------------------------------------------------------------- the same file, made to loop
  const looping = new CompoundFileEditor(msg);
  const directory = looping.chain(looping.int32(HEADER.directoryStart));
  const [first] = directory;
  const last = directory.at(-1);
  if (first === undefined || last === undefined) fail('no directory chain');
  looping.setNext(last, first);
  writeFileSync(LOOPING, looping.bytes);
  process.stdout.write(
    `wrote ${LOOPING.slice(ROOT.length + 1)} (directory chain ${directory.join(', ')}, then ${first} again)\n`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
