/**
 * Benchmark: speed and size, with the budgets of issue 6.
 *
 *   npm run bench                      # print everything
 *   npm run bench -- --check           # also exit 1 when a budget is missed
 *   npm run bench -- --no-build        # measure dist/ as it is (else rebuilt when older than src/)
 *
 * 1. Corpus throughput of analyzeBytes in-process (test/corpus/set-of-emails, held in memory).
 * 2. The same files through Sisimai (Debian's libsisimai-perl, installed when missing and apt is
 *    there) and through our CLI as `npm run explain` runs it (scripts/explain.cjs), whole process, alternating.
 * 3. Scaling: synthetic NDRs with a 10 KB … 25 MB original, each in a fresh `node --expose-gc`.
 * 4. Gzipped size of the task pane's initial JavaScript and CSS and of the largest lazy chunk.
 * 5. Standalone page in headless Chromium: open → explanation visible, against an empty Fluent page.
 *
 * BENCH_DIST=dir measures (and builds into) another directory than dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { analyzeMessage } from '../src/core';
import { decodeEml } from '../src/mail/decodeEml';
import { analyzeBytes, sniffInput } from '../src/mail/readInput';
import { timeDecodeCases } from './bench/decodeCases';
import type { ScaleResult } from './bench/scaleChild';
import { syntheticNdr } from './bench/syntheticNdr';
import { DEFAULT_CORPUS } from './corpusScore';

const ROOT = path.resolve(__dirname, '..');
const DIST = process.env['BENCH_DIST'] ? path.resolve(process.env['BENCH_DIST']) : path.join(ROOT, 'dist');
const argv = new Set(process.argv.slice(2));
const CHECK = argv.has('--check');
const NO_BUILD = argv.has('--no-build');

const BUDGET = {
  /** In-process corpus rate over Sisimai's whole-process rate. */
  sisimaiFactor: 20,
  /** 25 MB time over 1 MB time. */
  scaleTimeRatio: 40,
  /** Peak memory (resident set growth) over input size, for the 25 MB NDR. */
  scaleMemoryFactor: 6,
  /** Initial task-pane JavaScript, gzipped; 1 KB = 1000 bytes. */
  paneJsGzBytes: 200_000,
};
const CORPUS_SECONDS = 4;
const WARM_UP_SECONDS = 1;
const SISIMAI_ROUNDS = 3;
const SCALE_SIZES = [10_000, 100_000, 1_000_000, 10_000_000, 25_000_000];
const PAGE_LOADS = 5;

// ---------------------------------------------------------------------------------------------
// Small helpers

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bounce-bench-'));
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0)) + ' ms';
const secs = (value: number): string => `${(value / 1000).toFixed(2)} s`;
const sizeName = (bytes: number): string =>
  bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1e3} KB`.replace('.0 ', ' ');

function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const median = (values: readonly number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

function heading(title: string): void {
  console.log(`\n== ${title}`);
}

/** Bundles a TypeScript entry for node into the temp directory (no tsx start-up in timings). */
async function bundleForNode(entry: string, name: string): Promise<string> {
  const outfile = path.join(tmp, name);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/**
 * CPU seconds (user + system) of this process's reaped children, from /proc (Linux; null elsewhere):
 * on a busy machine the wall clock of a child also measures its neighbours, its CPU time does not.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from 3 after the command name.
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

interface ProcessRun {
  readonly ms: number;
  /** CPU time of the process (user + system), when the platform tells. */
  readonly cpuMs: number | null;
  readonly code: number | null;
  readonly stdoutLines: number;
  readonly stderr: string;
}

/** Runs a process to its end with stdout drained (counted) and stderr kept; wall-clock time. */
function runProcess(command: string, args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 100_000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      resolve({ ms: wall, cpuMs, code, stdoutLines: lines, stderr });
    });
  });
}

interface Budget {
  readonly name: string;
  readonly status: 'PASS' | 'FAIL' | 'SKIP' | 'INFO';
  readonly detail: string;
}
const budgets: Budget[] = [];
function budget(name: string, ok: boolean | null | 'info', detail: string): void {
  budgets.push({
    name,
    status: ok === 'info' ? 'INFO' : ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL',
    detail,
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Corpus throughput, in-process

interface CorpusResult {
  readonly files: string[];
  readonly rate: number;
  /** Mean µs per message of MIME decoding and of analysis, timed apart (null without .eml). */
  readonly decodeUs: number | null;
  readonly analysisUs: number | null;
  /** postal-mime alone (without our cut of unread parts), decoding only, msg/s. */
  readonly publishedPostalMimeRate: number | null;
}

/**
 * The same files through postal-mime alone, in a child process: decoding only, only the outer
 * message (ours also decodes the attached original), without src/mail/cutParts.ts before it.
 */
const PUBLISHED_POSTAL_MIME = `
import PostalMime from 'postal-mime';
import { readFileSync } from 'node:fs';
const inputs = JSON.parse(process.env.BENCH_FILES).map((f) => new Uint8Array(readFileSync(f)));
const options = { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer', maxNestingDepth: 100, maxHeadersSize: 262144 };
const run = async (ms) => {
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < ms) for (const input of inputs) { await PostalMime.parse(input.buffer, options); n++; }
  return (n / (performance.now() - started)) * 1000;
};
await run(${WARM_UP_SECONDS * 1000});
console.log(await run(${(CORPUS_SECONDS / 2) * 1000}));
`;

function publishedPostalMimeRate(files: readonly string[]): number | null {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PUBLISHED_POSTAL_MIME], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_FILES: JSON.stringify(files) },
  });
  const rate = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(rate)) {
    console.log(`postal-mime alone: not measured (${(child.stderr || 'no output').trim().slice(0, 200)})`);
    return null;
  }
  return rate;
}

async function corpusThroughput(): Promise<CorpusResult | null> {
  heading('1. Corpus throughput (analyzeBytes, in-process)');
  if (!existsSync(DEFAULT_CORPUS)) {
    console.log(`skipped: no corpus at ${DEFAULT_CORPUS}`);
    return null;
  }
  const files = readdirSync(DEFAULT_CORPUS)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => path.join(DEFAULT_CORPUS, f));
  const inputs = files.map((f) => new Uint8Array(readFileSync(f)));
  const bytes = inputs.reduce((sum, b) => sum + b.length, 0);
  let errors = 0;
  const once = async (input: Uint8Array): Promise<void> => {
    try {
      await analyzeBytes(input);
    } catch {
      errors++;
    }
  };
  // Warm-up: V8 needs a few hundred analyses to compile the hot paths; without a second of it the
  // first passes ran at half the speed of the later ones and the figure said more about the JIT.
  const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
  while (performance.now() < warmUntil) for (const input of inputs) await once(input);
  errors = 0;
  const times: number[] = [];
  const passRates: number[] = [];
  let processed = 0;
  let processedBytes = 0;
  const started = performance.now();
  const deadline = started + CORPUS_SECONDS * 1000;
  while (performance.now() < deadline) {
    const passStarted = performance.now();
    for (const input of inputs) {
      const t = performance.now();
      await once(input);
      times.push(performance.now() - t);
      processed++;
      processedBytes += input.length;
    }
    passRates.push((inputs.length / (performance.now() - passStarted)) * 1000);
  }
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(times).sort();
  const rate = processed / elapsed;
  console.log(
    `${files.length} messages (${mb(bytes)}), ${processed / files.length} passes in ${elapsed.toFixed(1)} s ` +
      `after ${WARM_UP_SECONDS} s of warm-up` +
      (errors ? `, ${errors / (processed / files.length)} throwing per pass` : ''),
  );
  console.log(
    `throughput ${rate.toFixed(0)} messages/s, ${(processedBytes / 1e6 / elapsed).toFixed(2)} MB/s; ` +
      `per message p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted[sorted.length - 1] ?? NaN)}; ` +
      `passes ${passRates.map((r) => r.toFixed(0)).join(', ')} msg/s`,
  );
  // Where the time goes: one more pass, decoding and analysis timed apart (each message fresh).
  let decodeMs = 0;
  let analyzeMs = 0;
  let split = 0;
  const splitStarted = performance.now();
  while (performance.now() - splitStarted < 1000) {
    for (const input of inputs) {
      if (sniffInput(input) !== 'eml') continue;
      const t0 = performance.now();
      const message = await decodeEml(input);
      const t1 = performance.now();
      analyzeMessage(message);
      analyzeMs += performance.now() - t1;
      decodeMs += t1 - t0;
      split++;
    }
  }
  const decodeUs = split > 0 ? (decodeMs / split) * 1000 : null;
  const analysisUs = split > 0 ? (analyzeMs / split) * 1000 : null;
  if (decodeUs !== null && analysisUs !== null)
    console.log(
      `per message: MIME decoding (postal-mime) ${decodeUs.toFixed(0)} µs, ` +
        `analysis ${analysisUs.toFixed(0)} µs (mean of ${split})`,
    );
  const published = publishedPostalMimeRate(files);
  if (published !== null)
    console.log(
      `postal-mime alone, decoding the outer message only: ${published.toFixed(0)} msg/s` +
        (decodeUs !== null ? `; ours, with the attached original: ${(1e6 / decodeUs).toFixed(0)} msg/s` : ''),
    );
  return { files, rate, decodeUs, analysisUs, publishedPostalMimeRate: published };
}

async function decodeCases(): Promise<void> {
  heading('1b. Inputs that once made decoding slow (analyzeBytes, in-process, median of 5)');
  for (const c of await timeDecodeCases())
    console.log(
      `${c.name.padEnd(48)} ${kb(c.bytes).padStart(10)}  ${ms(c.medianMs).padStart(9)}  ` +
        `(${ms((c.medianMs / c.bytes) * 100_000)} per 100 KB)`,
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Side by side with Sisimai

function sisimaiVersion(): string | null {
  const probe = spawnSync('perl', ['-MSisimai', '-e', 'print Sisimai->version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() || '?' : null;
}

/** Installs libsisimai-perl with apt when it is missing; returns the version or why it is not there. */
function ensureSisimai(): { version: string } | { skipped: string } {
  if (spawnSync('perl', ['-v']).status !== 0) return { skipped: 'perl is not installed' };
  const present = sisimaiVersion();
  if (present) return { version: present };
  if (spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0)
    return { skipped: 'Sisimai (libsisimai-perl) is not installed and apt-get is not available' };
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!root && !sudo) return { skipped: 'libsisimai-perl is not installed and apt-get needs root' };
  const apt = (...args: string[]): { ok: boolean; out: string } => {
    const run = spawnSync(sudo ? 'sudo' : 'apt-get', sudo ? ['-n', 'apt-get', ...args] : args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return { ok: run.status === 0, out: `${run.stdout ?? ''}${run.stderr ?? ''}` };
  };
  console.log('installing libsisimai-perl with apt-get …');
  let install = apt('install', '-y', '-q', 'libsisimai-perl');
  if (
    !install.ok &&
    /unable to locate package|no installation candidate|has no candidate/i.test(install.out)
  ) {
    console.log('apt-get has no package lists; running apt-get update …');
    apt('update', '-q');
    install = apt('install', '-y', '-q', 'libsisimai-perl');
  }
  const version = sisimaiVersion();
  if (version) return { version };
  const last = install.out.trim().split('\n').pop() ?? '';
  return { skipped: `apt-get install libsisimai-perl failed (${last.slice(0, 200)})` };
}

// Sisimai->dump is make()/rise() plus JSON, in v4 and v5 alike; one JSON document per file.
const SISIMAI_SCRIPT = `use strict; use warnings; use Sisimai;
my $found = 0;
for my $file (@ARGV) {
  my $json = Sisimai->dump($file) // '[]';
  $found++ if $json ne '[]';
  print $json, "\\n";
}
print STDERR "sisimai: results for $found of ", scalar(@ARGV), " files\\n";
`;

interface SisimaiResult {
  readonly theirsRate: number;
}

async function sideBySide(corpus: CorpusResult | null): Promise<SisimaiResult | null> {
  heading('2. Side by side with Sisimai (same files, whole process, alternating)');
  if (!corpus) {
    console.log('skipped: no corpus');
    return null;
  }
  const sisimai = ensureSisimai();
  if ('skipped' in sisimai) {
    console.log(`skipped: ${sisimai.skipped}`);
    return null;
  }
  const script = path.join(tmp, 'sisimai.pl');
  writeFileSync(script, SISIMAI_SCRIPT);
  // What `npm run explain` runs: the launcher, which builds the CLI bundle on its first run (the
  // warm-up below) and then starts from it.
  const cli = path.join(ROOT, 'scripts', 'explain.cjs');
  const files = corpus.files;
  const ours = (): Promise<ProcessRun> => runProcess(process.execPath, [cli, '--json', ...files]);
  const theirs = (): Promise<ProcessRun> => runProcess('perl', [script, ...files]);

  const nodeStart = await runProcess(process.execPath, ['-e', '0']);
  const perlStart = await runProcess('perl', ['-MSisimai', '-e', '0']);
  await ours(); // warm-up: page cache, module files
  await theirs();
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  const oursCpu: number[] = [];
  const theirsCpu: number[] = [];
  let lastOurs: ProcessRun | null = null;
  let lastTheirs: ProcessRun | null = null;
  for (let round = 0; round < SISIMAI_ROUNDS; round++) {
    // Alternate who goes first, so neither always runs on a warmer machine.
    const order = round % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
    for (const who of order) {
      if (who === 'ours') {
        lastOurs = await ours();
        oursMs.push(lastOurs.ms);
        if (lastOurs.cpuMs !== null) oursCpu.push(lastOurs.cpuMs);
      } else {
        lastTheirs = await theirs();
        theirsMs.push(lastTheirs.ms);
        if (lastTheirs.cpuMs !== null) theirsCpu.push(lastTheirs.cpuMs);
      }
    }
    const cpu = (values: number[]): string =>
      values[round] === undefined ? '' : ` (cpu ${secs(values[round] ?? NaN)})`;
    console.log(
      `round ${round + 1}: ours ${secs(oursMs[round] ?? NaN)}${cpu(oursCpu)}   sisimai ${secs(theirsMs[round] ?? NaN)}${cpu(theirsCpu)}`,
    );
  }
  const n = files.length;
  const oursMedian = median(oursMs);
  const theirsMedian = median(theirsMs);
  const oursRate = (n / oursMedian) * 1000;
  const theirsRate = (n / theirsMedian) * 1000;
  const failures = (lastOurs?.stderr.match(/^explain: /gm) ?? []).length;
  console.log(
    `ours:    node ${process.version} + npm run explain's launcher (explain --json), ${lastOurs?.stdoutLines ?? 0} JSON lines` +
      (failures ? `, ${failures} files refused` : ''),
  );
  console.log(
    `sisimai: ${sisimai.version}, perl, Sisimai->dump per file; ${(lastTheirs?.stderr.match(/results for \d+ of \d+ files/) ?? ['?'])[0]}`,
  );
  console.log(
    `start-up alone: node ${ms(nodeStart.ms)}, perl + Sisimai ${ms(perlStart.ms)} (one run each, included above)`,
  );
  console.log(
    `median of ${SISIMAI_ROUNDS}: ours ${secs(oursMedian)} (${oursRate.toFixed(0)} msg/s)   sisimai ${secs(theirsMedian)} (${theirsRate.toFixed(0)} msg/s)   ` +
      `→ whole process, ours is ${(theirsMedian / oursMedian).toFixed(2)}× Sisimai's speed`,
  );
  if (oursCpu.length && theirsCpu.length)
    console.log(
      `median CPU time (user + sys): ours ${secs(median(oursCpu))}   sisimai ${secs(median(theirsCpu))}   → ${(median(theirsCpu) / median(oursCpu)).toFixed(2)}×`,
    );
  console.log(
    `in-process ours ${corpus.rate.toFixed(0)} msg/s (section 1) vs Sisimai whole-process ${theirsRate.toFixed(0)} msg/s ` +
      `→ ${(corpus.rate / theirsRate).toFixed(1)}×`,
  );
  return { theirsRate };
}

// ---------------------------------------------------------------------------------------------
// 3. Scaling

async function scaling(): Promise<Map<number, ScaleResult>> {
  heading('3. Scaling (synthetic Postfix NDR, original attached as message/rfc822; fresh process each)');
  const child = await bundleForNode('scripts/bench/scaleChild.ts', 'scaleChild.cjs');
  const results = new Map<number, ScaleResult>();
  console.log(
    'original   input      time (median, runs)     time/MB      peak RSS growth   peak/input   verdict',
  );
  let previous: { size: number; result: ScaleResult } | null = null;
  const ratios: string[] = [];
  for (const size of SCALE_SIZES) {
    const file = path.join(tmp, `ndr-${size}.eml`);
    writeFileSync(file, syntheticNdr(size));
    const run = spawnSync(process.execPath, ['--expose-gc', child, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    rmSync(file, { force: true });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.log(
        `${sizeName(size).padEnd(10)} failed: ${(run.stderr || run.stdout).trim().split('\n').slice(0, 3).join(' | ')}`,
      );
      continue;
    }
    const result = JSON.parse(line) as ScaleResult;
    results.set(size, result);
    console.log(
      [
        sizeName(size).padEnd(10),
        mb(result.bytes).padEnd(10),
        `${ms(result.medianMs)} (${result.runsMs.length})`.padEnd(23),
        ms(result.medianMs / (result.bytes / 1e6)).padEnd(12),
        mb(result.peakBytes).padEnd(17),
        `${(result.peakBytes / result.bytes).toFixed(1)}×`.padEnd(12),
        `${result.verdict} ${result.status ?? '-'}`,
      ].join(' '),
    );
    if (previous)
      ratios.push(
        `${sizeName(size)}/${sizeName(previous.size)}: size ×${(result.bytes / previous.result.bytes).toFixed(1)}, ` +
          `time ×${(result.medianMs / previous.result.medianMs).toFixed(1)}, memory ×${(result.peakBytes / Math.max(1, previous.result.peakBytes)).toFixed(1)}`,
      );
    previous = { size, result };
  }
  for (const ratio of ratios) console.log(`  ${ratio}`);
  const one = results.get(1_000_000);
  const big = results.get(25_000_000);
  if (one && big)
    console.log(
      `  25 MB/1 MB: time ×${(big.medianMs / one.medianMs).toFixed(1)} for size ×${(big.bytes / one.bytes).toFixed(1)}`,
    );
  console.log(
    '  (peak RSS growth = process high-water mark minus the RSS after warm-up and gc, before the input was read;' +
      ' it includes the input bytes; small sizes are noise)',
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// 4. Pane size

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIfNeeded(): void {
  const html = path.join(DIST, 'taskpane.html');
  if (NO_BUILD) {
    console.log(`--no-build: measuring ${path.relative(ROOT, DIST) || DIST} as it is`);
    return;
  }
  const sources = ['src', 'webpack.config.js', 'package.json'].map((p) => path.join(ROOT, p));
  const stale =
    !existsSync(html) ||
    !existsSync(path.join(DIST, 'standalone.html')) ||
    Math.max(...sources.map(newestMtime)) > statSync(html).mtimeMs;
  if (!stale) {
    console.log('dist/ is newer than src/: not rebuilding');
    return;
  }
  console.log('dist/ is missing or older than src/: production build …');
  const started = performance.now();
  const args = [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'];
  if (DIST !== path.join(ROOT, 'dist')) args.push('--output-path', DIST);
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.log(
      `build failed (exit ${run.status}); measuring what is in dist/:\n${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
    );
    return;
  }
  console.log(`built in ${secs(performance.now() - started)}`);
}

/** The attributes of every `<tag …>` in minified or pretty HTML. */
function tags(html: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g))
      attributes[(a[1] ?? '').toLowerCase()] = (a[2] ?? '').replace(/^["']|["']$/g, '');
    found.push(attributes);
  }
  return found;
}

/** Local JS and CSS files a page loads before it runs (its <script src> and stylesheet <link>s). */
function initialAssets(page: string): { js: string[]; css: string[]; external: string[] } {
  const html = readFileSync(path.join(DIST, page), 'utf8');
  const external: string[] = [];
  const local = (url: string | undefined): string | null => {
    if (!url) return null;
    if (/^(?:[a-z]+:)?\/\//i.test(url)) {
      external.push(url);
      return null;
    }
    return url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? null;
  };
  const js = tags(html, 'script')
    .map((t) => local(t['src']))
    .filter((f): f is string => f !== null);
  const css = tags(html, 'link')
    .filter((t) => (t['rel'] ?? '').toLowerCase().split(/\s+/).includes('stylesheet'))
    .map((t) => local(t['href']))
    .filter((f): f is string => f !== null);
  return { js, css, external };
}

/** gzip -9 size of a file in DIST; paneSize asks for some files more than once. */
const gzSizes = new Map<string, number>();
function gzSize(file: string): number {
  const full = path.join(DIST, file);
  let size = gzSizes.get(full);
  if (size === undefined) {
    size = gzipSync(readFileSync(full), { level: 9 }).length;
    gzSizes.set(full, size);
  }
  return size;
}
const rawSize = (file: string): number => statSync(path.join(DIST, file)).size;

interface PaneResult {
  readonly initialJsGz: number;
  readonly initialCssGz: number;
}

function paneSize(): PaneResult | null {
  heading('4. Pane size (gzip -9; 1 KB = 1000 bytes)');
  buildIfNeeded();
  if (!existsSync(path.join(DIST, 'taskpane.html'))) {
    console.log(`skipped: no ${path.join(DIST, 'taskpane.html')}`);
    return null;
  }
  const pane = initialAssets('taskpane.html');
  const standalone = existsSync(path.join(DIST, 'standalone.html'))
    ? initialAssets('standalone.html')
    : { js: [], css: [], external: [] };
  const sum = (files: string[], size: (f: string) => number): number =>
    files.reduce((total, f) => total + size(f), 0);
  const initialJsGz = sum(pane.js, gzSize);
  const initialCssGz = sum(pane.css, gzSize);
  for (const file of [...pane.js, ...pane.css])
    console.log(`  initial  ${file.padEnd(34)} ${kb(rawSize(file)).padStart(10)}  gz ${kb(gzSize(file))}`);
  console.log(
    `taskpane.html initial: JS ${kb(initialJsGz)} gz (${kb(sum(pane.js, rawSize))} raw), ` +
      `CSS ${kb(initialCssGz)} gz (${pane.css.length} file${pane.css.length === 1 ? '' : 's'})` +
      (pane.external.length ? `; not counted (CDN): ${pane.external.join(', ')}` : ''),
  );
  if (standalone.js.length)
    console.log(
      `standalone.html initial: JS ${kb(sum(standalone.js, gzSize))} gz, CSS ${kb(sum(standalone.css, gzSize))} gz`,
    );
  const initial = new Set([...pane.js, ...pane.css, ...standalone.js, ...standalone.css]);
  const lazy = readdirSync(DIST)
    .filter((f) => /\.(?:js|css)$/.test(f) && !initial.has(f))
    .map((f) => ({ file: f, gz: gzSize(f) }))
    .sort((a, b) => b.gz - a.gz);
  const largest = lazy[0];
  if (largest)
    console.log(
      `largest lazy chunk: ${largest.file} ${kb(largest.gz)} gz (${kb(rawSize(largest.file))} raw); ` +
        `all lazy: ${lazy.map((l) => `${l.file} ${kb(l.gz)}`).join(', ')}`,
    );
  else console.log('largest lazy chunk: none');
  return { initialJsGz, initialCssGz };
}

// ---------------------------------------------------------------------------------------------
// 5. Standalone page in Chromium against an empty Fluent page

const BASELINE_ENTRY = `
import { createRoot } from 'react-dom/client';
import { FluentProvider, Title3, webLightTheme } from '@fluentui/react-components';
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}><Title3 as="h2">Hello</Title3></FluentProvider>,
);
`;

async function buildBaseline(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: BASELINE_ENTRY, resolveDir: ROOT, loader: 'tsx', sourcefile: 'baseline.tsx' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(dir, 'baseline.js'),
    logLevel: 'error',
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title>' +
      '<script defer src="baseline.js"></script></head><body style="margin:0"><div id="root"></div></body></html>',
  );
}

/**
 * Milliseconds from navigation start (the page's time origin) to the frame after a level-2 heading
 * containing `text` entered the document; in a fresh browser context (empty cache).
 */
async function timeToHeading(browser: Browser, url: string, text: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript((wanted: string) => {
      const w = window as unknown as { __visibleAt?: number };
      const observer = new MutationObserver(() => {
        for (const h of Array.from(document.getElementsByTagName('h2')))
          if (h.textContent?.includes(wanted)) {
            observer.disconnect();
            requestAnimationFrame(() => {
              w.__visibleAt = performance.now();
            });
            return;
          }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }, text);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      const handle = await page.waitForFunction(
        () => (window as unknown as { __visibleAt?: number }).__visibleAt,
        undefined,
        { timeout: 30_000 },
      );
      return (await handle.jsonValue()) as number;
    } catch (error) {
      throw new Error(
        `${url}: no h2 with "${text}"${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}: ${String(error).split('\n')[0]}`,
        { cause: error },
      );
    }
  } finally {
    await context.close();
  }
}

interface PageResult {
  readonly oursMs: number;
  readonly baselineMs: number;
}

async function pageLoad(): Promise<PageResult | null> {
  heading('5. Standalone page in headless Chromium: open → explanation visible');
  if (!existsSync(path.join(DIST, 'standalone.html'))) {
    console.log('skipped: no dist/standalone.html');
    return null;
  }
  const harness = await import('../test/browser/harness');
  try {
    harness.chromiumPath();
  } catch (error) {
    console.log(`skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const baselineDir = path.join(tmp, 'baseline');
  await buildBaseline(baselineDir);
  const baselineGz = gzipSync(readFileSync(path.join(baselineDir, 'baseline.js')), { level: 9 }).length;
  const server = await harness.serveDist({ '/baseline/': baselineDir }, DIST);
  const browser = await harness.launch();
  try {
    const ours = (): Promise<number> =>
      timeToHeading(browser, `${server.url}/standalone.html?sample=relay-access-denied`, 'was not delivered');
    const baseline = (): Promise<number> => timeToHeading(browser, `${server.url}/baseline/`, 'Hello');
    await ours(); // warm-up (browser process, server, page cache)
    await baseline();
    const oursMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < PAGE_LOADS; i++) {
      oursMs.push(await ours());
      baselineMs.push(await baseline());
    }
    const o = median(oursMs);
    const b = median(baselineMs);
    console.log(
      `standalone.html?sample=relay-access-denied: ${oursMs.map((v) => v.toFixed(0)).join(', ')} ms`,
    );
    console.log(
      `empty Fluent page (FluentProvider + Title3, ${kb(baselineGz)} gz): ${baselineMs.map((v) => v.toFixed(0)).join(', ')} ms`,
    );
    console.log(
      `median of ${PAGE_LOADS}, fresh context each: ours ${ms(o)}, baseline ${ms(b)} → ${(o / b).toFixed(2)}× the empty Fluent page`,
    );
    return { oursMs: o, baselineMs: b };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const started = performance.now();
  console.log(
    `bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const corpus = await corpusThroughput();
  await decodeCases();
  const sisimai = await sideBySide(corpus);
  const scale = await scaling();
  const pane = paneSize();
  let page: PageResult | null = null;
  try {
    page = await pageLoad();
  } catch (error) {
    console.log(`skipped: ${error instanceof Error ? error.message : String(error)}`);
  }

  heading('Budgets');
  if (corpus && sisimai) {
    const factor = corpus.rate / sisimai.theirsRate;
    // What the budget leaves per message, against where the time goes now.
    const allowedUs = 1e6 / (sisimai.theirsRate * BUDGET.sisimaiFactor);
    const parts = [`≤ ${allowedUs.toFixed(0)} µs per message`];
    if (corpus.decodeUs !== null && corpus.analysisUs !== null)
      parts.push(
        `now ${corpus.decodeUs.toFixed(0)} µs decoding + ${corpus.analysisUs.toFixed(0)} µs analysis`,
      );
    if (corpus.publishedPostalMimeRate !== null)
      parts.push(
        `postal-mime decodes alone at ${(corpus.publishedPostalMimeRate / sisimai.theirsRate).toFixed(1)}×`,
      );
    budget(
      'throughput vs Sisimai',
      factor >= BUDGET.sisimaiFactor,
      `in-process ${corpus.rate.toFixed(0)} msg/s = ${factor.toFixed(1)}× Sisimai's whole-process ${sisimai.theirsRate.toFixed(0)} msg/s (need ≥ ${BUDGET.sisimaiFactor}×: ${parts.join('; ')})`,
    );
  } else budget('throughput vs Sisimai', null, 'Sisimai or the corpus is not available');
  const one = scale.get(1_000_000);
  const big = scale.get(25_000_000);
  if (one && big) {
    const ratio = big.medianMs / one.medianMs;
    budget(
      'scaling time 25 MB/1 MB',
      ratio <= BUDGET.scaleTimeRatio,
      `${secs(big.medianMs)} / ${secs(one.medianMs)} = ${ratio.toFixed(1)}× (need ≤ ${BUDGET.scaleTimeRatio}×)`,
    );
  } else budget('scaling time 25 MB/1 MB', false, 'a scaling run failed');
  if (big) {
    const factor = big.peakBytes / big.bytes;
    budget(
      'scaling memory 25 MB',
      factor <= BUDGET.scaleMemoryFactor,
      `peak ${mb(big.peakBytes)} for ${mb(big.bytes)} input = ${factor.toFixed(1)}× (need ≤ ${BUDGET.scaleMemoryFactor}×)`,
    );
  } else budget('scaling memory 25 MB', false, 'the 25 MB run failed');
  if (pane)
    budget(
      'initial task-pane JS',
      pane.initialJsGz <= BUDGET.paneJsGzBytes,
      `${kb(pane.initialJsGz)} gz (${pane.initialJsGz} bytes; need ≤ ${kb(BUDGET.paneJsGzBytes)})`,
    );
  else budget('initial task-pane JS', false, 'no build to measure');
  if (page)
    budget(
      'standalone page vs empty Fluent page',
      'info',
      `${ms(page.oursMs)} vs ${ms(page.baselineMs)} = ${(page.oursMs / page.baselineMs).toFixed(2)}× (reported, no budget)`,
    );
  for (const b of budgets) console.log(`${b.status.padEnd(4)}  ${b.name}: ${b.detail}`);
  const failed = budgets.filter((b) => b.status === 'FAIL').length;
  console.log(
    `(${secs(performance.now() - started)} in all; ${CHECK ? `--check: ${failed ? `${failed} budget(s) missed` : 'all budgets met'}` : 'use --check to enforce'})`,
  );

  const vs = corpus && sisimai ? `${(corpus.rate / sisimai.theirsRate).toFixed(1)}` : 'n/a';
  console.log(
    `bench: throughput=${corpus ? corpus.rate.toFixed(0) : 'n/a'} vs-sisimai=${vs}× ` +
      `scale25mb=${big ? (big.medianMs / 1000).toFixed(2) : 'n/a'} pane-gz=${pane ? ((pane.initialJsGz + pane.initialCssGz) / 1000).toFixed(1) : 'n/a'}`,
  );
  return CHECK && failed > 0 ? 1 : 0;
}

main()
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  )
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
