import { findSuspicions, type SuspicionInput } from '../../src/core/suspicion';
import type { HeaderField } from '../../src/core/types';

function header(name: string, value: string): HeaderField {
  return { name: name.toLowerCase(), originalName: name, value };
}

function signs(text: string, overrides: Partial<SuspicionInput> = {}): string[] {
  return findSuspicions({
    headers: [header('From', 'postmaster@contoso.example'), header('To', 'alex@contoso.example')],
    text,
    looksExchange: false,
    exchangeLayout: false,
    deliveryStatus: true,
    ...overrides,
  }).map((s) => s.code);
}

describe('look-alike signs', () => {
  it("does not warn about Microsoft's own help links and the words of a genuine enhanced NDR", () => {
    expect(
      signs(
        'For more information, click here: https://go.microsoft.com/fwlink/?LinkId=389361 and https://learn.microsoft.com/x. Try to resend the message.',
      ),
    ).toEqual([]);
  });

  it('does not warn about a link to the report’s own organisation, even on an "outlook" host', () => {
    expect(signs('Sign in at https://outlook.contoso.example/owa to release your messages')).toEqual([]);
  });

  it('warns about a link to a bare IP address, a shortener, punycode and a look-alike brand', () => {
    expect(signs('see http://198.51.100.7/owa')).toEqual(['link.ipAddress']);
    expect(signs('see https://bit.ly/abc')).toEqual(['link.shortener']);
    expect(signs('see https://xn--micrsoft-3ya.example/')).toEqual(['link.punycode']);
    expect(signs('see https://login.rnicros0ft-support.example/')).toEqual(['link.lookAlike']);
  });

  it('warns about lure wording only together with a link outside the known help sites', () => {
    expect(signs('Release pending messages now.')).toEqual([]);
    expect(signs('Release pending messages: https://support.google.com/mail')).toEqual([]);
    expect(signs('Release pending messages: https://release.tailspin.example/x')).toEqual(['wording.lure']);
    expect(signs('Uw berichten vrijgeven: https://tailspin.example/x')).toEqual(['wording.lure']);
  });

  it('names the link and the words that raised each sign', () => {
    const [lure] = findSuspicions({
      headers: [],
      text: 'Your mailbox storage is full. Upgrade your storage: https://tailspin.example/up.',
      looksExchange: false,
      exchangeLayout: false,
      deliveryStatus: false,
    });
    expect(lure?.evidence.map((e) => [e.field, e.text])).toEqual([
      ['wording', 'Upgrade your storage'],
      ['link', 'https://tailspin.example/up'],
    ]);
  });

  it('mentions missing Exchange markers only when something else is wrong as well', () => {
    const exchangeCopy: Partial<SuspicionInput> = {
      headers: [header('Subject', 'Undeliverable: x'), header('Message-ID', '<a@b>')],
      looksExchange: true,
      exchangeLayout: true,
      deliveryStatus: false,
    };
    expect(signs('Delivery has failed to these recipients or groups', exchangeCopy)).toEqual([]);
    expect(signs('see https://bit.ly/abc', exchangeCopy)).toEqual([
      'link.shortener',
      'exchange.markersMissing',
    ]);
  });

  it('looks at no more than 200 links of a long text', () => {
    const text = `${'https://tailspin.example/a '.repeat(5000)} http://198.51.100.7/`;
    expect(signs(text)).toEqual([]);
  });
});
