import PostalMime, { type Attachment, type Email } from 'postal-mime';
import { byteSearch, latin1, strictUtf8 } from './bytes';
import { cutUnreadParts } from './cutParts';
import { htmlFacts } from './htmlFacts';
import { htmlToText } from './htmlToText';
import type { DecodedMessage, DecodedPart, HeaderField, Warning } from '../core/types';
import { decodeEncodedWords } from '../core/headers';

/**
 * Header bytes of one message, all parts together. Real header blocks stay far below 256 KB
 * (Exchange's own default limit); above it postal-mime stops, and the message is read as raw
 * text with a warning.
 */
const MAX_HEADER_BYTES = 256 * 1024;
/** Multiparts nested in one message; postal-mime stops beyond. */
const MAX_NESTING = 100;

/** Decoding limits. The defaults suit a task pane; the CLI may raise them. */
export interface DecodeOptions {
  /** Nested message/rfc822 levels that are decoded (default 4). */
  readonly maxDepth?: number;
  /** Bytes of the raw source kept as text for the fallback scanners (default 4 MB). */
  readonly maxRawText?: number;
  /**
   * Cut the bodies of parts the analyser never reads and long runs of blank lines before parsing
   * (default true; see cutParts.ts). False parses every byte: slower, for checking the cut.
   */
  readonly cutUnreadParts?: boolean;
}

const TEXTUAL =
  /^(?:text\/|message\/(?:delivery-status|global-delivery-status|disposition-notification|feedback-report|global-headers|rfc822-headers)$)/i;
const MESSAGE = /^message\/(?:rfc822|global)$/i;
/**
 * A multipart/report of delivery status: a report by its structure, whose attached messages the
 * analyser reads for their header block only (the original's subject, ids and route,
 * src/core/pipeline/original.ts); it looks inside attached messages only of a message that is no
 * report itself (src/core/pipeline/nested.ts).
 */
const DELIVERY_STATUS_REPORT = /report-type\s*=\s*"?(?:global-)?delivery-status\b/i;

/**
 * Decodes an RFC 5322 message (EML) with postal-mime into the plain structure the core reads.
 * Attached messages (message/rfc822, message/global, or an .eml file part) are decoded too, up
 * to `maxDepth`. Never throws for bad mail: problems become warnings.
 */
export async function decodeEml(
  input: string | Uint8Array | ArrayBuffer,
  options: DecodeOptions = {},
  depth = 0,
  /** The message enclosing this one had parts cut (so this attached copy may have been cut too). */
  cutAbove = false,
): Promise<DecodedMessage> {
  const maxDepth = options.maxDepth ?? 4;
  const bytes =
    typeof input === 'string'
      ? new TextEncoder().encode(input)
      : input instanceof Uint8Array
        ? input
        : new Uint8Array(input);
  const warnings: Warning[] = [];
  // The raw text is only read by the fallback scanners (broken MIME): decode it on first use.
  const maxRaw = options.maxRawText ?? 4_000_000;
  let rawText: string | null = typeof input === 'string' ? input : null;
  const raw = (): string => (rawText ??= latin1(bytes, maxRaw));
  const cutResult =
    options.cutUnreadParts === false
      ? { bytes, truncated: false }
      : cutUnreadParts(bytes, { maxHeaderBytes: MAX_HEADER_BYTES, maxNesting: MAX_NESTING });
  let email: Email;
  try {
    const parser = new PostalMime({
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_NESTING,
      maxHeadersSize: MAX_HEADER_BYTES,
    });
    email = await parser.parse(parseInput(cutResult.bytes));
  } catch (error) {
    warnings.push({
      code: 'mime.unparseable',
      detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    });
    return withRaw({ headers: [], text: raw(), parts: [], warnings }, raw);
  }
  // An attached report may be what gets explained: it says so too (its own copy was cut above).
  const cut = cutResult.truncated || cutAbove;
  if (cut) warnings.push({ code: 'input.partsTruncated' });
  // postal-mime gives header values as written; RFC 2047 words ("=?iso-8859-1?Q?Or=E7amento?=")
  // are decoded here, as parseHeaderBlock does for header blocks found in text.
  const headers: HeaderField[] = email.headers.map((h) => ({
    name: h.key,
    originalName: h.originalKey || h.key,
    value: decodeEncodedWords(h.value),
  }));
  const contentType = headers.find((h) => h.name === 'content-type')?.value ?? '';
  const headersOnly = DELIVERY_STATUS_REPORT.test(contentType.slice(0, 2000));
  const parts: DecodedPart[] = [];
  for (const attachment of email.attachments)
    parts.push(await decodePart(attachment, options, { depth, maxDepth, warnings, cut, headersOnly }));
  const text = email.text ?? (email.html ? htmlToText(email.html) : '');
  const html = email.html ? htmlFacts(email.html) : null;
  return withRaw({ headers, text, parts, warnings, ...(html ? { html } : {}) }, raw);
}

/**
 * The message with `raw` as a lazily computed (then cached) property. An accessor in the literal
 * keeps the object fast; Object.defineProperty on it turned it into a slow dictionary object.
 */
function withRaw(message: Omit<DecodedMessage, 'raw'>, raw: () => string): DecodedMessage {
  return {
    headers: message.headers,
    text: message.text,
    parts: message.parts,
    warnings: message.warnings,
    ...(message.html ? { html: message.html } : {}),
    get raw() {
      return raw();
    },
  };
}

/** postal-mime copies a typed array before parsing; a whole ArrayBuffer it reads in place. */
function parseInput(bytes: Uint8Array): ArrayBuffer | Uint8Array {
  return bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes;
}

/** Where a part is decoded: the enclosing message's depth, limits and findings. */
interface PartContext {
  readonly depth: number;
  readonly maxDepth: number;
  readonly warnings: Warning[];
  /** The enclosing message had parts cut. */
  readonly cut: boolean;
  /** Attached messages are decoded for their header block only (DELIVERY_STATUS_REPORT). */
  readonly headersOnly: boolean;
}

async function decodePart(
  attachment: Attachment,
  options: DecodeOptions,
  { depth, maxDepth, warnings, cut, headersOnly }: PartContext,
): Promise<DecodedPart> {
  const mimeType = attachment.mimeType.toLowerCase();
  const filename = attachment.filename ?? null;
  const content = toBytes(attachment.content);
  const looksLikeEml =
    /\.eml$/i.test(filename ?? '') || (mimeType === 'application/octet-stream' && looksLikeMessage(content));
  if (MESSAGE.test(mimeType) || looksLikeEml) {
    if (depth + 1 > maxDepth) {
      warnings.push({ code: 'mime.nestingTooDeep', detail: String(maxDepth) });
      return { mimeType, filename, text: null, message: null };
    }
    const message = await decodeEml(headersOnly ? headerBlock(content) : content, options, depth + 1, cut);
    return { mimeType, filename, text: null, message };
  }
  if (/\.msg$/i.test(filename ?? '') || mimeType === 'application/vnd.ms-outlook') {
    const { decodeMsg } = await import('./decodeMsg');
    // Decoded on first use, then kept: the analyser reads an attached .msg only when the message
    // itself is no report (a delivery-status part, an NDR header) and no attachment before it
    // was one. A bounce with a delivery-status part never pays for the .msg it carries.
    let message: DecodedMessage | undefined;
    return {
      mimeType,
      filename,
      text: null,
      get message() {
        message ??= withCut(decodeMsg(content), cut);
        return message;
      },
    };
  }
  if (TEXTUAL.test(mimeType)) {
    return { mimeType, filename, text: decodeText(content), message: null };
  }
  return { mimeType, filename, text: null, message: null };
}

/** A message's header block with the empty line that ends it; all of it when it has no body. */
function headerBlock(bytes: Uint8Array): Uint8Array {
  const search = byteSearch(bytes);
  for (let lf = search.indexOf(0x0a, 0); lf >= 0; lf = search.indexOf(0x0a, lf + 1)) {
    const next = bytes[lf + 1] === 0x0d ? lf + 2 : lf + 1;
    if (bytes[next] === 0x0a) return bytes.subarray(0, next + 1);
  }
  return bytes;
}

function withCut(message: DecodedMessage, cut: boolean): DecodedMessage {
  return cut ? { ...message, warnings: [...message.warnings, { code: 'input.partsTruncated' }] } : message;
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Delivery-status parts are US-ASCII by RFC, UTF-8 for message/global-delivery-status. */
function decodeText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return latin1(bytes, bytes.length);
  }
}

function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 2048);
  return (
    /^(?:[\w-]+:[^\n]*\r?\n)+/.test(head) &&
    /^(?:from|received|return-path|message-id|date|subject):/im.test(head)
  );
}
