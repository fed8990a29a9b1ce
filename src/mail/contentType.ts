/**
 * Reads a Content-Type value (or another MIME structured value) the way postal-mime reads it, so
 * that src/mail/cutParts.ts sees the same multipart boundaries and part types as the parser that
 * runs after it. The rules, in order:
 *
 * 1. Comments in parentheses are removed, except inside a quoted string, and except a "(" that
 *    directly continues an unquoted parameter value (`name=Invoice(1).pdf`). A backslash escapes
 *    the next character everywhere. An unclosed comment is dropped only when no ";" follows its
 *    start; otherwise the whole value is read as written.
 * 2. The value before the first ";" is the type; then `name=value` parameters. Spaces and tabs
 *    around a value are dropped, quotes removed, `\x` inside quotes gives `x`, and anything after a
 *    closing quote up to the next ";" is ignored. Names are lowercased and trimmed; a name without
 *    "=" is a parameter with an empty value; the first of duplicate names counts.
 * 3. The type is lowercased.
 *
 * RFC 2231 continuations (`boundary*0=…`, `name*=utf-8''…`) are not joined: `continued` lists the
 * names that have them, and a caller that needs such a parameter must not trust `params` for it.
 */

export interface StructuredValue {
  /** The type, lowercased (`multipart/mixed`), or '' when there is none. */
  readonly value: string;
  /** Parameters by lowercased name, as written (quotes removed). */
  readonly params: ReadonlyMap<string, string>;
  /** Names (lowercased, without the `*…` suffix) that also come as RFC 2231 sections. */
  readonly continued: ReadonlySet<string>;
}

const isWsp = (c: string): boolean => c === ' ' || c === '\t';

/** The value without its comments (rule 1 above). */
export function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let escaped = false;
  let quoted = false;
  let inParamValue = false;
  let commentStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (escaped) {
      if (depth === 0) out += c;
      escaped = false;
      continue;
    }
    if (c === '\\') {
      escaped = true;
      if (depth === 0) out += c;
      continue;
    }
    if (c === '"' && depth === 0) {
      quoted = !quoted;
      out += c;
      continue;
    }
    if (!quoted) {
      // Inside a parameter value a comment needs a space or tab before it.
      if (c === '(' && (!inParamValue || out === '' || isWsp(out.charAt(out.length - 1)))) {
        if (depth === 0) commentStart = i;
        depth++;
        continue;
      }
      if (c === ')' && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0 && c === '=') inParamValue = true;
      else if (depth === 0 && c === ';') inParamValue = false;
    }
    if (depth === 0) out += c;
  }
  if (depth === 0) return out;
  return text.indexOf(';', commentStart) < 0 ? out : text;
}

/** Reads a structured header value (rules 2 and 3 above). Linear in the length of `text`. */
export function readStructured(text: string): StructuredValue {
  const stripped = stripComments(text);
  const params = new Map<string, string>();
  let type = '';
  let name: string | null = null; // null while reading the type
  let inName = false;
  let buffer = '';
  let pendingSpace = '';
  let quote = false;
  let quoteClosed = false;
  let escaped = false;

  const take = (): string => {
    const result = buffer;
    buffer = '';
    pendingSpace = '';
    quoteClosed = false;
    return result;
  };
  const add = (c: string): void => {
    if (buffer !== '') buffer += pendingSpace;
    pendingSpace = '';
    buffer += c;
  };
  const store = (key: string, value: string): void => {
    if (!params.has(key)) params.set(key, value);
  };
  const endValue = (): void => {
    const value = take();
    if (name === null) type = value;
    else store(name, value);
  };
  const endBareName = (): void => {
    const bare = take().trim();
    if (bare) store(bare.toLowerCase(), '');
  };

  for (let i = 0; i < stripped.length; i++) {
    const c = stripped.charAt(i);
    if (inName) {
      if (c === '=') {
        name = take().trim().toLowerCase();
        inName = false;
      } else if (c === ';') endBareName();
      else buffer += c;
      continue;
    }
    if (escaped) {
      add(c);
      escaped = false;
    } else if (quote && c === '\\') {
      escaped = true;
    } else if (quote && c === '"') {
      quote = false;
      quoteClosed = true;
    } else if (!quote && c === '"') {
      quote = true;
      if (buffer !== '') buffer += pendingSpace;
      pendingSpace = '';
    } else if (!quote && c === ';') {
      endValue();
      inName = true;
    } else if (!quote && isWsp(c)) {
      pendingSpace += c;
    } else if (!quoteClosed) {
      add(c);
    }
  }
  if (inName) endBareName();
  else endValue();

  const continued = new Set<string>();
  for (const key of params.keys()) {
    const section = /\*(?:\d+\*?)?$/.exec(key);
    if (section) continued.add(key.slice(0, section.index).toLowerCase());
  }
  return { value: type.toLowerCase(), params, continued };
}

/** The transfer encoding's first token, lowercased (`base64`, `7bit`), or ''. */
export function readTransferEncoding(text: string): string {
  return /[\w-]+/.exec(stripComments(text).toLowerCase())?.[0] ?? '';
}
