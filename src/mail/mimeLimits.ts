import PostalMime from 'postal-mime';
import { byteSearch } from './bytes';

/**
 * Speed and memory for postal-mime, without changing what it parses.
 *
 * 1. postal-mime collects each part's body as one chunk per line and joins them through a Blob
 *    (`await blob.arrayBuffer()`), which is slow in Node and costs a copy per part. The content
 *    decoders' `finalize` is replaced by a plain concatenation that gives the same bytes.
 * 2. For parsers that opt in (`limitParts`), the bodies of parts the analyser never reads are
 *    cut: non-text leaves (application/*, image/*, …) keep their first `LEAF_LIMIT` bytes, an
 *    application/octet-stream part (maybe an attached .eml) its first `OCTET_LIMIT`. An attached
 *    message (message/rfc822 or message/global, 7bit/8bit) keeps its MIME structure — headers,
 *    boundaries, text and report parts — and only its own non-text leaves are cut the same way,
 *    so an NDR forwarded as an attachment still shows its delivery-status part. Headers and
 *    boundary lines are never dropped; a line starting with "--" that is not a known boundary stops
 *    the cutting of that part (broken MIME is then parsed as it is).
 *
 * 3. postal-mime finds line ends one byte at a time in JavaScript and awaits an async
 *    `processLine` for every line. `readLine` is replaced by one that finds the line feed with
 *    the native `indexOf` and itself feeds each ordinary body or header line to the current part
 *    (what processLine does with such a line), so that only possible boundary lines and the last
 *    line go through processLine and an await.
 * 4. Blank lines after the first `MAX_BLANK_RUN` of a run are dropped as they are read: postal-mime
 *    keeps every body line as a chunk of its own, so 100 KB of bare line breaks cost seconds.
 * 5. `buildMessage` of our parsers returns only what decodeEml reads (headers, text, html,
 *    attachments): postal-mime also parsed every address header and the date, a tenth of the
 *    decoding time of the corpus.
 * 6. The quoted-printable decoder starts with a small buffer instead of a zeroed 100 KB one per
 *    part (its buffer size is only the size of its output chunks).
 *
 * 7. Small part bodies are carved out of a shared slab (see fastFinalize).
 *
 * postal-mime's MimeNode class is internal; it is reached through a parser's root node. The
 * patches are applied once, and only after checking that the methods and fields they rely on are
 * there: a postal-mime update that renames them leaves the parser working as postal-mime does
 * (without the savings, and without the blank-run limit, which test/mail/mimeLimits.test.ts
 * would then report).
 */

/** Bytes kept of a non-text leaf part (its content is not read by the analyser). */
const LEAF_LIMIT = 256 * 1024;
/** Bytes kept of an application/octet-stream part, which may be an attached message. */
const OCTET_LIMIT = 4 * 1024 * 1024;
/** Attached messages nested deeper than this inside one part are kept as they are. */
const MAX_CUT_DEPTH = 8;

type Chunk = Uint8Array | ArrayBuffer | string;

interface DecoderLike {
  chunks?: Chunk[];
  update: (line: Uint8Array) => void;
  finalize: () => Promise<ArrayBuffer>;
  flushRemainder?: () => void;
  flushBuffer?: () => void;
}

interface StructuredHeader {
  value: string;
  params: Record<string, string | undefined>;
}

interface NodeLike {
  postalMime?: unknown;
  contentType?: { value?: string; parsed?: StructuredHeader; multipart?: string | false };
  contentDisposition?: { value?: string };
  contentTransferEncoding?: { encoding?: string };
  contentDecoder?: DecoderLike | null;
  parseStructuredHeader?: (value: string) => StructuredHeader;
  stripComments?: (value: string) => string;
}

/** Per-parser state for parsers that opted in to cutting. */
export interface CutState {
  truncated: boolean;
}

const CUT_STATE = new WeakMap<object, CutState>();
const PATCHED = Symbol.for('bounce-explainer.postal-mime-patched');
const textEncoder = new TextEncoder();
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

let structuredParser: NodeLike | null = null;

/** Runs of blank lines longer than this are cut to this length (they carry nothing to read). */
export const MAX_BLANK_RUN = 100;
/** Output chunk size of the quoted-printable decoder (postal-mime's own is 100 KB). */
const QP_CHUNK = 8 * 1024;

export interface CreatedParser {
  readonly parser: PostalMime;
  readonly state: CutState;
}

/** Creates a parser; with `limitParts`, bodies the analyser never reads are cut (see above). */
export function createParser(
  options: ConstructorParameters<typeof PostalMime>[0],
  limitParts: boolean,
): CreatedParser {
  patchPostalMime();
  const parser = new PostalMime(options);
  const state: CutState = { truncated: false };
  if (limitParts) CUT_STATE.set(parser, state);
  (parser as unknown as Partial<ParserLike>).ours = { blankRun: 0 };
  return { parser, state };
}

interface ParserLike {
  buf: ArrayBuffer;
  av: Uint8Array;
  readPos: number;
  boundaries: unknown[];
  currentNode: { feed(line: Uint8Array): void };
  root: { headers: { key: string; originalKey: string; value: string }[] };
  textContent: { plain?: string; html?: string };
  attachments: unknown[];
  finalize(): Promise<void>;
  /** Set on parsers made by createParser. */
  ours?: Ours;
}

interface Ours {
  blankRun: number;
  /** The input, searchable for line feeds (see byteSearch). */
  search?: { indexOf(byte: number, from: number): number };
}

type ProcessLine = (this: ParserLike, line: Uint8Array, isFinal: boolean) => Promise<void> | undefined;

function patchParserLoop(): void {
  const proto = PostalMime.prototype as unknown as Record<PropertyKey, unknown>;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const processLine = proto['processLine'];
  const buildMessage = proto['buildMessage'];
  const sample = new PostalMime() as unknown as Partial<ParserLike>;
  if (
    typeof proto['readLine'] !== 'function' ||
    typeof processLine !== 'function' ||
    typeof buildMessage !== 'function' ||
    typeof sample.finalize !== 'function' ||
    !Array.isArray(sample.boundaries) ||
    !Array.isArray(sample.attachments) ||
    typeof sample.textContent !== 'object' ||
    !Array.isArray(sample.root?.headers) ||
    typeof sample.currentNode?.feed !== 'function'
  )
    return;
  proto['readLine'] = readLine;
  const original = processLine as ProcessLine;
  // Only the last line and possible boundary lines reach processLine (see readLine).
  const last: ProcessLine = function (line, isFinal) {
    if (isFinal && this.ours && dropBlank(this.ours, line)) return this.finalize();
    return original.call(this, line, isFinal);
  };
  proto['processLine'] = last;
  const originalBuild = buildMessage as (this: ParserLike) => unknown;
  proto['buildMessage'] = function (this: ParserLike): unknown {
    if (!this.ours) return originalBuild.call(this);
    const message: Record<string, unknown> = {
      headers: this.root.headers, // decodeEml copies what it keeps
      attachments: this.attachments,
    };
    if (this.textContent.html) message['html'] = this.textContent.html;
    if (this.textContent.plain) message['text'] = this.textContent.plain;
    return message;
  };
}

function isBlank(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) {
    const byte = line[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}

/**
 * As postal-mime's readLine (the next line, without its line feed and the carriage returns before
 * it), but for our parsers it also does what processLine would do with every line that is neither
 * the last nor a possible boundary ("--…"): feed it to the current part, or drop it when it is
 * too far into a run of blank lines. Only the other lines are returned to postal-mime's loop,
 * which awaits processLine for each line it gets.
 */
function readLine(this: ParserLike): { bytes: Uint8Array; done: boolean } {
  const av = this.av;
  const ours = this.ours;
  const search = ours ? (ours.search ??= byteSearch(av)) : av;
  for (;;) {
    const start = this.readPos;
    const lf = search.indexOf(0x0a, start);
    let end = lf < 0 ? av.length : lf;
    this.readPos = lf < 0 ? av.length : lf + 1;
    while (end > start && av[end - 1] === 0x0d) end--;
    const bytes = new Uint8Array(this.buf, start, end - start);
    const done = this.readPos >= av.length;
    if (!ours || done) return { bytes, done };
    if (dropBlank(ours, bytes)) continue;
    if (this.boundaries.length > 0 && bytes.length > 2 && bytes[0] === 0x2d && bytes[1] === 0x2d)
      return { bytes, done };
    this.currentNode.feed(bytes);
  }
}

/** Counts the line into the current run of blank lines; true when it is past MAX_BLANK_RUN. */
function dropBlank(ours: Ours, line: Uint8Array): boolean {
  ours.blankRun = isBlank(line) ? ours.blankRun + 1 : 0;
  return ours.blankRun > MAX_BLANK_RUN;
}

function patchPostalMime(): void {
  patchParserLoop();
  const root = (new PostalMime() as unknown as { root?: NodeLike }).root;
  const proto = root ? (Object.getPrototypeOf(root) as Record<PropertyKey, unknown>) : null;
  if (!root || !proto || proto[PATCHED]) return;
  const setup = proto['setupContentDecoder'];
  if (typeof setup !== 'function' || typeof root.parseStructuredHeader !== 'function') return;
  structuredParser = root;
  proto[PATCHED] = true;
  const newQpDecoder = qpFactory(root, setup as (this: NodeLike, encoding: string) => void);
  proto['setupContentDecoder'] = function (this: NodeLike, ...args: unknown[]): unknown {
    const encoding = args[0];
    // postal-mime's own test order: base64 first, then quoted-printable.
    const qp =
      newQpDecoder &&
      typeof encoding === 'string' &&
      !/base64/i.test(encoding) &&
      /quoted-printable/i.test(encoding);
    let result: unknown;
    if (qp) this.contentDecoder = newQpDecoder();
    else result = setup.apply(this, args);
    try {
      const decoder = this.contentDecoder;
      if (decoder && Array.isArray(decoder.chunks)) {
        decoder.finalize = fastFinalize;
        const state = this.postalMime ? CUT_STATE.get(this.postalMime) : undefined;
        if (state) installCut(this, decoder, state);
      }
    } catch {
      // Leave the node as postal-mime set it up.
    }
    return result;
  };
}

/**
 * A maker of postal-mime quoted-printable decoders with a small first buffer, or null when the
 * decoder does not have the fields this version of postal-mime gives it.
 */
function qpFactory(
  sample: NodeLike,
  setup: (this: NodeLike, encoding: string) => void,
): (() => DecoderLike) | null {
  try {
    const probe = Object.create(sample) as NodeLike;
    setup.call(probe, 'quoted-printable');
    const decoder = probe.contentDecoder as unknown as Record<string, unknown> | null | undefined;
    if (
      !decoder ||
      Object.keys(decoder).join() !== 'maxChunkSize,buffer,bufferPos,chunks' ||
      !(decoder['buffer'] instanceof Uint8Array)
    )
      return null;
    const qpProto = Object.getPrototypeOf(decoder) as object;
    return () =>
      Object.assign(Object.create(qpProto) as DecoderLike, {
        maxChunkSize: QP_CHUNK,
        buffer: new Uint8Array(QP_CHUNK),
        bufferPos: 0,
        chunks: [],
      });
  } catch {
    return null;
  }
}

/**
 * Same bytes as `new Blob(chunks).arrayBuffer()`, without the Blob. Small parts are carved out of
 * a shared slab (as Uint8Array views, which postal-mime and decodeEml read like ArrayBuffers):
 * allocating an ArrayBuffer of its own for each of them was the single largest cost of decoding
 * a short multipart report.
 */
function fastFinalize(this: DecoderLike): Promise<ArrayBuffer> {
  this.flushRemainder?.();
  this.flushBuffer?.();
  const chunks = this.chunks ?? [];
  let total = 0;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk === '\n') total += 1;
    else if (typeof chunk === 'string') {
      const bytes = textEncoder.encode(chunk);
      chunks[i] = bytes;
      total += bytes.length;
    } else if (chunk) total += chunk.byteLength;
  }
  const out = allocate(total);
  let offset = 0;
  for (const chunk of chunks) {
    if (chunk === '\n') out[offset++] = 0x0a;
    else if (typeof chunk !== 'string') {
      const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
      out.set(bytes, offset);
      offset += bytes.length;
    }
  }
  this.chunks = [];
  return Promise.resolve(out as unknown as ArrayBuffer);
}

const SLAB_SIZE = 64 * 1024;
const SLAB_PART = 4 * 1024;
let slab = new Uint8Array(0);
let slabUsed = 0;

/** Room for `size` bytes: a slice of the shared slab for small parts, else its own buffer. */
function allocate(size: number): Uint8Array {
  if (size > SLAB_PART) return new Uint8Array(size);
  if (slabUsed + size > slab.length) {
    slab = new Uint8Array(SLAB_SIZE);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + size);
  slabUsed += size;
  return out;
}

type Kind = 'keep' | 'message' | { limit: number };

/** What to do with the body of a leaf part of the given type and encoding. */
function leafKind(type: string, encoding: string, headerText: string): Kind {
  const t = type.trim().toLowerCase();
  if (/^message\/(?:rfc822|global)$/.test(t))
    return /^(?:|7bit|8bit|binary)$/.test(encoding.trim().toLowerCase()) ? 'message' : 'keep';
  // A file name that may name a message (or is encoded so we cannot tell) keeps the part whole.
  if (/\.(?:eml|msg)|%2e|=\?|\*\s*=|\*\d/i.test(headerText)) return 'keep';
  if (t === 'application/octet-stream') return { limit: OCTET_LIMIT };
  if (t === 'application/vnd.ms-outlook') return 'keep';
  if (/^(?:application|image|audio|video|font|model)\//.test(t)) return { limit: LEAF_LIMIT };
  return 'keep';
}

function installCut(node: NodeLike, decoder: DecoderLike, state: CutState): void {
  if (node.contentType?.multipart) return;
  const kind = leafKind(
    node.contentType?.parsed?.value ?? '',
    node.contentTransferEncoding?.encoding ?? '',
    `${node.contentType?.value ?? ''}\n${node.contentDisposition?.value ?? ''}`,
  );
  if (kind === 'keep') return;
  const filter = kind === 'message' ? new MessageCutter(state, 1) : new LeafCutter(kind.limit, state);
  const update = decoder.update;
  decoder.update = function (this: DecoderLike, line: Uint8Array): void {
    if (filter.accept(line)) update.call(this, line);
  };
}

interface LineFilter {
  /** True to keep the line (boundaries already handled by the caller). */
  accept(line: Uint8Array): boolean;
}

class LeafCutter implements LineFilter {
  private kept = 0;
  private cutting = true;
  constructor(
    private readonly limit: number,
    private readonly state: CutState,
  ) {}
  accept(line: Uint8Array): boolean {
    if (!this.cutting) return true;
    // Not a boundary we know of, but maybe one we misread: stop cutting this part.
    if (line.length >= 2 && line[0] === 0x2d && line[1] === 0x2d) {
      this.cutting = false;
      return true;
    }
    this.kept += line.length + 1;
    if (this.kept <= this.limit) return true;
    this.state.truncated = true;
    return false;
  }
}

interface Entity {
  state: 'header' | 'body';
  headerLines: string[];
  body: LineFilter | null;
  /** The multipart entity whose boundary opened this one (null for the message itself). */
  parent: Entity | null;
}

/**
 * Follows the MIME structure of an attached message line by line (as postal-mime parses it when
 * the message is decoded on its own) and cuts the bodies of its non-text leaves.
 */
class MessageCutter implements LineFilter {
  private readonly boundaries: { value: Uint8Array; entity: Entity }[] = [];
  private current: Entity | null = newEntity(null);
  constructor(
    private readonly state: CutState,
    private readonly depth: number,
  ) {}

  accept(line: Uint8Array): boolean {
    if (this.boundaries.length > 0 && line.length > 2 && line[0] === 0x2d && line[1] === 0x2d) {
      for (let i = this.boundaries.length - 1; i >= 0; i--) {
        const b = this.boundaries[i];
        if (!b) continue;
        const match = boundaryMatch(line, b.value);
        if (match === null) continue;
        if (match === 'end') {
          this.boundaries.length = i;
          this.current = b.entity.parent;
        } else {
          this.boundaries.length = i + 1;
          this.current = newEntity(b.entity);
        }
        return true;
      }
    }
    const entity = this.current;
    if (!entity) return true;
    if (entity.state === 'header') {
      if (line.length === 0) this.endHeaders(entity);
      else entity.headerLines.push(headerDecoder.decode(line));
      return true;
    }
    return entity.body ? entity.body.accept(line) : true;
  }

  private endHeaders(entity: Entity): void {
    entity.state = 'body';
    const fields = unfold(entity.headerLines);
    entity.headerLines = [];
    const contentType = fields.get('content-type') ?? '';
    const parsed = parseStructured(contentType);
    if (!parsed) {
      // Cannot read the header as postal-mime does: keep everything from here on.
      this.current = null;
      return;
    }
    if (/^multipart\//i.test(parsed.value)) {
      const boundary = parsed.params['boundary'];
      if (boundary) this.boundaries.push({ value: textEncoder.encode(boundary), entity });
      return;
    }
    const encoding = stripComments(fields.get('content-transfer-encoding') ?? '')
      .toLowerCase()
      .match(/[\w-]+/)?.[0];
    const kind = leafKind(
      parsed.value,
      encoding ?? '',
      `${contentType}\n${fields.get('content-disposition') ?? ''}`,
    );
    if (kind === 'message') {
      if (this.depth < MAX_CUT_DEPTH) entity.body = new MessageCutter(this.state, this.depth + 1);
    } else if (kind !== 'keep') {
      entity.body = new LeafCutter(kind.limit, this.state);
    }
  }
}

function newEntity(parent: Entity | null): Entity {
  return { state: 'header', headerLines: [], body: null, parent };
}

/** As postal-mime: "--" boundary, optionally "--", then only spaces and tabs. */
function boundaryMatch(line: Uint8Array, value: Uint8Array): 'next' | 'end' | null {
  if (line.length < value.length + 2) return null;
  for (let j = 0; j < value.length; j++) if (line[j + 2] !== value[j]) return null;
  let end = value.length + 2;
  let terminator = false;
  if (line.length >= value.length + 4 && line[end] === 0x2d && line[end + 1] === 0x2d) {
    terminator = true;
    end += 2;
  }
  for (let j = end; j < line.length; j++) if (line[j] !== 0x20 && line[j] !== 0x09) return null;
  return terminator ? 'end' : 'next';
}

/** First occurrence of each content header, unfolded as postal-mime does. */
function unfold(lines: readonly string[]): Map<string, string> {
  const folded: string[][] = [];
  for (const line of lines) {
    const last = folded[folded.length - 1];
    if (last && /^[ \t]/.test(line)) last.push(line);
    else folded.push([line]);
  }
  const fields = new Map<string, string>();
  for (const parts of folded) {
    const line = parts.join('');
    const sep = line.indexOf(':');
    if (sep < 0) continue;
    const key = trimWsp(line.slice(0, sep)).toLowerCase();
    if (!key.startsWith('content-') || fields.has(key)) continue;
    fields.set(key, trimWsp(line.slice(sep + 1).replace(/[\r\n]+/g, ' ')));
  }
  return fields;
}

function trimWsp(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

function stripComments(value: string): string {
  try {
    return structuredParser?.stripComments?.(value) ?? value.replace(/\([^)]*\)/g, '');
  } catch {
    return value;
  }
}

function parseStructured(value: string): StructuredHeader | null {
  try {
    return structuredParser?.parseStructuredHeader?.(value) ?? null;
  } catch {
    return null;
  }
}
