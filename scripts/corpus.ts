/**
 * Scores the analyser against Sisimai's expectations for test/corpus/set-of-emails
 * (expected.tsv): agreement for recipient, status (real codes only, not Sisimai's x.0.9xx
 * pseudo-codes) and reason; feedback, vacation and delivered rows are skipped.
 *
 *   npm run corpus                    summary
 *   npm run corpus -- --verbose       and every disagreement
 *   npm run corpus -- --dir PATH      another corpus with the same layout
 */
import path from 'node:path';
import { DEFAULT_CORPUS, percent, scoreCorpus, type Tally } from './corpusScore';

const args = process.argv.slice(2);
const dirIndex = args.indexOf('--dir');
const dir = path.resolve(dirIndex >= 0 ? (args[dirIndex + 1] ?? '') : DEFAULT_CORPUS);

const show = (tally: Tally): string => `${percent(tally).toFixed(1)}% (${tally.ok}/${tally.all})`;

scoreCorpus(dir).then(
  (score) => {
    if (args.includes('--verbose')) for (const miss of score.misses) console.log(miss);
    console.log(`corpus: ${dir}`);
    console.log(`files analysed: ${score.files} in ${score.milliseconds.toFixed(0)} ms`);
    console.log(`recipient: ${show(score.recipient)}`);
    console.log(`status:    ${show(score.status)}   (Microsoft samples: ${show(score.microsoftStatus)})`);
    console.log(`replycode: ${show(score.replyCode)}`);
    console.log(`reason:    ${show(score.reason)}`);
    console.log(`disagreements with a recorded reason: ${score.known} (test/corpus/disagreements.tsv)`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
