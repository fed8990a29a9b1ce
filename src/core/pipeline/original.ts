/** The returned original message: an attached message, its header part, or headers quoted in the text. */
import { exchangeLabels } from '../catalog/exchangeLabels';
import type { ExchangeText } from '../exchange/humanReadable';
import { formatHeaderBlock, getHeader, parseHeaderBlock } from '../headers';
import { BounceText } from '../scan/plainText';
import { clip, findAddresses, splitLines } from '../text';
import type { DecodedMessage, HeaderField, OriginalMessage } from '../types';

export function emptyOriginal(): OriginalMessage {
  return { messageId: null, subject: null, from: null, to: [], date: null, headers: null };
}

function originalFromHeaders(headers: readonly HeaderField[], text: string | null): OriginalMessage {
  const shown = text || (headers.length > 0 ? formatHeaderBlock(headers) : null);
  return {
    messageId: getHeader(headers, 'message-id')?.trim() ?? null,
    subject: getHeader(headers, 'subject'),
    from: getHeader(headers, 'from'),
    to: findAddresses(getHeader(headers, 'to') ?? ''),
    date: getHeader(headers, 'date'),
    headers: shown ? clip(shown, 16_000) : null,
  };
}

/**
 * `message.text` as a BounceText: the analysed one when it is the same text (it is not when the
 * text was truncated or read from the raw message), else a new one.
 */
export function textOf(message: DecodedMessage, body: BounceText): BounceText {
  return body.text === message.text ? body : new BounceText(message.text);
}

const ATTACHED = new Set(['message/rfc822', 'message/global']);
const HEADER_PARTS = new Set(['text/rfc822-headers', 'message/global-headers', 'message/rfc822']);

/** An attached message (the type first: an attached .msg is decoded on first use, src/mail/decodeEml.ts). */
function attachedOriginal(message: DecodedMessage): OriginalMessage | null {
  const part = message.parts.find((p) => ATTACHED.has(p.mimeType.toLowerCase()) && p.message);
  return part?.message ? originalFromHeaders(part.message.headers, null) : null;
}

/** A part holding only the original's header block. */
function headerPartOriginal(message: DecodedMessage): OriginalMessage | null {
  for (const part of message.parts) {
    if (!HEADER_PARTS.has(part.mimeType.toLowerCase()) || !part.text) continue;
    const parsed = parseHeaderBlock(part.text);
    if (parsed.headers.length > 0) return originalFromHeaders(parsed.headers, part.text.trim());
  }
  return null;
}

const QUOTED_HEADER =
  /^(?:Return-Path|Received|From|Message-ID|Subject|Date|To|MIME-Version|DKIM-Signature|X-[\w-]+):/im;

/** Text bounces quote the original after a marker line. */
function quotedOriginal(message: DecodedMessage, messageText: BounceText): OriginalMessage | null {
  const cut = messageText.own;
  if (cut.length >= message.text.length) return null;
  const rest = message.text.slice(cut.length);
  const startOfHeaders = rest.search(QUOTED_HEADER);
  if (startOfHeaders < 0) return null;
  const parsed = parseHeaderBlock(rest.slice(startOfHeaders));
  if (!parsed.headers.some((h) => h.name === 'subject' || h.name === 'message-id')) return null;
  return originalFromHeaders(
    parsed.headers,
    splitLines(rest.slice(startOfHeaders)).slice(0, parsed.lineCount).join('\n'),
  );
}

/** What the report itself says about the original: Exchange's fields, its own subject and In-Reply-To. */
function describedOriginal(message: DecodedMessage, exchange: ExchangeText | null): OriginalMessage {
  const subject =
    getHeader(message.headers, 'thread-topic') ?? stripBouncePrefix(getHeader(message.headers, 'subject'));
  const inReplyTo = getHeader(message.headers, 'in-reply-to');
  return {
    messageId: inReplyTo?.trim() || null,
    subject: exchange?.originalSubject ?? subject,
    from: exchange?.originalSender ?? null,
    to: [],
    date: exchange?.originalDate ?? null,
    headers: null,
  };
}

/** The returned original: an attached message, text/rfc822-headers, Exchange's header block, or quoted text. */
export function findOriginal({
  message,
  exchange,
  messageText,
}: {
  readonly message: DecodedMessage;
  readonly exchange: ExchangeText | null;
  readonly messageText: BounceText;
}): OriginalMessage {
  const fromExchange =
    exchange && exchange.originalHeaders.length > 0
      ? originalFromHeaders(exchange.originalHeaders, exchange.originalHeadersText)
      : null;
  return (
    attachedOriginal(message) ??
    headerPartOriginal(message) ??
    fromExchange ??
    quotedOriginal(message, messageText) ??
    describedOriginal(message, exchange)
  );
}

/** Exchange's subject prefixes of every language, with their lower-case form for comparing. */
export const SUBJECT_PREFIXES = exchangeLabels.flatMap((l) =>
  l.subjectPrefixes.map((prefix) => ({ prefix, lower: prefix.toLowerCase() })),
);

/** The subject without Exchange's "Undeliverable:" prefix (any language); null when it has none. */
export function stripBouncePrefix(subject: string | null): string | null {
  if (!subject) return null;
  const lower = subject.toLowerCase();
  for (const { prefix, lower: lowerPrefix } of SUBJECT_PREFIXES)
    if (lower.startsWith(lowerPrefix)) return subject.slice(prefix.length).trim() || null;
  return null;
}
