/**
 * src/mail/contentType.ts must read a Content-Type as postal-mime does: the pre-pass of
 * cutParts.ts follows the boundaries it reads, and a boundary postal-mime does not see would make
 * it cut the wrong lines. The table shows the rules; the property holds the reader to postal-mime
 * itself, through postal-mime's public parse on messages built around the value.
 */
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { readStructured, readTransferEncoding } from '../../src/mail/contentType';

const read = (value: string): [string, Record<string, string>] => {
  const parsed = readStructured(value);
  return [parsed.value, Object.fromEntries(parsed.params)];
};

describe('reading a Content-Type', () => {
  it.each<[string, string, Record<string, string>]>([
    ['text/plain', 'text/plain', {}],
    ['Multipart/Mixed; Boundary="=_Part_1"', 'multipart/mixed', { boundary: '=_Part_1' }],
    ['multipart/mixed; boundary=abc', 'multipart/mixed', { boundary: 'abc' }],
    ['multipart/mixed; boundary = "a b"  ', 'multipart/mixed', { boundary: 'a b' }],
    ['multipart/mixed (comment); boundary="x" (more)', 'multipart/mixed', { boundary: 'x' }],
    ['multipart/mixed; boundary="x"; boundary="y"', 'multipart/mixed', { boundary: 'x' }],
    ['multipart/mixed; flag; boundary="x"', 'multipart/mixed', { flag: '', boundary: 'x' }],
    ['multipart/mixed; boundary="a\\"b"', 'multipart/mixed', { boundary: 'a"b' }],
    ['multipart/mixed; boundary="x" junk', 'multipart/mixed', { boundary: 'x' }],
    ['application/pdf; name=Invoice(1).pdf', 'application/pdf', { name: 'Invoice(1).pdf' }],
    ['application/pdf; name="(not a comment)"', 'application/pdf', { name: '(not a comment)' }],
    ['multipart/mixed; x=(y; boundary="b"', 'multipart/mixed', { x: '(y', boundary: 'b' }],
    ['image/png (unclosed', 'image/png', {}],
    ['', '', {}],
  ])('reads %j as type %j with %j', (value, type, params) => {
    expect(read(value)).toEqual([type, params]);
  });

  it('names the parameters that come in RFC 2231 sections', () => {
    const parsed = readStructured('multipart/mixed; boundary*0="ab"; boundary*1="cd"; name*=utf-8\'\'x');
    expect([...parsed.continued].sort()).toEqual(['boundary', 'name']);
  });

  it('reads the first token of a transfer encoding', () => {
    expect(readTransferEncoding('(comment) BASE64')).toBe('base64');
    expect(readTransferEncoding('"7bit"')).toBe('7bit');
    expect(readTransferEncoding('')).toBe('');
  });
});

const TOKENS = [
  'multipart/mixed',
  'MULTIPART/Report',
  'image/png',
  'message/rfc822',
  'text/plain',
  ';',
  '; ',
  ' ',
  '\t',
  '"',
  '\\',
  '(',
  ')',
  '=',
  'boundary',
  'BOUNDARY',
  'boundary=',
  'name',
  'b1',
  'x',
  '--',
  'é',
  "'",
  '*0',
  '.pdf',
];
/** A header value as postal-mime hands it on: spaces and tabs around it trimmed. */
const valueArb = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 14 })
  .map((t) => t.join('').replace(/^[ \t]+|[ \t]+$/g, ''));

const OPTIONS = { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' } as const;

describe('agreement with postal-mime', () => {
  it('reads the same type as postal-mime', async () => {
    await fc.assert(
      fc.asyncProperty(valueArb, async (value) => {
        const parsed = readStructured(value);
        if (parsed.value.startsWith('multipart/')) return;
        const raw = `Content-Type: ${value}\nContent-Disposition: attachment\n\nbody\n`;
        const email = await PostalMime.parse(raw, OPTIONS);
        expect(email.attachments.map((a) => a.mimeType)).toEqual([parsed.value]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a boundary only where postal-mime splits the message on it', async () => {
    await fc.assert(
      fc.asyncProperty(valueArb, async (tail) => {
        const value = `multipart/mixed; ${tail}`.trimEnd();
        const parsed = readStructured(value);
        const boundary = parsed.params.get('boundary');
        if (!boundary || parsed.continued.has('boundary')) return;
        const raw =
          `Content-Type: ${value}\n\n--${boundary}\nContent-Type: text/plain\n\none\n` +
          `--${boundary}\nContent-Type: text/plain\n\ntwo\n--${boundary}--\n`;
        const email = await PostalMime.parse(raw, OPTIONS);
        expect(email.text).toBe('one\n\ntwo\n');
      }),
      { numRuns: 500 },
    );
  });
});
