/**
 * Command line over the analysis core.
 *
 *   npm run explain -- [--json] [--lang en|nl|de|fr|es|it|pt|sv] [--jobs N] [--me ADDRESS] [--check-dns [--doh URL]] FILE...
 *   (FILE may be - for standard input; --me is the reader's address, for telling backscatter apart)
 *
 * Prints a plain-language explanation per file, or with --json one JSON object per line, in the
 * order of the arguments. A file that cannot be read is reported on stderr; the others are still
 * processed, and the exit code is 1.
 *
 * Files are analysed on N threads (default: every core the process may use): this thread and N − 1
 * worker threads running this same module, each taking the next file from a shared counter. The
 * output is the same as with --jobs 1, line for line.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Translator } from '../i18n';
import { validAddress } from '../core/safeValues';
import { DEFAULT_RESOLVER, DEFAULT_SECOND_RESOLVER } from '../net/resolvers';
import { validResolver } from '../net/resolverUrl';
import type { CliDnsOptions } from './dnsCheck';
import { analyzeBytes, InputTooLargeError } from '../mail/readInput';
import { jsonLine, terminalSafe, toJson, toText } from './format';
import { Output } from './output';

interface Options {
  json: boolean;
  lang: string;
  jobs: number;
  /** The reader's own address (--me), for the backscatter check; null when not given. */
  me: string | null;
  /** --check-dns: the resolvers to ask; null without the option (then no request is made). */
  dns: CliDnsOptions | null;
  /** --doh given (only meaningful with --check-dns). */
  doh: string | null;
  files: string[];
}

const usage = (locales: readonly string[]): string =>
  `usage: npm run explain -- [--json] [--lang ${locales.join('|')}] [--jobs N] [--me ADDRESS] [--check-dns [--doh URL]] FILE... (use - for standard input)`;
/** More threads than this only cost memory: each holds its own copy of the analyser. */
const MAX_JOBS = 64;

function parseJobs(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return null;
  const jobs = Number(value);
  return jobs >= 1 && jobs <= MAX_JOBS ? jobs : null;
}

/** The options, or the message to print: the usage (asked for, or no file given) or what is wrong. */
function parseArgs(
  argv: readonly string[],
  locales: readonly string[],
): Options | { usage: string } | string {
  const USAGE = usage(locales);
  const options: Options = {
    json: false,
    lang: process.env['LANG'] ?? 'en',
    jobs: Math.min(MAX_JOBS, availableParallelism()),
    me: null,
    dns: null,
    doh: null,
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.startsWith('--lang=') ? arg.slice(7) : argv[++i];
      if (!(locales as readonly (string | undefined)[]).includes(value))
        return `--lang takes one of ${locales.join(', ')}\n${USAGE}`;
      options.lang = value ?? 'en';
    } else if (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs=')) {
      const jobs = parseJobs(arg.startsWith('--jobs=') ? arg.slice(7) : argv[++i]);
      if (jobs === null) return `--jobs takes a number from 1 to ${MAX_JOBS}\n${USAGE}`;
      options.jobs = jobs;
    } else if (arg === '--me' || arg.startsWith('--me=')) {
      const me = validAddress(arg.startsWith('--me=') ? arg.slice(5) : argv[++i]);
      if (!me) return `--me takes your email address\n${USAGE}`;
      options.me = me;
    } else if (arg === '--check-dns')
      options.dns = { resolver: DEFAULT_RESOLVER, secondResolver: DEFAULT_SECOND_RESOLVER };
    else if (arg === '--doh' || arg.startsWith('--doh=')) {
      const doh = validResolver(arg.startsWith('--doh=') ? arg.slice(6) : argv[++i]);
      if (!doh) return `--doh takes an https DNS-over-HTTPS URL (RFC 8484)\n${USAGE}`;
      options.doh = doh;
    } else if (arg === '--help' || arg === '-h') return { usage: USAGE };
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else options.files.push(arg);
  }
  if (options.files.length === 0) return { usage: USAGE };
  // The resolver the user named is the only one asked: no second opinion they did not choose.
  if (options.dns && options.doh) options.dns = { resolver: options.doh, secondResolver: null };
  return options;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What one file gives: a line for standard output, or a message for standard error. */
type Outcome = { readonly line: string } | { readonly error: string };

/**
 * The translator for text output; null for JSON, which needs no sentences: no locale's texts are
 * then read (they are files beside the command line's bundle, scripts/explain.cjs).
 */
async function translatorFor(json: boolean, lang: string): Promise<Translator | null> {
  if (json) return null;
  const [{ createTranslator }, { pickLocale }] = await Promise.all([
    import('../i18n/static'),
    import('../i18n'),
  ]);
  return createTranslator(pickLocale(lang));
}

async function explainFile(
  file: string,
  json: boolean,
  t: Translator | null,
  me: string | null,
  dns: CliDnsOptions | null = null,
): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: read-ahead through fs/promises made a run over 4,000 files slower
    // (each open, stat, read and close waits for the event loop, which the analysis keeps busy).
    bytes = new Uint8Array(readFileSync(file === '-' ? 0 : file));
  } catch (error) {
    return { error: `cannot read: ${reason(error)}` };
  }
  try {
    const analysis = await analyzeBytes(bytes, { reader: me });
    // dns-packet and the network code load only for --check-dns.
    const dnsModule = dns ? await import('./dnsCheck') : null;
    const check = dns && dnsModule ? await dnsModule.checkDns(analysis, dns) : null;
    if (t)
      return {
        line: [
          toText(file, analysis, t),
          ...(check && dnsModule ? dnsModule.dnsCheckLines(check, t) : []),
        ].join('\n'),
      };
    return { line: jsonLine({ ...toJson(file, analysis), ...(dns ? { dnsCheck: check } : {}) }) };
  } catch (error) {
    return {
      error:
        error instanceof InputTooLargeError
          ? `too large (${error.size} bytes; limit ${error.limit})`
          : reason(error),
    };
  }
}

/** What the main thread tells a worker thread. */
interface WorkerData {
  readonly role: 'bounce-explainer-cli-worker';
  /** This module's file (the bundle), for the launcher that starts the thread (workerEntry). */
  readonly bundle: string;
  readonly files: readonly string[];
  readonly json: boolean;
  readonly lang: string;
  readonly me: string | null;
  readonly dns: CliDnsOptions | null;
  /** One Int32: the index of the next file nobody has taken yet. */
  readonly next: SharedArrayBuffer;
}

/** What a worker thread posts for each file it took. */
interface Done {
  readonly index: number;
  readonly outcome: Outcome;
}

/**
 * The file a worker thread starts from: npm run explain's launcher (scripts/explain.cjs) names
 * itself here, and starts the thread with this same bundle through V8's code cache; without the
 * launcher, this module itself.
 */
function workerEntry(): string {
  const launcher: unknown = (globalThis as Record<symbol, unknown>)[
    Symbol.for('bounce-explainer.cli.launcher')
  ];
  return typeof launcher === 'string' ? launcher : __filename;
}

const takeNext = (next: Int32Array): number => Atomics.add(next, 0, 1);

/** A worker thread: takes files from the shared counter until none are left. */
async function workerMain(data: WorkerData): Promise<void> {
  const t = await translatorFor(data.json, data.lang);
  const next = new Int32Array(data.next);
  for (let index = takeNext(next); index < data.files.length; index = takeNext(next)) {
    const outcome = await explainFile(data.files[index] ?? '', data.json, t, data.me, data.dns);
    parentPort?.postMessage({ index, outcome } satisfies Done);
  }
}

async function main(): Promise<number> {
  // The locales' module (and the English and Dutch UI texts it holds) loads on this thread only:
  // the worker threads need it only for text output.
  const { LOCALES } = await import('../i18n');
  const parsed = parseArgs(process.argv.slice(2), LOCALES);
  if (typeof parsed === 'string') {
    console.error(parsed);
    return 2;
  }
  if ('usage' in parsed) {
    console.log(parsed.usage);
    return 0;
  }
  const { files, json } = parsed;
  const t = await translatorFor(json, parsed.lang);
  const out = new Output(process.stdout);
  let failures = 0;

  // Results arrive in any order and are printed in the order of the files.
  const results: (Outcome | undefined)[] = new Array<Outcome | undefined>(files.length);
  let printed = 0;
  let wrote = false;
  const print = (): void => {
    for (; printed < files.length && !out.closed; printed++) {
      const outcome = results[printed];
      if (!outcome) return;
      results[printed] = undefined;
      if ('line' in outcome) wrote = out.line(outcome.line) || wrote;
      else {
        failures++;
        out.flush();
        console.error(terminalSafe(`explain: ${files[printed] ?? ''}: ${outcome.error}`));
      }
    }
  };

  // Standard input can be read once, by this thread only.
  const threads = files.includes('-') ? 1 : Math.min(parsed.jobs, files.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers: Promise<void>[] = [];
  const entry = workerEntry();
  for (let i = 1; i < threads; i++) {
    const data: WorkerData = {
      role: 'bounce-explainer-cli-worker',
      bundle: __filename,
      files,
      json,
      lang: parsed.lang,
      me: parsed.me,
      dns: parsed.dns,
      next: next.buffer as SharedArrayBuffer,
    };
    const worker = new Worker(entry, { workerData: data });
    worker.on('message', (done: Done) => {
      results[done.index] = done.outcome;
      print();
    });
    workers.push(
      new Promise((resolve) => {
        // A thread that fails leaves its file without a result: this thread does it at the end.
        worker.on('error', (error) => console.error(`explain: worker thread: ${reason(error)}`));
        worker.on('exit', () => resolve());
      }),
    );
  }
  const stopWorkers = (): void => {
    Atomics.store(next, 0, files.length);
  };

  for (let index = takeNext(next); index < files.length && !out.closed; index = takeNext(next)) {
    results[index] = await explainFile(files[index] ?? '', json, t, parsed.me, parsed.dns);
    print();
    // Let the worker threads' results in, and a closed pipe (EPIPE) be noticed.
    if (workers.length > 0 || wrote) await out.settle();
    wrote = false;
  }
  if (out.closed) stopWorkers();
  await Promise.all(workers);
  for (let index = printed; index < files.length && !out.closed; index++) {
    results[index] ??= await explainFile(files[index] ?? '', json, t, parsed.me, parsed.dns);
    print();
  }
  out.flush();
  return failures > 0 ? 1 : 0;
}

const worker = workerData as Partial<WorkerData> | null;
if (!isMainThread && worker?.role === 'bounce-explainer-cli-worker') {
  workerMain(worker as WorkerData).catch((error: unknown) => {
    throw error;
  });
} else {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
