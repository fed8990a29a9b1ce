/**
 * Regression floor against Sisimai's expectations on the corpus kept in test/corpus/set-of-emails.
 * `npm run corpus -- --verbose` lists each disagreement.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS, percent, scoreCorpus, type CorpusScore } from '../../scripts/corpusScore';

jest.setTimeout(120_000);

let score: CorpusScore;

beforeAll(async () => {
  if (!existsSync(path.join(DEFAULT_CORPUS, 'expected.tsv'))) {
    throw new Error(`the corpus is missing at ${DEFAULT_CORPUS}; it is part of the repository`);
  }
  score = await scoreCorpus();
});

describe('agreement with Sisimai on the corpus', () => {
  it('analyses every file without an error', () => {
    expect(score.misses.filter((m) => m.includes('\tERROR\t'))).toEqual([]);
    expect(score.files).toBeGreaterThan(400);
  });

  it('finds the bounced recipient in at least 98% of rows', () => {
    expect(percent(score.recipient)).toBeGreaterThanOrEqual(98);
  });

  it('gives the real enhanced status in at least 98% of rows', () => {
    expect(percent(score.status)).toBeGreaterThanOrEqual(98);
  });

  it('gets every Microsoft sample’s status right', () => {
    expect(score.microsoftStatus.ok).toBe(score.microsoftStatus.all);
  });

  it('agrees on the reason in at least 92% of rows', () => {
    expect(percent(score.reason)).toBeGreaterThanOrEqual(92);
  });
});
