import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compoundFileProblem } from '../../src/mail/compoundFile';
import * as msgDecoder from '../../src/mail/decodeMsg';
import { decodeMsg } from '../../src/mail/decodeMsg';
import { analyzeBytes } from '../../src/mail/readInput';
import { malformedMsgs, sampleMsg, SAMPLE_BODY } from '../support/malformedMsg';
import { MsgBuilder, ansi, long, messageHeader, str } from '../support/msgFile';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const subjectOf = (message: ReturnType<typeof decodeMsg>): string | undefined =>
  message.headers.find((h) => h.name === 'subject')?.value;

describe('a malformed .msg is refused before the .msg reader follows it', () => {
  it('reads the sound file the malformed ones are made from, attached message and all', () => {
    const sample = sampleMsg();
    expect(compoundFileProblem(sample)).toBeNull();
    const message = decodeMsg(sample);
    expect(message.warnings).toEqual([]);
    expect(subjectOf(message)).toBe('Quarterly figures');
    expect(message.text).toBe(SAMPLE_BODY);
    const inner = message.parts[0]?.message;
    expect(inner && subjectOf(inner)).toBe('Earlier message');
  });

  it('reads the .msg fixture', () => {
    const fixture = readFileSync(path.join(FIXTURES, 'msg', 'exchange-online-5.4.1-relay-access-denied.msg'));
    expect(compoundFileProblem(new Uint8Array(fixture))).toBeNull();
  });

  it.each(malformedMsgs().map((c) => [c.name, c] as const))('refuses a file where %s', (_name, malformed) => {
    const message = decodeMsg(malformed.bytes);
    expect(message.warnings).toEqual([
      { code: 'msg.unreadable', detail: expect.stringMatching(malformed.reason) },
    ]);
    expect(message.headers).toEqual([]);
    expect(message.text).toBe('');
  });

  it('tells the user a dropped .msg that loops could not be read, instead of running out of memory', async () => {
    const looping = readFileSync(path.join(FIXTURES, 'hostile', 'hostile-none-msg-directory-loop.msg'));
    const analysis = await analyzeBytes(new Uint8Array(looping));
    expect(analysis.verdict).toBe('not-a-bounce');
    expect(analysis.warnings).toContainEqual({
      code: 'msg.unreadable',
      detail: 'directory loops or shares sector 0',
    });
  });
});

describe('attached messages inside a .msg', () => {
  /** A note with `count` attached messages and named-property tables of about `tableBytes`. */
  function withAttachedMessages(count: number, tableBytes = 0): Uint8Array {
    const builder = new MsgBuilder();
    builder.addProps(0, [str(0x001a, 'IPM.Note'), str(0x0037, 'Many attachments')], messageHeader(0, count));
    for (let i = 0; i < count; i++)
      builder.addAttachedMessage(i, `Attached ${i}`, [str(0x001a, 'IPM.Note'), str(0x0037, `Attached ${i}`)]);
    builder.addNamedProperties(
      Array.from({ length: Math.ceil(tableBytes / 104) }, (_, i) => `n${i}`.padEnd(50, 'x')),
    );
    return builder.burn();
  }

  it('decodes at most 16 of them and says how many it left', () => {
    const message = decodeMsg(withAttachedMessages(20));
    expect(message.parts).toHaveLength(16);
    expect(message.warnings).toContainEqual({ code: 'msg.attachmentsSkipped', detail: '4' });
  });

  it('stops when what it decoded adds up to four times the file', () => {
    // Every attached message is written out with a copy of the 200 KB named-property tables.
    const bytes = withAttachedMessages(10, 200_000);
    const message = decodeMsg(bytes);
    expect(message.parts.length).toBeGreaterThan(0);
    expect(message.parts.length).toBeLessThan(10);
    expect(message.warnings).toContainEqual({
      code: 'msg.attachmentsSkipped',
      detail: String(10 - message.parts.length),
    });
  });
});

describe('8-bit strings in a .msg', () => {
  /** A note whose subject and body are 8-bit strings in `codePage`. */
  function ansiMsg(text: Uint8Array, codePage: number): Uint8Array {
    const builder = new MsgBuilder();
    builder.addProps(
      0,
      [
        str(0x001a, 'IPM.Note'),
        ansi(0x0037, text), // PidTagSubject
        ansi(0x1000, text), // PidTagBody
        long(0x3ffd, codePage), // PidTagMessageCodepage
      ],
      messageHeader(0, 0),
    );
    return builder.burn();
  }

  it('reads them in the Windows-1252 code page the message names', () => {
    const message = decodeMsg(ansiMsg(Uint8Array.of(0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0xeb), 1252));
    expect(subjectOf(message)).toBe('\u20ac \u201cok\u201d \u00eb');
    expect(message.text).toBe('\u20ac \u201cok\u201d \u00eb');
  });

  it('reads them in the Cyrillic code page the message names', () => {
    const message = decodeMsg(ansiMsg(Uint8Array.of(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2), 1251));
    expect(subjectOf(message)).toBe('\u041f\u0440\u0438\u0432\u0435\u0442');
  });
});

describe('a .msg attached to a MIME message', () => {
  afterEach(() => jest.restoreAllMocks());
  const looping = readFileSync(path.join(FIXTURES, 'hostile', 'hostile-none-msg-directory-loop.msg'));
  const ndrMsg = readFileSync(path.join(FIXTURES, 'msg', 'exchange-online-5.4.1-relay-access-denied.msg'));
  const attachment = (name: string, bytes: Buffer): string =>
    [
      `Content-Type: application/vnd.ms-outlook; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      bytes.toString('base64').replace(/.{76}/g, '$&\n'),
    ].join('\n');

  it('is not decoded when the message is a bounce with a delivery-status part', async () => {
    const decoded = jest.spyOn(msgDecoder, 'decodeMsg');
    const eml = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.contoso.example>',
      'To: jan@contoso.example',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.contoso.example',
      '',
      'Final-Recipient: rfc822; sanne@fabrikam.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <sanne@fabrikam.example>: Recipient address rejected: User unknown',
      '--b',
      attachment('looping.msg', looping),
      '--b--',
      '',
    ].join('\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(eml));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.input).toBe('mime');
    expect(analysis.recipients[0]?.address).toBe('sanne@fabrikam.example');
    expect(analysis.recipients[0]?.status?.code).toBe('5.1.1');
    expect(decoded).not.toHaveBeenCalled();
  });

  it('is decoded, once, when the message forwards it, and explained as the attached report', async () => {
    const decoded = jest.spyOn(msgDecoder, 'decodeMsg');
    const eml = [
      'From: Jan Jansen <jan@contoso.example>',
      'To: helpdesk@contoso.example',
      'Subject: FW: Undeliverable: Quote',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Why did this bounce?',
      '--b',
      attachment('Undeliverable Quote.msg', ndrMsg),
      '--b--',
      '',
    ].join('\n');
    const analysis = await analyzeBytes(new TextEncoder().encode(eml));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.input).toBe('attached-report');
    expect(analysis.recipients[0]?.address).toBe('jan@fabrikam.example');
    expect(decoded).toHaveBeenCalledTimes(1);
  });
});
