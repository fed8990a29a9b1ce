/**
 * Guesses the language of a bounce's own text when neither Content-Language nor Exchange's labels
 * say it: count common function words of each language we recognise. Only a clear winner counts;
 * short or mixed texts give null rather than a wrong tag.
 */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'to',
    'of',
    'and',
    'your',
    'message',
    'was',
    'not',
    'could',
    'be',
    'following',
    'delivered',
    'this',
    'is',
    'that',
    'please',
  ],
  nl: [
    'de',
    'het',
    'een',
    'van',
    'niet',
    'uw',
    'bericht',
    'is',
    'kan',
    'worden',
    'bezorgd',
    'volgende',
    'naar',
    'aan',
    'deze',
    'voor',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'nicht',
    'ihre',
    'nachricht',
    'konnte',
    'an',
    'folgende',
    'zugestellt',
    'werden',
    'ist',
    'mit',
    'den',
    'für',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'votre',
    'message',
    'pas',
    'été',
    'à',
    'ces',
    'destinataires',
    'remise',
    'est',
    'pour',
    'des',
    'une',
  ],
  it: [
    'il',
    'la',
    'di',
    'non',
    'messaggio',
    'è',
    'stato',
    'per',
    'seguenti',
    'destinatari',
    'recapito',
    'del',
    'che',
    'una',
    'gli',
    'al',
  ],
  es: [
    'el',
    'la',
    'de',
    'no',
    'su',
    'mensaje',
    'se',
    'pudo',
    'entregar',
    'a',
    'los',
    'estos',
    'destinatarios',
    'para',
    'que',
    'por',
  ],
  pt: [
    'a',
    'o',
    'de',
    'não',
    'sua',
    'mensagem',
    'foi',
    'entregue',
    'para',
    'os',
    'estes',
    'destinatários',
    'falha',
    'que',
    'na',
    'do',
  ],
  sv: [
    'det',
    'att',
    'och',
    'inte',
    'ditt',
    'meddelande',
    'kunde',
    'till',
    'följande',
    'mottagare',
    'levereras',
    'är',
    'för',
    'av',
    'en',
    'som',
  ],
};

const LANGUAGES = Object.keys(WORDS);

/** Each function word with the indexes (in LANGUAGES) of the languages that use it. */
const LOOKUP = new Map<string, number[]>();
LANGUAGES.forEach((language, index) => {
  for (const word of WORDS[language] ?? []) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), index]);
});

const WORD_BUCKETS = 4096;

/** A hash of a word's length and first two characters (the second is 0 for one-letter words). */
function wordBucket(first: number, second: number, length: number): number {
  return ((first * 31 + second) * 31 + length) & (WORD_BUCKETS - 1);
}

/**
 * The function words filed by wordBucket: a word of the text is compared only with the few that
 * share its bucket, without cutting it out of the text (most words of a text are no function word,
 * and slicing each one to look it up in LOOKUP was the guess's largest cost).
 */
const WORDS_BY_BUCKET: ({ readonly word: string; readonly languages: readonly number[] }[] | undefined)[] =
  new Array<{ readonly word: string; readonly languages: readonly number[] }[] | undefined>(WORD_BUCKETS);
for (const [word, languages] of LOOKUP) {
  const bucket = wordBucket(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0, word.length);
  (WORDS_BY_BUCKET[bucket] ??= []).push({ word, languages });
}

const LETTER = /\p{L}/u;

/** 1 for the ASCII letters, by character code. */
const ASCII_LETTER = new Uint8Array(128);
for (let code = 0x41; code <= 0x7a; code++) if (code <= 0x5a || code >= 0x61) ASCII_LETTER[code] = 1;

/**
 * The number of UTF-16 units of the letter (\p{L}) at `i`, 0 when there is none. ASCII is
 * answered by its code; other characters (rarer in bounces) by the regex.
 */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_LETTER[code] ?? 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  return LETTER.test(text[i] ?? '') ? 1 : 0;
}

export function guessLanguage(text: string): string | null {
  const counts = LANGUAGES.map(() => 0);
  const sample = text.slice(0, 6000).toLowerCase();
  const end = sample.length;
  // The words are the runs of letters (/\p{L}+/gu), found by hand: the regex built a match for
  // every word of the text, and this was the slowest step of a report's language guess.
  let words = 0;
  let i = 0;
  while (i < end) {
    let width = letterAt(sample, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += width;
      width = i < end ? letterAt(sample, i) : 0;
    } while (width > 0);
    words++;
    const length = i - start;
    const candidates =
      WORDS_BY_BUCKET[
        wordBucket(sample.charCodeAt(start), length > 1 ? sample.charCodeAt(start + 1) : 0, length)
      ];
    if (candidates === undefined) continue;
    for (const { word, languages } of candidates) {
      if (word.length !== length || !sample.startsWith(word, start)) continue;
      for (const language of languages) counts[language] = (counts[language] ?? 0) + 1;
      break;
    }
  }
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
  if (best < 0 || words < 8 || bestCount < 4) return null;
  // A tie gives no winner, whichever language came first.
  if (bestCount < secondCount * 1.5) return null;
  return LANGUAGES[best] ?? null;
}
