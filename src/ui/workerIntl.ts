// Imported first by the engine's worker (engineWorker.ts), so that it runs before the engine's
// modules. The first date format a browser makes sets up its calendar and time-zone data, which
// every thread of the page then shares: about 17 ms in Chromium, spent here on the worker's thread
// while the page's thread runs React and Fluent, instead of in the first explanation's render,
// which shows when the bounce was sent. Which language does not matter: later formats in any
// language are then made in well under a millisecond.
new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(0);
