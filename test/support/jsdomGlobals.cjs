// jsdom lacks TextEncoder/TextDecoder, which every browser the pane runs in has.
const { TextEncoder, TextDecoder } = require('node:util');
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = TextEncoder;
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = TextDecoder;
// Nor ResizeObserver, which Fluent's MessageBar (the pane's warnings) observes its own size with;
// the tests need no layout, so one that never reports is enough.
if (typeof globalThis.ResizeObserver === 'undefined')
  globalThis.ResizeObserver = class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
