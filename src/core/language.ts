import { FUNCTION_WORDS } from './languages';
import { escapeRegExp } from './text';

/** The languages with function words (languages/<tag>.ts), in the order of the language list. */
const LANGUAGES = [...FUNCTION_WORDS.keys()];

/** Each function word with the indexes (in LANGUAGES) of the languages that use it. */
const LOOKUP = new Map<string, number[]>();
LANGUAGES.forEach((language, index) => {
  for (const word of FUNCTION_WORDS.get(language) ?? [])
    LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), index]);
});

/** A run of letters: one word of the text. */
const WORD = /\p{L}+/gu;

/** Any function word, standing as a whole word (longest first, so "des" is not read as "de"). */
const FUNCTION_WORD = new RegExp(
  `(?:^|\\P{L})(${[...LOOKUP.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?!\\p{L})`,
  'gu',
);

/** The number of words in the text, counting no further than `enough`. */
function countWords(text: string, enough: number): number {
  WORD.lastIndex = 0;
  let words = 0;
  while (words < enough && WORD.exec(text)) words++;
  return words;
}

/** Shorter texts say too little to guess from. */
const MIN_WORDS = 8;

/**
 * Guesses the language of a bounce's own text when neither Content-Language nor Exchange's labels
 * say it: count common function words of each language we recognise. Only a clear winner counts;
 * short or mixed texts give null rather than a wrong tag.
 */
export function guessLanguage(text: string): string | null {
  const counts = LANGUAGES.map(() => 0);
  const sample = text.slice(0, 6000).toLowerCase();
  for (const [, word = ''] of sample.matchAll(FUNCTION_WORD))
    for (const language of LOOKUP.get(word) ?? []) counts[language] = (counts[language] ?? 0) + 1;
  const words = countWords(sample, MIN_WORDS);
  // The most counted language, and the count of the runner-up (equal to the best on a tie).
  let best = -1;
  let bestCount = 0;
  let secondCount = 0;
  counts.forEach((count, language) => {
    if (count > bestCount) {
      secondCount = bestCount;
      best = language;
      bestCount = count;
    } else if (count > secondCount) secondCount = count;
  });
  if (best < 0 || words < MIN_WORDS || bestCount < 4) return null;
  // A tie gives no winner, whichever language came first.
  if (bestCount < secondCount * 1.5) return null;
  return LANGUAGES[best] ?? null;
}
