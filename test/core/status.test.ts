import {
  findEnhancedStatus,
  findReplyCode,
  isPseudoStatus,
  parseEnhancedStatus,
} from '../../src/core/status';

describe('enhanced status codes', () => {
  it.each([
    ['5.4.1', { code: '5.4.1', class: 5, subject: 4, detail: 1 }],
    ['4.7.650', { code: '4.7.650', class: 4, subject: 7, detail: 650 }],
    ['5.1.10 (RESOLVER)', { code: '5.1.10', class: 5, subject: 1, detail: 10 }],
  ])('parses %s', (text, expected) => {
    expect(parseEnhancedStatus(text)).toEqual(expected);
  });

  it.each(['3.1.1', '5.a.1', '', 'permanent'])('rejects %p', (text) => {
    expect(parseEnhancedStatus(text)).toBeNull();
  });

  it('prefers the code that follows the reply code over a later one', () => {
    expect(findEnhancedStatus('550 5.4.1 Recipient address rejected (see 5.1.1)')?.code).toBe('5.4.1');
  });

  it('finds a code quoted after a reply code', () => {
    expect(
      findEnhancedStatus("5.1.0 - Unknown address error 550-'5.7.1 <x@example.com>... Access denied'")?.code,
    ).toBe('5.7.1');
  });

  it('does not take an IP address or a version number for a status', () => {
    expect(findEnhancedStatus('connect to 192.0.2.1 failed')).toBeNull();
    expect(findEnhancedStatus('Exim version 4.4.1 here')).toBeNull();
  });
});

describe('SMTP reply codes', () => {
  it.each([
    ['550 5.1.1 User unknown', '550'],
    ['smtp; 554 5.7.1 rejected', '554'],
    ['host mx.example.com said: 452 4.2.2 Mailbox full', '452'],
    ['#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##', '550'],
  ])('reads the reply code of %p', (text, code) => {
    expect(findReplyCode(text)).toBe(code);
  });

  it.each([
    ['550 [SUSPEND] Mailbox currently suspended', '550'],
    ['550 "Requested action not taken: mailbox unavailable"', '550'],
    ['host said: 550 ** No mail box available for this user', '550'],
    ['554 30 Sorry, no mailbox here by that name.', '554'],
  ])('reads a reply code followed by punctuation or a vendor number: %s', (text, code) => {
    expect(findReplyCode(text)).toBe(code);
  });

  it('does not take a number followed by more numbers for a reply code', () => {
    expect(findReplyCode('call 550 12 34 56')).toBeNull();
  });

  it('ignores years and other numbers', () => {
    expect(findReplyCode('expired after 2026 attempts')).toBeNull();
  });
});

describe('pseudo status codes', () => {
  it("recognises Sisimai's invented codes", () => {
    expect(isPseudoStatus('5.0.911')).toBe(true);
    expect(isPseudoStatus('5.9.213')).toBe(true);
    expect(isPseudoStatus('5.1.1')).toBe(false);
  });
});
