/**
 * Addresses and server names read from a report stay within the lengths mail allows (RFC 5321
 * §4.5.3.1: local part 64, address 254; RFC 1035: labels 63, a name written out 253). A longer
 * "address" or "server" is text from the bounce, not a name: it is not taken, and never cut down
 * to a name it is not. Text the analyser cuts to a length stays well-formed.
 */
import { analyzeText } from '../../src/core';
import { clip, findAddress, findAddresses, isAddress, cutAt } from '../../src/core/text';

const label = (length: number): string => 'a'.repeat(length);
/** A domain of `length` characters: labels of 63 joined by dots, ending in ".example". */
function domain(length: number): string {
  const labels: string[] = [];
  let left = length - '.example'.length;
  while (left > 0) {
    const size = Math.min(63, left);
    labels.push(label(size));
    left -= size + 1;
  }
  return `${labels.join('.')}.example`.slice(-length);
}

describe('addresses', () => {
  it('takes a local part of 64 characters and an address of 254', () => {
    const longest = `${label(64)}@${domain(189)}`;
    expect(longest).toHaveLength(254);
    expect(findAddress(`to <${longest}>`)).toBe(longest);
    expect(isAddress(longest)).toBe(true);
  });

  it('does not take the last 64 characters of a longer local part', () => {
    expect(findAddress(`${label(65)}@example.com`)).toBeNull();
    expect(isAddress(`${label(65)}@example.com`)).toBe(false);
  });

  it('does not take the first 63 characters of a longer label', () => {
    expect(findAddress(`jan@${label(64)}.example`)).toBeNull();
    expect(findAddress(`jan@example.${label(64)}`)).toBeNull();
  });

  it('does not take an address longer than 254 characters, and finds the next one', () => {
    const tooLong = `${label(64)}@${domain(190)}`;
    expect(tooLong).toHaveLength(255);
    expect(isAddress(tooLong)).toBe(false);
    expect(findAddress(`${tooLong} jan@fabrikam.example`)).toBe('jan@fabrikam.example');
    expect(findAddresses(`${tooLong}, jan@fabrikam.example`)).toEqual(['jan@fabrikam.example']);
  });
});

describe('server names', () => {
  const report = (server: string): string =>
    [
      'Reporting-MTA: dns; ' + server,
      '',
      'Final-Recipient: rfc822; jan@fabrikam.example',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; ' + server,
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    ].join('\n');

  it('keeps a reporting and a remote server of 253 characters', () => {
    const name = domain(253);
    const analysis = analyzeText(report(name));
    expect(analysis.reportingMta).toBe(name);
    expect(analysis.recipients[0]?.remoteMta).toBe(name);
  });

  it('takes no server name longer than 253 characters', () => {
    const analysis = analyzeText(report(domain(254)));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.reportingMta).toBeNull();
    expect(analysis.recipients[0]?.reportingMta).toBeNull();
    expect(analysis.recipients[0]?.remoteMta).toBeNull();
  });
});

describe('cut text', () => {
  const rocket = '\u{1F680}';
  const isWellFormed = (text: string): boolean =>
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

  it('never keeps half of an emoji', () => {
    expect(cutAt(`a${rocket}`, 2)).toBe('a');
    expect(cutAt(`a${rocket}`, 3)).toBe(`a${rocket}`);
    expect(clip(`a${rocket.repeat(3)}`, 3)).toBe('a…');
    expect(clip(`ab${rocket.repeat(3)}`, 4)).toBe('ab…');
    expect(clip(`ab${rocket.repeat(3)}`, 5)).toBe(`ab${rocket}…`);
  });

  it('keeps the errors, evidence and sections of a report with long emoji text well-formed', () => {
    // An odd number of characters before the emoji puts each of the analyser's cuts (400, 2,000,
    // 4,000, 8,000) inside a pair.
    const emoji = rocket.repeat(5000);
    const analysis = analyzeText(
      [
        'Delivery has failed to these recipients or groups:',
        '',
        'jan@fabrikam.example',
        `x${emoji}`,
        '',
        'Diagnostic information for administrators:',
        '',
        'jan@fabrikam.example',
        `Remote Server returned '550 5.1.1 ${emoji}'`,
        '',
        `xy${emoji}`,
      ].join('\n'),
    );
    const recipient = analysis.recipients[0];
    expect(recipient?.diagnostic?.endsWith('…')).toBe(true);
    for (const text of [
      recipient?.diagnostic ?? '',
      ...(recipient?.evidence.map((e) => e.text) ?? []),
      analysis.userInformation ?? '',
      analysis.adminInformation ?? '',
    ])
      expect(isWellFormed(text)).toBe(true);
  });
});
