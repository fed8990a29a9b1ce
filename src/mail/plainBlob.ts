/**
 * The part of `Blob` that postal-mime uses (`new Blob(chunks)`, `blob.arrayBuffer()`), in memory.
 *
 * postal-mime gathers the decoded body of every part as a Blob and reads it straight back. Node's
 * Blob copies each chunk into its native blob store and reads it back through a stream: on the
 * corpus that was half of the command line's decoding time. The command-line bundle hands this
 * class to the bundled modules in place of the global `Blob` (esbuild `inject`, scripts/explain.cjs);
 * postal-mime itself is unchanged, and browsers keep their own Blob.
 */
type BlobPart = ArrayBuffer | ArrayBufferView | string | PlainBlob;

export class PlainBlob {
  readonly size: number;
  readonly type: string;
  private readonly chunks: readonly Uint8Array[];

  constructor(parts: Iterable<BlobPart> = [], options: { readonly type?: string } = {}) {
    const chunks: Uint8Array[] = [];
    for (const part of parts) {
      if (typeof part === 'string') chunks.push(new TextEncoder().encode(part));
      else if (part instanceof PlainBlob) chunks.push(...part.chunks);
      else if (ArrayBuffer.isView(part))
        chunks.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength).slice());
      else chunks.push(new Uint8Array(part.slice(0)));
    }
    this.chunks = chunks;
    this.size = chunks.reduce((total, chunk) => total + chunk.length, 0);
    this.type = (options.type ?? '').toLowerCase();
  }

  /** One copy of the chunks, as the platform's Blob gives it. */
  arrayBuffer(): Promise<ArrayBuffer> {
    const joined = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    return Promise.resolve(joined.buffer);
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}

export { PlainBlob as Blob };
