/**
 * The analyser: a report in, an Analysis out. Every analysis runs the same steps:
 *
 *   detect    what the message is by its structure (pipeline/detect.ts), or the report it carries
 *   decode    each report layout's reader, one file per layout (decoders/, listed in decoders/index.ts)
 *   merge     which source names the recipients and which fills in (pipeline/merge.ts)
 *   classify  status, reply code, reason and catalogue cause per recipient (pipeline/classify.ts)
 *   assemble  the Analysis with the report's original, texts and leftovers (pipeline/assemble.ts)
 */
import { decode, decoderInput } from './decoders';
import type { DecoderInput, Decoding } from './decoders/types';
import { typedValue } from './dsn/deliveryStatus';
import { getHeader, hasHeader, parseHeaderBlock } from './headers';
import { assemble, detectMta } from './pipeline/assemble';
import { newBudget, withBudgetWarning, withoutNul, type Budget } from './pipeline/budget';
import { classifyRecipient, layoutReason, MICROSOFT_HOST, transcriptCommand } from './pipeline/classify';
import { bounceSignals, isReportByStructure, reportByType } from './pipeline/detect';
import { readInput, type ReportInput } from './pipeline/input';
import { byRole, FALLBACKS, merge, reportFacts, type Decoded } from './pipeline/merge';
import { nestedReport } from './pipeline/nested';
import { domainOf, findAddresses, hostWithinLimit, splitLines } from './text';
import type { Analysis, DecodedMessage, RecipientOutcome, Verdict, Warning } from './types';

export interface AnalyzeOptions {
  /** At most this many recipients are analysed (default 1000); the rest are counted in a warning. */
  readonly maxRecipients?: number;
  /** How deep attached and forwarded messages are followed (default 4). */
  readonly maxDepth?: number;
  /**
   * The reader's own address (Outlook's user profile), for telling backscatter (a bounce of a
   * message the reader never sent) from their own bounce. Without it the report's addressee stands in.
   */
  readonly reader?: string | null;
}

/** Analyses a decoded message: a report itself, a message carrying one, or a forward of one. */
export function analyzeMessage(message: DecodedMessage, options: AnalyzeOptions = {}): Analysis {
  const budget = newBudget();
  return withoutNul(
    withBudgetWarning(analyzeAt(message, { options, budget, depth: 0, route: 'mime' }), budget),
  );
}

/**
 * Analyses text without MIME structure: a body read from Outlook (optionally with its internet
 * headers) or text the user pasted.
 */
export function analyzeText(
  text: string,
  options: AnalyzeOptions & { readonly headers?: string } = {},
): Analysis {
  const headers = options.headers ? parseHeaderBlock(options.headers).headers : [];
  // A message copied out of an mbox file starts with its "From sender date" separator line.
  const unboxed = text.replace(/^From [^\r\n]{0,1000}\r?\n(?=[!-9;-~]{1,76}:)/, '');
  const message: DecodedMessage = {
    ...withLeadingHeaders(unboxed, headers),
    parts: [],
    raw: text,
    warnings: [],
  };
  const budget = newBudget();
  return withoutNul(
    withBudgetWarning(analyzeAt(message, { options, budget, depth: 0, route: 'text' }), budget),
  );
}

/** Pasted text sometimes starts with the report's own header block: then those are its headers. */
function withLeadingHeaders(
  text: string,
  given: DecodedMessage['headers'],
): Pick<DecodedMessage, 'headers' | 'text'> {
  if (given.length > 0) return { headers: given, text };
  const leading = parseHeaderBlock(text);
  const isHeaderBlock =
    leading.headers.length >= 3 && leading.headers.some((h) => h.name === 'subject' || h.name === 'from');
  if (!isHeaderBlock) return { headers: given, text };
  return { headers: leading.headers, text: splitLines(text).slice(leading.lineCount).join('\n') };
}

/** One analysis in a run: its options, the run's budget, how deep it is and how its input came. */
interface Step {
  readonly options: AnalyzeOptions;
  readonly budget: Budget;
  readonly depth: number;
  readonly route: Analysis['input'];
}

function analyzeAt(message: DecodedMessage, step: Step): Analysis {
  // Detect: a report by its MIME type, a message carrying one, or a report by its own layout.
  const input = readInput(message);
  const known = reportByType(input);
  if (known) return withoutRecipients(input, step.route, step.options.reader ?? null, known);
  const carried = isReportByStructure(input) ? null : carriedReport(input, step);
  if (carried) return carried;
  // Decode: the layouts that make a report by themselves first, then (for reports) the others.
  const decoding = decoderInput(input);
  const layouts = decode(decoding, (decoder) => decoder.marksReport);
  for (const found of layouts) input.warnings.push(...(found.warnings ?? []));
  if (byRole(layouts).deliveryStatus?.complaint)
    return withoutRecipients(input, step.route, step.options.reader ?? null, { verdict: 'feedback' });
  const signals = bounceSignals(input, layouts.length > 0, step.route === 'text');
  if (!signals.isReport)
    return withoutRecipients(input, step.route, step.options.reader ?? null, {
      verdict: signals.autoReply ? 'auto-reply' : 'not-a-bounce',
    });
  // Merge, classify, assemble. The fallback sources are decoded only if merging needs them.
  const others = decode(decoding, (decoder) => !decoder.marksReport && !FALLBACKS.includes(decoder.name));
  const fallbacks = (): Decoding[] => decode(decoding, (decoder) => FALLBACKS.includes(decoder.name));
  return analyzeReport(input, decoding, byRole([...layouts, ...others], fallbacks), step);
}

/** A message whose kind is known without recipients: feedback, a read receipt, or no report at all. */
function withoutRecipients(
  input: ReportInput,
  route: Analysis['input'],
  reader: string | null,
  kind: { verdict: Verdict; layout?: string | null; warnings?: readonly Warning[] },
): Analysis {
  return assemble({
    message: input.message,
    verdict: kind.verdict,
    route,
    reader,
    layout: kind.layout ?? null,
    recipients: [],
    body: input.body,
    warnings: [...input.warnings, ...(kind.warnings ?? [])],
  });
}

/** The report an attached or forwarded message holds, read one level deeper (within the budget). */
function carriedReport(input: ReportInput, step: Step): Analysis | null {
  if (step.depth >= (step.options.maxDepth ?? 4)) return null;
  const deeper = (inner: DecodedMessage, route: Analysis['input']): Analysis =>
    analyzeAt(inner, { ...step, depth: step.depth + 1, route });
  return nestedReport(input, step.route, deeper, step.budget);
}

/** Merge, classify and assemble a message known to be a report. */
function analyzeReport(input: ReportInput, decoding: DecoderInput, decoded: Decoded, step: Step): Analysis {
  const { deliveryStatus, exchange } = reportFacts(decoded);
  // Server names longer than a host name can be are not names: the report's text still shows them.
  const reportingMta =
    hostWithinLimit(typedValue(deliveryStatus?.perMessage.get('reporting-mta'))) ??
    hostWithinLimit(exchange?.generatingServer);
  const recipients = classifyAll(input, decoding, decoded, reportingMta, step.options);
  const warnings = input.warnings;
  if (!recipients.some((r) => r.address)) warnings.push({ code: 'recipients.notFound' });
  return assemble({
    message: input.message,
    verdict: verdictOf(recipients, exchange?.delayed ?? false),
    route: step.route,
    reader: step.options.reader ?? null,
    layout:
      exchange?.layout ??
      decoded.deliveryStatus?.layout ??
      detectMta(input.text, deliveryStatus, reportingMta) ??
      (deliveryStatus ? 'rfc3464' : 'text'),
    recipients,
    warnings,
    body: input.body,
    found: { deliveryStatus, exchange, reportingMta, dsPart: input.dsPart },
  });
}

/** Merges the sources into recipients and classifies each, at most `maxRecipients` of them. */
function classifyAll(
  input: ReportInput,
  decoding: DecoderInput,
  decoded: Decoded,
  reportingMta: string | null,
  options: AnalyzeOptions,
): RecipientOutcome[] {
  const { message, body } = input;
  const merged = merge(decoded);
  const max = options.maxRecipients ?? 1000;
  if (merged.findings.length > max)
    input.warnings.push({ code: 'recipients.truncated', detail: String(merged.findings.length) });
  const exchange = decoded.exchange?.exchange ?? null;
  // A report goes to the sender of the message it reports on: its To names the sender's organisation.
  const reportTo = findAddresses(getHeader(message.headers, 'to') ?? '');
  const report = {
    reportingMta,
    microsoftReport:
      exchange !== null ||
      hasHeader(message.headers, 'x-ms-exchange-message-is-ndr') ||
      MICROSOFT_HOST.test(reportingMta ?? ''),
    exchange,
    context: merged.textWasRead ? decoding.context.preamble : null,
    preset: layoutReason(body),
    transcriptCommand: transcriptCommand(body),
    senderDomains: new Set(reportTo.map(domainOf).filter((d): d is string => d !== null)),
  };
  return merged.findings.slice(0, max).map((found) => classifyRecipient(found, report));
}

/** A failed recipient makes a bounce; else a delayed one a delay; else the recipients were delivered. */
function verdictOf(recipients: readonly RecipientOutcome[], exchangeDelayed: boolean): Verdict {
  if (recipients.some((r) => r.action === 'failed')) return 'bounce';
  if (recipients.some((r) => r.action === 'delayed')) return 'delay';
  if (recipients.length > 0) return 'delivery-report';
  return exchangeDelayed ? 'delay' : 'bounce';
}
