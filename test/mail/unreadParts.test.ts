/**
 * decodeEml cuts the bodies of parts the analyser never reads before postal-mime parses a message
 * (src/mail/cutParts.ts). The cut must not change what the analyser reads: with and without it
 * (the `cutUnreadParts: false` option), every message decodes to the same headers, texts and parts
 * and gets the same analysis, apart from the warning that parts were cut.
 */
import fc from 'fast-check';
import { analyzeMessage } from '../../src/core';
import type { Analysis, DecodedMessage } from '../../src/core/types';
import { decodeEml } from '../../src/mail/decodeEml';
import { corpusSample } from '../support/fuzzCases';

jest.setTimeout(120_000);

const CUT = { code: 'input.partsTruncated' };

/** What the analyser reads of a decoded message, attached messages included. */
function readable(message: DecodedMessage | null, depth = 0): unknown {
  if (!message || depth > 8) return null;
  return {
    headers: message.headers,
    text: message.text,
    warnings: message.warnings.filter((w) => w.code !== CUT.code),
    parts: message.parts.map((p) => [p.mimeType, p.filename, p.text, readable(p.message, depth + 1)]),
  };
}

const withoutCutWarning = (analysis: Analysis): Analysis => ({
  ...analysis,
  warnings: analysis.warnings.filter((w) => w.code !== CUT.code),
});

/** Decodes with and without the cut; fails on any difference but the cut warning. */
async function expectSameReading(bytes: Uint8Array, name: string): Promise<boolean> {
  const cut = await decodeEml(bytes);
  const whole = await decodeEml(bytes, { cutUnreadParts: false });
  expect(whole.warnings).not.toContainEqual(CUT);
  const said = cut.warnings.some((w) => w.code === CUT.code);
  if (JSON.stringify(readable(cut)) !== JSON.stringify(readable(whole)))
    throw new Error(`${name} decodes differently with the cut`);
  const analysis = analyzeMessage(cut);
  expect(analysis.warnings.some((w) => w.code === CUT.code)).toBe(said);
  if (JSON.stringify(withoutCutWarning(analysis)) !== JSON.stringify(analyzeMessage(whole)))
    throw new Error(`${name} is analysed differently with the cut`);
  return said;
}

const files = corpusSample();
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

// 3,500 lines of base64: 270 KB, over the 256 KB kept of a part nobody reads.
const IMAGE = `Content-Type: image/png; name="scan.png"\nContent-Transfer-Encoding: base64\n\n${'QUJD'.repeat(19).concat('\n').repeat(3500)}`;

describe('reading a message with and without cutting the parts nobody reads', () => {
  it('reads every corpus message, LF and CRLF, the same', async () => {
    expect(files.length).toBeGreaterThan(400);
    for (const file of files) {
      await expectSameReading(file.bytes, file.name);
      await expectSameReading(
        fromLatin1(latin1(file.bytes).replace(/\r?\n/g, '\r\n')),
        `${file.name} (CRLF)`,
      );
    }
  });

  it('reads multipart corpus messages with a large image added the same, and says it cut', async () => {
    let added = 0;
    // Every third file: each costs a 270 KB parse without the cut.
    for (const file of files.filter((_f, i) => i % 3 === 0)) {
      const text = latin1(file.bytes);
      const boundary = /boundary\s*=\s*"?([^";\s]+)/i.exec(text)?.[1];
      const closing = boundary ? text.lastIndexOf(`\n--${boundary}--`) : -1;
      if (!boundary || closing < 0) continue;
      const bytes = fromLatin1(`${text.slice(0, closing)}\n--${boundary}\n${IMAGE}${text.slice(closing)}`);
      if (await expectSameReading(bytes, `${file.name} + image`)) added++;
    }
    expect(added).toBeGreaterThan(70);
  });

  it('reads generated MIME trees with large parts, attached messages and broken boundaries the same', async () => {
    await fc.assert(
      fc.asyncProperty(mimeTreeArb, fc.boolean(), async (tree, crlf) => {
        const text = render(tree, true);
        await expectSameReading(fromLatin1(crlf ? text.replace(/\n/g, '\r\n') : text), text.slice(0, 2000));
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated MIME trees: leaves of every kind the cut treats differently, multiparts with quoted,
// commented, reused or missing boundaries, attached messages, digests.

type Tree =
  | { readonly kind: 'leaf'; readonly type: string; readonly encoding: string; readonly lines: number }
  | {
      readonly kind: 'multipart';
      readonly subtype: string;
      readonly boundary: string;
      readonly header: number;
      readonly parts: readonly Tree[];
      readonly closed: boolean;
    }
  | { readonly kind: 'message'; readonly encoding: string; readonly inner: Tree };

const LEAF_TYPES = [
  'text/plain',
  'text/html',
  'message/delivery-status',
  'image/png',
  'application/pdf; name="a.pdf"',
  'application/octet-stream',
  'application/pdf; name="fwd.eml"',
  'audio/x-wav',
];
const BOUNDARY_HEADERS = [
  (b: string) => `boundary="${b}"`,
  (b: string) => `boundary=${b}`,
  (b: string) => `BOUNDARY="${b}" (comment)`,
  (b: string) => `boundary="${b}"; boundary="other"`,
  (b: string) => `\n\tboundary="${b}"`,
];

const mimeTreeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; leaf: Tree; multipart: Tree; message: Tree }>(
  (tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('multipart'), tie('message')),
    leaf: fc.record({
      kind: fc.constant('leaf' as const),
      type: fc.constantFrom(...LEAF_TYPES),
      encoding: fc.constantFrom('base64', '7bit', ''),
      lines: fc.constantFrom(1, 3, 4000),
    }),
    multipart: fc.record({
      kind: fc.constant('multipart' as const),
      subtype: fc.constantFrom('mixed', 'report', 'digest', 'alternative'),
      boundary: fc.constantFrom('b1', 'b2', 'b1', '=_a b', 'x--', 'x'),
      header: fc.nat({ max: BOUNDARY_HEADERS.length - 1 }),
      parts: fc.array(tie('tree'), { maxLength: 3 }),
      closed: fc.boolean(),
    }),
    message: fc.record({
      kind: fc.constant('message' as const),
      encoding: fc.constantFrom('', '7bit', 'base64'),
      inner: tie('tree'),
    }),
  }),
).tree;

function render(tree: Tree, top: boolean): string {
  const head = top ? ['From: a@example.com', 'Subject: Undeliverable: test', 'MIME-Version: 1.0'] : [];
  if (tree.kind === 'leaf') {
    head.push(`Content-Type: ${tree.type}`);
    if (tree.encoding) head.push(`Content-Transfer-Encoding: ${tree.encoding}`);
    const body = Array.from({ length: tree.lines }, (_, i) =>
      i % 1000 === 1 ? `Status: 5.1.${i % 10}` : 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(2),
    );
    return [...head, '', ...body].join('\n');
  }
  if (tree.kind === 'message') {
    head.push('Content-Type: message/rfc822');
    if (tree.encoding) head.push(`Content-Transfer-Encoding: ${tree.encoding}`);
    return [...head, '', render(tree.inner, true)].join('\n');
  }
  const header = BOUNDARY_HEADERS[tree.header] ?? BOUNDARY_HEADERS[0];
  head.push(`Content-Type: multipart/${tree.subtype}; ${header?.(tree.boundary) ?? ''}`, '');
  for (const part of tree.parts) head.push(`--${tree.boundary}`, render(part, false));
  if (tree.closed) head.push(`--${tree.boundary}--`, '');
  return head.join('\n');
}
