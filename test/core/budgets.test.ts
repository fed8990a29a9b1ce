/**
 * Work budgets of the analysis (issue 12): pasted text an attacker — or an ordinary long thread —
 * can make large must cost time linear in its size. The bounds below are generous (the old code took
 * tens of seconds to hours on these inputs); `npm run fuzz` measures the real times per 100 KB.
 */
import { analyzeMessage, analyzeText } from '../../src/core';
import {
  DIAGNOSTIC_LINE_STARTS,
  FORWARDED_NDR,
  FORWARDED_NDR_RECIPIENT,
  anchoringLabels,
  forwardChain,
  RECIPIENT_LINE_STARTS,
  inExchangeAdminSection,
  inTextBounce,
  labelRun,
  replyThread,
} from '../support/hostileText';

const BOUND_MS = 2000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('forwarded chains and reply threads', () => {
  // Each forward block used to be analysed with all the text below it, recursively to depth 4:
  // 40 blocks took 3 s, 80 blocks 27 s, and a 60-message reply thread froze the pane for 20 s.
  it('finds the report at the bottom of a 300-block forward chain and reads it under its own header', () => {
    const { result, ms } = timed(() => analyzeText(forwardChain(300, true)));
    expect(result.verdict).toBe('bounce');
    expect(result.input).toBe('forwarded-text');
    expect(result.report.subject).toBe('Undeliverable: Offerte');
    expect(result.recipients).toHaveLength(1);
    expect(result.recipients[0]?.address).toBe(FORWARDED_NDR_RECIPIENT.address);
    expect(result.recipients[0]?.status?.code).toBe(FORWARDED_NDR_RECIPIENT.status);
    expect(result.original.subject).toBe('Offerte');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads a 300-block forward chain without a report as no bounce, in linear time', () => {
    const { result, ms } = timed(() => analyzeText(forwardChain(300, false)));
    expect(result.verdict).toBe('not-a-bounce');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads an ordinary 60-message reply thread (62 KB) as no bounce without freezing', () => {
    const text = replyThread(60, false);
    expect(text.length).toBeGreaterThan(60_000);
    const { result, ms } = timed(() => analyzeText(text));
    expect(result.verdict).toBe('not-a-bounce');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('finds the report at the bottom of a 60-message reply thread', () => {
    const { result, ms } = timed(() => analyzeText(replyThread(60, true)));
    expect(result.verdict).toBe('bounce');
    expect(result.input).toBe('forwarded-text');
    expect(result.report.subject).toBe('Undeliverable: Offerte');
    expect(result.recipients.map((r) => r.address)).toEqual([FORWARDED_NDR_RECIPIENT.address]);
    expect(result.recipients[0]?.replyCode).toBe(FORWARDED_NDR_RECIPIENT.replyCode);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('warnings of the message that carried the report', () => {
  const warning = { code: 'mime.unparseable', detail: 'Maximum header size of 262144 bytes exceeded' };

  it('keeps them when the report was forwarded inline', () => {
    const analysis = analyzeMessage({
      headers: [],
      text: forwardChain(2, true),
      parts: [],
      raw: null,
      warnings: [warning],
    });
    expect(analysis.input).toBe('forwarded-text');
    expect(analysis.warnings).toContainEqual(warning);
  });

  it('keeps them when the report was attached', () => {
    const report = {
      headers: [{ name: 'subject', originalName: 'Subject', value: 'Undeliverable: Offerte' }],
      text: FORWARDED_NDR.split('\n').slice(5).join('\n'),
      parts: [],
      raw: null,
      warnings: [],
    };
    const analysis = analyzeMessage({
      headers: [],
      text: 'See the attachment.',
      parts: [{ mimeType: 'message/rfc822', filename: null, text: null, message: report }],
      raw: null,
      warnings: [warning],
    });
    expect(analysis.input).toBe('attached-report');
    expect(analysis.warnings).toContainEqual(warning);
  });
});

describe('error lines no recipient took', () => {
  // Each error line of the administrators' section was compared with every recipient's answer:
  // 20,000 lines against 200 answers of 4,000 characters took 14 s.
  it('are listed quickly when there are thousands of them and hundreds of long answers', () => {
    const admin = Array.from({ length: 20_000 }, (_, i) => `421 queue ${i}`);
    const text = [
      'Delivery has failed to these recipients or groups:',
      '',
      'user0@example.net',
      '',
      'Diagnostic information for administrators:',
      '',
      ...admin,
    ].join('\n');
    const groups = Array.from({ length: 200 }, (_, i) =>
      [
        `Final-Recipient: rfc822; user${i}@example.net`,
        'Action: failed',
        'Status: 5.1.1',
        `Diagnostic-Code: smtp; 550 5.1.1 user ${i} ${'421 '.repeat(1000)}`,
      ].join('\n'),
    );
    const { result, ms } = timed(() =>
      analyzeMessage({
        headers: [{ name: 'subject', originalName: 'Subject', value: 'Undeliverable: x' }],
        text,
        parts: [
          {
            mimeType: 'message/delivery-status',
            filename: null,
            text: ['Reporting-MTA: dns; mail.example.com', ...groups].join('\n\n'),
            message: null,
          },
        ],
        raw: null,
        warnings: [],
      }),
    );
    expect(result.recipients).toHaveLength(200);
    expect(result.unparsed).toEqual(admin.slice(0, 50));
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

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

describe('long diagnostic lines in an Exchange report', () => {
  // "#550 " and 100 KB of blanks took 4 s: the reply's lazy `.*?` was followed by `\s*`, which
  // retried the rest of the run from each of its characters.
  it.each(DIAGNOSTIC_LINE_STARTS.filter((start) => start.includes('#')))(
    'reads "%s" followed by 300 KB of spaces and tabs quickly',
    (start) => {
      const text = inExchangeAdminSection(labelRun(start, ' \t  \t\t   \t', 300 * 1024, false));
      const { result, ms } = timed(() => analyzeText(text));
      expect(result.recipients.map((r) => r.address)).toEqual(['jan@fabrikam.example']);
      expect(ms).toBeLessThan(BOUND_MS);
    },
  );

  // One pattern ran from every "Remote Server" of the line to its end and back.
  it('reads a 300 KB line that repeats "Remote Server returned \'" quickly', () => {
    const start = "Remote Server returned '";
    const text = inExchangeAdminSection(`${start.repeat(Math.ceil((300 * 1024) / start.length))}x`);
    const { result, ms } = timed(() => analyzeText(text));
    expect(result.recipients.map((r) => r.address)).toEqual(['jan@fabrikam.example']);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('long recipient blocks in a text bounce', () => {
  // A recipient's block was checked for error words at every blank line after it, all its lines
  // again each time: a 20 KB line and 20,000 blank lines took 17 s.
  it.each(RECIPIENT_LINE_STARTS)('reads %j, a 150 KB line and 150,000 blank lines quickly', (start) => {
    const text = inTextBounce(`${start}${'word '.repeat(30 * 1024)}${'\n'.repeat(150 * 1024)}`);
    const { result, ms } = timed(() => analyzeText(text));
    expect(result.verdict).toBe('bounce');
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
