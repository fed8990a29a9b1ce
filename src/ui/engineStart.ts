// Imported first by each page's entry, so that it runs before the modules of the UI (React,
// Fluent, the texts): the engine's Web Worker then starts its thread, loads its one file and
// compiles the engine while this thread still evaluates those, instead of after them.
import { loadEngine, runEngineInWorker } from './analyzeInput';

// The engine runs in a Web Worker, so no input can freeze the page.
runEngineInWorker(
  () =>
    // One file (webpack.config.js, splitChunks): the worker loads its code in one request.
    new Worker(/* webpackChunkName: "engine-worker" */ new URL('./engineWorker.ts', import.meta.url)),
);
void loadEngine().catch(() => undefined);
