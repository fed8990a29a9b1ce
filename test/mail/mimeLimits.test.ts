/**
 * src/mail/mimeLimits.ts replaces parts of postal-mime's internals for speed. These tests hold it
 * to its promise: the patched parser decodes every message exactly as postal-mime does alone.
 */
import type PostalMimeClass from 'postal-mime';
import type { Email } from 'postal-mime';
import { decodeEml } from '../../src/mail/decodeEml';
import { MAX_BLANK_RUN, createParser } from '../../src/mail/mimeLimits';
import { corpusSample } from '../support/fuzzCases';

const OPTIONS = {
  forceRfc822Attachments: true,
  attachmentEncoding: 'arraybuffer',
  maxNestingDepth: 100,
  maxHeadersSize: 256 * 1024,
} as const;

/** A postal-mime module of its own, loaded apart from the one the patch was applied to. */
function pristinePostalMime(): typeof PostalMimeClass {
  let loaded: typeof PostalMimeClass | undefined;
  jest.isolateModules(() => {
    loaded = (jest.requireActual('postal-mime') as { default: typeof PostalMimeClass }).default;
  });
  if (!loaded) throw new Error('postal-mime did not load');
  return loaded;
}

/** What decodeEml reads of a parse, with attachment bytes as hex digests of their content. */
function essentials(email: Email): unknown {
  return {
    headers: email.headers.map((h) => [h.key, h.originalKey, h.value]),
    text: email.text ?? null,
    html: email.html ?? null,
    attachments: email.attachments.map((a) => {
      const content = a.content;
      const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content as ArrayBuffer);
      return [a.mimeType, a.filename, a.disposition, bytes.length, bytes.toString('base64')];
    }),
  };
}

const files = corpusSample();

describe('the patched postal-mime parser', () => {
  const Pristine = pristinePostalMime();

  it('is a different copy of postal-mime than the patched one', () => {
    const patched = createParser(OPTIONS, false).parser;
    expect(Object.getPrototypeOf(patched)).not.toBe(Pristine.prototype);
  });

  it('decodes every corpus message, LF and CRLF, exactly as postal-mime does unpatched', async () => {
    expect(files.length).toBeGreaterThan(400);
    let compared = 0;
    for (const file of files) {
      const lf = Buffer.from(file.bytes);
      const crlf = Buffer.from(lf.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
      for (const bytes of [lf, crlf]) {
        const expected = essentials(await new Pristine(OPTIONS).parse(new Uint8Array(bytes)));
        const actual = essentials(await createParser(OPTIONS, false).parser.parse(new Uint8Array(bytes)));
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          throw new Error(`${file.name} decodes differently`);
        compared++;
      }
    }
    expect(compared).toBe(files.length * 2);
  });

  it('keeps the first blank lines of a long run and drops the rest, anywhere in the message', async () => {
    const blank = ['', ' ', '\t', '\r'];
    const run = Array.from({ length: 5000 }, (_, i) => blank[i % blank.length]).join('\n');
    const raw = `From: a@example.com\nSubject: blanks\n\nbefore\n${run}\nafter\n${run}\n`;
    const message = await decodeEml(new TextEncoder().encode(raw));
    const lines = message.text.split('\n');
    expect(lines[0]).toBe('before');
    const afterAt = lines.indexOf('after');
    expect(afterAt).toBe(MAX_BLANK_RUN + 1);
    expect(lines.length).toBeLessThanOrEqual(2 * MAX_BLANK_RUN + 3);
  });

  it('keeps blank runs up to the limit untouched', async () => {
    const run = '\n'.repeat(MAX_BLANK_RUN);
    const raw = `From: a@example.com\nSubject: blanks\n\nbefore\n${run}after\n`;
    const message = await decodeEml(new TextEncoder().encode(raw));
    expect(message.text).toBe(`before\n${run}after\n`);
  });

  it('decodes long quoted-printable bodies across its output chunks', async () => {
    const line = 'caf=C3=A9 ' + 'x'.repeat(60) + '=\n';
    const raw =
      'From: a@example.com\nSubject: qp\nContent-Type: text/plain; charset=utf-8\n' +
      `Content-Transfer-Encoding: quoted-printable\n\n${line.repeat(2000)}end\n`;
    const message = await decodeEml(new TextEncoder().encode(raw));
    expect(message.text).toBe(`café ${'x'.repeat(60)}`.repeat(2000) + 'end\n');
  });
});
