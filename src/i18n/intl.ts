/**
 * The platform's Intl formatters, made once per language and kept: making one loads the language's
 * data, and the pane asks for the same few on every render (about 17 ms of a first explanation in
 * Chromium went to new Intl.DateTimeFormat objects).
 */

const DATE_OPTIONS = { dateStyle: 'long', timeStyle: 'short' } as const;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A long date with a short time in `tag`'s form; throws a RangeError for a tag Intl refuses. */
export function dateTimeFormat(tag: string): Intl.DateTimeFormat {
  let format = dateFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, DATE_OPTIONS);
    dateFormats.set(tag, format);
  }
  return format;
}

/** Whether `count` takes the singular ("one") form in `locale`. */
export function isOne(locale: string, count: number): boolean {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one';
}
