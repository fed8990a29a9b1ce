/**
 * Builds test/fixtures/msg/exchange-online-5.4.1-relay-access-denied.msg, an Outlook item file (CFBF,
 * [MS-OXMSG]) holding the English legacy "Relay Access Denied" NDR as Outlook stores a received NDR:
 * message class REPORT.IPM.Note.NDR, the NDR's transport headers, its plain-text and HTML bodies and one
 * recipient row for the bounced address with the NDR-specific recipient properties.
 *
 * The content is taken from test/fixtures/exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml,
 * so the .eml and the .msg stay in step. The output is deterministic (no clocks, no randomness).
 *
 * Run: npx tsx scripts/make-msg-fixture.ts
 * It reads the file back with MsgReader and exits non-zero if anything does not round-trip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import PostalMime from 'postal-mime';
import MsgReader from '@kenjiuno/msgreader';
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader';

const ROOT = resolve(dirname(process.argv[1] ?? '.'), '..');
const SOURCE = resolve(
  ROOT,
  'test/fixtures/exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml',
);
const TARGET = resolve(ROOT, 'test/fixtures/msg/exchange-online-5.4.1-relay-access-denied.msg');

// ---------------------------------------------------------------- MAPI property model

const PT_LONG = 0x0003;
const PT_BOOLEAN = 0x000b;
const PT_UNICODE = 0x001f;
const PT_SYSTIME = 0x0040;
const PT_BINARY = 0x0102;

type Prop =
  | { readonly id: number; readonly kind: 'unicode'; readonly value: string }
  | { readonly id: number; readonly kind: 'binary'; readonly value: Uint8Array }
  | { readonly id: number; readonly kind: 'long'; readonly value: number }
  | { readonly id: number; readonly kind: 'boolean'; readonly value: boolean }
  | { readonly id: number; readonly kind: 'time'; readonly value: Date };

const TYPE_OF: Record<Prop['kind'], number> = {
  unicode: PT_UNICODE,
  binary: PT_BINARY,
  long: PT_LONG,
  boolean: PT_BOOLEAN,
  time: PT_SYSTIME,
};

const str = (id: number, value: string): Prop => ({ id, kind: 'unicode', value });
const bin = (id: number, value: Uint8Array): Prop => ({ id, kind: 'binary', value });
const long = (id: number, value: number): Prop => ({ id, kind: 'long', value });
const bool = (id: number, value: boolean): Prop => ({ id, kind: 'boolean', value });
const time = (id: number, value: Date): Prop => ({ id, kind: 'time', value });

const tagOf = (p: Prop): number => ((p.id << 16) | TYPE_OF[p.kind]) >>> 0;
const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));

/** Data of a variable-length property as stored in its own `__substg1.0_` stream (strings without terminator). */
function streamData(p: Prop): Uint8Array | null {
  if (p.kind === 'unicode') return utf16le(p.value);
  if (p.kind === 'binary') return p.value;
  return null;
}

/**
 * The `__properties_version1.0` stream: a header (32 bytes for the top-level message, 8 for recipient and
 * attachment storages) followed by one 16-byte entry per property ([MS-OXMSG] 2.4).
 */
function propertiesStream(props: readonly Prop[], header: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + 16 * props.length);
  out.set(header, 0);
  const view = new DataView(out.buffer);
  let pos = header.length;
  for (const p of props) {
    view.setUint32(pos, tagOf(p), true);
    view.setUint32(pos + 4, 0x00000006, true); // PROPATTR_READABLE | PROPATTR_WRITABLE
    const data = streamData(p);
    if (data !== null) {
      // Variable length: size (+2 for the string terminator), then reserved.
      view.setUint32(pos + 8, data.length + (p.kind === 'unicode' ? 2 : 0), true);
      view.setUint32(pos + 12, 0, true);
    } else if (p.kind === 'long') {
      view.setUint32(pos + 8, p.value >>> 0, true);
    } else if (p.kind === 'boolean') {
      view.setUint16(pos + 8, p.value ? 1 : 0, true);
    } else if (p.kind === 'time') {
      const fileTime = (BigInt(p.value.getTime()) + 11644473600000n) * 10000n;
      view.setBigUint64(pos + 8, fileTime, true);
    }
    pos += 16;
  }
  return out;
}

// ---------------------------------------------------------------- CFBF entries

const entries: Entry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] }];

function addChild(parent: number, entry: Entry): number {
  const index = entries.length;
  entries.push(entry);
  const children = entries[parent]?.children;
  if (!children) throw new Error(`entry ${parent} is not a storage`);
  children.push(index);
  return index;
}

function addStream(parent: number, name: string, data: Uint8Array): void {
  addChild(parent, { name, type: TypeEnum.DOCUMENT, length: data.length, binaryProvider: () => data });
}

function addStorage(parent: number, name: string): number {
  return addChild(parent, { name, type: TypeEnum.DIRECTORY, length: 0, children: [] });
}

function addProps(storage: number, props: readonly Prop[], header: Uint8Array): void {
  for (const p of props) {
    const data = streamData(p);
    if (data !== null) addStream(storage, `__substg1.0_${hex8(tagOf(p))}`, data);
  }
  addStream(storage, '__properties_version1.0', propertiesStream(props, header));
}

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

  // Top-level header: 8 reserved, next recipient id, next attachment id, recipient count, attachment count, 8 reserved.
  const rootHeader = new Uint8Array(32);
  const rh = new DataView(rootHeader.buffer);
  rh.setUint32(8, 1, true);
  rh.setUint32(12, 0, true);
  rh.setUint32(16, 1, true);
  rh.setUint32(20, 0, true);

  addProps(0, rootProps, rootHeader);
  const recip = addStorage(0, '__recip_version1.0_#00000000');
  addProps(recip, recipientProps, new Uint8Array(8));
  // Named-property mapping with no named properties (Outlook expects the storage to exist).
  const nameid = addStorage(0, '__nameid_version1.0');
  addStream(nameid, '__substg1.0_00020102', new Uint8Array(0));
  addStream(nameid, '__substg1.0_00030102', new Uint8Array(0));
  addStream(nameid, '__substg1.0_00040102', new Uint8Array(0));

  const msg = burn(entries);
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
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
