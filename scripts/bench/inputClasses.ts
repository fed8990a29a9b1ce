/**
 * Input classes timed per 100 KB by scripts/bench.ts: the inputs that once made decoding slow
 * (decodeCases.ts), and every label and keyword the analyser knows (collected from its own lists,
 * test/support/hostileText.ts) followed by a long run of one class of character.
 *
 * The label runs are many (labels × keywords × run classes), so each is first timed at 10 KB; the
 * slowest of those are then timed at 100 KB, fastest of three (one garbage collection is not a
 * class's cost). A quadratic case is slowest at 10 KB already.
 */
import { analyzeText } from '../../src/core';
import { knownKeywords, knownLabels, labelRun, RUN_CLASSES } from '../../test/support/hostileText';
import { timeDecodeCases } from './decodeCases';

const KB100 = 100 * 1024;
const PROBE = 10 * 1024;
/** How many of the slowest probes are timed at full size. */
const FULL_SIZE = 40;

export interface ClassTime {
  readonly name: string;
  readonly bytes: number;
  readonly ms: number;
  /** Milliseconds per 100 KB. */
  readonly per100Kb: number;
}

interface LabelRun {
  readonly name: string;
  readonly make: (size: number) => string;
}

function labelRuns(): LabelRun[] {
  const runs: LabelRun[] = [];
  const labels = knownLabels();
  const words = [...labels, ...knownKeywords().filter((k) => !labels.includes(k))];
  for (const [index, word] of words.entries())
    for (const [run, unit] of Object.entries(RUN_CLASSES)) {
      // Half on the label's own line, half on the line below (as a pasted section has it).
      const nextLine = (index + run.length) % 2 === 0;
      runs.push({
        name: `${run} after ${JSON.stringify(word)}${nextLine ? ' (next line)' : ''}`,
        make: (size) => labelRun(word, unit, size, nextLine),
      });
    }
  return runs;
}

function fastestOf(times: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export interface InputClassResult {
  /** Every class timed at full size, slowest first. */
  readonly timed: ClassTime[];
  readonly labelRunCount: number;
  readonly probeSeconds: number;
}

export async function timeInputClasses(): Promise<InputClassResult> {
  const timed: ClassTime[] = (await timeDecodeCases()).map((c) => ({
    name: c.name,
    bytes: c.bytes,
    ms: c.medianMs,
    per100Kb: (c.medianMs / c.bytes) * KB100,
  }));
  const runs = labelRuns();
  const probeStarted = performance.now();
  const probed = runs.map((run) => {
    const text = run.make(PROBE);
    const started = performance.now();
    analyzeText(text);
    return { run, ms: performance.now() - started };
  });
  const probeSeconds = (performance.now() - probeStarted) / 1000;
  probed.sort((a, b) => b.ms - a.ms);
  for (const { run } of probed.slice(0, FULL_SIZE)) {
    const text = run.make(KB100);
    const ms = fastestOf(3, () => analyzeText(text));
    timed.push({ name: run.name, bytes: text.length, ms, per100Kb: (ms / text.length) * KB100 });
  }
  timed.sort((a, b) => b.per100Kb - a.per100Kb);
  return { timed, labelRunCount: runs.length, probeSeconds };
}
