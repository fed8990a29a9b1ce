import { analyzeText } from '../../src/core';
import {
  hasHiddenCharacters,
  quotedUnlessValid,
  sentenceValues,
  validAddress,
  validDomain,
  validHostname,
  validStatus,
} from '../../src/core/safeValues';
import { clip, cutAt, wellFormed } from '../../src/core/text';
import { COMMAND_INJECTION, FAKE_DATE, LURE, dsn } from '../support/untrustedBounces';

describe('values our sentences may name', () => {
  it.each([
    ['jan@fabrikam.example', 'jan@fabrikam.example'],
    ['Jan.de-Vries+offerte@Mail.Fabrikam.EXAMPLE', 'Jan.de-Vries+offerte@mail.fabrikam.example'],
    ['prvs=1234=piet@contoso.example', 'prvs=1234=piet@contoso.example'],
    ['jan@xn--bcher-kva.example', 'jan@xn--bcher-kva.example'],
    ['jan@fabrikam.xn--p1ai', 'jan@fabrikam.xn--p1ai'],
  ])('accepts the address %s', (raw, valid) => {
    expect(validAddress(raw)).toBe(valid);
  });

  it.each([
    COMMAND_INJECTION,
    LURE,
    'jan@fabrikam',
    'jan fabrikam@fabrikam.example',
    'jan@fabrikam.example;iex(irm x)',
    "o'brien@fabrikam.example",
    'jan$(whoami)@fabrikam.example',
    'jan`id`@fabrikam.example',
    'jan|calc@fabrikam.example',
    'jan&calc@fabrikam.example',
    'jan#x@fabrikam.example',
    '"jan"@fabrikam.example',
    '<jan@fabrikam.example>',
    '-Confirm@fabrikam.example',
    'jan..x@fabrikam.example',
    'jan@fabrikam..example',
    'jan@-fabrikam.example',
    'jan@fabrikam.123',
    'jan@[198.51.100.7]',
    'jan@198.51.100.7',
    'jan\u200b@fabrikam.example',
    'jan@fabri\u202ekam.example',
    'jan@fabrikam.example\u0000',
    'jan@fabrikam.example\n',
    'jan@bücher.example',
    `${'a'.repeat(65)}@fabrikam.example`,
    `jan@${'a'.repeat(64)}.example`,
    `jan@${Array.from({ length: 60 }, () => 'abcd').join('.')}.example`,
    '@fabrikam.example',
    'jan@',
    '',
  ])('refuses %p as an address', (raw) => {
    expect(validAddress(raw)).toBeNull();
  });

  it('keeps an address of 254 characters and refuses one of 255', () => {
    const domain = `${Array.from({ length: 3 }, () => 'a'.repeat(63)).join('.')}.${'b'.repeat(60)}`;
    expect(domain.length).toBe(252);
    expect(validDomain(domain)).toBe(domain);
    expect(validAddress(`j@${domain}`)).toBe(`j@${domain}`);
    expect(validAddress(`ja@${domain}`)).toBeNull();
  });

  it('takes host names by the same rules, without the root dot', () => {
    expect(validHostname('MX1.Fabrikam.example.')).toBe('mx1.fabrikam.example');
    expect(validHostname('fabrikam-example.mail.protection.outlook.com')).toBe(
      'fabrikam-example.mail.protection.outlook.com',
    );
    for (const bad of [
      'localhost',
      'mx1.fabrikam.example;rm -rf',
      'mx1 fabrikam.example',
      '198.51.100.7',
      'a_b.example',
    ])
      expect(validHostname(bad)).toBeNull();
  });

  it('takes only RFC 3463 status codes', () => {
    expect(validStatus('5.4.1')).toBe('5.4.1');
    expect(validStatus('5.4.1; rm')).toBeNull();
    expect(validStatus('6.0.0')).toBeNull();
  });

  it('finds hidden characters: zero-width, bidi, controls, blank fillers', () => {
    for (const hidden of [
      '\u200b',
      '\u200d',
      '\u2066',
      '\u202e',
      '\u00ad',
      '\u0007',
      '\u3164',
      '\u2800',
      '\ufeff',
    ])
      expect([hidden, hasHiddenCharacters(`a${hidden}b@contoso.example`)]).toEqual([hidden, true]);
    expect(hasHiddenCharacters('helpdesk@contoso.example')).toBe(false);
  });
});

describe('the sentence values of a recipient', () => {
  const first = (text: string) => {
    const r = analyzeText(text).recipients[0];
    if (!r) throw new Error('no recipient');
    return r;
  };

  it('name a valid recipient, its domain, the server and the status', () => {
    expect(sentenceValues(first(dsn({ remoteMta: 'mx.fabrikam.example' })))).toEqual({
      recipient: 'jan@fabrikam.example',
      domain: 'fabrikam.example',
      remoteMta: 'mx.fabrikam.example',
      status: '5.4.1',
    });
  });

  it('name nothing from a recipient field that holds a command', () => {
    const r = first(dsn({ recipient: COMMAND_INJECTION }));
    expect(r.address).toBe(COMMAND_INJECTION);
    expect(sentenceValues(r)).toMatchObject({ recipient: null, domain: null });
    expect(quotedUnlessValid(r.address)).toBe(`“${COMMAND_INJECTION}”`);
  });

  it('name nothing from a recipient field that holds a lure', () => {
    expect(sentenceValues(first(dsn({ recipient: LURE })))).toMatchObject({ recipient: null, domain: null });
  });

  it('keep a valid domain after an invalid local part', () => {
    expect(sentenceValues(first(dsn({ recipient: 'jan(x)@fabrikam.example' })))).toMatchObject({
      recipient: null,
      domain: 'fabrikam.example',
    });
  });
});

describe('dates in the analysis', () => {
  const retry = (willRetryUntil: string) =>
    analyzeText(dsn({ action: 'delayed', status: '4.4.7', diagnostic: '451 4.4.7 later', willRetryUntil }))
      .recipients[0];

  it('are ISO 8601 when the field is a date', () => {
    expect(retry('Tue, 13 Mar 2018 11:04:30 +0100 (CET)')?.retryUntil).toBe('2018-03-13T10:04:30.000Z');
  });

  it('are null when the field is not a date, which stays only as evidence', () => {
    const r = retry(FAKE_DATE);
    expect(r?.retryUntil).toBeNull();
    expect(r?.evidence).toContainEqual(
      expect.objectContaining({ field: 'Will-Retry-Until', text: FAKE_DATE }),
    );
  });

  it('are null for text that Date.parse would still read as a date', () => {
    expect(retry('ACTION 1 2 3')?.retryUntil).toBeNull();
  });
});

describe('cutting text', () => {
  it('never splits a surrogate pair', () => {
    expect(cutAt('ab😀cd', 3)).toBe('ab');
    expect(cutAt('ab😀cd', 4)).toBe('ab😀');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(wellFormed(clip('x'.repeat(10) + '😀'.repeat(10), 12))).toBe(
      clip('x'.repeat(10) + '😀'.repeat(10), 12),
    );
  });

  it('makes text with a lone surrogate well-formed', () => {
    expect(wellFormed('a\ud83db')).toBe('a\ufffdb');
    expect(wellFormed('a\ude00')).toBe('a\ufffd');
    expect(wellFormed('ok 😀')).toBe('ok 😀');
    expect(() => encodeURIComponent(wellFormed('\ud83d'))).not.toThrow();
  });
});
