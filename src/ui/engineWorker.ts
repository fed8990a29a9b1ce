/// <reference lib="webworker" />
// The engine in a Web Worker: the page posts { id, input } and gets { id, result } back. Decoding
// and analysis are pure, so nothing else crosses; a stuck or cancelled analysis is ended by
// terminating the worker (src/ui/analyzeInput.ts).
import { runEngine } from './engine';
import type { RawInput } from './messageSource';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ readonly id: number; readonly input: RawInput }>) => {
  const { id, input } = event.data;
  void runEngine(input).then((result) => self.postMessage({ id, result }));
};
