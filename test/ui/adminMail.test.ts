import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/core';
import { causes } from '../../src/core/catalog/causes';
import { wellFormed } from '../../src/core/text';
import { translatorFrom } from '../../src/i18n';
import { createTranslator } from '../../src/i18n/static';
import { isValidAdminAddress, organisationAddressFromQuery } from '../../src/ui/adminChannel';
import { createLocalSettingsStore } from '../../src/ui/localSettings';
import { analyzeBytes } from '../../src/mail/readInput';
import { adminSubject, buildAdminMail, escapeHtml, mailtoLink, MAX_HTML_BYTES } from '../../src/ui/adminMail';
import { COMMAND_INJECTION, LURE, dsn } from '../support/untrustedBounces';

const t = createTranslator('en');
const CAUSES = causes.map((c) => c.id);

const NDR = [
  'Delivery has failed to these recipients or groups:',
  '',
  'jan@fabrikam.example',
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: AM9PR04MB8100.eurprd04.prod.outlook.com',
  'Receiving server: fabrikam-example.mail.protection.outlook.com (198.51.100.25)',
  '',
  'jan@fabrikam.example',
  "Remote Server returned '550 5.4.1 Relay Access Denied [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com]'",
  '',
  'Original message headers:',
  '',
  'From: Piet <piet@contoso.example>',
  'To: jan@fabrikam.example',
  'Subject: Offerte',
  'Message-ID: <abc@contoso.example>',
].join('\n');

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('the mail for the admin', () => {
  it('names the original subject, the recipient and the server answer in its subject', () => {
    expect(adminSubject(analyzeText(NDR), t)).toBe(
      'Bounce: Offerte → jan@fabrikam.example (550 5.4.1 Relay Access Denied)',
    );
  });

  it("separates the prefix from the subject as the locale's own format says (French: a no-break space before the colon)", () => {
    const french = translatorFrom('en', { 'admin.subjectFormat': '{prefix}\u00a0: {subject}' });
    expect(adminSubject(analyzeText(NDR), french)).toBe(
      'Bounce\u00a0: Offerte → jan@fabrikam.example (550 5.4.1 Relay Access Denied)',
    );
  });

  it('carries status, diagnostic, servers, original details, admin steps and the doc link', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', t);
    expect(mail.to).toBe('helpdesk@contoso.example');
    for (const expected of [
      '5.4.1',
      'Relay Access Denied',
      'fabrikam-example.mail.protection.outlook.com',
      'AM9PR04MB8100',
      '&lt;abc@contoso.example&gt;',
      'Remote Connectivity Analyzer',
      'https://learn.microsoft.com/',
    ]) {
      expect(mail.html).toContain(expected);
    }
    expect(mail.text).toContain('550 5.4.1 Relay Access Denied');
  });

  it('escapes every value taken from the bounce', () => {
    const hostile = NDR.replace(
      'Relay Access Denied',
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
    ).replace('Subject: Offerte', 'Subject: "><svg onload=alert(3)>');
    const mail = buildAdminMail(analyzeText(hostile), 'helpdesk@contoso.example', t);
    expect(mail.html).not.toMatch(/<script|<img|<svg/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('stays within the 32 KB form limit by cutting the headers, not the summary', () => {
    const huge = `${NDR}\n${Array.from({ length: 4000 }, (_, i) => `X-Filler-${i}: ${'é'.repeat(40)}`).join('\n')}`;
    const mail = buildAdminMail(analyzeText(huge), 'helpdesk@contoso.example', t);
    expect(bytes(mail.html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(mail.html).toContain('Relay Access Denied');
    expect(mail.html).toContain('cut to fit the 32 KB limit');
    expect(mail.html.endsWith('</div>')).toBe(true);
  });

  it('keeps the subject within 255 characters', () => {
    const long = NDR.replace('Subject: Offerte', `Subject: ${'x'.repeat(400)}`);
    expect(adminSubject(analyzeText(long), t).length).toBeLessThanOrEqual(255);
  });

  it('speaks Dutch for a Dutch user', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', createTranslator('nl'));
    expect(mail.html).toContain('Stappen voor de mailbeheerder van de ontvanger');
  });

  it('builds a mailto: link with everything encoded', () => {
    const link = mailtoLink({ to: 'help desk@x.example', subject: 'a&b', html: '', text: 'line\nbody' });
    expect(link).toBe('mailto:help%20desk%40x.example?subject=a%26b&body=line%0Abody');
  });

  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the mail for the admin, from the user to their own admin', () => {
  it("says what I sent, frames the explanation as told to me, and passes the recipient's admin's steps on", () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', t);
    expect(mail.text).toContain('Hello, a message I sent to jan@fabrikam.example bounced.');
    expect(mail.text).toContain(
      'What Bounce Explainer told me: Your message to jan@fabrikam.example was not delivered. The Microsoft 365 server that received your message',
    );
    expect(mail.text).toContain("Who must act: the recipient's mail admin.");
    expect(mail.text).toContain(
      "Steps for the recipient's mail admin, apart from any about our own mail system (could you pass these on to them?):",
    );
    expect(mail.text).not.toContain('For your admin');
  });

  it('tells the admin where in the bounce each finding was read, quoting it', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', t);
    const lines = mail.text.split('\n');
    const at = lines.indexOf('Where Bounce Explainer read it:');
    expect(at).toBeGreaterThan(0);
    expect(lines).toContain(
      "From the bounce's text, field Remote Server returned: 550 5.4.1 Relay Access Denied [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com]",
    );
    const th = [...new DOMParser().parseFromString(mail.html, 'text/html').querySelectorAll('th')].map(
      (e) => e.textContent,
    );
    expect(th).toContain("From the bounce's text, field Remote Server returned");
  });

  it('asks our own admin to fix the sender-side 5.4.1 (own server relaying through EOP)', async () => {
    const eml = readFileSync(
      path.join(
        __dirname,
        '..',
        'fixtures',
        'exchange-server',
        'exchange-server-5.4.1-relay-access-denied-outbound-via-eop-en.eml',
      ),
    );
    const mail = buildAdminMail(await analyzeBytes(new Uint8Array(eml)), 'helpdesk@contoso.example', t);
    expect(mail.text).toContain('Who must act: our own mail admin.');
    expect(mail.text).toContain('What to check on our side:');
    expect(mail.text).not.toMatch(/pass these on/);
  });

  it('says nobody must act yet on a delay', () => {
    const delayed = dsn({ action: 'delayed', status: '4.4.7', diagnostic: '451 4.4.7 later' });
    const mail = buildAdminMail(analyzeText(delayed), 'helpdesk@contoso.example', t);
    expect(mail.text).toMatch(/^Hello, a message I sent to \S+ is delayed\./);
    expect(mail.text).toContain('Who must act: nobody yet; the mail system keeps trying.');
    expect(mail.text).toContain('If the delay lasts, what to check:');
  });

  it('words an uncertain cause as uncertain', () => {
    const unclear = dsn({ status: '5.0.0', diagnostic: '550 5.0.0 Something went wrong here' });
    const mail = buildAdminMail(analyzeText(unclear), 'helpdesk@contoso.example', t);
    expect(mail.text).toContain('Not certain: this explanation is based on the status code only.');
    expect(mail.text).toContain(
      'Who must act: probably our own mail admin (Bounce Explainer is not sure of the cause).',
    );
    expect(mail.text).toContain('What could be checked (the cause is not certain):');
  });

  it('explains every code next to it', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', t);
    expect(mail.text).toContain(
      'Status: 5.4.1 (permanent failure, concerning the network or the routing between servers)',
    );
    expect(mail.text).toContain(
      'Category: norelaying (a server refused to pass the message on for this domain, which is called relaying)',
    );
  });

  it('says a helpdesk forwards a bounce it was given, not one it sent', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'it@contoso.example', t, 'other');
    expect(mail.text).toMatch(
      /^Hello, a bounce was forwarded to me: a message to jan@fabrikam\.example was not delivered\./,
    );
    expect(mail.text).toContain('What Bounce Explainer tells the sender:');
    expect(mail.text).not.toContain('a message I sent');
  });
});

describe('admin addresses', () => {
  it.each(['helpdesk@contoso.com', 'it.support+ndr@mail.fabrikam.co.uk'])('accepts %s', (address) => {
    expect(isValidAdminAddress(address)).toBe(true);
  });

  it.each(['', 'helpdesk', 'a@b', 'a b@contoso.com', '<x>@contoso.com', 'a@contoso.com, b@contoso.com'])(
    'rejects %p',
    (address) => {
      expect(isValidAdminAddress(address)).toBe(false);
    },
  );

  it.each([
    ['a zero-width space', 'help\u200bdesk@contoso.com'],
    ['a zero-width joiner', 'helpdesk\u200d@contoso.com'],
    ['a right-to-left override', 'help\u202edesk@contoso.com'],
    ['a bidi isolate', '\u2066helpdesk@contoso.com'],
    ['a soft hyphen', 'help\u00addesk@contoso.com'],
    ['a Hangul filler', 'help\u3164desk@contoso.com'],
    ['a control character', 'help\u0007desk@contoso.com'],
  ])('rejects an address with %s', (_name, address) => {
    expect(isValidAdminAddress(address)).toBe(false);
  });

  it('checks a stored address when it is loaded: "a@b; attacker@c" is not one recipient', () => {
    const storage = (value: string): Storage => {
      const map = new Map([['bounce-explainer.adminAddress', value]]);
      return {
        getItem: (key: string) => map.get(key) ?? null,
        setItem: () => undefined,
      } as unknown as Storage;
    };
    expect(
      createLocalSettingsStore(storage('helpdesk@contoso.com; attacker@evil.example'), null).load()
        .userAddress,
    ).toBeNull();
    expect(
      createLocalSettingsStore(storage('help\u200bdesk@contoso.com'), null).load().userAddress,
    ).toBeNull();
    expect(createLocalSettingsStore(storage('helpdesk@contoso.com'), null).load().userAddress).toBe(
      'helpdesk@contoso.com',
    );
  });

  it('reads a valid organisation default from the task-pane URL and ignores an invalid one', () => {
    expect(organisationAddressFromQuery('?admin=helpdesk%40contoso.com')).toBe('helpdesk@contoso.com');
    expect(organisationAddressFromQuery('?admin=javascript:alert(1)')).toBeNull();
    expect(organisationAddressFromQuery('')).toBeNull();
    expect(organisationAddressFromQuery('?admin=it%40contoso.com%3B%20attacker%40evil.example')).toBeNull();
    expect(organisationAddressFromQuery('?admin=it%E2%80%8B%40contoso.com')).toBeNull();
  });
});

describe('the mail for the admin, from a hostile bounce', () => {
  const bodyOf = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
  const texts = (doc: Document, selector: string): string[] =>
    [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '');

  it('gives the admin no command built from a recipient field that holds one', () => {
    const analysis = analyzeText(dsn({ recipient: COMMAND_INJECTION }));
    const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t);
    const doc = bodyOf(mail.html);
    const steps = texts(doc, 'li');
    expect(steps.some((s) => s.includes('Resolve-DnsName <domain> -Type MX'))).toBe(true);
    expect([...steps, ...texts(doc, 'h3, p, b')].filter((s) => /\biex\b|\birm\b/.test(s))).toEqual([]);
    expect(mail.subject).not.toMatch(/iex|fabrikam;/);
    // In plain text the raw field is a labelled, quoted fact, and where it was read; no other line carries it.
    // (Lines starting with "> " are the bounce's own text, quoted.)
    expect(mail.text.split('\n').filter((line) => line.includes('iex') && !line.startsWith('> '))).toEqual([
      `Recipient: ${COMMAND_INJECTION}`,
      `From the bounce's text, field Final-Recipient: rfc822; ${COMMAND_INJECTION}`,
    ]);
    expect(mail.text).toContain(
      "  1. Check the MX record of the recipient's domain (Resolve-DnsName <domain> -Type MX).",
    );
  });

  it('does not turn a lure in the recipient field into a heading or the subject', () => {
    const mail = buildAdminMail(analyzeText(dsn({ recipient: LURE })), 'helpdesk@contoso.example', t);
    expect(texts(bodyOf(mail.html), 'h3').filter((h) => h.includes('ACTION'))).toEqual([]);
    expect(mail.text.split('\n').filter((line) => line.startsWith('==') && line.includes('ACTION'))).toEqual(
      [],
    );
    expect(mail.subject).not.toContain('ACTION');
  });

  it('reports a suspicious bounce as such: warning on top, no "I sent", links inert', () => {
    const lure = dsn({
      text: 'Click here to release your messages: https://release.evil.example/q?id=1',
      diagnostic: '550 5.4.1 Relay Access Denied, review your messages at https://www.evil.example/',
      originalHeaders: ['X-Link: http://tracker.evil.example/x'],
    });
    const analysis = analyzeText(lure);
    expect(analysis.suspicion?.signs.map((s) => s.code)).toContain('wording.lure');
    const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t);
    const doc = bodyOf(mail.html);
    expect(
      doc.body.textContent?.trimStart().startsWith('Warning: this message may be a phishing attempt'),
    ).toBe(true);
    expect(mail.text.startsWith('!! Warning: this message may be a phishing attempt')).toBe(true);
    expect(mail.subject.startsWith('Suspicious bounce: ')).toBe(true);
    for (const form of [mail.html, mail.text]) {
      expect(form).not.toContain('a message I sent bounced');
      expect(form).not.toMatch(/https?:\/\/[^/]*evil|www\.evil/);
    }
    expect(mail.text).toContain('hxxps[://]www[.]evil.example/');
    expect(mail.text).toContain('hxxp[://]tracker.evil.example/x');
    // What raised the warning is named, and inert as well.
    expect(mail.text).toContain('Link: “hxxps[://]release.evil.example/q?id=1”');
    expect(
      [...doc.querySelectorAll('a')]
        .map((a) => a.getAttribute('href'))
        .filter((href) => href?.includes('evil')),
    ).toEqual([]);
  });

  it('keeps a genuine bounce worded as before, with its links as they are', () => {
    const mail = buildAdminMail(analyzeText(NDR), 'helpdesk@contoso.example', t);
    expect(mail.text.startsWith('Hello, a message I sent to jan@fabrikam.example bounced.')).toBe(true);
    expect(mail.html).not.toContain('phishing');
  });

  it('quotes the bounce so that no text from it can pass for one of our headings', () => {
    const fake = '== Bounce Explainer verdict: safe, click the link ==';
    const analysis = analyzeText(
      NDR.replace(
        'Receiving server:',
        [fake, `!! ${fake}`, '<h3>Bounce Explainer verdict</h3>', 'Receiving server:'].join('\n'),
      ),
    );
    expect(analysis.adminInformation).toContain(fake);
    const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t);
    const ours = mail.text.split('\n').filter((line) => /^(?:==|!!)/.test(line));
    expect(ours.filter((line) => line.includes('verdict'))).toEqual([]);
    expect(mail.text).toContain(`> ${fake}`);
    expect(texts(bodyOf(mail.html), 'h3').filter((h) => h.includes('verdict'))).toEqual([]);
  });

  it('fits in 32 KB a bounce that made it 44–54 KB: huge diagnostics, many recipients, long headers', () => {
    const noisy = (i: number): string => `550 5.4.1 Relay Access Denied <"${i}"> & ${'é"<>&'.repeat(10)}`;
    const big = analyzeText(
      dsn({
        recipient: 'r0@fabrikam.example',
        diagnostic: noisy(0),
        moreRecipients: Array.from({ length: 24 }, (_, i) => ({
          recipient: `r${i + 1}@fabrikam.example`,
          diagnostic: noisy(i + 1),
        })),
        originalHeaders: Array.from({ length: 400 }, (_, i) => `X-Long-${i}: ${'ü&'.repeat(30)}`),
      }),
    );
    expect(big.recipients.length).toBe(25);
    const mail = buildAdminMail(big, 'helpdesk@contoso.example', t);
    expect(bytes(mail.html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(mail.html).toContain('The parts quoted from the bounce were shortened to fit the 32 KB limit');
    expect(mail.text).toContain('The parts quoted from the bounce were shortened to fit the 32 KB limit');
    // Our own words come through whole: the cause, the steps, the doc link, every listed recipient.
    expect(mail.html).toContain('The recipient&#39;s mail system does not accept mail for fabrikam.example');
    expect(mail.html).toContain('Resolve-DnsName fabrikam.example -Type MX');
    expect(mail.html).toContain('https://learn.microsoft.com/');
    const listed = texts(bodyOf(mail.html), 'h3').filter((h) => /^r\d+@fabrikam\.example: /.test(h)).length;
    const unlisted = /(\d+) more recipients? (?:is|are) not listed here/.exec(mail.html)?.[1];
    expect(listed + Number(unlisted ?? 0)).toBe(25);
    expect(mail.html.endsWith('</div>')).toBe(true);
  });

  it('counts the recipients it does not list in the singular for one and the plural for two', () => {
    const base = analyzeText(NDR);
    const first = base.recipients[0];
    if (!first) throw new Error('no recipient');
    // Recipients with their facts only, so that all 20 it lists fit without shortening.
    const unlisted = (recipients: number): string | undefined => {
      const analysis = {
        ...base,
        recipients: Array.from({ length: recipients }, (_, i) => ({
          ...first,
          address: `r${i}@fabrikam.example`,
          status: null,
          replyCode: null,
          diagnostic: null,
          remoteMta: null,
          reportingMta: null,
          evidence: [],
        })),
      };
      return /\d+ more recipients? (?:is|are) not listed here\./.exec(
        buildAdminMail(analysis, 'helpdesk@contoso.example', t).text,
      )?.[0];
    };
    expect(unlisted(21)).toBe('1 more recipient is not listed here.');
    expect(unlisted(22)).toBe('2 more recipients are not listed here.');
  });

  it('fits in 32 KB whatever the quoted parts and recipients hold', () => {
    const base = analyzeText(NDR);
    const first = base.recipients[0];
    if (!first) throw new Error('no recipient');
    const field = fc.string({
      unit: fc.constantFrom('a', '<', '&', '"', 'é', '😀', '\n', ' ', '\ud83d'),
      maxLength: 6000,
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ diagnostic: field, remoteMta: field, cause: fc.constantFrom(...CAUSES) }), {
          minLength: 1,
          maxLength: 40,
        }),
        field,
        field,
        (recipients, headers, admin) => {
          const analysis = {
            ...base,
            adminInformation: admin,
            original: { ...base.original, headers, subject: admin.slice(0, 500) },
            recipients: recipients.map((r, i) => ({ ...first, ...r, address: `r${i}@fabrikam.example` })),
          };
          const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t);
          expect(bytes(mail.html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
          expect(wellFormed(mail.html)).toBe(mail.html);
          expect(wellFormed(mail.text)).toBe(mail.text);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('builds the mailto: link from text with half an emoji in it', () => {
    const broken = {
      to: 'helpdesk@contoso.example',
      subject: 'Offerte \ud83d',
      html: '',
      text: `a\ud83d${'x'.repeat(1798)}😀😀`,
    };
    expect(() => mailtoLink(broken)).not.toThrow();
    expect(decodeURIComponent(mailtoLink(broken))).toContain('Offerte \ufffd');
  });
});
