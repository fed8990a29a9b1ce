import { readFileSync } from 'node:fs';
import path from 'node:path';
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
