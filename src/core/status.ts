import type { EnhancedStatus } from './types';

/** Parses `5.4.1` (RFC 3463: class 2, 4 or 5; subject and detail up to three digits). */
export function parseEnhancedStatus(code: string | null | undefined): EnhancedStatus | null {
  if (!code) return null;
  const match = /^\s*([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(code);
  if (!match) return null;
  const cls = Number(match[1]) as 2 | 4 | 5;
  const subject = Number(match[2]);
  const detail = Number(match[3]);
  return { code: `${cls}.${subject}.${detail}`, class: cls, subject, detail };
}

// An enhanced code in running text. The look-arounds keep IP addresses, versions and dates out:
// no digit or dot may touch either end.
const STATUS_IN_TEXT = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;

/**
 * The most telling enhanced status in a diagnostic text. A code that directly follows a reply code
 * (`550 5.1.1`, `550-5.1.1`, `#5.1.1`) wins over one that merely appears later in the text.
 */
export function findEnhancedStatus(text: string | null | undefined): EnhancedStatus | null {
  if (!text) return null;
  const afterReply = /(?:^|[\s#;:('"[])[245]\d\d[\s-]+['"#]?([245]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)/.exec(
    text,
  );
  if (afterReply) return parseEnhancedStatus(afterReply[1]);
  for (const match of text.matchAll(STATUS_IN_TEXT)) {
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    // "version 5.1.1", "v5.0.3" and similar are not status codes.
    if (/(?:version|v|ver\.?|release)\s*$/i.test(before)) continue;
    return parseEnhancedStatus(match[0]);
  }
  return null;
}

/**
 * The SMTP reply code at the start of a reply, or after `smtp;`, `said:`, `#`, `returned '`. The text
 * after it is a word, an enhanced status, or one of the punctuated forms servers use: a bracketed tag
 * (`550 [SUSPEND] …`), a quoted sentence (`550 "…"`), asterisks (`550 ** No mail box`) or a vendor's
 * own number before the words (`554 30 Sorry, …`).
 */
export function findReplyCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const match =
    /(?:^|smtp;\s*|said:\s*|[#'"(:]\s*|\n\s*|\s)([245][0-5]\d)(?=[\s-](?:[245]\.\d|[A-Za-z<#(]|$)| - [A-Za-z]|$| {1,3}(?:\[[A-Za-z_ -]{1,40}\]|"[A-Za-z]|\*{1,3} ?[A-Za-z]|\d{1,3} [A-Za-z]{2}))/i.exec(
      text,
    );
  if (match) return match[1] ?? null;
  // Zoho-style "Error, ERROR_CODE :421, …" lists.
  return /\berror_code\s{0,3}:\s{0,3}([245][0-5]\d)\b/i.exec(text)?.[1] ?? null;
}

/** True when a reply code and an enhanced status disagree on the class (a 550 with 4.x.x, say). */
export function classesAgree(replyCode: string | null, status: EnhancedStatus | null): boolean {
  if (!replyCode || !status) return true;
  return replyCode[0] === String(status.class);
}

/** Sisimai's pseudo codes (5.0.9xx, 4.0.9xx, 5.9.xxx) are not real codes from the message. */
export function isPseudoStatus(code: string): boolean {
  return /^[45]\.0\.9\d\d$/.test(code) || /^[45]\.9\.\d{3}$/.test(code);
}

/** Every enhanced code in a text, in order of appearance (same guards as findEnhancedStatus). */
export function findAllEnhancedStatuses(text: string | null | undefined): EnhancedStatus[] {
  if (!text) return [];
  const found: EnhancedStatus[] = [];
  for (const match of text.matchAll(STATUS_IN_TEXT)) {
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (/(?:version|v|ver\.?|release)\s*$/i.test(before)) continue;
    const status = parseEnhancedStatus(match[0]);
    if (status) found.push(status);
  }
  return found;
}
