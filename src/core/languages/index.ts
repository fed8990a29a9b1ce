import { anyOf } from '../text';
import type { Reason } from '../types';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { nl } from './nl';
import { pt } from './pt';
import { sv } from './sv';
import type { NdrLanguage } from './types';
import { zh } from './zh';

/**
 * The languages of bounces we read, one file each (CONTRIBUTING.md, "A new NDR language"). English
 * first: where lists are merged, its wording comes first.
 */
export const languages: readonly NdrLanguage[] = [en, nl, de, fr, it, es, pt, sv, ja, zh];

/** One alternation of the patterns; one that never matches when there are none. */
function oneOf(patterns: readonly RegExp[], flags = ''): RegExp {
  return patterns.length > 0 ? anyOf(patterns, flags) : new RegExp('(?!)', flags);
}

function all<K extends keyof NdrLanguage>(key: K): NdrLanguage[K][] {
  return languages.map((language) => language[key]);
}

/** How a bounce's subject reads in any language: an opening at the start, or a marking word anywhere. */
export const BOUNCE_SUBJECT_PATTERN = new RegExp(
  `^(?:${oneOf(all('subjectOpenings').flat()).source})|(?:${oneOf(all('subjectWords').flat()).source})`,
  'i',
);

/** Failure wording of a bounce's own text in any language. */
export const BOUNCE_PHRASE_PATTERN = oneOf(all('bouncePhrases').flat(), 'i');

/** The sentences mail servers open their reports with, in any language. */
export const REPORT_OPENER_PATTERN = oneOf(all('reportOpeners').flat(), 'i');

/** The reasons servers write without an SMTP code, in any language (pipeline/detect.ts). */
export const SERVER_ERROR_PATTERN = oneOf(
  languages.flatMap((l) => l.serverErrorPhrases ?? []),
  'i',
);

/** "Still being retried" in any language. */
export const RETRY_STATEMENT_PATTERN = oneOf(
  languages.flatMap((l) => l.retryStatements ?? []),
  'i',
);

/** "Delayed" in any language. */
export const DELAY_WORD_PATTERN = oneOf(all('delayWords').flat(), 'i');

/** An attachment name that holds a bounce: a saved message, or a bounce subject in any language. */
export const BOUNCE_ATTACHMENT_PATTERN = oneOf([/\.(?:eml|msg)$/, ...all('attachmentNames').flat()], 'i');

/** What lures ask the reader to do, in any language. */
export const LURE_WORDING_PATTERN = oneOf(all('lureWording').flat(), 'i');

/** Each language's function words, by tag. */
export const FUNCTION_WORDS: ReadonlyMap<string, readonly string[]> = new Map(
  languages.filter((l) => l.functionWords.length > 0).map((l) => [l.tag, l.functionWords]),
);

/** The phrases of every language that name the reason. */
export function reasonPhrasesOf(reason: Reason): RegExp[] {
  return languages.flatMap((language) => language.reasonPhrases[reason] ?? []);
}
