// The standalone page's first script (its own small entry, webpack.config.js), run while the browser
// still downloads, compiles and runs the UI's (React, Fluent: about 100 ms of script on a fast
// machine, 400 ms on a slow one). It starts what the first answer waits for, in parallel with that:
// the engine's Web Worker (which loads and compiles the engine in its own thread), the sample texts
// and the cause texts in the reader's language. index.tsx imports the same module instance.
import '../ui/engineStart';
import { loadTranslator, pickLocale } from '../i18n';
import { explainInput, type Explained } from '../ui/analyzeInput';
import type { RawInput } from '../ui/messageSource';

export const params = new URLSearchParams(window.location.search);
export const locale = pickLocale(params.get('lang') ?? navigator.language);
export const translator = loadTranslator(locale);
export const samplesModule = import(/* webpackChunkName: "samples" */ './samples');

/** The sample the URL names (?sample=, default relay-access-denied; "none" for no sample). */
export interface Initial {
  readonly sample: { readonly id: string; readonly label: string } | undefined;
  readonly input: RawInput | null;
  /** Its explanation, started as soon as the sample arrives: while the page still renders. */
  readonly explained: Promise<Explained> | null;
}

export const initial: Promise<Initial> = samplesModule.then(({ samples }) => {
  const sampleId = params.get('sample') ?? 'relay-access-denied';
  const sample = sampleId === 'none' ? undefined : (samples.find((s) => s.id === sampleId) ?? samples[0]);
  const input: RawInput | null = sample
    ? { kind: 'bytes', bytes: new TextEncoder().encode(sample.text), label: sample.label, door: 'paste' }
    : null;
  return { sample, input, explained: input ? explainInput(input) : null };
});
// index.tsx awaits these; until it does, a failed download is not an unhandled rejection.
translator.catch(() => undefined);
initial.catch(() => undefined);
