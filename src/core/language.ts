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

const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(WORDS)) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

export function guessLanguage(text: string): string | null {
  const counts = new Map<string, number>();
  const sample = text.slice(0, 6000).toLowerCase();
  let words = 0;
  const word = /[\p{L}]+/gu;
  for (let match = word.exec(sample); match; match = word.exec(sample)) {
    words++;
    const languages = LOOKUP.get(match[0]);
    if (languages) for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || words < 8 || best[1] < 4) return null;
  if (second && best[1] < second[1] * 1.5) return null;
  return best[0];
}
