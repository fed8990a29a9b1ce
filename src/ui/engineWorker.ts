/// <reference lib="webworker" />
// The engine in a Web Worker: the page posts { id, input } and gets { id, result } back. Decoding
// and analysis are pure, so nothing else crosses; a stuck or cancelled analysis is ended by
// terminating the worker (src/ui/analyzeInput.ts).
import './workerIntl';
import { PlainBlob } from '../mail/plainBlob';
import { runEngine } from './engine';
import type { RawInput } from './messageSource';

declare const self: DedicatedWorkerGlobalScope;

// postal-mime gathers the decoded body of every part in a Blob and reads it straight back. The
// browser's Blob sends its bytes to the browser's blob store and back, which made decoding a small
// bounce several times slower than the analysis of its text; nothing else in this worker makes a
// Blob, so the worker's is the in-memory one the command line uses too (src/mail/plainBlob.ts).
(self as unknown as { Blob: unknown }).Blob = PlainBlob;

self.onmessage = (event: MessageEvent<{ readonly id: number; readonly input: RawInput }>) => {
  const { id, input } = event.data;
  void runEngine(input).then((result) => self.postMessage({ id, result }));
};
