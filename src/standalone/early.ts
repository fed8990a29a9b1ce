// The standalone page's first script (its own small entry, webpack.config.js), run while the browser
// still downloads, compiles and runs the UI's (React, Fluent: about 100 ms of script on a fast
// machine, 400 ms on a slow one). It starts what the first answer waits for, in parallel with that:
// the engine's Web Worker (which loads and compiles the engine in its own thread), the sample texts
// and the cause texts in the reader's language. index.tsx imports the same module instance.
import { loadTranslator, pickLocale } from '../i18n';
import { loadEngine, runEngineInWorker } from '../ui/analyzeInput';

// The engine runs in a Web Worker, so no input can freeze the page.
runEngineInWorker(() => new Worker(new URL('../ui/engineWorker.ts', import.meta.url)));
void loadEngine().catch(() => undefined);

export const params = new URLSearchParams(window.location.search);
export const locale = pickLocale(params.get('lang') ?? navigator.language);
export const translator = loadTranslator(locale);
export const samplesModule = import(/* webpackChunkName: "samples" */ './samples');
// index.tsx awaits both; until it does, a failed download is not an unhandled rejection.
translator.catch(() => undefined);
samplesModule.catch(() => undefined);
