import { analyzeMessage, analyzeText, type AnalyzeOptions } from '../core';
import type { Analysis } from '../core/types';
import { latin1, strictUtf8 } from './bytes';
import { decodeEml, type DecodeOptions } from './decodeEml';
import { windows1252 } from './iconvShim';

export type InputKind = 'msg' | 'eml' | 'text';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Tells an Outlook .msg (OLE compound file), a MIME message and plain text apart by content. */
export function sniffInput(bytes: Uint8Array): InputKind {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'msg';
  const start = headerStart(bytes);
  const head = latin1(bytes.subarray(start), 4096);
  const firstLines = head.split(/\r\n|\r|\n/, 40);
  const fields = firstLines.filter((l) => /^[!-9;-~]{1,76}:/.test(l)).length;
  const mimeMarkers = /^(?:mime-version|content-type|received|return-path|message-id|from|date)\s*:/im.test(
    head,
  );
  return fields >= 3 && mimeMarkers && /^[!-9;-~]{1,76}:/.test(firstLines[0] ?? '') ? 'eml' : 'text';
}

/**
 * Where the header of a saved message starts: after a UTF-8 byte-order mark (some Windows tools
 * write one) and after the "From sender date" envelope line of mail saved from an mbox.
 */
function headerStart(bytes: Uint8Array): number {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bom + mboxLineLength(bytes.subarray(bom));
}

function mboxLineLength(bytes: Uint8Array): number {
  if (!(
    bytes[0] === 0x46 &&
    bytes[1] === 0x72 &&
    bytes[2] === 0x6f &&
    bytes[3] === 0x6d &&
    bytes[4] === 0x20
  ))
    return 0;
  const end = bytes.indexOf(0x0a);
  return end > 0 && end < 1000 ? end + 1 : 0;
}

export interface ReadOptions extends AnalyzeOptions, DecodeOptions {
  /** Refuse inputs larger than this many bytes (default 50 MB). */
  readonly maxBytes?: number;
}

export class InputTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`input of ${size} bytes is over the ${limit}-byte limit`);
    this.name = 'InputTooLargeError';
  }
}

/** Decodes and analyses a file the user gave us (.eml, .msg or text). */
export async function analyzeBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<Analysis> {
  const limit = options.maxBytes ?? 50 * 1024 * 1024;
  if (bytes.length > limit) throw new InputTooLargeError(bytes.length, limit);
  const kind = sniffInput(bytes);
  if (kind === 'msg') {
    const { decodeMsg } = await import('./decodeMsg');
    return analyzeMessage(decodeMsg(bytes), options);
  }
  if (kind === 'eml')
    return analyzeMessage(await decodeEml(bytes.subarray(headerStart(bytes)), options), options);
  return analyzeText(decodeTextBytes(bytes), options);
}

/** UTF-8 when valid (with or without BOM), else Windows-1252, which is what Windows tools write. */
export function decodeTextBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return windows1252(bytes);
  }
}
