/**
 * Strict checks for values from a bounce that our own sentences and commands may contain, and the
 * one place that turns a recipient's outcome into those values. A value that fails its check is
 * never interpolated: the text shows a neutral wording ("the recipient's address") or, in a
 * command, a visible placeholder (`<domain>`); the raw value stays a labelled fact.
 */
import type { RecipientOutcome } from './types';

// RFC 5321 §4.5.3.1: local part 64 octets, domain 255 (253 as text without the root dot), path 256
// including the angle brackets, so 254 for the address itself; DNS labels 63.
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

// Labels of letters, digits and inner hyphens; the last one alphabetic, or an IDN in punycode.
// Nothing else: no spaces, quotes, brackets, semicolons, `$`, `|`, `&`, `#`, backticks or controls,
// which is what keeps a validated value inert inside a PowerShell or shell command.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const TLD = '(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})';
const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)+${TLD}$`);

// A dot-atom of the characters real addresses use, without the shell-active ones RFC 5322 also
// allows (`#`, `$`, `&`, `'`, `` ` ``, `|`, `{`, `}`, `!`, `*`, `?`, `^`, `~`, `/`). No leading
// hyphen, which a command would read as a parameter name.
const LOCAL = /^[A-Za-z0-9_%+=][A-Za-z0-9_%+=-]*(?:\.[A-Za-z0-9_%+=-]+)*$/;

const STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;

// Controls, format characters (zero-width, bidi embeddings, overrides and isolates, soft hyphen),
// surrogates, private-use and unassigned code points, every kind of space, and letters that draw
// nothing (Hangul fillers, braille blank, Mongolian vowel separator and the like).
// The combining marks among them (U+034F, U+17B4, U+17B5) stand outside the class.
const HIDDEN = /[\p{C}\p{Z}\u115F\u1160\u180E\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/u;

/** True when text holds a character that is invisible, reorders text, or is a control or a space. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** A host name under the rules above, lower-cased and without a root dot; null when it fails. */
export function validHostname(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = (value.endsWith('.') ? value.slice(0, -1) : value).toLowerCase();
  return host.length <= MAX_DOMAIN && HOSTNAME.test(host) ? host : null;
}

/** The domain of an email address: the same rules as a host name. */
export function validDomain(value: string | null | undefined): string | null {
  return validHostname(value);
}

/** An address we may name in a sentence or a command, domain lower-cased; null when it fails. */
export function validAddress(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_ADDRESS) return null;
  const at = value.lastIndexOf('@');
  if (at < 1) return null;
  const local = value.slice(0, at);
  const domain = validDomain(value.slice(at + 1));
  if (!domain || local.length > MAX_LOCAL || !LOCAL.test(local)) return null;
  return `${local}@${domain}`;
}

/** The address in a header value (`Name <a@b>` or a bare address), validated; null when it fails. */
export function validAddressIn(value: string | null | undefined): string | null {
  if (!value) return null;
  const angle = /<([^<>\s]{3,254})>\s*$/.exec(value);
  return validAddress((angle?.[1] ?? value).trim());
}

/** An RFC 3463 enhanced status code written as `5.4.1`. */
export function validStatus(value: string | null | undefined): string | null {
  return value && STATUS.test(value) ? value : null;
}

/**
 * A recipient field for the facts table: a valid address as it is; anything else between quotation
 * marks, so that it reads as something the bounce said, not as our words.
 */
export function quotedUnlessValid(address: string | null): string | null {
  if (address === null) return null;
  return validAddress(address) ?? `“${address}”`;
}

/** The values our sentences may name, each validated; null where the bounce gave nothing usable. */
export interface SentenceValues {
  readonly recipient: string | null;
  readonly domain: string | null;
  readonly remoteMta: string | null;
  readonly status: string | null;
}

/**
 * Validates a recipient's values for the explanation, the admin mail and the command line alike.
 * The domain is taken from the address; when the address fails, from the text after its last `@`
 * if that passes as a domain on its own.
 */
export function sentenceValues(r: RecipientOutcome): SentenceValues {
  const recipient = validAddress(r.address);
  const raw = r.address ?? '';
  const domain = recipient
    ? recipient.slice(recipient.lastIndexOf('@') + 1)
    : raw.includes('@')
      ? validDomain(raw.slice(raw.lastIndexOf('@') + 1))
      : null;
  return {
    recipient,
    domain,
    remoteMta: validHostname(r.remoteMta),
    status: validStatus(r.status?.code),
  };
}

/** Which check guards each placeholder name; the translator applies them to every value it fills in. */
export const VALIDATED_PLACEHOLDERS: Readonly<
  Record<keyof SentenceValues, (value: string | null | undefined) => string | null>
> = {
  recipient: validAddress,
  domain: validDomain,
  remoteMta: validHostname,
  status: validStatus,
};
