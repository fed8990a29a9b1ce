// The analysis engine (core + MIME decoding) as one lazily loaded chunk: the pane's first download
// is only the UI shell, and the engine loads while Office starts and the item is read. In the pane
// it runs inside a Web Worker (engineWorker.ts) so that no input can block the UI thread.
import type { Analysis } from '../core/types';
import { analyzeText } from '../core';
import { clip } from '../core/text';
import { analyzeBytes, InputTooLargeError } from '../mail/readInput';
import { MAX_INPUT_BYTES } from './analyzeInput';
import type { RawInput } from './messageSource';

/** What analysing one input gives, without the input itself (which the caller keeps). */
export type EngineResult =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly error: 'tooLarge'; readonly size: number; readonly limit: number }
  | { readonly ok: false; readonly error: 'unreadable'; readonly detail: string };

/** Analyses one raw input; never throws. */
export async function runEngine(input: RawInput): Promise<EngineResult> {
  const reader = input.reader ?? null;
  try {
    if (input.kind === 'text') {
      if (input.text.length > MAX_INPUT_BYTES)
        return { ok: false, error: 'tooLarge', size: input.text.length, limit: MAX_INPUT_BYTES };
      return {
        ok: true,
        analysis: analyzeText(input.text, { ...(input.headers ? { headers: input.headers } : {}), reader }),
      };
    }
    return { ok: true, analysis: await analyzeBytes(input.bytes, { maxBytes: MAX_INPUT_BYTES, reader }) };
  } catch (error) {
    if (error instanceof InputTooLargeError)
      return { ok: false, error: 'tooLarge', size: error.size, limit: error.limit };
    return {
      ok: false,
      error: 'unreadable',
      detail: error instanceof Error ? clip(error.message, 200) : String(error),
    };
  }
}
