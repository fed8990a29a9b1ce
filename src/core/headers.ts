import type { HeaderField } from './types';
import { splitLines } from './text';

const FIELD = /^([!-9;-~]{1,76}):[ \t]?(.*)$/;

/**
 * Parses an RFC 5322 header block (as in text/rfc822-headers, pasted headers or a DSN field group).
 * Stops at the first empty line or at the first line that is neither a field nor a continuation.
 * Returns the fields and the number of lines consumed.
 */
export function parseHeaderBlock(
  text: string,
  options: { stopAtNonField?: boolean } = {},
): {
  headers: HeaderField[];
  lineCount: number;
} {
  const lines = splitLines(text);
  const headers: { name: string; originalName: string; value: string }[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      if (headers.length > 0) break;
      continue;
    }
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const match = FIELD.exec(line);
    if (!match) {
      if (options.stopAtNonField !== false) break;
      continue;
    }
    const originalName = match[1] ?? '';
    headers.push({ name: originalName.toLowerCase(), originalName, value: (match[2] ?? '').trim() });
  }
  return { headers: headers.map((h) => ({ ...h, value: decodeEncodedWords(h.value) })), lineCount: index };
}

export function getHeader(headers: readonly HeaderField[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const header of headers) if (header.name === wanted) return header.value;
  return null;
}

export function getHeaders(headers: readonly HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name === wanted).map((h) => h.value);
}

export function hasHeader(headers: readonly HeaderField[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((h) => h.name === wanted);
}

/** Renders fields back as a header block (for the admin's copy of the original headers). */
export function formatHeaderBlock(headers: readonly HeaderField[]): string {
  return headers.map((h) => `${h.originalName}: ${h.value}`).join('\n');
}

const ENCODED_WORD = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded words; unknown charsets are left as they are. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  // Adjacent encoded words separated only by white space join without the space (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(ENCODED_WORD, (whole, charset: string, encoding: string, data: string) => {
    const bytes = encoding.toUpperCase() === 'B' ? decodeBase64(data) : decodeQEncoding(data);
    if (!bytes) return whole;
    const decoded = decodeBytes(bytes, charset.replace(/\*.*$/, ''));
    // A header value is one line: an encoded line break or other control character ("=0D=0ABcc:")
    // must not start what looks like another header.
    // eslint-disable-next-line no-control-regex
    return decoded === null ? whole : decoded.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, ' ');
  });
}

export function decodeBytes(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return null;
  }
}

function decodeQEncoding(data: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const ch = data[i] ?? '';
    if (ch === '_') out.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      out.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(data: string): Uint8Array | null {
  const clean = data.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
