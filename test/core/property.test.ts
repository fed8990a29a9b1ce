/**
 * Properties of the analyser under bad input (issue 5): whatever it is given — arbitrary text,
 * binary garbage, mangled real bounces, absurd sizes — it returns one of the six verdicts, never
 * throws, gives the same answer twice, keeps the recipient list bounded and never hands a NUL to
 * the UI. CI runs the numbers below (> 20,000 cases in about a minute); `npm run fuzz -- --runs N`
 * runs the same generators for longer.
 */
import fc from 'fast-check';
import {
  KB100,
  MAX_RECIPIENTS,
  adversarialInputs,
  adversarialMessage,
  binaryArb,
  caseViolation,
  contractViolation,
  corpusMutationArb,
  corpusSample,
  everySurrogateCut,
  extremeArb,
  forwardChainArb,
  fragmentCaseArb,
  labelRunArb,
  manyRecipients,
  replyThreadArb,
  runCase,
  surrogateArb,
  unicodeTextArb,
  type FuzzCase,
} from '../support/fuzzCases';
import { analyzeText } from '../../src/core';
import { analyzeBytes } from '../../src/mail/readInput';

jest.setTimeout(120_000);

// A fixed seed by default keeps CI reproducible; FUZZ_SEED explores other corners locally.
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : 20_261_103;
let casesRun = 0;

async function holdsContract(c: FuzzCase, twice: boolean): Promise<void> {
  casesRun++;
  const first = await runCase(c);
  const violation = caseViolation(c, first);
  if (violation) throw new Error(`${c.kind}: ${violation}`);
  if (twice) expect(await runCase(c)).toEqual(first);
}

function check(arb: fc.Arbitrary<FuzzCase>, numRuns: number, twice = true): Promise<void> {
  return fc.assert(
    fc.asyncProperty(arb, (c) => holdsContract(c, twice)),
    { numRuns, seed: SEED, endOnFailure: true },
  );
}

afterAll(() => {
  // The CI budget promised in the issue: at least 20,000 generated cases per run.
  expect(casesRun).toBeGreaterThanOrEqual(20_000);
});

describe('arbitrary input', () => {
  it('returns a verdict, deterministically, for any Unicode text pasted with or without headers', () =>
    check(unicodeTextArb, 9_000));

  it('returns a verdict for text stitched from NDR fragments and noise (text and bytes)', () =>
    check(fragmentCaseArb, 5_000));

  it('returns a verdict for binary bytes, bare or behind an EML, OLE or mbox prefix', () =>
    check(binaryArb, 3_000));
});

describe('mutations of the real corpus', () => {
  const files = corpusSample(6);

  it('samples the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it('survives truncation, lost and repeated lines, broken MIME, wrong charsets, controls and garbage (as a file)', () =>
    check(corpusMutationArb(files, 'bytes'), 1_800));

  it('survives the same mutations when pasted as text', () => check(corpusMutationArb(files, 'text'), 1_200));

  it('gives a verdict for every corpus file truncated at each of 40 points', async () => {
    for (const file of corpusSample(40)) {
      for (let i = 1; i <= 40; i++) {
        const cut = file.bytes.subarray(0, Math.floor((file.bytes.length * i) / 40));
        await holdsContract({ kind: `truncated:${file.name}:${i}/40`, via: 'bytes', input: cut }, false);
      }
    }
  });
});

describe('generated extremes', () => {
  it('bounds 10,000 recipients, 100-level nesting and 1 MB header lines', () => check(extremeArb, 14, false));

  it('keeps the recipient list at the limit and says that it cut it', async () => {
    const analysis = await analyzeBytes(new TextEncoder().encode(manyRecipients(10_000)));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients).toHaveLength(MAX_RECIPIENTS);
    expect(analysis.warnings).toEqual(
      expect.arrayContaining([{ code: 'recipients.truncated', detail: '10000' }]),
    );
  });
});

describe('hostile input of issue 12 (CI-sized; `npm run fuzz` runs the full sizes)', () => {
  it('finds the report below forward chains of up to 60 blocks, or none when there is none', () =>
    check(forwardChainArb(60), 60));

  it('finds the report below reply threads of up to 30 messages, or none when there is none', () =>
    check(replyThreadArb(30), 30));

  it('explains a bounce with a lone surrogate at every cut, in every form, and adds none itself', async () => {
    for (const c of everySurrogateCut()) await holdsContract(c, false);
    await check(surrogateArb, 300);
  });

  it('returns a verdict for any label followed by a run of one class of character', () =>
    check(labelRunArb(2_000, 20_000), 100));
});

describe('no catastrophic backtracking', () => {
  // Long runs of what the patterns repeat (spaces, '@', '.', '<', digits, …), 100 KB each, as pasted
  // text and as a message; the fuzz command runs every regex literal of src/core on them as well.
  const inputs = adversarialInputs(KB100);

  it.each(inputs.map((input) => [input.name, input.text] as const))(
    'analyses 100 KB of %s without catastrophic backtracking',
    async (_name, text) => {
      // The better of two tries: a busy CI machine can stall one run; a real ReDoS is slow every time.
      let best = Infinity;
      for (let attempt = 0; attempt < 2 && best >= 1000; attempt++) {
        let started = performance.now();
        const pasted = analyzeText(text);
        const textMs = performance.now() - started;
        started = performance.now();
        const file = await analyzeBytes(adversarialMessage(text));
        const fileMs = performance.now() - started;
        casesRun += 2;
        expect(contractViolation(pasted)).toBeNull();
        expect(contractViolation(file)).toBeNull();
        best = Math.min(best, Math.max(textMs, fileMs));
      }
      // `npm run fuzz` holds the real limit (1 s per 100 KB, measured ~0.15 s at worst under node).
      // Jest's module sandbox runs the line-by-line label search several times slower (1.1-1.3 s
      // for 100 KB of bare line breaks), so the CI check allows 2 s: a ReDoS costs far more.
      expect(best).toBeLessThan(2000);
    },
  );
});
