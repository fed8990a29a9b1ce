/**
 * What @kenjiuno/msgreader uses of iconv-lite, on the platform's TextDecoder / TextEncoder.
 *
 * The pane bundle uses this instead of iconv-lite (webpack alias): iconv-lite brings its own
 * code-page tables and needs a Buffer polyfill, three quarters of the .msg reader's download,
 * while every browser that runs Outlook add-ins decodes the same code pages natively. The reader
 * only calls these for 8-bit strings with an explicit code page; Node (CLI, tests) keeps iconv-lite.
 */

import { latin1 } from './bytes';

/** iconv-lite's names for encodings that the WHATWG Encoding standard spells otherwise. */
function whatwgLabel(encoding: string): string {
  const name = encoding.trim().toLowerCase();
  if (/^(?:utf-?16-?le|ucs-?2)$/.test(name)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(name)) return 'utf-16be';
  const codePage = /^(?:cp|win|windows-?)(125\d|874)$/.exec(name);
  if (codePage) return `windows-${codePage[1] ?? ''}`;
  return name;
}

/**
 * Windows-1252 at 0x80–0x9F (the rest is ISO-8859-1), as iconv-lite maps it: decoded here rather
 * than by TextDecoder because Node's TextDecoder reads windows-1252 as ISO-8859-1.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function singleByte(bytes: Uint8Array, high: string | null): string {
  const text = latin1(bytes, bytes.length);
  return high ? text.replace(/[\x80-\x9f]/g, (c) => high[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/** Windows-1252 text, the same in Node and in browsers. */
export function windows1252(bytes: Uint8Array): string {
  return singleByte(bytes, CP1252_HIGH);
}

export function decode(bytes: Uint8Array, encoding: string): string {
  // iconv-lite's latin1 is one character per byte; WHATWG's "latin1" means windows-1252.
  if (/^(?:binary|latin-?1|iso-?8859-?1)$/i.test(encoding.trim())) return singleByte(bytes, null);
  const label = whatwgLabel(encoding);
  if (label === 'windows-1252') return singleByte(bytes, CP1252_HIGH);
  return new TextDecoder(label).decode(bytes);
}

export function encode(text: string, encoding: string): Uint8Array {
  if (/^utf-?8$/i.test(encoding.trim())) return new TextEncoder().encode(text);
  throw new Error(`writing ${encoding} is not supported here`);
}

export default { decode, encode };
