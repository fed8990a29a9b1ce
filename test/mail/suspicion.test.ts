/**
 * The look-alike warning must never cry wolf on a genuine bounce (every corpus file, every sample,
 * every fixture that is not a lure), and must fire, with the link or words that raised it, on
 * every lure fixture. test/core tests each sign on its own; this test holds the whole product to it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS } from '../../scripts/corpusScore';
import { analyzeBytes } from '../../src/mail/readInput';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(?:eml|txt|msg)$/.test(name) ? [full] : [];
  });
}

/** Fixtures written to carry a lure or hostile links on purpose. */
const LURES = [
  ...files(path.join(FIXTURES, 'lure')),
  path.join(FIXTURES, 'hostile-generated', 'hostile-37-phishing-release-exchange-legacy.eml'),
  path.join(FIXTURES, 'hostile', 'hostile-5.4.1-javascript-links-in-html.eml'),
];

/** Genuine bounces of messages the reader never sent (a spammer forged the reader's address). */
const BACKSCATTER = files(path.join(FIXTURES, 'backscatter')).filter((f) =>
  path.basename(f).startsWith('backscatter-'),
);

const genuine = [
  ...files(DEFAULT_CORPUS),
  ...files(path.join(ROOT, 'src', 'standalone', 'samples')),
  ...files(FIXTURES).filter(
    (f) => !LURES.includes(f) && !BACKSCATTER.includes(f) && !f.includes(`${path.sep}hostile`),
  ),
];

it('finds the files it promises to check', () => {
  expect(genuine.length).toBeGreaterThan(450);
  expect(LURES.length).toBeGreaterThanOrEqual(10);
  expect(BACKSCATTER.length).toBeGreaterThanOrEqual(2);
});

it('raises no look-alike warning on any genuine bounce in the corpus, the samples or the fixtures', async () => {
  const warned: string[] = [];
  for (const file of genuine) {
    const analysis = await analyzeBytes(new Uint8Array(readFileSync(file)));
    if (analysis.suspicion)
      warned.push(
        `${path.relative(ROOT, file)}: ${analysis.suspicion.verdict} ${analysis.suspicion.signs.map((s) => s.code).join(', ')}`,
      );
  }
  expect(warned).toEqual([]);
});

it.each(LURES.map((f) => [path.relative(FIXTURES, f), f]))(
  'warns about the lure %s and shows what raised it',
  async (_name, file) => {
    const analysis = await analyzeBytes(new Uint8Array(readFileSync(file)));
    expect(analysis.suspicion?.verdict).toBe('suspicious');
    for (const sign of analysis.suspicion?.signs ?? []) {
      expect(sign.evidence.length).toBeGreaterThan(0);
      for (const evidence of sign.evidence) expect(evidence.text.trim()).not.toBe('');
    }
  },
);

it.each(BACKSCATTER.map((f) => [path.relative(FIXTURES, f), f]))(
  'calls %s backscatter and shows what gave it away',
  async (_name, file) => {
    const analysis = await analyzeBytes(new Uint8Array(readFileSync(file)));
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.suspicion?.verdict).toBe('backscatter');
    expect(analysis.suspicion?.signs.map((s) => s.code)).toContain('backscatter.foreignOrigin');
  },
);

it('needs the reader’s address to call a bounce with one sign of forgery backscatter', async () => {
  // The corpus's rfc3464-65: an original "from" issue218@linux.example.de that a dynamic host handed
  // straight to mx.google.com. One sign: said to its reader, not to anyone running the command line.
  const bytes = new Uint8Array(readFileSync(path.join(DEFAULT_CORPUS, 'rfc3464-65.eml')));
  expect((await analyzeBytes(bytes)).suspicion).toBeNull();
  const read = await analyzeBytes(bytes, { reader: 'issue218@linux.example.de' });
  expect(read.suspicion).toMatchObject({ verdict: 'backscatter', confidence: 'medium' });
});

it('does not call the reader’s own bounce, or one sent to another of their addresses, backscatter', async () => {
  const file = path.join(FIXTURES, 'backscatter', 'genuine-home-submission-esmtpsa-en.eml');
  const bytes = new Uint8Array(readFileSync(file));
  expect((await analyzeBytes(bytes)).suspicion).toBeNull();
  expect((await analyzeBytes(bytes, { reader: 'chris@example.net' })).suspicion).toBeNull();
  // Opened by someone whose address the bounce was not sent to (an alias, a shared mailbox).
  expect((await analyzeBytes(bytes, { reader: 'sanne@fabrikam.example' })).suspicion).toBeNull();
});
