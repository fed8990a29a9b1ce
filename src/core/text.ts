/** Small text helpers shared by the parsers. */

/** Splits on CRLF, LF or bare CR, so LF, CRLF, CR and mixed input read the same. */
export function splitLines(text: string): string[] {
  // Most text has no CR at all, and a split on a plain string is two to three times faster.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/**
 * One regex that matches where any of `patterns` would, for a single scan instead of one per
 * pattern. Only for patterns without back-references (joining renumbers groups); `flags` apply to all.
 */
export function anyOf(patterns: readonly RegExp[], flags = ''): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
}

/**
 * White space that is not already a single space: a space followed by more white space, or any
 * other white-space character with the run after it. Replacing only these gives the same result as
 * replacing every /\s+/ run, without one replacement per word of ordinary text (twice as fast).
 */
const SPACE_TO_FOLD = / \s+|[^\S ]\s*/g;

/** Replaces each run of white space with one space. */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_TO_FOLD, ' ');
}

/** Folds runs of white space to one space and trims. */
export function foldSpace(text: string): string {
  return collapseSpace(text).trim();
}

/** Lower-cased and white-space-folded, for matching fragments. */
export function normalizeForMatch(text: string): string {
  return foldSpace(text).toLowerCase();
}

/**
 * The first `end` UTF-16 code units of `text`, one fewer where the cut would split a surrogate pair:
 * a cut never leaves half an emoji, which encoders such as encodeURIComponent refuse.
 */
export function cutAt(text: string, end: number): string {
  if (end >= text.length) return text;
  if (end <= 0) return '';
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis; never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${cutAt(text, Math.max(0, max - 1))}…`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every lone surrogate (half an emoji, from a cut or an escape such as `\ud83d` or
 * `&#xD83D;`) replaced by U+FFFD. String.prototype.toWellFormed does this where the runtime has it
 * (Node 20, Chromium); the TypeScript library we target does not declare it yet.
 */
export function wellFormed(text: string): string {
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  return typeof native === 'function' ? native.call(text) : text.replace(LONE_SURROGATE, '\uFFFD');
}

/** RFC 5321 §4.5.3.1: an address (a path without its angle brackets) is at most 254 characters. */
export const MAX_ADDRESS_LENGTH = 254;
/** A domain or server name written out is at most 253 characters (RFC 1035's 255 octets on the wire). */
export const MAX_HOST_LENGTH = 253;

/**
 * A local part of at most 64 characters (RFC 5321) and labels of at most 63 (RFC 1035). The
 * look-arounds make the limits reject a longer one instead of matching its last 64 characters or
 * its first 63.
 */
const ADDRESS =
  /(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?![A-Za-z0-9-])/;

// Built once: findAddresses and isAddress run for many lines of every report.
const ADDRESS_GLOBAL = new RegExp(ADDRESS.source, 'g');
const ADDRESS_EXACT = new RegExp(`^${ADDRESS.source}$`);

/** Within RFC 5321's length limits (the pattern holds the local part and labels to theirs). */
function withinLimits(address: string): boolean {
  return (
    address.length <= MAX_ADDRESS_LENGTH && address.length - address.lastIndexOf('@') - 1 <= MAX_HOST_LENGTH
  );
}

/** The first thing that looks like an email address, lower-cased domain; null if none. */
export function findAddress(text: string): string | null {
  // Without an @ there is nothing to find, and the regex would try up to 64 characters at each
  // position of the text to learn that.
  if (!text.includes('@')) return null;
  const match = ADDRESS.exec(text);
  if (!match) return null;
  const first = cleanAddress(match[0]);
  // Almost always the first match is the answer; over-long ones are skipped.
  return withinLimits(first) ? first : (findAddresses(text)[0] ?? null);
}

/** Every address-looking token in order of appearance. */
export function findAddresses(text: string): string[] {
  const found: string[] = [];
  if (!text.includes('@')) return found;
  // matchAll works on a copy of the regex, so the shared one keeps no state between calls.
  for (const match of text.matchAll(ADDRESS_GLOBAL)) {
    const address = cleanAddress(match[0]);
    if (withinLimits(address)) found.push(address);
  }
  return found;
}

/** A server name as found in a report, or null when it is longer than any host name can be. */
export function hostWithinLimit(name: string | null | undefined): string | null {
  return name && name.length <= MAX_HOST_LENGTH ? name : null;
}

/** Strips brackets, mailto: and trailing dots; lower-cases the domain (local parts are case-sensitive in theory). */
export function cleanAddress(raw: string): string {
  let address = raw
    .trim()
    .replace(/^mailto:/i, '')
    // Exchange and X.400 gateways write an address with its type: "SMTP=jan@…", "smtp:jan@…".
    .replace(/^(?:smtp|rfc822)[=:]/i, '')
    .replace(/^[<("'[]+|[>)"'\].,;:]+$/g, '');
  address = address.replace(/^\.+|\.+$/g, '');
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export function isAddress(text: string): boolean {
  const trimmed = text.trim();
  return ADDRESS_EXACT.test(trimmed) && withinLimits(trimmed);
}

/** Domain part of an address, or null. */
export function domainOf(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  return at < 0 ? null : address.slice(at + 1).toLowerCase();
}

/** Removes characters that can disguise text: bidi overrides, zero-width characters, NULs and other C0 controls. */
export function stripInvisible(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g,
    '',
  );
}

/** The text as a RegExp source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
