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

const genuine = [
  ...files(DEFAULT_CORPUS),
  ...files(path.join(ROOT, 'src', 'standalone', 'samples')),
  ...files(FIXTURES).filter((f) => !LURES.includes(f) && !f.includes(`${path.sep}hostile`)),
];

it('finds the files it promises to check', () => {
  expect(genuine.length).toBeGreaterThan(450);
  expect(LURES.length).toBeGreaterThanOrEqual(6);
});

it('raises no look-alike warning on any genuine bounce in the corpus, the samples or the fixtures', async () => {
  const warned: string[] = [];
  for (const file of genuine) {
    const analysis = await analyzeBytes(new Uint8Array(readFileSync(file)));
    if (analysis.suspicion.length > 0)
      warned.push(`${path.relative(ROOT, file)}: ${analysis.suspicion.map((s) => s.code).join(', ')}`);
  }
  expect(warned).toEqual([]);
});

it.each(LURES.map((f) => [path.relative(FIXTURES, f), f]))(
  'warns about the lure %s and shows what raised it',
  async (_name, file) => {
    const analysis = await analyzeBytes(new Uint8Array(readFileSync(file)));
    expect(analysis.suspicion.length).toBeGreaterThan(0);
    for (const sign of analysis.suspicion) {
      expect(sign.evidence.length).toBeGreaterThan(0);
      for (const evidence of sign.evidence) expect(evidence.text.trim()).not.toBe('');
    }
  },
);
