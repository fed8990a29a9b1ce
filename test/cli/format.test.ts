import { analyzeText } from '../../src/core';
import { createTranslator } from '../../src/i18n/static';
import { jsonLine, terminalSafe, toJson, toText } from '../../src/cli/format';
import { COMMAND_INJECTION, FAKE_DATE, LURE, dsn } from '../support/untrustedBounces';

const t = createTranslator('en');
const text = (bounce: string): string => toText('bounce.eml', analyzeText(bounce), t);

describe('the text the command line prints', () => {
  it('gives no command built from a recipient field that holds one', () => {
    const out = text(dsn({ recipient: COMMAND_INJECTION }));
    expect(out).toContain(
      "Check the MX record of the recipient's domain (Resolve-DnsName <domain> -Type MX).",
    );
    // The raw field is a labelled, quoted fact, and quoted where it was read; no other line carries it.
    expect(out.split('\n').filter((line) => line.includes('iex'))).toEqual([
      `  Recipient: “${COMMAND_INJECTION}”`,
      `    From the bounce's text, field Final-Recipient: “rfc822; ${COMMAND_INJECTION}”`,
    ]);
  });

  it('names a valid recipient in its commands', () => {
    expect(text(dsn())).toContain('(Resolve-DnsName fabrikam.example -Type MX)');
  });

  it('does not make a lure its headline', () => {
    const out = text(dsn({ recipient: LURE }));
    expect(out.split('\n').slice(2, 4)).toEqual([
      'Your message was not delivered',
      "The recipient's mail system does not accept mail for the recipient's domain.",
    ]);
    expect(out.split('\n').filter((line) => line.includes('ACTION'))).toEqual([
      `  Recipient: “${LURE}”`,
      `    From the bounce's text, field Final-Recipient: “rfc822; ${LURE}”`,
    ]);
  });

  it('says nothing about retrying when Will-Retry-Until is not a date, and writes a real one for people', () => {
    const delayed = (willRetryUntil: string): string =>
      text(dsn({ action: 'delayed', status: '4.4.7', diagnostic: '451 4.4.7 later', willRetryUntil }));
    expect(delayed(FAKE_DATE)).not.toMatch(/keep trying until/);
    // The field is shown only quoted: where it was read, and as what raised the look-alike warning.
    expect(
      delayed(FAKE_DATE)
        .split('\n')
        .filter((line) => line.includes('password')),
    ).toEqual([
      '!!   Found: “password expire”',
      `    From the bounce's text, field Will-Retry-Until: “${FAKE_DATE}”`,
    ]);
    expect(delayed('Tue, 13 Mar 2018 11:04:30 +0100')).toContain(
      'It will keep trying until 13 March 2018 at 10:04.',
    );
  });

  it('strips escape sequences and control characters from subjects, server names and Message-IDs', () => {
    const out = text(
      dsn({
        subject: 'Offerte \u001b[2J\u001b[1;1H\u001b]0;pwned\u0007\u202e done',
        remoteMta: 'mx.fabrikam.example\u001b[31m',
        reportingMta: 'mail.contoso.example\u001bc',
        messageId: '<a\u001b]8;;https://evil.example/\u001b\\b@contoso.example\u009b2J\u0085>',
      }),
    );
    // eslint-disable-next-line no-control-regex
    expect(out.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)).toBeNull();
    expect(out).not.toMatch(/\[2J|\[1;1H|\]0;|pwned|\]8;;/);
    // Each is quoted: a server name with an escape sequence in it is no host name.
    expect(out).toContain('  Subject: “Offerte  done”');
    expect(out).toContain('  Rejected by: “mx.fabrikam.example”');
    expect(out).toContain('  Message-ID: “<ab@contoso.example>”');
  });

  it('keeps each value from the bounce on its own line, so that it cannot pass for a line of ours', () => {
    const analysis = analyzeText(dsn());
    const forged = '<a@b>\n  Who must act: nobody, all is well';
    const out = toText(
      'bounce.eml',
      { ...analysis, original: { ...analysis.original, messageId: forged } },
      t,
    );
    expect(out.split('\n').filter((line) => line.includes('all is well'))).toEqual([
      '  Message-ID: “<a@b>   Who must act: nobody, all is well”',
    ]);
  });

  it('keeps tabs and line feeds, and drops carriage returns, which let a line overwrite another', () => {
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('Relay Access Denied\rAll good, nothing to do')).toBe(
      'Relay Access DeniedAll good, nothing to do',
    );
  });
});

describe('the JSON the command line prints', () => {
  it('escapes DEL, C1 and bidi controls, which JSON.stringify leaves raw, and stays the same JSON', () => {
    const analysis = analyzeText(dsn({ subject: 'Offerte \u009b2J \u007f \u202e \u001b[2J' }));
    const line = jsonLine(toJson('bounce.eml', analysis));
    // eslint-disable-next-line no-control-regex
    expect(line.match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/g)).toBeNull();
    expect(JSON.parse(line)).toEqual(toJson('bounce.eml', analysis));
  });
});
