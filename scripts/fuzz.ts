/**
 * The long fuzz campaign behind test/core/property.test.ts (issue 5):
 *
 *   npm run fuzz -- --runs 50000 [--seed 42]
 *
 * Runs the same generators (arbitrary text and bytes, mutations of ../shared/corpus, extremes) and
 * prints cases run, crashes (contract violations included), cases/s, the slowest input and the
 * slowest time per 100 KB. Then the ReDoS check: every regular-expression literal in src/core is run
 * on adversarial 100 KB inputs built from the characters it repeats, and the same inputs (plus the
 * generic ones) go through the whole analysis as pasted text and as a message. Exits 1 on a crash
 * or when one analysis of 100 KB takes more than a second.
 */
import fc from 'fast-check';
import { analyzeText } from '../src/core';
import { analyzeBytes } from '../src/mail/readInput';
import {
  KB100,
  adversarialInputs,
  adversarialMessage,
  binaryArb,
  caseSize,
  contractViolation,
  corpusMutationArb,
  corpusSample,
  extremeArb,
  fragmentCaseArb,
  runCase,
  unicodeTextArb,
  type FuzzCase,
} from '../test/support/fuzzCases';
import { inputsFor, regexLiterals, timeRegex } from '../test/support/regexLiterals';

const LIMIT_MS = 1000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const runs = option('runs', 20_000);
const seed = option('seed', Date.now() % 2 ** 31);

interface Slowest {
  kind: string;
  size: number;
  ms: number;
}

async function campaign(): Promise<{ crashes: number; slowest: Slowest; worstPer100k: Slowest }> {
  const files = corpusSample(1);
  // Shares of the runs, like the CI mix but with more corpus mutations and extremes.
  const plan: [string, fc.Arbitrary<FuzzCase>, number][] = [
    ['unicode text', unicodeTextArb, 0.3],
    ['NDR fragments', fragmentCaseArb, 0.2],
    ['binary', binaryArb, 0.1],
    ['corpus mutations (file)', corpusMutationArb(files, 'bytes'), 0.25],
    ['corpus mutations (paste)', corpusMutationArb(files, 'text'), 0.145],
    ['extremes', extremeArb, 0.005],
  ];
  let crashes = 0;
  let done = 0;
  const slowest: Slowest = { kind: '', size: 0, ms: 0 };
  const worstPer100k: Slowest = { kind: '', size: 0, ms: 0 };
  const started = performance.now();
  for (const [label, arb, share] of plan) {
    const count = Math.max(1, Math.round(runs * share));
    const cases = fc.sample(arb, { numRuns: count, seed: seed + done });
    for (const c of cases) {
      const t0 = performance.now();
      try {
        const analysis = await runCase(c);
        const violation = contractViolation(analysis);
        if (violation) throw new Error(violation);
      } catch (error) {
        crashes++;
        console.log(
          `CRASH ${c.kind} (${caseSize(c)} bytes): ${error instanceof Error ? error.message : error}`,
        );
      }
      const ms = performance.now() - t0;
      const size = caseSize(c);
      if (ms > slowest.ms) Object.assign(slowest, { kind: c.kind, size, ms });
      // Per 100 KB only means something for inputs of some size.
      const per = size >= 10_000 ? (ms * KB100) / size : 0;
      if (per > worstPer100k.ms) Object.assign(worstPer100k, { kind: c.kind, size, ms: per });
      done++;
    }
    console.log(`  ${label}: ${count} cases`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `cases run: ${done}  crashes: ${crashes}  ${(done / seconds).toFixed(0)} cases/s  (seed ${seed})`,
  );
  console.log(`slowest input: ${slowest.kind}, ${slowest.size} bytes, ${slowest.ms.toFixed(0)} ms`);
  console.log(
    `slowest per 100 KB: ${worstPer100k.ms.toFixed(0)} ms (${worstPer100k.kind}, ${worstPer100k.size} bytes)`,
  );
  return { crashes, slowest, worstPer100k };
}

interface Timed {
  name: string;
  ms: number;
}

/** Times one 100 KB analysis; a 10 KB probe first, so a quadratic case fails fast instead of hanging. */
async function timeAnalysis(text: string): Promise<number> {
  const probe = text.slice(0, 10 * 1024);
  const probeStart = performance.now();
  analyzeText(probe);
  await analyzeBytes(adversarialMessage(probe));
  const probeMs = performance.now() - probeStart;
  if (probeMs > LIMIT_MS / 4) return probeMs * 100; // quadratic projection; do not run the full size
  let started = performance.now();
  analyzeText(text);
  const textMs = performance.now() - started;
  started = performance.now();
  await analyzeBytes(adversarialMessage(text));
  return Math.max(textMs, performance.now() - started);
}

async function redos(): Promise<boolean> {
  const regexes = regexLiterals();
  console.log(`\nReDoS check: ${regexes.length} regular-expression literals in src/core`);
  const patternTimes: Timed[] = [];
  const analysisInputs = new Map<string, string>();
  for (const input of adversarialInputs(KB100)) analysisInputs.set(`generic ${input.name}`, input.text);
  let patternRuns = 0;
  for (const regex of regexes) {
    const where = `${regex.file}:${regex.line}`;
    // Probe at 10 KB; only patterns that stay fast there are run at 100 KB.
    const small = inputsFor(regex, 10 * 1024);
    const probe = small.map((input) => timeRegex(regex, input));
    const worst = probe.indexOf(Math.max(...probe));
    const big = inputsFor(regex, KB100);
    let ms: number;
    if ((probe[worst] ?? 0) > 20) ms = (probe[worst] ?? 0) * 100;
    else {
      ms = 0;
      for (const input of big) ms = Math.max(ms, timeRegex(regex, input));
    }
    patternRuns += small.length;
    patternTimes.push({ name: `${where} /${regex.source.slice(0, 80)}/${regex.flags}`, ms });
    // Through the analysis: the pattern's worst input, and every input of a pattern that is slow alone.
    big.forEach((text, i) => {
      if (i === worst || ms > LIMIT_MS)
        analysisInputs.set(`${where} input ${i} ${JSON.stringify(text.slice(0, 16))}`, text);
    });
  }
  patternTimes.sort((a, b) => b.ms - a.ms);
  console.log(
    `  ${patternRuns} pattern runs; slowest patterns alone on 100 KB (projected from 10 KB when quadratic; a pattern only sees what the code hands it):`,
  );
  for (const t of patternTimes.slice(0, 8)) console.log(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.name}`);

  const analysisTimes: Timed[] = [];
  for (const [name, text] of analysisInputs) analysisTimes.push({ name, ms: await timeAnalysis(text) });
  analysisTimes.sort((a, b) => b.ms - a.ms);
  console.log(`  ${analysisTimes.length} adversarial 100 KB inputs through analyzeText and analyzeBytes:`);
  for (const t of analysisTimes.slice(0, 8)) console.log(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.name}`);
  const worst = analysisTimes[0];
  console.log(`slowest analysis per 100 KB: ${worst?.ms.toFixed(0)} ms (${worst?.name})`);
  const over = analysisTimes.filter((t) => t.ms > LIMIT_MS);
  for (const t of over) console.log(`TOO SLOW: ${t.name} took ${t.ms.toFixed(0)} ms for 100 KB`);
  return over.length === 0;
}

async function main(): Promise<void> {
  const { crashes } = await campaign();
  const fast = await redos();
  if (crashes > 0 || !fast) process.exitCode = 1;
}

void main();
