/**
 * Scores the analyser against Sisimai's expectations (expected.tsv) for a corpus folder. Used by
 * `npm run corpus` and by the corpus regression test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isPseudoStatus } from '../src/core/status';
import type { Analysis } from '../src/core/types';
import { analyzeBytes } from '../src/mail/readInput';

/** Sisimai's public corpus, kept in the repository (test/corpus/README.md says where it comes from). */
export const DEFAULT_CORPUS = path.join(__dirname, '..', 'test', 'corpus', 'set-of-emails');

// Sisimai renamed reasons in v5.6; the corpus table mixes both generations.
const SYNONYMS: Record<string, string> = {
  exceedlimit: 'emailtoolarge',
  mesgtoobig: 'emailtoolarge',
  speeding: 'ratelimited',
  toomanyconn: 'ratelimited',
};
const norm = (reason: string): string => SYNONYMS[reason] ?? reason;

export interface Tally {
  ok: number;
  all: number;
}

export interface CorpusScore {
  readonly files: number;
  readonly milliseconds: number;
  readonly recipient: Tally;
  readonly status: Tally;
  readonly microsoftStatus: Tally;
  readonly replyCode: Tally;
  readonly reason: Tally;
  /** Disagreements whose label we believe is wrong (test/corpus/disagreements.tsv). */
  readonly known: number;
  readonly misses: readonly string[];
}

/** Labels we believe are wrong, with why (kept in the repo so the list is reviewable). */
function loadDisagreements(): Map<string, string> {
  const map = new Map<string, string>();
  try {
    for (const line of readFileSync(
      path.join(__dirname, '..', 'test', 'corpus', 'disagreements.tsv'),
      'utf8',
    ).split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [name, index, field, why] = line.split('\t');
      map.set(`${name}\t${index}\t${field}`, why ?? '');
    }
  } catch {
    // No list yet.
  }
  return map;
}

export const percent = ({ ok, all }: Tally): number => (ok / Math.max(1, all)) * 100;

export async function scoreCorpus(dir: string = DEFAULT_CORPUS): Promise<CorpusScore> {
  const rows = readFileSync(path.join(dir, 'expected.tsv'), 'utf8')
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
  const tally = (): Tally => ({ ok: 0, all: 0 });
  const score = {
    recipient: tally(),
    status: tally(),
    microsoftStatus: tally(),
    replyCode: tally(),
    reason: tally(),
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
    const result = analysis;
    const wanted = row.recipient.toLowerCase();
    const ours =
      result.recipients.find((r) => r.address?.toLowerCase() === wanted) ??
      result.recipients[row.index - 1] ??
      result.recipients[0];
    const note = (field: string, expected: string, got: string): void => {
      const why = disagreements.get(`${row.file}\t${row.index}\t${field}`);
      if (why !== undefined) known++;
      misses.push(
        `${row.file}#${row.index}\t${field}\texpected=${expected}\tgot=${got}${why !== undefined ? `\t(known: ${why})` : ''}\t[${result.verdict}/${result.layout}]`,
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
  return {
    files: cache.size,
    milliseconds: Number(process.hrtime.bigint() - started) / 1e6,
    ...score,
    known,
    misses,
  };
}
