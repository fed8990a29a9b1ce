/** The text an analysis reads, cut to size once, with what its structure says before any decoder runs. */
import { parseDeliveryStatus, type DeliveryStatusReport } from '../dsn/deliveryStatus';
import { getHeader } from '../headers';
import { BounceText } from '../scan/plainText';
import { splitLines } from '../text';
import type { DecodedMessage, DecodedPart, Warning } from '../types';

/** At most this much of a message's text is analysed (a warning says when more was cut). */
export const MAX_TEXT = 2_000_000;

/** One message as the pipeline sees it. */
export interface ReportInput {
  readonly message: DecodedMessage;
  /** The analysed text: the message's text, or its raw body when the text is empty; capped. */
  readonly text: string;
  readonly body: BounceText;
  readonly subject: string | null;
  /** The `report-type` parameter of a multipart/report, lower-case. */
  readonly reportType: string | null;
  readonly dsPart: DecodedPart | undefined;
  /** The delivery-status part parsed, when it holds at least one recipient group. */
  readonly dsFromPart: DeliveryStatusReport | null;
  /** The decoding's warnings so far (the message's own first). */
  readonly warnings: Warning[];
}

/**
 * The body of the undecoded message as plain text, for broken MIME that left no readable part (a
 * multipart whose boundary parameter sits on an unfolded line, so no part is found). Boundary lines
 * and part headers are dropped; encoded parts stay unreadable, which is no worse than nothing.
 */
function rawBodyText(raw: string): string {
  const head = raw.slice(0, MAX_TEXT);
  const blank = /\r?\n\r?\n/.exec(head);
  if (!blank) return '';
  return splitLines(head.slice(blank.index + blank[0].length))
    .filter(
      (line) =>
        !/^--[!-~]{1,200}$/.test(line.trim()) && !/^(?:content-[a-z-]{1,40}:|\s*boundary=)/i.test(line),
    )
    .join('\n');
}

/** The first part of one of these MIME types. */
export function partOf(message: DecodedMessage, ...types: string[]): DecodedPart | undefined {
  return message.parts.find((p) => types.includes(p.mimeType.toLowerCase()));
}

function parsedPart(part: DecodedPart | undefined): DeliveryStatusReport | null {
  const report = part?.text ? parseDeliveryStatus(part.text) : null;
  return report && report.perRecipient.length > 0 ? report : null;
}

export function readInput(message: DecodedMessage): ReportInput {
  const warnings: Warning[] = [...message.warnings];
  const ownText = message.text.trim() === '' && message.raw ? rawBodyText(message.raw) : message.text;
  const text = ownText.length > MAX_TEXT ? ownText.slice(0, MAX_TEXT) : ownText;
  if (message.text.length > MAX_TEXT)
    warnings.push({ code: 'input.textTruncated', detail: String(message.text.length) });
  const contentType = (getHeader(message.headers, 'content-type') ?? '').toLowerCase();
  const dsPart = partOf(message, 'message/delivery-status', 'message/global-delivery-status');
  return {
    message,
    text,
    body: new BounceText(text),
    subject: getHeader(message.headers, 'subject'),
    reportType: /report-type\s*=\s*"?([a-z0-9-]+)/.exec(contentType)?.[1] ?? null,
    dsPart,
    dsFromPart: parsedPart(dsPart),
    warnings,
  };
}
