import { analyzeMessage, analyzeText } from '../../src/core';
import type { DecodedMessage, HeaderField } from '../../src/core/types';

const header = (name: string, value: string): HeaderField => ({
  name: name.toLowerCase(),
  originalName: name,
  value,
});

function message(headers: HeaderField[], text: string, parts: DecodedMessage['parts'] = []): DecodedMessage {
  return { headers, text, parts, raw: null, warnings: [] };
}

describe('pasted text without a header', () => {
  it.each([
    ['a Postfix reason without a code', 'Domain example.org does not accept mail (nullMX)'],
    ['a qmail reason without a code', "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"],
  ])('reads %s as a bounce', (_name, text) => {
    expect(analyzeText(text).verdict).toBe('bounce');
  });

  it('does not read a colleague asking about a failed delivery as a bounce', () => {
    expect(analyzeText('Hi, my mail to Jan could not be delivered yesterday. Any idea why?').verdict).toBe(
      'not-a-bounce',
    );
  });
});

describe('Auto-Submitted: auto-replied', () => {
  it('keeps a vacation notice with a null Return-Path an auto-reply', () => {
    const analysis = analyzeMessage(
      message(
        [
          header('From', 'Jan <jan@example.org>'),
          header('To', 'chris@example.net'),
          header('Subject', 'Away until Monday'),
          header('Return-Path', '<>'),
          header('Auto-Submitted', 'auto-replied'),
        ],
        'I am out of the office until Monday.',
      ),
    );
    expect(analysis.verdict).toBe('auto-reply');
  });
});

describe('disposition notifications', () => {
  const mdn = (disposition: string): DecodedMessage =>
    message(
      [
        header('From', 'inge@example.org'),
        header('To', 'chris@example.net'),
        header('Subject', 'Not read: Offer'),
        header('Content-Type', 'multipart/report; report-type=disposition-notification; boundary="b"'),
      ],
      'Your message was deleted without being read.',
      [
        {
          mimeType: 'message/disposition-notification',
          filename: null,
          text: `Reporting-UA: mail.example.org\nFinal-Recipient: rfc822;inge@example.org\nDisposition: ${disposition}\n`,
          message: null,
        },
      ],
    );

  it('keeps a message its reader deleted a read receipt', () => {
    expect(analyzeMessage(mdn('manual-action/MDN-sent-manually; deleted')).verdict).toBe('delivery-report');
  });

  it('keeps a reader declining to send receipts a read receipt', () => {
    expect(analyzeMessage(mdn('manual-action/MDN-sent-manually; denied')).verdict).toBe('delivery-report');
  });

  it('reads a message a rule deleted as rejected', () => {
    const analysis = analyzeMessage(mdn('automatic-action/MDN-sent-automatically; deleted'));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients[0]?.address).toBe('inge@example.org');
  });
});

describe('recipient addresses', () => {
  it('names no recipient for an empty Final-Recipient', () => {
    const analysis = analyzeMessage(
      message(
        [
          header('From', 'MAILER-DAEMON@mail.example.net'),
          header('To', 'chris@example.net'),
          header('Subject', 'Undelivered Mail Returned to Sender'),
        ],
        'Your message could not be delivered.',
        [
          {
            mimeType: 'message/delivery-status',
            filename: null,
            text: 'Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; <>\nAction: failed\nStatus: 5.1.1\n',
            message: null,
          },
        ],
      ),
    );
    expect(analysis.recipients.map((r) => r.address)).toEqual([null]);
  });
});
