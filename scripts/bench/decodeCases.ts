/**
 * Inputs that once made MIME decoding slow, timed through analyzeBytes in-process (by
 * scripts/bench.ts): long runs of blank lines and of short lines (postal-mime keeps each line of a
 * part as a piece of its own), and header lines near and over the 256 KB header limit (postal-mime
 * decodes the encoded words of a subject and the addresses of From and To).
 */
import { analyzeBytes } from '../../src/mail/readInput';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEAD = 'From: a@example.com\nTo: b@example.com\nSubject: s\n';

export const DECODE_CASES: readonly (readonly [string, () => Uint8Array])[] = [
  ['100 KB of blank lines', () => encode(`${HEAD}\nbefore\n${'\n'.repeat(100_000)}after\n`)],
  ['100 KB of blank CRLF lines with spaces', () => encode(`${HEAD}\n${' \t\r\n'.repeat(25_000)}after\n`)],
  ['100 KB of two-byte lines', () => encode(`${HEAD}\n${'x\n'.repeat(50_000)}`)],
  ['1 MB header line (over the limit)', () => encode(`${HEAD}X-Long: ${'x'.repeat(1_000_000)}\n\nbody\n`)],
  [
    '1 MB subject of encoded words (over the limit)',
    () => encode(`From: a@example.com\nSubject: ${'=?utf-8?B?QUJD?= '.repeat(62_500)}\n\nbody\n`),
  ],
  [
    '250 KB subject of encoded words',
    () => encode(`From: a@example.com\nSubject: ${'=?utf-8?B?QUJD?= '.repeat(15_000)}\n\nbody\n`),
  ],
  [
    '250 KB To of addresses',
    () => encode(`From: a@example.com\nTo: ${'a@b.example, '.repeat(19_000)}\n\nbody\n`),
  ],
];

export interface DecodeCaseResult {
  readonly name: string;
  readonly bytes: number;
  readonly medianMs: number;
}

/** Median of `runs` analyses of each case (after one warm-up run). */
export async function timeDecodeCases(runs = 5): Promise<DecodeCaseResult[]> {
  const results: DecodeCaseResult[] = [];
  for (const [name, make] of DECODE_CASES) {
    const input = make();
    await analyzeBytes(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await analyzeBytes(input);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({ name, bytes: input.length, medianMs: times[Math.floor(times.length / 2)] ?? NaN });
  }
  return results;
}
