/**
 * The part of `Blob` that postal-mime uses (`new Blob(chunks)`, `blob.arrayBuffer()`), in memory.
 *
 * postal-mime gathers the decoded body of every part as a Blob and reads it straight back. Node's
 * Blob copies each chunk into its native blob store and reads it back through a stream: on the
 * corpus that was half of the command line's decoding time. The command-line bundle hands this
 * class to the bundled modules in place of the global `Blob` (esbuild `inject`, scripts/explain.cjs),
 * and the pane's engine worker sets it as its global `Blob` (src/ui/engineWorker.ts), where the
 * browser's Blob is no faster. postal-mime itself is unchanged.
 */
type BlobPart = ArrayBuffer | ArrayBufferView | string | PlainBlob;

const encoder = new TextEncoder();
/** postal-mime adds a line feed after each line of a part it passes through; the views are only read. */
const LINE_FEED = Uint8Array.of(0x0a);

export class PlainBlob {
  readonly size: number;
  readonly type: string;
  /** The parts, copied into one array as they were when the blob was made (as a Blob does). */
  private readonly bytes: Uint8Array;

  constructor(parts: Iterable<BlobPart> = [], options: { readonly type?: string } = {}) {
    const views: Uint8Array[] = [];
    let size = 0;
    for (const part of parts) {
      const view =
        typeof part === 'string'
          ? part === '\n'
            ? LINE_FEED
            : encoder.encode(part)
          : part instanceof PlainBlob
            ? part.bytes
            : part instanceof Uint8Array
              ? part
              : ArrayBuffer.isView(part)
                ? new Uint8Array(part.buffer, part.byteOffset, part.byteLength)
                : new Uint8Array(part);
      views.push(view);
      size += view.length;
    }
    this.bytes = new Uint8Array(size);
    let offset = 0;
    for (const view of views) {
      this.bytes.set(view, offset);
      offset += view.length;
    }
    this.size = size;
    this.type = (options.type ?? '').toLowerCase();
  }

  /** A copy of the bytes, as the platform's Blob gives one. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.bytes);
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}

export { PlainBlob as Blob };
