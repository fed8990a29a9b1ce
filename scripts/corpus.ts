/**
 * Scores the analyser against Sisimai's expectations for ../shared/corpus/set-of-emails
 * (expected.tsv). Prints agreement for recipient, status (real codes only, not Sisimai's x.0.9xx
 * pseudo-codes) and reason; skips feedback, vacation and delivered rows.
 *
 *   npm run corpus                    summary
 *   npm run corpus -- --verbose       and every disagreement
 *   npm run corpus -- --dir PATH      another corpus with the same layout
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeBytes } from '../src/mail/readInput';
import { isPseudoStatus } from '../src/core/status';
import type { Analysis } from '../src/core/types';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirIndex = args.indexOf('--dir');
const dir = path.resolve(
  dirIndex >= 0
    ? (args[dirIndex + 1] ?? '')
    : path.join(__dirname, '..', '..', 'shared', 'corpus', 'set-of-emails'),
);

// Sisimai renamed reasons in v5.6; the corpus table mixes both generations.
const SYNONYMS: Record<string, string> = {
  exceedlimit: 'emailtoolarge',
  mesgtoobig: 'emailtoolarge',
  speeding: 'ratelimited',
  toomanyconn: 'ratelimited',
};
const norm = (reason: string): string => SYNONYMS[reason] ?? reason;

/** Labels we believe are wrong, with why (kept in the repo so the list is reviewable). */
function loadDisagreements(): Map<string, string> {
  const file = path.join(__dirname, '..', 'test', 'corpus', 'disagreements.tsv');
  const map = new Map<string, string>();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [name, index, field, why] = line.split('\t');
      map.set(`${name}\t${index}\t${field}`, why ?? '');
    }
  } catch {
    // No list yet.
  }
  return map;
}

interface Row {
  file: string;
  index: number;
  recipient: string;
  status: string;
  replycode: string;
  reason: string;
  microsoft: boolean;
}

async function main(): Promise<void> {
  const rows: Row[] = readFileSync(path.join(dir, 'expected.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [
        file = '',
        index = '1',
        recipient = '',
        status = '',
        replycode = '',
        reason = '',
        microsoft = '',
      ] = l.split('\t');
      return {
        file,
        index: Number(index),
        recipient,
        status,
        replycode,
        reason,
        microsoft: microsoft.trim() !== '',
      };
    });
  const files = new Set(readdirSync(dir).filter((f) => f.endsWith('.eml')));
  const disagreements = loadDisagreements();
  const cache = new Map<string, Analysis | Error>();
  type Tally = { ok: number; all: number };
  const tally = (): Tally => ({ ok: 0, all: 0 });
  const score = {
    recipient: tally(),
    status: tally(),
    reason: tally(),
    microsoftStatus: tally(),
    replyCode: tally(),
  };
  const misses: string[] = [];
  let known = 0;
  const started = process.hrtime.bigint();
  for (const row of rows) {
    if (['feedback', 'vacation', 'delivered'].includes(row.reason) || !files.has(row.file)) continue;
    let analysis = cache.get(row.file);
    if (!analysis) {
      try {
        analysis = await analyzeBytes(new Uint8Array(readFileSync(path.join(dir, row.file))));
      } catch (error) {
        analysis = error instanceof Error ? error : new Error(String(error));
      }
      cache.set(row.file, analysis);
    }
    if (analysis instanceof Error) {
      misses.push(`${row.file}\tERROR\t${analysis.message}`);
      continue;
    }
    const recipients = analysis.recipients;
    const wanted = row.recipient.toLowerCase();
    const ours =
      recipients.find((r) => r.address?.toLowerCase() === wanted) ??
      recipients[row.index - 1] ??
      recipients[0];
    const note = (field: string, expected: string, got: string): void => {
      const why = disagreements.get(`${row.file}\t${row.index}\t${field}`);
      if (why !== undefined) known++;
      misses.push(
        `${row.file}#${row.index}\t${field}\texpected=${expected}\tgot=${got}${why !== undefined ? `\t(known: ${why})` : ''}\t[${analysis instanceof Error ? '' : `${analysis.verdict}/${analysis.layout}`}]`,
      );
    };
    if (wanted) {
      score.recipient.all++;
      if (ours?.address?.toLowerCase() === wanted) score.recipient.ok++;
      else note('recipient', wanted, ours?.address ?? '-');
    }
    if (row.status && !isPseudoStatus(row.status)) {
      score.status.all++;
      if (row.microsoft) score.microsoftStatus.all++;
      if (ours?.status?.code === row.status) {
        score.status.ok++;
        if (row.microsoft) score.microsoftStatus.ok++;
      } else note('status', row.status, ours?.status?.code ?? '-');
    }
    if (row.replycode) {
      score.replyCode.all++;
      if (ours?.replyCode === row.replycode) score.replyCode.ok++;
      else if (verbose) note('replycode', row.replycode, ours?.replyCode ?? '-');
    }
    score.reason.all++;
    if (ours && norm(ours.reason) === norm(row.reason)) score.reason.ok++;
    else
      note(
        'reason',
        row.reason,
        `${ours?.reason ?? '-'} (${ours?.status?.code ?? ''} ${(ours?.diagnostic ?? '').slice(0, 90)})`,
      );
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const pct = ({ ok, all }: Tally): string => `${((ok / Math.max(1, all)) * 100).toFixed(1)}% (${ok}/${all})`;
  if (verbose) for (const miss of misses) console.log(miss);
  console.log(`corpus: ${dir}`);
  console.log(`files analysed: ${cache.size} in ${ms.toFixed(0)} ms`);
  console.log(`recipient: ${pct(score.recipient)}`);
  console.log(`status:    ${pct(score.status)}   (Microsoft samples: ${pct(score.microsoftStatus)})`);
  console.log(`replycode: ${pct(score.replyCode)}`);
  console.log(`reason:    ${pct(score.reason)}`);
  console.log(`disagreements with a recorded reason: ${known} (test/corpus/disagreements.tsv)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
