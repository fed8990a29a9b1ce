// The analysis engine (core + MIME decoding) as one lazily loaded chunk: the pane's first download
// is only the UI shell, and the engine loads while Office starts and the item is read.
export { analyzeText } from '../core';
export { analyzeBytes, InputTooLargeError } from '../mail/readInput';
