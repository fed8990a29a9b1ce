/**
 * Byte helpers that use Node's Buffer when there is one (the CLI, the bench, the tests) and plain
 * typed arrays in the browser. Both give the same results; Buffer is faster at these two jobs.
 */

interface ByteSearch {
  indexOf(byte: number, from: number): number;
}

interface NodeBuffer {
  from(
    buffer: ArrayBufferLike,
    offset?: number,
    length?: number,
  ): ByteSearch & {
    toString(encoding: 'latin1'): string;
  };
}

const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** UTF-8 that throws on invalid bytes (callers fall back to a single-byte reading); drops a BOM. */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as ISO-8859-1 (one character per byte), at most `max` of them. */
export function latin1(bytes: Uint8Array, max: number): string {
  const view = bytes.length > max ? bytes.subarray(0, max) : bytes;
  if (nodeBuffer) return nodeBuffer.from(view.buffer, view.byteOffset, view.length).toString('latin1');
  const pieces: string[] = [];
  for (let i = 0; i < view.length; i += 8192)
    pieces.push(String.fromCharCode.apply(null, view.subarray(i, i + 8192) as unknown as number[]));
  return pieces.join('');
}

/** Something to find a byte in (Node's Buffer finds it with memchr, twice as fast as indexOf). */
export function byteSearch(bytes: Uint8Array): ByteSearch {
  return nodeBuffer ? nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
}
