/**
 * Reports inside the message the user gave: attached (message/rfc822, an attached .msg) or
 * forwarded inline under an Outlook-style header block. Each costs from the analysis's Budget.
 */
import { findForwardedBlocks, forwardedText, MAX_FORWARDED_BLOCKS, type ForwardedBlock } from '../forward';
import type { Analysis, DecodedMessage, Warning } from '../types';
import { dedupeWarnings, spend, type Budget } from './budget';
import { forwardedReportSign } from './detect';
import type { ReportInput } from './input';

/** Analyses one nested message at the next depth (analyze.ts supplies it). */
export type AnalyzeNested = (message: DecodedMessage, route: Analysis['input']) => Analysis;

const isReport = (analysis: Analysis): boolean =>
  analysis.verdict === 'bounce' || analysis.verdict === 'delay';

/**
 * A nested report's analysis with the warnings about the message that carried it: what could not
 * be read there (a MIME structure given up on, cut parts) still holds for the report inside.
 */
function withOuterWarnings(inner: Analysis, outer: readonly Warning[]): Analysis {
  return outer.length === 0 ? inner : { ...inner, warnings: dedupeWarnings([...inner.warnings, ...outer]) };
}

/** The first attached message that is a report. */
function attachedReport(message: DecodedMessage, analyze: AnalyzeNested, budget: Budget): Analysis | null {
  for (const part of message.parts) {
    if (!part.message) continue;
    if (!spend(budget, part.message.text.length)) break;
    const inner = analyze(part.message, 'attached-report');
    if (isReport(inner)) return inner;
  }
  return null;
}

/**
 * The report in a text's inline-forwarded messages, if one is there. The blocks are found once, and
 * only those that look like a report are analysed (an ordinary reply thread is dozens of blocks):
 * first those whose own text shows a report, each with the text down to the next of them; then
 * those that only have a report's subject or sender, each with its own text. Innermost first: the
 * report is at the bottom of a thread, under the replies that discuss it. Each line is read by at
 * most two of these analyses, so a chain costs time linear in its size.
 */
function forwardedReport(
  text: string,
  lines: readonly string[],
  analyze: AnalyzeNested,
  budget: Budget,
): Analysis | null {
  const blocks = findForwardedBlocks(text, lines);
  if (blocks.length >= MAX_FORWARDED_BLOCKS) budget.exhausted ??= 'blocks';
  const shown: ForwardedBlock[] = [];
  const named: ForwardedBlock[] = [];
  for (const block of blocks) {
    const sign = forwardedReportSign(block, lines);
    if (sign === 'text') shown.push(block);
    else if (sign === 'header') named.push(block);
  }
  const tries: { block: ForwardedBlock; end: number }[] = [
    ...shown.map((block, i) => ({ block, end: shown[i + 1]?.headerLine ?? lines.length })).reverse(),
    ...named.map((block) => ({ block, end: block.endLine })).reverse(),
  ];
  for (const { block, end } of tries) {
    const forwarded: DecodedMessage = {
      headers: block.headers,
      text: forwardedText(lines, block.bodyLine, end),
      parts: [],
      raw: null,
      warnings: [],
    };
    if (!spend(budget, forwarded.text.length)) break;
    const inner = analyze(forwarded, 'forwarded-text');
    if (isReport(inner)) return inner;
  }
  return null;
}

/**
 * The report the message carries, read as the report itself with the carrier's warnings: an
 * attached one first, then one forwarded in the text (a forwarded message's own text was already
 * searched for forward blocks together with the text around it, so it is not searched again).
 */
export function nestedReport(
  input: ReportInput,
  route: Analysis['input'],
  analyze: AnalyzeNested,
  budget: Budget,
): Analysis | null {
  const attached = attachedReport(input.message, analyze, budget);
  if (attached) return withOuterWarnings({ ...attached, input: 'attached-report' }, input.warnings);
  if (route === 'forwarded-text') return null;
  const forwarded = forwardedReport(input.text, input.body.lines, analyze, budget);
  return forwarded ? withOuterWarnings({ ...forwarded, input: 'forwarded-text' }, input.warnings) : null;
}
