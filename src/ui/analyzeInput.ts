import { analyzeText } from '../core';
import type { Analysis } from '../core/types';
import { analyzeBytes, InputTooLargeError } from '../mail/readInput';
import type { RawInput } from './messageSource';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export type Explained =
  | { readonly ok: true; readonly analysis: Analysis; readonly input: RawInput }
  | { readonly ok: false; readonly error: 'tooLarge'; readonly size: number; readonly limit: number }
  | { readonly ok: false; readonly error: 'unreadable'; readonly detail: string };

/** Analyses one raw input; never throws. */
export async function explainInput(input: RawInput): Promise<Explained> {
  try {
    if (input.kind === 'text') {
      if (input.text.length > MAX_INPUT_BYTES)
        return { ok: false, error: 'tooLarge', size: input.text.length, limit: MAX_INPUT_BYTES };
      const analysis = analyzeText(input.text, input.headers ? { headers: input.headers } : {});
      return { ok: true, analysis, input };
    }
    return { ok: true, analysis: await analyzeBytes(input.bytes, { maxBytes: MAX_INPUT_BYTES }), input };
  } catch (error) {
    if (error instanceof InputTooLargeError)
      return { ok: false, error: 'tooLarge', size: error.size, limit: error.limit };
    return {
      ok: false,
      error: 'unreadable',
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error),
    };
  }
}

/** Tries the inputs in order and returns the first that explains a bounce (or the first result). */
export async function explainFirst(inputs: readonly RawInput[]): Promise<Explained | null> {
  let first: Explained | null = null;
  for (const input of inputs) {
    const explained = await explainInput(input);
    if (explained.ok && (explained.analysis.verdict === 'bounce' || explained.analysis.verdict === 'delay'))
      return explained;
    first ??= explained;
  }
  return first;
}
