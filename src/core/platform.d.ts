// The core targets plain ECMAScript plus TextDecoder, which browsers and Node both provide. It is
// declared here, narrowly, so the core can decode RFC 2047 words without pulling in the DOM lib.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
