/**
 * Work budgets of the analysis (issue 12): pasted text an attacker — or an ordinary long thread —
 * can make large must cost time linear in its size. The bounds below are generous (the old code took
 * tens of seconds to hours on these inputs); `npm run fuzz` measures the real times per 100 KB.
 */
import { analyzeText } from '../../src/core';
import { anchoringLabels, labelRun } from '../support/hostileText';

const BOUND_MS = 2000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('long runs of white space after a label', () => {
  // 300 KB of spaces and tabs on the line below a label took 37 s: each line of an Exchange section
  // was trimmed with /\s+$/, which retries from every character of a blank run followed by text.
  it.each(anchoringLabels())('analyses a 300 KB paste of spaces and tabs after "%s" quickly', (label) => {
    const text = labelRun(label, ' \t  \t\t   \t', 300 * 1024, true);
    const { result, ms } = timed(() => analyzeText(text));
    expect(result.layout).toMatch(/^exchange-/);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
