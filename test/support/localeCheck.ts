/**
 * The locale completeness check (test/ui/localeCompleteness.test.ts): a locale's `ui.json` and
 * `causes.json` against English. Every key and no other, the same JSON shape, the same placeholders
 * and commands, and no English left: no entry as in English and no English function word, except in
 * the few kinds of text that stay English in every language, listed here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../src/i18n';

export type Entry = string | readonly string[];
export type Catalogue = Readonly<Record<string, unknown>>;
export const FILES = ['ui', 'causes'] as const;
export type LocaleFile = (typeof FILES)[number];

const I18N = path.join(__dirname, '..', '..', 'src', 'i18n');

/** A locale's file as parsed JSON, or null when it does not exist. */
export function readLocaleFile(locale: Locale, file: LocaleFile): Catalogue | null {
  const full = path.join(I18N, locale, `${file}.json`);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as Catalogue) : null;
}

/**
 * English words that a sentence in another language does not contain, written as words (the
 * approach of the translators' rough checker). Lower case only, or capitalised where a sentence
 * starts: a capitalised word inside a sentence is a name ("the From header", "De (From)",
 * "-ListType Sender"), and so is one joined by a hyphen ("From-huvudet").
 */
export const ENGLISH_WORDS: readonly string[] = [
  'the',
  'your',
  'you',
  'with',
  'this',
  'that',
  'from',
  'which',
  'would',
  'should',
  'please',
  'message',
  'mail server',
  'recipient',
  'sender',
  'could not',
  'was not',
  'is not',
  'does not',
];

/** Words of that list that are words of a locale too (French "le message"). */
export const NATIVE_TOO: Readonly<Partial<Record<Locale, readonly string[]>>> = { fr: ['message'] };

/** Proper names and technical names that are the same in every language. */
export const NAMES: readonly string[] = [
  'Bounce Explainer',
  'Message-ID',
  'Exchange Online',
  'Microsoft 365',
  'Microsoft Defender',
  'Outlook',
];

/** Microsoft's UI names that its localised portals show in English too. */
export const ENGLISH_UI_NAMES: readonly string[] = [
  'Tenant Allow/Block List',
  'Tenant Allow/Block Lists',
  'message trace',
];

/** Whole entries that read as in English because the word is the same in that language. */
export const SAME_WORDS: Readonly<Partial<Record<Locale, readonly string[]>>> = {
  nl: ['Status', 'Bounce'],
  de: ['Status', 'Link:', 'Problem', 'Problem:'],
  sv: ['Status', 'Problem', 'Problem:'],
  pt: ['Link:'],
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (words: readonly string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\d-])(?:${words.map(escape).join('|')})(?![\\p{L}\\d])`, 'gu');

/** An enhanced status code or a range of them (`5.7.1`, `X.1.3`, `5.7.900-5.7.999`, `5.7.606-649`). */
const STATUS = String.raw`(?:\d{3} )?[245X]\.\d{1,3}\.\d{1,3}(?:-(?:[245]\.\d{1,3}\.)?\d{1,3})?`;
/**
 * A step that opens with status codes quotes the server's text after them, up to the next colon:
 * "5.7.511 Access denied, banned sender: the sending IP address is blocked."
 */
// French puts a space before the colon ("5.2.121 : recipient's per hour …").
const SERVER_TEXT = new RegExp(String.raw`^${STATUS}(?:\s*/\s*${STATUS})*\s?:?\s[^:]*(?:\s?:\s|$)`);
/** So does a label's reply code: "Reply: 550 5.7.54 SMTP; Unable to relay …. This comes from …" */
const LABELLED_SERVER_TEXT = new RegExp(String.raw`:\s\d{3} ${STATUS}\s[^:]*?(?=\.\s|\.?$)`, 'g');
const REMOVED: readonly RegExp[] = [
  anyOf(NAMES),
  anyOf(ENGLISH_UI_NAMES),
  /`[^`]*`/g, // commands
  /\{\w+\}/g, // placeholders
  /"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|‘[^’]*’/g, // quoted texts
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // addresses
  /\b(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b(?:\/[^\s)]*)?/g, // host names and links
  // A PowerShell cmdlet with its arguments, where the text names it without backticks.
  /\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b[^);,.]*/g,
  /\b\w*_\w*\b/g, // identifiers (smtp_destination_recipient_limit)
  /\b(?:MAIL FROM|RCPT TO)\b/g, // SMTP commands
  /\b[A-Z0-9]{2,}\b/g, // acronyms (SPF, DMARC, RFC 5322)
];

/** The text a check for English reads: what stays English in every language is taken out. */
export function ownWords(text: string): string {
  const quotesLeft = text.replace(SERVER_TEXT, ' ').replace(LABELLED_SERVER_TEXT, ' ');
  return REMOVED.reduce((rest, pattern) => rest.replace(pattern, ' '), quotesLeft);
}

/** The first English word in a locale's text, or null. */
export function englishWordIn(text: string, locale: Locale): string | null {
  const native = new Set(NATIVE_TOO[locale] ?? []);
  const words = ENGLISH_WORDS.filter((w) => !native.has(w));
  const rest = ownWords(text);
  const lower = anyOf(words).exec(rest);
  if (lower) return lower[0];
  // Capitalised where a sentence starts: at the start, or after a full stop, colon or dash; not
  // joined to a word by a hyphen, which makes it a name ("From-huvudet").
  const capitalised = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const opening = new RegExp(
    `(?:^|[.!?:;—–]\\s+)(${capitalised.map(escape).join('|')})(?![\\p{L}\\d-])`,
    'u',
  ).exec(rest.trimStart());
  return opening ? (opening[1] ?? null) : null;
}

const placeholdersOf = (items: readonly string[]): string[] =>
  [...new Set(items.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
const commandsOf = (items: readonly string[]): string[] =>
  items.flatMap((s) => s.split('`').filter((_, i) => i % 2 === 1)).sort();
const isEntry = (value: unknown): value is Entry =>
  typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
const kind = (value: unknown): string =>
  typeof value === 'string' ? 'a string' : Array.isArray(value) ? 'a list' : typeof value;

/** Everything wrong with one file of a locale against English; empty when it is complete. */
export function catalogueProblems(
  locale: Locale,
  file: LocaleFile,
  english: Catalogue,
  own: Catalogue | null,
): string[] {
  if (own === null) return [`${file}.json is missing`];
  const problems: string[] = [];
  const say = (key: string, problem: string): void => {
    problems.push(`${file}: ${key}: ${problem}`);
  };
  for (const key of Object.keys(own)) if (!(key in english)) say(key, 'not in English (an extra key)');
  const same = new Set(SAME_WORDS[locale] ?? []);
  for (const [key, en] of Object.entries(english)) {
    if (!(key in own)) {
      say(key, 'missing');
      continue;
    }
    const value = own[key];
    if (!isEntry(value) || !isEntry(en) || typeof value !== typeof en) {
      say(key, `${kind(value)} where English has ${kind(en)}`);
      continue;
    }
    const enItems = typeof en === 'string' ? [en] : en;
    const items = typeof value === 'string' ? [value] : value;
    if (items.length !== enItems.length)
      say(key, `${items.length} items where English has ${enItems.length}`);
    const placeholders = placeholdersOf(items);
    if (placeholders.join() !== placeholdersOf(enItems).join())
      say(
        key,
        `placeholders {${placeholders.join('}, {')}} where English has {${placeholdersOf(enItems).join('}, {')}}`,
      );
    if (commandsOf(items).join('\n') !== commandsOf(enItems).join('\n'))
      say(
        key,
        `commands ${JSON.stringify(commandsOf(items))} where English has ${JSON.stringify(commandsOf(enItems))}`,
      );
    items.forEach((text, i) => {
      if (text.trim() === '') say(key, 'empty');
      else if (text === enItems[i] && !same.has(text) && /\p{L}{2,}/u.test(ownWords(text)))
        say(key, `as in English: ${text.slice(0, 100)}`);
      else {
        const word = englishWordIn(text, locale);
        if (word) say(key, `English "${word}" in: ${text.slice(0, 100)}`);
      }
    });
  }
  return problems;
}
