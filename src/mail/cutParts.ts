import { byteSearch, latin1 } from './bytes';
import { readStructured, readTransferEncoding } from './contentType';

/**
 * Cuts the bodies of MIME parts the analyser never reads, before postal-mime parses the message:
 * one pass over the lines of the raw bytes that follows the MIME structure as postal-mime will
 * (the same line ends, boundaries, header unfolding and Content-Type reading, see contentType.ts)
 * and copies out every line except the ones cut. A 25 MB bounce then parses like a small one.
 *
 * - A non-text leaf part (application/*, image/*, audio/*, …) keeps its first `LEAF_LIMIT` bytes,
 *   an application/octet-stream part (maybe an attached .eml) its first `OCTET_LIMIT`. A part
 *   whose Content-Type or Content-Disposition may name a message (.eml, .msg, or encoded so we
 *   cannot tell) is kept whole, as are text parts and report parts.
 * - An attached message (message/rfc822 or message/global, not base64 or quoted-printable) keeps
 *   its MIME structure — headers, boundaries, text and report parts — and only its own non-text
 *   leaves are cut the same way, so an NDR forwarded as an attachment keeps its delivery-status
 *   part. Attached messages are followed `MAX_MESSAGE_DEPTH` deep.
 * - Headers and boundary lines are never dropped. A line starting with "--" that is not a
 *   boundary we know stops the cutting of its part, so broken MIME is parsed as it is.
 * - Runs of blank lines (spaces, tabs and carriage returns only) are cut to `MAX_BLANK_RUN`
 *   lines: postal-mime keeps every line of a part as a piece of its own, and 100 KB of line
 *   breaks took it seconds.
 *
 * Where this pass cannot follow the structure (a message's headers over `maxHeaderBytes`, in
 * which case postal-mime refuses it anyway, more than `maxNesting` nested multiparts, a boundary
 * given as RFC 2231 sections) it stops cutting in that message and keeps the rest as it is.
 *
 * Linear: every line is looked at once, by at most MAX_MESSAGE_DEPTH + 1 nested messages, each
 * comparing it with at most `maxNesting` boundaries (as postal-mime does for its own).
 */

/** Bytes kept of a non-text leaf part. */
export const LEAF_LIMIT = 256 * 1024;
/** Bytes kept of an application/octet-stream part, which may be an attached message. */
export const OCTET_LIMIT = 4 * 1024 * 1024;
/** Blank lines kept of a run of them. */
export const MAX_BLANK_RUN = 100;
/** Attached messages nested deeper than this inside one part are kept as they are. */
const MAX_MESSAGE_DEPTH = 8;

export interface CutLimits {
  /** postal-mime's maxHeadersSize: header bytes of all parts of one message together. */
  readonly maxHeaderBytes: number;
  /** postal-mime's maxNestingDepth: multiparts nested in one message. */
  readonly maxNesting: number;
}

export interface CutResult {
  /** The message with the cuts; the input itself when nothing was cut. */
  readonly bytes: Uint8Array;
  /** True when part bodies were cut (not for blank lines). */
  readonly truncated: boolean;
}

const DASH = 0x2d;
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const textEncoder = new TextEncoder();

export function cutUnreadParts(bytes: Uint8Array, limits: CutLimits): CutResult {
  // Most inputs have nothing to cut: no part can be over LEAF_LIMIT in a smaller input, and a
  // regular expression finds a run of blank lines long before the line-by-line pass below has
  // warmed up (that pass cost 0.2 s of a command-line run over 425 small bounces).
  if (bytes.length <= LEAF_LIMIT && !mayHaveLongBlankRun(latin1(bytes, bytes.length)))
    return { bytes, truncated: false };
  const cutter = new Cutter(bytes, limits);
  const root = new MessageState(0);
  const search = byteSearch(bytes);
  const kept: [number, number][] = [];
  let keepFrom = 0;
  let blankRun = 0;
  for (let start = 0; start < bytes.length;) {
    const lf = search.indexOf(0x0a, start);
    const next = lf < 0 ? bytes.length : lf + 1;
    // As postal-mime: the line without its line feed and the carriage returns before it.
    let end = lf < 0 ? bytes.length : lf;
    while (end > start && bytes[end - 1] === 0x0d) end--;
    blankRun = isBlank(bytes, start, end) ? blankRun + 1 : 0;
    if (blankRun > MAX_BLANK_RUN || !cutter.accept(root, start, end)) {
      if (start > keepFrom) kept.push([keepFrom, start]);
      keepFrom = next;
    }
    start = next;
  }
  if (keepFrom === 0) return { bytes, truncated: cutter.truncated };
  if (keepFrom < bytes.length) kept.push([keepFrom, bytes.length]);
  let size = 0;
  for (const [from, to] of kept) size += to - from;
  const out = new Uint8Array(size);
  let at = 0;
  for (const [from, to] of kept) {
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  }
  return { bytes: out, truncated: cutter.truncated };
}

/**
 * Whether the text may hold more than MAX_BLANK_RUN blank lines in a row: MAX_BLANK_RUN line feeds
 * with only spaces, tabs and carriage returns between them (the ends of the first MAX_BLANK_RUN
 * lines of such a run). A match is tried only at a line feed and runs to the next other character,
 * so this is at most MAX_BLANK_RUN passes over the text.
 */
const LONG_BLANK_RUN = new RegExp(`(?:\\n[ \\t\\r]*){${MAX_BLANK_RUN}}`);
const mayHaveLongBlankRun = (text: string): boolean => LONG_BLANK_RUN.test(text);

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}

type Body =
  | { readonly kind: 'keep' }
  | { readonly kind: 'leaf'; readonly limit: number; kept: number; cutting: boolean }
  | { readonly kind: 'message'; readonly message: MessageState };

const KEEP: Body = { kind: 'keep' };

/** One MIME part (entity) of a message, as postal-mime's MimeNode. */
class Part {
  inHeader = true;
  body: Body = KEEP;
  /** The subtype when this part is a multipart (its parts default to message/rfc822 in a digest). */
  multipart: string | null = null;
  /** Content-* fields of the header, each as the lines it was folded over. */
  readonly fields: string[][] = [];
  /** Whether a header line was seen (a later line starting with a space or tab continues it). */
  sawField = false;
  /** Whether the current field is one of `fields` (else its folded lines are skipped). */
  collecting = false;
  constructor(readonly parent: Part | null) {}
}

interface Boundary {
  readonly value: Uint8Array;
  readonly part: Part;
}

/** The parse state of one message: the outer one, or one attached inside a part. */
class MessageState {
  readonly boundaries: Boundary[] = [];
  /** The part lines go to; null once the message ended or cannot be followed. */
  current: Part | null = new Part(null);
  headerBytes = 0;
  constructor(readonly depth: number) {}

  /** Keep every remaining line of this message as it is. */
  giveUp(): void {
    this.current = null;
    this.boundaries.length = 0;
  }
}

/** Follows the lines of one input (each given as its start and end, without the line break). */
class Cutter {
  truncated = false;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: CutLimits,
  ) {}

  /** Follows one line through `message`; false to cut it. */
  accept(message: MessageState, start: number, end: number): boolean {
    const bytes = this.bytes;
    const length = end - start;
    const dashes = length >= 2 && bytes[start] === DASH && bytes[start + 1] === DASH;
    if (dashes && length > 2 && message.boundaries.length > 0) {
      // As postal-mime: the innermost boundary first.
      for (let i = message.boundaries.length - 1; i >= 0; i--) {
        const boundary = message.boundaries[i] as Boundary;
        const match = boundaryMatch(bytes, start, end, boundary.value);
        if (match === null) continue;
        message.boundaries.length = i + (match === 'next' ? 1 : 0);
        message.current = match === 'next' ? new Part(boundary.part) : boundary.part.parent;
        return true;
      }
    }
    const part = message.current;
    if (!part) return true;
    if (part.inHeader) {
      if (length === 0) this.endHeader(message, part);
      else this.headerLine(message, part, bytes.subarray(start, end));
      return true;
    }
    const body = part.body;
    if (body.kind === 'keep') return true;
    if (body.kind === 'message') return this.accept(body.message, start, end);
    if (!body.cutting) return true;
    // Not a boundary we know, but maybe one we misread: stop cutting this part.
    if (dashes) {
      body.cutting = false;
      return true;
    }
    body.kept += length + 1;
    if (body.kept <= body.limit) return true;
    this.truncated = true;
    return false;
  }

  private headerLine(message: MessageState, part: Part, line: Uint8Array): void {
    // postal-mime counts header bytes per message and refuses the message above its limit.
    message.headerBytes += line.length;
    if (message.headerBytes > this.limits.maxHeaderBytes) {
      message.giveUp();
      return;
    }
    if (part.sawField && (line[0] === 0x20 || line[0] === 0x09)) {
      if (part.collecting) part.fields[part.fields.length - 1]?.push(headerDecoder.decode(line));
      return;
    }
    part.sawField = true;
    part.collecting = mayBeContentField(line);
    if (part.collecting) part.fields.push([headerDecoder.decode(line)]);
  }

  private endHeader(message: MessageState, part: Part): void {
    part.inHeader = false;
    const fields = unfold(part.fields);
    part.fields.length = 0;
    const parentType = part.parent?.multipart;
    const typeText =
      fields.get('content-type') ?? (parentType === 'digest' ? 'message/rfc822' : 'text/plain');
    const contentType = readStructured(typeText);
    // As postal-mime: "multipart/" without a subtype is a leaf.
    const subtype = /^multipart\/(.+)/is.exec(contentType.value)?.[1];
    if (subtype) {
      part.multipart = subtype;
      if (contentType.continued.has('boundary')) return message.giveUp();
      const boundary = contentType.params.get('boundary');
      if (!boundary) return;
      if (message.boundaries.length >= this.limits.maxNesting) return message.giveUp();
      message.boundaries.push({ value: textEncoder.encode(boundary), part });
      return;
    }
    const encoding = readTransferEncoding(fields.get('content-transfer-encoding') ?? '');
    const names = `${typeText}\n${fields.get('content-disposition') ?? ''}`;
    const kind = leafKind(contentType.value, encoding, names);
    if (kind === 'message') {
      if (message.depth < MAX_MESSAGE_DEPTH)
        part.body = { kind: 'message', message: new MessageState(message.depth + 1) };
    } else if (kind !== 'keep') {
      part.body = { kind: 'leaf', limit: kind.limit, kept: 0, cutting: true };
    }
  }
}

const CONTENT_ = [0x63, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x2d]; // "content-"

/**
 * Whether an unfolded field starting with this line can be a Content-* field: its name (after
 * spaces and tabs) starts with "content-", or the line is only spaces and tabs (the name may
 * then come from the next line).
 */
function mayBeContentField(line: Uint8Array): boolean {
  let i = 0;
  while (i < line.length && (line[i] === 0x20 || line[i] === 0x09)) i++;
  if (i === line.length) return true;
  if (line.length - i < CONTENT_.length) return false;
  for (let j = 0; j < CONTENT_.length; j++) {
    const byte = line[i + j] ?? 0;
    if ((byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) !== CONTENT_[j]) return false;
  }
  return true;
}

/** First occurrence of each Content-* field, unfolded and trimmed as postal-mime does. */
function unfold(fields: readonly string[][]): Map<string, string> {
  const found = new Map<string, string>();
  for (const lines of fields) {
    const text = lines.join('');
    const sep = text.indexOf(':');
    const key = trimWsp(sep < 0 ? text : text.slice(0, sep)).toLowerCase();
    if (!key.startsWith('content-') || found.has(key)) continue;
    found.set(key, sep < 0 ? '' : trimWsp(text.slice(sep + 1).replace(/[\r\n]+/g, ' ')));
  }
  return found;
}

function trimWsp(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x09)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return text.slice(start, end);
}

type Kind = 'keep' | 'message' | { readonly limit: number };

/** What to do with the body of a leaf part of the given type and transfer encoding. */
function leafKind(rawType: string, encoding: string, names: string): Kind {
  const type = rawType.trim();
  if (/^message\/(?:rfc822|global)$/.test(type))
    return /^(?:|7bit|8bit|binary)$/.test(encoding) ? 'message' : 'keep';
  // A file name that may name a message (or is encoded so we cannot tell) keeps the part whole.
  if (/\.(?:eml|msg)|%2e|=\?|\*\s*=|\*\d/i.test(names)) return 'keep';
  if (type === 'application/octet-stream') return { limit: OCTET_LIMIT };
  if (type === 'application/vnd.ms-outlook') return 'keep';
  if (/^(?:application|image|audio|video|font|model)\//.test(type)) return { limit: LEAF_LIMIT };
  return 'keep';
}

/** As postal-mime: "--", the boundary, optionally "--", then only spaces and tabs. */
function boundaryMatch(
  bytes: Uint8Array,
  start: number,
  end: number,
  value: Uint8Array,
): 'next' | 'end' | null {
  if (end - start < value.length + 2) return null;
  for (let j = 0; j < value.length; j++) if (bytes[start + 2 + j] !== value[j]) return null;
  let rest = start + 2 + value.length;
  let terminator = false;
  if (end - rest >= 2 && bytes[rest] === DASH && bytes[rest + 1] === DASH) {
    terminator = true;
    rest += 2;
  }
  for (let j = rest; j < end; j++) if (bytes[j] !== 0x20 && bytes[j] !== 0x09) return null;
  return terminator ? 'end' : 'next';
}
