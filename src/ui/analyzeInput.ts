import { clip, cutAt } from '../core/text';
import type { EngineResult } from './engine';
import type { RawInput } from './messageSource';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

let enginePromise: Promise<typeof import('./engine')> | null = null;

/** Starts loading the engine (call early so it downloads in parallel with Office start-up). */
export function loadEngine(): Promise<unknown> {
  if (workerFactory) return Promise.resolve(engineWorker());
  enginePromise ??= import(/* webpackChunkName: "engine" */ './engine');
  return enginePromise;
}

export type Explained =
  | { readonly ok: true; readonly analysis: import('../core/types').Analysis; readonly input: RawInput }
  | {
      readonly ok: false;
      readonly error: 'tooLarge';
      readonly size: number;
      readonly limit: number;
      readonly input: RawInput;
    }
  | { readonly ok: false; readonly error: 'unreadable'; readonly detail: string }
  | { readonly ok: false; readonly error: 'cancelled' };

// ---------------------------------------------------------------------------------------------
// Where the engine runs. The composition roots hand us a Worker factory (webpack bundles the
// worker); tests and browsers without workers run the engine on this thread.

let workerFactory: (() => Worker) | null = null;
let worker: Worker | null = null;
let nextId = 1;
/** What a worker request ends in: its result, "cancelled", or "failed" (the worker could not run). */
type Outcome = EngineResult | 'cancelled' | 'failed';
const pending = new Map<number, (outcome: Outcome) => void>();

/** Runs every later analysis in a Web Worker made by `factory` (called by the composition roots). */
export function runEngineInWorker(factory: () => Worker): void {
  workerFactory = factory;
}

/** Ends the worker and answers everything it was doing with `outcome`. */
function stopWorker(outcome: 'cancelled' | 'failed'): void {
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const resolve of waiting) resolve(outcome);
}

function engineWorker(): Worker | null {
  if (worker || !workerFactory) return worker;
  try {
    const created = workerFactory();
    created.onmessage = (event: MessageEvent<{ id: number; result: EngineResult }>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
    // A worker that cannot start (a blocked script, no support): from then on the engine runs here.
    created.onerror = () => {
      workerFactory = null;
      stopWorker('failed');
    };
    worker = created;
  } catch {
    workerFactory = null;
  }
  return worker;
}

function inWorker(input: RawInput, signal: AbortSignal | undefined): Promise<Outcome> {
  const target = engineWorker();
  if (!target) return Promise.resolve('failed');
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    // Only termination stops a running analysis; the next input starts a fresh worker.
    signal?.addEventListener('abort', () => {
      if (pending.has(id)) stopWorker('cancelled');
    });
    target.postMessage({ id, input });
  });
}

async function onThisThread(input: RawInput): Promise<EngineResult> {
  try {
    enginePromise ??= import(/* webpackChunkName: "engine" */ './engine');
    return await (await enginePromise).runEngine(input);
  } catch (error) {
    enginePromise = null;
    return {
      ok: false,
      error: 'unreadable',
      detail: error instanceof Error ? clip(error.message, 200) : String(error),
    };
  }
}

/** Analyses one raw input; never throws. `signal` cancels it (the result is then `cancelled`). */
export async function explainInput(input: RawInput, signal?: AbortSignal): Promise<Explained> {
  if (signal?.aborted) return { ok: false, error: 'cancelled' };
  const outcome = workerFactory ? await inWorker(input, signal) : 'failed';
  if (outcome === 'cancelled' || signal?.aborted) return { ok: false, error: 'cancelled' };
  const result = outcome === 'failed' ? await onThisThread(input) : outcome;
  return result.ok || result.error === 'tooLarge' ? { ...result, input } : result;
}

/** The input explained a bounce or a delay (not an error, not some other kind of message). */
export const isBounce = (e: Explained): boolean =>
  e.ok && (e.analysis.verdict === 'bounce' || e.analysis.verdict === 'delay');

/**
 * Explains every attached candidate plus the first other input that is a bounce. When a message
 * carries several attached bounces the user picks one; `choices` lists them in attachment order.
 */
export async function explainCandidates(
  inputs: readonly RawInput[],
  signal?: AbortSignal,
): Promise<{ result: Explained | null; choices: Explained[] }> {
  const choices: Explained[] = [];
  let first: Explained | null = null;
  for (const input of inputs) {
    if (input.door !== 'attachment' && choices.length > 0) break;
    const explained = await explainInput(input, signal);
    if (!explained.ok && explained.error === 'cancelled') return { result: explained, choices: [] };
    first ??= explained;
    if (!isBounce(explained)) continue;
    if (input.door === 'attachment') choices.push(explained);
    else return { result: explained, choices: [] };
  }
  return { result: choices[0] ?? first, choices: choices.length > 1 ? choices : [] };
}

/** Bytes kept for the lighter analysis of a too-large input: its headers and the report parts, which come first. */
const HEAD_BYTES = 2 * 1024 * 1024;

/** The beginning of a too-large input (headers, human-readable and delivery-status parts). */
export function headOf(input: RawInput): RawInput {
  return input.kind === 'bytes'
    ? { ...input, bytes: input.bytes.subarray(0, HEAD_BYTES), label: `${input.label} (head)` }
    : { ...input, text: cutAt(input.text, HEAD_BYTES), label: `${input.label} (head)` };
}
