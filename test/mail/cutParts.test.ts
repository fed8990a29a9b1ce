/**
 * src/mail/cutParts.ts cuts the bodies of parts the analyser never reads before postal-mime parses
 * a message. These tests hold it to that: what is cut and how much is kept, that the MIME
 * structure postal-mime sees is the one it would have seen, that broken MIME is left as it is,
 * and that hostile structure costs it no more than a bounded, linear pass.
 */
import PostalMime, { type Email } from 'postal-mime';
import { LEAF_LIMIT, MAX_BLANK_RUN, OCTET_LIMIT, cutUnreadParts } from '../../src/mail/cutParts';

const LIMITS = { maxHeaderBytes: 256 * 1024, maxNesting: 100 };
const OPTIONS = {
  forceRfc822Attachments: true,
  attachmentEncoding: 'arraybuffer',
  maxNestingDepth: 100,
  maxHeadersSize: 256 * 1024,
} as const;

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const cut = (text: string): { text: string; truncated: boolean; same: boolean } => {
  const input = encode(text);
  const result = cutUnreadParts(input, LIMITS);
  return { text: decode(result.bytes), truncated: result.truncated, same: result.bytes === input };
};
const parse = (text: string): Promise<Email> => PostalMime.parse(encode(text), OPTIONS);

/** `lines` lines of 76 base64 characters (57 bytes each once decoded). */
const base64Body = (lines: number, char = 'A'): string => `${char.repeat(76)}\n`.repeat(lines);
const bytesOf = (content: Email['attachments'][number]['content']): Uint8Array =>
  typeof content === 'string' ? encode(content) : new Uint8Array(content);

/** A part of `type` with a base64 body of `lines` lines (without the last line break). */
const part = (type: string, lines: number, extra = ''): string =>
  `Content-Type: ${type}\n${extra}Content-Transfer-Encoding: base64\n\n${base64Body(lines).slice(0, -1)}`;

const REPORT = [
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example',
  '',
  'Final-Recipient: rfc822; piet@fabrikam.example',
  'Action: failed',
  'Status: 5.1.1',
  '',
].join('\n');

/** A multipart message of the given parts, with `boundary`. */
const multipart = (boundary: string, parts: readonly string[], type = 'multipart/mixed'): string =>
  `From: a@example.com\nSubject: test\nMIME-Version: 1.0\nContent-Type: ${type}; boundary="${boundary}"\n\n` +
  parts.map((p) => `--${boundary}\n${p}\n`).join('') +
  `--${boundary}--\n`;

/** Lines of `text` that are not base64 body lines of the test parts: headers, boundaries, text. */
const structure = (text: string): string[] => text.split('\n').filter((l) => !/^[A-Z]{76}$/.test(l));

// 4,000 lines of 77 bytes: 308 KB, over the 256 KB kept of a part nobody reads.
const BIG = 4000;

describe('cutting the bodies of parts nobody reads', () => {
  it('keeps the first 256 KB of a large image, keeps the text, and says it cut', async () => {
    const text = multipart('b1', ['Content-Type: text/plain\n\nHello', part('image/png', BIG)]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThan(LEAF_LIMIT + 1000);
    const whole = await parse(text);
    const email = await parse(result.text);
    expect(email.text).toBe(whole.text);
    const image = bytesOf(email.attachments[0]?.content ?? '');
    const original = bytesOf(whole.attachments[0]?.content ?? '');
    expect(image.length).toBeGreaterThan(((LEAF_LIMIT - 77) / 77) * 57);
    expect(image.length).toBeLessThanOrEqual((LEAF_LIMIT / 77) * 57);
    expect(Buffer.from(original.subarray(0, image.length)).equals(Buffer.from(image))).toBe(true);
  });

  it.each(['application/pdf', 'audio/mpeg', 'video/mp4', 'font/woff', 'model/stl', 'image/jpeg'])(
    'cuts a large %s part',
    (type) => {
      expect(cut(multipart('b1', [part(type, BIG)])).truncated).toBe(true);
    },
  );

  it('keeps the first 4 MB of an application/octet-stream part, which may be an attached message', () => {
    const lines = Math.ceil((OCTET_LIMIT * 1.2) / 77);
    const result = cut(multipart('b1', [part('application/octet-stream', lines)]));
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeGreaterThan(OCTET_LIMIT - 100);
    expect(result.text.length).toBeLessThan(OCTET_LIMIT + 1000);
  });

  it.each([
    ['a text part', 'Content-Type: text/plain\n\n' + 'a line of text\n'.repeat(30_000)],
    ['a report part', REPORT + 'X-Note: filler\n'.repeat(30_000)],
    ['a text part without a Content-Type', '\n' + 'a line of text\n'.repeat(30_000)],
    ['an Outlook item', part('application/vnd.ms-outlook', BIG)],
    ['a part named .eml', part('application/pdf; name="original.eml"', BIG)],
    ['a part named .msg', part('application/pdf', BIG, 'Content-Disposition: attachment; filename=a.MSG\n')],
    ['a part with an encoded name', part('image/png; name="=?utf-8?Q?a?="', BIG)],
    ['a part with a name in RFC 2231 sections', part('image/png; name*0="a"; name*1=".png"', BIG)],
    ['a message/rfc822 part in base64', part('message/rfc822', BIG)],
    // postal-mime reads "multipart/" as a leaf: "--x" is no boundary in it.
    [
      'a multipart/ part without a subtype',
      `Content-Type: multipart/; boundary="x"\n\n--x\n${part('image/png', BIG)}`,
    ],
  ])('keeps %s whole however large it is, and returns the input itself', (_name, body) => {
    const result = cut(multipart('b1', [body]));
    expect(result).toMatchObject({ truncated: false, same: true });
  });

  it('keeps the root of a message when it is an image', () => {
    const text = `From: a@example.com\n${part('image/png', BIG)}\n`;
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
  });
});

describe('the MIME structure postal-mime sees', () => {
  it('keeps every header and boundary line, and every line of the parts it does not cut', () => {
    const text = multipart('outer', [
      'Content-Type: text/plain\n\nSee attached.',
      `Content-Type: multipart/alternative; boundary="inner"\n\n--inner\nContent-Type: text/plain\n\nplain\n--inner\n${part('image/gif', BIG)}\n--inner--`,
      part('application/zip', BIG, 'Content-Disposition: attachment; filename="a.zip"\n'),
      REPORT,
    ]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
  });

  it('cuts the leaves of an attached message but keeps its headers, boundaries and report part', async () => {
    const attached = multipart('ndr', [
      'Content-Type: text/plain\n\nUser unknown',
      REPORT,
      part('image/png', BIG),
    ]);
    const text = multipart('fw', [
      'Content-Type: text/plain\n\nCan you look at this?',
      `Content-Type: message/rfc822\n\n${attached}`,
    ]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
    const email = await parse(result.text);
    const inner = await parse(decode(bytesOf(email.attachments[0]?.content ?? '')));
    const whole = await parse(attached);
    expect(inner.text).toBe(whole.text);
    expect(inner.attachments.map((a) => a.mimeType)).toEqual(whole.attachments.map((a) => a.mimeType));
    expect(decode(bytesOf(inner.attachments[0]?.content ?? ''))).toBe(
      decode(bytesOf(whole.attachments[0]?.content ?? '')),
    );
  });

  it('follows a digest, whose parts are messages unless they say otherwise', () => {
    const message = `Subject: inner\nContent-Type: multipart/mixed; boundary="m"\n\n--m\n${part('image/png', BIG)}\n--m--`;
    const text = multipart('d', [`\n${message}`], 'multipart/digest');
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
  });

  it('ends a part at the boundary postal-mime would end it at: the innermost, even when reused', async () => {
    // The inner multipart reuses the outer boundary: postal-mime reads "--same--" as the inner one's
    // end, and the image after it as a part of the outer one.
    const text = multipart('same', [
      'Content-Type: multipart/mixed; boundary="same"\n\n--same\nContent-Type: text/plain\n\ninner\n--same--',
      part('image/png', BIG),
    ]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
    expect((await parse(result.text)).text).toBe((await parse(text)).text);
  });

  it('keeps what follows a closing boundary until the next part, as postal-mime ignores it', () => {
    const afterInner = multipart('outer', [
      `Content-Type: multipart/mixed; boundary="inner"\n\n--inner\nContent-Type: text/plain\n\nx\n--inner--\n${part('image/png', BIG)}`,
    ]);
    expect(cut(afterInner)).toMatchObject({ truncated: false, same: true });
    const afterAll = `${multipart('outer', ['Content-Type: text/plain\n\nx'])}${part('image/png', BIG)}\n`;
    expect(cut(afterAll)).toMatchObject({ truncated: false, same: true });
  });
});

describe('broken MIME', () => {
  it('stops cutting a part at a line starting with "--" that is no boundary it knows', () => {
    const body = base64Body(BIG) + '--not-our-boundary\n' + base64Body(10, 'B');
    const text = multipart('b1', [`Content-Type: image/png\nContent-Transfer-Encoding: base64\n\n${body}`]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(result.text).toContain(`--not-our-boundary\n${base64Body(10, 'B')}`);
  });

  it('reads a message whose closing boundary is missing as postal-mime does', async () => {
    const parts = [part('image/png', BIG), 'Content-Type: text/plain\n\nlast part\n--b1-- is not here'];
    const text = multipart('b1', parts).replace(/--b1--\n$/, '');
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
    expect((await parse(result.text)).text).toBe((await parse(text)).text);
  });

  it('cuts nothing in a message whose boundary also comes in RFC 2231 sections', () => {
    // postal-mime joins the sections ("zz"), which override the plain parameter; this pass does not
    // join them, so it cannot know the boundary and leaves the message as it is.
    const text = multipart('b1', [part('image/png', BIG)]).replace(
      'boundary="b1"',
      'boundary="b1"; boundary*0="zz"',
    );
    expect(cut(text)).toMatchObject({ truncated: false, same: true });
  });

  it('keeps a part whose header never ends, and the parts after it', () => {
    const text = multipart('b1', ['Content-Type: image/png\nX-Broken: yes', part('image/png', BIG)]);
    const result = cut(text);
    expect(result.truncated).toBe(true);
    expect(structure(result.text)).toEqual(structure(text));
  });
});

describe('budgets', () => {
  it('cuts runs of blank lines to the limit, anywhere in the message', () => {
    const blank = ['', ' ', '\t', '\r'];
    const run = Array.from({ length: 5000 }, (_, i) => blank[i % blank.length]).join('\n');
    const result = cut(`From: a@example.com\nSubject: blanks\n\nbefore\n${run}\nafter\n${run}\n`);
    const lines = result.text.split('\n');
    const before = lines.indexOf('before');
    expect(lines.indexOf('after') - before - 1).toBe(MAX_BLANK_RUN);
    expect(lines.length - lines.indexOf('after') - 1).toBe(MAX_BLANK_RUN + 1); // and the final ""
    expect(result.truncated).toBe(false);
  });

  it('keeps runs of blank lines up to the limit untouched', () => {
    const text = `From: a@example.com\nSubject: blanks\n\nbefore\n${'\r\n'.repeat(MAX_BLANK_RUN)}after\n`;
    expect(cut(text)).toMatchObject({ same: true, truncated: false });
  });

  it('stops following a message whose headers are over postal-mime’s limit', () => {
    const text = multipart('b1', [part('image/png', BIG, `X-Big: ${'x'.repeat(LIMITS.maxHeaderBytes)}\n`)]);
    expect(cut(text)).toMatchObject({ truncated: false, same: true });
  });

  it('stops following multiparts nested deeper than postal-mime’s limit', () => {
    const depth = LIMITS.maxNesting + 1;
    let body = part('image/png', BIG);
    for (let i = depth; i > 0; i--)
      body = `Content-Type: multipart/mixed; boundary="n${i}"\n\n--n${i}\n${body}\n--n${i}--`;
    expect(cut(`From: a@example.com\n${body}\n`)).toMatchObject({ truncated: false, same: true });
    // One level less is followed.
    expect(cut(`From: a@example.com\n${body.slice(body.indexOf('--n1\n') + 5)}`).truncated).toBe(true);
  });

  it('follows attached messages 8 deep and keeps deeper ones as they are', () => {
    const nested = (depth: number): string => {
      let body = `Subject: innermost\n${part('image/png', BIG)}`;
      for (let i = 0; i < depth; i++) body = `Subject: level ${i}\nContent-Type: message/rfc822\n\n${body}`;
      return `From: a@example.com\n${body}`;
    };
    expect(cut(nested(8)).truncated).toBe(true);
    expect(cut(nested(9))).toMatchObject({ truncated: false, same: true });
  });

  it('reads a 1 MB header line, thousands of parts and lines that look like boundaries in one pass', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => part('image/png', 1, `X-Part: ${i}\n`));
    const hostile = [
      multipart('b1', [`X-Long: ${'y'.repeat(1_000_000)}\n\nbody`]),
      multipart('b1', parts),
      multipart('b1', [`Content-Type: image/png\n\n${`--b1x${'-'.repeat(70)}\n`.repeat(20_000)}`]),
    ];
    for (const text of hostile) {
      const started = performance.now();
      cut(text);
      // Linear work is a few milliseconds here; a pass per part or per boundary would take seconds.
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
