/**
 * One scaling measurement, run by scripts/bench.ts in a fresh `node --expose-gc` process (bundled):
 *
 *   node --expose-gc scaleChild.cjs FILE
 *
 * Warms the analyser up on a small bounce, collects garbage, starts a fresh high-water mark and takes
 * the resident set size as the baseline, then reads FILE and analyses it: the first run gives the
 * peak memory (the high-water mark, which includes the input bytes themselves), more runs give a
 * median time.
 * Prints one JSON line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeBytes } from '../../src/mail/readInput';
import { syntheticNdr } from './syntheticNdr';

export interface ScaleResult {
  readonly bytes: number;
  readonly runsMs: number[];
  readonly medianMs: number;
  /** High-water mark of the resident set minus the baseline taken before the input was read. */
  readonly peakBytes: number;
  readonly verdict: string;
  readonly status: string | null;
}

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/**
 * Starts a fresh high-water mark of the resident set (Linux: /proc/self/clear_refs), so that the
 * peak is the input's, not the warm-up's; false where that cannot be done.
 */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The high-water mark of the resident set, in bytes: VmHWM where /proc has it, else getrusage's. */
function maxRss(): number {
  try {
    const kb = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: scaleChild FILE');
  const warm = new TextEncoder().encode(syntheticNdr(10_000, 7));
  // Collect after each warm-up run: the high-water mark below is the process's, so garbage left by
  // the warm-up would otherwise count as memory used for the input.
  for (let i = 0; i < 20; i++) {
    await analyzeBytes(warm);
    gc();
  }
  gc();
  resetPeak();
  const baseline = process.memoryUsage().rss;

  const bytes = new Uint8Array(readFileSync(file));
  const size = bytes.length;
  const runsMs: number[] = [];
  let started = performance.now();
  const analysis = await analyzeBytes(bytes);
  runsMs.push(performance.now() - started);
  let peak = Math.max(maxRss(), process.memoryUsage().rss);
  // More runs for a stable median: at least 3 and about 1.5 s, but stop after 4 s (one 25 MB run).
  let spent = runsMs[0] ?? 0;
  while (runsMs.length < 50 && spent < 4000 && (runsMs.length < 3 || spent < 1500)) {
    gc();
    started = performance.now();
    await analyzeBytes(bytes);
    const ms = performance.now() - started;
    runsMs.push(ms);
    spent += ms;
  }
  peak = Math.max(peak, maxRss());
  const sorted = [...runsMs].sort((a, b) => a - b);
  const result: ScaleResult = {
    bytes: size,
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    peakBytes: peak - baseline,
    verdict: analysis.verdict,
    status: analysis.recipients[0]?.status?.code ?? null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
