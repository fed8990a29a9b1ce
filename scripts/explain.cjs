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
const os = require('node:os');
const path = require('node:path');

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

function build(bundle) {
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Written beside the bundle and renamed, so two runs starting at once never read half a file.
  const partial = `${bundle}.${process.pid}.tmp`;
  require('esbuild').buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: partial,
    // postal-mime reads every decoded part back from a Blob; Node's native one made that half of
    // the decoding time (src/mail/plainBlob.ts).
    inject: [path.join(ROOT, 'src', 'mail', 'plainBlob.ts')],
    // The .msg reader's iconv-lite (half a megabyte of code-page tables to load at each start) on
    // the platform's TextDecoder, as in the pane (src/mail/iconvShim.ts).
    alias: { 'iconv-lite': path.join(ROOT, 'src', 'mail', 'iconvShim.ts') },
    logLevel: 'error',
  });
  fs.renameSync(partial, bundle);
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

// V8 optimises a function once it has run about 66 KB of bytecode (its default --interrupt-budget).
// A run over a few hundred bounces then spends more processor time compiling optimised code, on a
// background thread that competes with the worker threads for the cores, than that code saves
// before the run ends: over the 425 corpus files on two cores, 0.59 s became 0.45 s on two
// threads and 0.57 s became 0.54 s on one. A later tier-up (15× the budget) still optimises
// what a long run spends its time in. It holds for every thread of this process.
require('node:v8').setFlagsFromString('--interrupt-budget=1000000');
require(currentBundle());
