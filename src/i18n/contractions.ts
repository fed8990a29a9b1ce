/**
 * When a value fails its check, the locale's neutral wording takes its place ("el dominio del
 * destinatario"), and in some languages its article must then merge with the preposition before
 * it: Spanish "de el" → "del", French "de le" → "du", Italian "di il" → "del", Portuguese
 * "de o" → "do". A real value (an address, a domain) has no article, so only an inserted wording
 * is contracted, and only at its start: `FALLBACK` marks where one begins.
 */
export const FALLBACK = '\u0001';

type Rule = readonly [RegExp, string];

// Preposition, a space, the mark, the article and a space (or an elided article's apostrophe).
const rule = (preposition: string, article: string, merged: string): Rule => [
  new RegExp(`(^|[\\s(“"«„])(${preposition}) ${FALLBACK}${article} `, 'giu'),
  merged,
];

const RULES: Readonly<Record<string, readonly Rule[]>> = {
  es: [rule('de', 'el', 'del'), rule('a', 'el', 'al')],
  fr: [rule('de', 'le', 'du'), rule('de', 'les', 'des'), rule('à', 'le', 'au'), rule('à', 'les', 'aux')],
  it: [
    rule('di', 'il', 'del'),
    rule('a', 'il', 'al'),
    rule('da', 'il', 'dal'),
    rule('in', 'il', 'nel'),
    rule('su', 'il', 'sul'),
    rule('di', 'la', 'della'),
    rule('a', 'la', 'alla'),
    rule('da', 'la', 'dalla'),
    rule('in', 'la', 'nella'),
    rule('su', 'la', 'sulla'),
  ],
  pt: [
    rule('de', 'o', 'do'),
    rule('de', 'a', 'da'),
    rule('em', 'o', 'no'),
    rule('em', 'a', 'na'),
    rule('a', 'o', 'ao'),
    rule('por', 'o', 'pelo'),
    rule('por', 'a', 'pela'),
  ],
};

/** Keeps the case of the preposition's first letter ("De el" → "Del"). */
function merged(preposition: string, into: string): string {
  const first = preposition.charAt(0);
  return first === first.toUpperCase() ? into.charAt(0).toUpperCase() + into.slice(1) : into;
}

/** Merges prepositions with the article of an inserted wording, then removes the marks. */
export function contract(locale: string, text: string): string {
  if (!text.includes(FALLBACK)) return text;
  let out = text;
  for (const [pattern, into] of RULES[locale] ?? [])
    out = out.replace(
      pattern,
      (_m, lead: string, preposition: string) => `${lead}${merged(preposition, into)} `,
    );
  return out.split(FALLBACK).join('');
}
