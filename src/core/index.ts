/** Public API of the analysis core: pure, synchronous, no Office, no DOM. */
export { analyzeMessage, analyzeText, type AnalyzeOptions } from './analyze';
export { causeById } from './catalog/match';
export type * from './types';
