#!/usr/bin/env node
/**
 * `npm run explain`: runs the command line (src/cli/explain.ts) from a bundle that esbuild makes
 * once and remakes when a source file is newer. Through tsx, which compiles every module at each
 * start, 425 bounces took three times as long.
 *
 *   node scripts/explain.cjs [--json] [--lang en|nl|de|fr|es|it|pt|sv] [--jobs N] FILE...
 *   BOUNCE_EXPLAINER_CLI_CACHE=dir  where the bundle is kept (default
 *                                   node_modules/.cache/bounce-explainer/<this checkout's path>)
 */
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { isMainThread, workerData } = require('node:worker_threads');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'cli', 'explain.ts');
// One directory per checkout: git worktrees may share one node_modules, and each builds its own sources.
const CHECKOUT = ROOT.replace(/[^\w.-]+/g, '_');
const CACHES = [
  process.env.BOUNCE_EXPLAINER_CLI_CACHE ||
    path.join(ROOT, 'node_modules', '.cache', 'bounce-explainer', CHECKOUT),
  // When the checkout is read-only.
  path.join(os.tmpdir(), `bounce-explainer-cli-${process.getuid ? process.getuid() : 'user'}`, CHECKOUT),
];

/** The newest modification time of the files the command line is built from. */
function newestSource() {
  let newest = 0;
  const visit = (target) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  // This launcher too: how it bundles is part of what it builds.
  for (const source of ['src', 'package.json', 'package-lock.json', 'scripts/explain.cjs']) {
    const target = path.join(ROOT, source);
    if (fs.existsSync(target)) visit(target);
  }
  return newest;
}

function isCurrent(bundle, newest) {
  try {
    return fs.statSync(bundle).mtimeMs >= newest;
  } catch {
    return false;
  }
}

const CACHE_SUFFIX = '.v8-cache';

function build(bundle) {
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Written beside the bundle and renamed, so two runs starting at once never read half a file.
  const partial = `${bundle}.${process.pid}.tmp`;
  const result = require('esbuild').buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: partial,
    // The translations (1.6 MB of JSON, which --json never reads) stay files of their own beside
    // the bundle, read by require() when a locale is first used: compiled into the bundle, each
    // thread paid ~10 ms at every start to read and compile them.
    loader: { '.json': 'copy' },
    // postal-mime reads every decoded part back from a Blob; Node's native one made that half of
    // the decoding time (src/mail/plainBlob.ts).
    inject: [path.join(ROOT, 'src', 'mail', 'plainBlob.ts')],
    // The .msg reader's iconv-lite (half a megabyte of code-page tables to load at each start) on
    // the platform's TextDecoder, as in the pane (src/mail/iconvShim.ts).
    alias: { 'iconv-lite': path.join(ROOT, 'src', 'mail', 'iconvShim.ts') },
    metafile: true,
    logLevel: 'error',
  });
  fs.renameSync(partial, bundle);
  // What earlier builds left: their translations (named after a hash of their content) and code caches.
  const current = new Set(Object.keys(result.metafile.outputs).map((file) => path.basename(file)));
  for (const file of fs.readdirSync(path.dirname(bundle)))
    if (/^(?:(?:causes|ui)-\w+\.json|explain\.cjs\.[\d.-]+\.v8-cache)$/.test(file) && !current.has(file))
      fs.rmSync(path.join(path.dirname(bundle), file), { force: true });
}

/** The path of a current bundle, built in the first cache directory that can be written. */
function currentBundle() {
  const newest = newestSource();
  let lastError;
  for (const cache of CACHES) {
    const bundle = path.join(cache, 'explain.cjs');
    if (isCurrent(bundle, newest)) return bundle;
    try {
      build(bundle);
      return bundle;
    } catch (error) {
      if (error && Array.isArray(error.errors)) throw error; // esbuild's own error: the source is broken
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Runs the bundle as require() would, but compiled with V8's code cache: the bytecode of the
 * functions a run compiled, written when that run ends. Each thread then starts without parsing
 * and compiling most of the bundle again (over the 425 corpus files ~30 ms of processor time on
 * one thread, ~50 ms on two).
 *
 * The cache is named after the size and modification time of the bundle it was made from, so a
 * rebuilt bundle never meets an old cache (V8 itself checks only its version, its flags and the
 * source's length; it rejects a cache that does not fit, and then the bundle compiles as usual),
 * and after the number of arguments of the run that made it: a run given more arguments (so
 * likely more kinds of input, and more of the analyser's functions compiled) writes it again.
 */
function runBundle(bundle, writeCache) {
  // Read through one descriptor, so that the cache is named after the bundle actually read.
  const fd = fs.openSync(bundle, 'r');
  let source;
  let stat;
  try {
    stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const dir = path.dirname(bundle);
  const prefix = `${path.basename(bundle)}.${stat.size}-${Math.trunc(stat.mtimeMs)}.`;
  const found = fs.readdirSync(dir).filter((file) => file.startsWith(prefix) && file.endsWith(CACHE_SUFFIX));
  const madeWith = Math.max(
    -1,
    ...found.map((file) => Number(file.slice(prefix.length, -CACHE_SUFFIX.length))),
  );
  let cachedData;
  try {
    if (madeWith >= 0) cachedData = fs.readFileSync(path.join(dir, `${prefix}${madeWith}${CACHE_SUFFIX}`));
  } catch {
    cachedData = undefined; // removed meanwhile by another run
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const args = process.argv.length - 2;
  if (writeCache && (cachedData === undefined || script.cachedDataRejected || args > madeWith))
    process.once('exit', () => {
      // Written beside the bundle and renamed, as the bundle; a cache that cannot be written is no error.
      const cacheFile = path.join(dir, `${prefix}${args}${CACHE_SUFFIX}`);
      const partial = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, cacheFile);
        for (const file of found)
          if (path.join(dir, file) !== cacheFile) fs.rmSync(path.join(dir, file), { force: true });
      } catch {
        fs.rmSync(partial, { force: true });
      }
    });
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script
    .runInThisContext()
    .call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dir);
}

// V8 optimises a function once it has run about 66 KB of bytecode (its default --interrupt-budget).
// A run over a few hundred bounces then spends more processor time compiling optimised code, on a
// background thread that competes with the worker threads for the cores, than that code saves
// before the run ends: over the 425 corpus files on two cores, 0.59 s became 0.45 s on two
// threads and 0.57 s became 0.54 s on one. A later tier-up (15× the budget) still optimises
// what a long run spends its time in. It holds for every thread of this process.
require('node:v8').setFlagsFromString('--interrupt-budget=1000000');
// V8 runs a regular expression's first match in its bytecode interpreter, and compiles it to
// machine code only when it is used again. The analyser's patterns (every reason's phrases in
// one alternation, every language's labels) are large and nearly all used again in the next
// file, so each was compiled twice: compiling them once, to machine code, saved ~6% of the
// processor time over the 425 corpus files (460 -> 433 ms on one thread, 627 -> 578 ms on two).
// The matching is the same: one backtracking engine, compiled instead of interpreted.
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
// src/cli/explain.ts starts its worker threads from this file (see workerEntry there), with the
// bundle the main thread runs in their workerData: all threads run the same build.
globalThis[Symbol.for('bounce-explainer.cli.launcher')] = path.join(__dirname, 'explain.cjs');
if (!isMainThread && workerData && workerData.role === 'bounce-explainer-cli-worker')
  runBundle(workerData.bundle, false);
else runBundle(currentBundle(), true);
