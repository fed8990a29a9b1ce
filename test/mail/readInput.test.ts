import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeEml } from '../../src/mail/decodeEml';
import { analyzeBytes, decodeTextBytes, sniffInput } from '../../src/mail/readInput';

const FIXTURE = path.join(
  __dirname,
  '..',
  'fixtures',
  'exchange-online',
  'exchange-online-5.4.1-relay-access-denied-enhanced-en.eml',
);
const eml = readFileSync(FIXTURE);

const withPrefix = (prefix: string): Uint8Array =>
  new Uint8Array(Buffer.concat([Buffer.from(prefix, 'latin1'), eml]));

describe('reading a saved message', () => {
  it('reads a message as MIME', async () => {
    expect(sniffInput(new Uint8Array(eml))).toBe('eml');
    const analysis = await analyzeBytes(new Uint8Array(eml));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients.length).toBeGreaterThan(0);
  });

  it.each([
    ['a UTF-8 byte-order mark', '\xef\xbb\xbf'],
    ['an mbox envelope line', 'From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n'],
    ['both', '\xef\xbb\xbfFrom MAILER-DAEMON Thu Nov 26 10:00:00 2026\r\n'],
  ])('reads a message behind %s exactly as without it', async (_name, prefix) => {
    const bytes = withPrefix(prefix);
    expect(sniffInput(bytes)).toBe('eml');
    expect(await analyzeBytes(bytes)).toEqual(await analyzeBytes(new Uint8Array(eml)));
  });

  it('reads text that merely starts with "From " as text', () => {
    expect(sniffInput(new TextEncoder().encode('From what I can see, the mail did not arrive.\n'))).toBe(
      'text',
    );
  });

  it('reads pasted text that is not UTF-8 as Windows-1252, the same in Node as in browsers', () => {
    const bytes = Uint8Array.of(0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0xe9);
    expect(decodeTextBytes(bytes)).toBe('\u20ac \u201cok\u201d \u00e9');
    expect(decodeTextBytes(new TextEncoder().encode('\ufeffcaf\u00e9'))).toBe('caf\u00e9');
  });
});

describe('header values of a decoded message', () => {
  it('are decoded from RFC 2047 words, as the subject and sender a reader sees', async () => {
    const eml = [
      'From: =?iso-8859-1?Q?Jo=E3o_Silva?= <postmaster@contoso.example>',
      'To: joao@contoso.example',
      'Subject: =?iso-8859-1?Q?N=E3o_entregue=3A_Or=E7amento?=',
      'Content-Type: text/plain',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      'maria@fabrikam.example',
      "Remote Server returned '552 5.2.2 Mailbox full'",
    ].join('\r\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(eml));
    expect(analysis.report.subject).toBe('Não entregue: Orçamento');
    expect(analysis.report.from).toBe('João Silva <postmaster@contoso.example>');
  });
});

describe('parts cut for speed', () => {
  // 300 KB of base64 in 76-character lines: over the 256 KB kept of a part nobody reads.
  const bigImage = [
    'Content-Type: image/png; name="photo.png"',
    'Content-Transfer-Encoding: base64',
    '',
    ...Array.from({ length: 4000 }, () => 'A'.repeat(76)),
  ].join('\n');
  const ndr = eml.toString('latin1');

  it('says so when a bounce carries a large attachment', async () => {
    const message = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
      'To: jan@contoso.example',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'I could not deliver your message to <piet@fabrikam.example>: 550 5.1.1 User unknown',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example',
      '',
      'Final-Recipient: rfc822; piet@fabrikam.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '--b1',
      bigImage,
      '--b1--',
      '',
    ].join('\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(message));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.warnings).toContainEqual({ code: 'input.partsTruncated' });
  });

  it('says so on a report forwarded as an attachment beside a large attachment', async () => {
    const message = [
      'From: jan@contoso.example',
      'To: helpdesk@contoso.example',
      'Subject: FW: Undeliverable',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="w1"',
      '',
      '--w1',
      'Content-Type: text/plain',
      '',
      'Can you look at this?',
      '--w1',
      'Content-Type: message/rfc822',
      '',
      ndr,
      '--w1',
      bigImage,
      '--w1--',
      '',
    ].join('\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(message));
    expect(analysis.input).toBe('attached-report');
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.warnings).toContainEqual({ code: 'input.partsTruncated' });
  });

  it('does not say so when nothing was cut', async () => {
    expect((await analyzeBytes(new Uint8Array(eml))).warnings).not.toContainEqual({
      code: 'input.partsTruncated',
    });
  });
});

describe('a message with thousands of parts', () => {
  it('is read as raw text and says so, even when the report is found in that text', async () => {
    // postal-mime counts the headers of all parts together, and gives up past 256 KB of them.
    const attachments = Array.from({ length: 4000 }, (_, i) =>
      [
        '--b1',
        'Content-Type: application/octet-stream',
        `Content-Disposition: attachment; filename="file-${i}.bin"`,
        '',
        'AAAA',
      ].join('\r\n'),
    );
    const message = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
      'To: jan@contoso.example',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      ...attachments,
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example',
      '',
      'Final-Recipient: rfc822; piet@fabrikam.example',
      'Action: failed',
      'Status: 5.1.1',
      '--b1--',
      '',
    ].join('\r\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(message));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients.map((r) => r.address)).toEqual(['piet@fabrikam.example']);
    expect(analysis.warnings).toContainEqual(expect.objectContaining({ code: 'mime.unparseable' }));
  });
});

describe('the original attached to a delivery-status report', () => {
  const original = [
    'From: jan@contoso.example',
    'To: piet@fabrikam.example',
    'Subject: Quarterly figures',
    'Message-ID: <q3@contoso.example>',
    '',
    'The figures are in the attachment.',
  ].join('\r\n');
  const report = (reportType: string, contentType: string): Uint8Array =>
    new TextEncoder().encode(
      [
        'From: postmaster@contoso.example',
        'To: jan@contoso.example',
        'Subject: Undeliverable: Quarterly figures',
        'MIME-Version: 1.0',
        `Content-Type: ${contentType}; report-type=${reportType}; boundary="r1"`,
        '',
        '--r1',
        'Content-Type: text/plain',
        '',
        'Delivery has failed.',
        '--r1',
        `Content-Type: message/${reportType === 'delivery-status' ? 'delivery-status' : 'disposition-notification'}`,
        '',
        'Reporting-MTA: dns; mx.contoso.example',
        '',
        'Final-Recipient: rfc822; piet@fabrikam.example',
        'Action: failed',
        'Status: 5.1.1',
        '',
        '--r1',
        'Content-Type: message/rfc822',
        '',
        original,
        '--r1--',
        '',
      ].join('\r\n'),
    );
  const attached = async (bytes: Uint8Array) =>
    (await decodeEml(bytes)).parts.find((p) => p.mimeType === 'message/rfc822')?.message;

  it('is decoded for its header block only, which is all the analyser reads of it', async () => {
    const message = await attached(report('delivery-status', 'multipart/report'));
    expect(message?.headers.find((h) => h.name === 'subject')?.value).toBe('Quarterly figures');
    expect(message?.text).toBe('');
    const analysis = await analyzeBytes(report('delivery-status', 'multipart/report'));
    expect(analysis.original.subject).toBe('Quarterly figures');
    expect(analysis.original.messageId).toBe('<q3@contoso.example>');
  });

  it('is decoded whole in any other message, which may carry a report inside it', async () => {
    const message = await attached(report('disposition-notification', 'multipart/report'));
    expect(message?.text.trim()).toBe('The figures are in the attachment.');
  });
});
