import PostalMime, { type Attachment, type Email } from 'postal-mime';
import { htmlToText } from './htmlToText';
import type { DecodedMessage, DecodedPart, HeaderField, Warning } from '../core/types';

/** Decoding limits. The defaults suit a task pane; the CLI may raise them. */
export interface DecodeOptions {
  /** Nested message/rfc822 levels that are decoded (default 4). */
  readonly maxDepth?: number;
  /** Bytes of the raw source kept as text for the fallback scanners (default 4 MB). */
  readonly maxRawText?: number;
}

const TEXTUAL =
  /^(?:text\/|message\/(?:delivery-status|global-delivery-status|disposition-notification|feedback-report|global-headers|rfc822-headers)$)/i;
const MESSAGE = /^message\/(?:rfc822|global)$/i;

/**
 * Decodes an RFC 5322 message (EML) with postal-mime into the plain structure the core reads.
 * Attached messages (message/rfc822, message/global, or an .eml file part) are decoded too, up
 * to `maxDepth`. Never throws for bad mail: problems become warnings.
 */
export async function decodeEml(
  input: string | Uint8Array | ArrayBuffer,
  options: DecodeOptions = {},
  depth = 0,
): Promise<DecodedMessage> {
  const maxDepth = options.maxDepth ?? 4;
  const bytes =
    typeof input === 'string' ? null : input instanceof Uint8Array ? input : new Uint8Array(input);
  const raw =
    typeof input === 'string' ? input : latin1(bytes ?? new Uint8Array(0), options.maxRawText ?? 4_000_000);
  const warnings: Warning[] = [];
  let email: Email;
  try {
    email = await PostalMime.parse(typeof input === 'string' ? input : (bytes ?? new Uint8Array(0)), {
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 100,
    });
  } catch (error) {
    warnings.push({
      code: 'mime.unparseable',
      detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    });
    return { headers: [], text: raw, parts: [], raw, warnings };
  }
  const headers: HeaderField[] = email.headers.map((h) => ({
    name: h.key,
    originalName: h.originalKey || h.key,
    value: h.value,
  }));
  const parts: DecodedPart[] = [];
  for (const attachment of email.attachments)
    parts.push(await decodePart(attachment, options, depth, maxDepth, warnings));
  const text = email.text ?? (email.html ? htmlToText(email.html) : '');
  return { headers, text, parts, raw, warnings };
}

async function decodePart(
  attachment: Attachment,
  options: DecodeOptions,
  depth: number,
  maxDepth: number,
  warnings: Warning[],
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
    const message = await decodeEml(content, options, depth + 1);
    return { mimeType, filename, text: null, message };
  }
  if (/\.msg$/i.test(filename ?? '') || mimeType === 'application/vnd.ms-outlook') {
    const { decodeMsg } = await import('./decodeMsg');
    return { mimeType, filename, text: null, message: decodeMsg(content) };
  }
  if (TEXTUAL.test(mimeType)) {
    return { mimeType, filename, text: decodeText(content), message: null };
  }
  return { mimeType, filename, text: null, message: null };
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Delivery-status parts are US-ASCII by RFC, UTF-8 for message/global-delivery-status. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1(bytes, bytes.length);
  }
}

function latin1(bytes: Uint8Array, max: number): string {
  const view = bytes.length > max ? bytes.subarray(0, max) : bytes;
  let out = '';
  for (let i = 0; i < view.length; i += 8192) out += String.fromCharCode(...view.subarray(i, i + 8192));
  return out;
}

function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 2048);
  return (
    /^(?:[\w-]+:[^\n]*\r?\n)+/.test(head) &&
    /^(?:from|received|return-path|message-id|date|subject):/im.test(head)
  );
}
