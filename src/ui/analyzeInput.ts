import { clip, cutAt } from '../core/text';
import type { Analysis } from '../core/types';
import type { RawInput } from './messageSource';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

let enginePromise: Promise<typeof import('./engine')> | null = null;

/** Starts loading the engine chunk (call early so it downloads in parallel with Office start-up). */
export function loadEngine(): Promise<typeof import('./engine')> {
  enginePromise ??= import(/* webpackChunkName: "engine" */ './engine');
  return enginePromise;
}

export type Explained =
  | { readonly ok: true; readonly analysis: Analysis; readonly input: RawInput }
  | {
      readonly ok: false;
      readonly error: 'tooLarge';
      readonly size: number;
      readonly limit: number;
      readonly input: RawInput;
    }
  | { readonly ok: false; readonly error: 'unreadable'; readonly detail: string };

/** Analyses one raw input; never throws. */
export async function explainInput(input: RawInput): Promise<Explained> {
  let engine: typeof import('./engine');
  try {
    engine = await loadEngine();
  } catch (error) {
    enginePromise = null;
    return {
      ok: false,
      error: 'unreadable',
      detail: error instanceof Error ? clip(error.message, 200) : String(error),
    };
  }
  try {
    if (input.kind === 'text') {
      if (input.text.length > MAX_INPUT_BYTES)
        return { ok: false, error: 'tooLarge', size: input.text.length, limit: MAX_INPUT_BYTES, input };
      const analysis = engine.analyzeText(input.text, input.headers ? { headers: input.headers } : {});
      return { ok: true, analysis, input };
    }
    return {
      ok: true,
      analysis: await engine.analyzeBytes(input.bytes, { maxBytes: MAX_INPUT_BYTES }),
      input,
    };
  } catch (error) {
    if (error instanceof engine.InputTooLargeError)
      return { ok: false, error: 'tooLarge', size: error.size, limit: error.limit, input };
    return {
      ok: false,
      error: 'unreadable',
      detail: error instanceof Error ? clip(error.message, 200) : String(error),
    };
  }
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
): Promise<{ result: Explained | null; choices: Explained[] }> {
  const choices: Explained[] = [];
  let first: Explained | null = null;
  for (const input of inputs) {
    if (input.door !== 'attachment' && choices.length > 0) break;
    const explained = await explainInput(input);
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
