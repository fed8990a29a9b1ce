import { analyzeText } from '../../src/core';
import { createTranslator } from '../../src/i18n/static';
import { isValidAdminAddress, organisationAddressFromQuery } from '../../src/ui/adminChannel';
import { createLocalSettingsStore } from '../../src/ui/localSettings';
import { adminSubject, buildAdminMail, escapeHtml, mailtoLink, MAX_HTML_BYTES } from '../../src/ui/adminMail';

const t = createTranslator('en');

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
    expect(mail.html).toContain('Voor uw beheerder');
  });

  it('builds a mailto: link with everything encoded', () => {
    const link = mailtoLink({ to: 'help desk@x.example', subject: 'a&b', html: '', text: 'line\nbody' });
    expect(link).toBe('mailto:help%20desk%40x.example?subject=a%26b&body=line%0Abody');
  });

  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
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
