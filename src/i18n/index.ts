import { VALIDATED_PLACEHOLDERS } from '../core/safeValues';
import { FALLBACK, contract } from './contractions';
import enUi from './en/ui.json';
import nlUi from './nl/ui.json';

export type Locale = 'en' | 'nl';
type Entry = string | readonly string[];
export type Catalogue = Readonly<Record<string, Entry>>;

/** UI strings are small and always bundled; cause texts are large and loaded per locale (loadTranslator). */
const uiCatalogues: Readonly<Record<Locale, Catalogue>> = { en: enUi, nl: nlUi };

/** Office display languages (`nl-NL`, `nl-BE`, `en-GB`) to a supported locale; English otherwise. */
export function pickLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return language === 'nl' ? 'nl' : 'en';
}

export type Params = Readonly<Record<string, string | number | null | undefined>>;

export interface Translator {
  readonly locale: Locale;
  /** A one-line text; missing keys fall back to English, then to the key itself. */
  t(key: string, params?: Params): string;
  /** A list of steps (an array entry); empty when the key has none. */
  list(key: string, params?: Params): string[];
  has(key: string): boolean;
}

/**
 * Fills `{name}` placeholders. Commands are written between backticks in the locale files
 * (`` `Resolve-DnsName {domain} -Type MX` ``); the backticks are not shown.
 *
 * Values from a bounce pass their check (src/core/safeValues) here, whoever calls: a value that
 * fails, or is missing, becomes the locale's neutral wording in prose ("the recipient's domain")
 * and a visible `<domain>` placeholder in a command. Inside a command no other placeholder is ever
 * filled in, so a command can only receive a value that passed its check.
 */
function format(
  text: string,
  params: Params | undefined,
  lookup: (key: string) => Entry | undefined,
  locale: Locale,
): string {
  if (!text.includes('{') && !text.includes('`')) return text;
  const filled = text
    .split('`')
    .map((segment, index) => {
      const inCommand = index % 2 === 1;
      return segment.replace(/\{(\w+)\}/g, (whole, name: string, offset: number) => {
        const value = params?.[name];
        const check = (VALIDATED_PLACEHOLDERS as Readonly<Record<string, (v: string) => string | null>>)[
          name
        ];
        if (inCommand) {
          const valid = check && value !== undefined && value !== null ? check(String(value)) : null;
          return valid ?? `<${name}>`;
        }
        if (!check) return value === undefined || value === null ? whole : String(value);
        const valid = value === undefined || value === null ? null : check(String(value));
        if (valid) return valid;
        const wording = lookup(`value.${name}`);
        if (typeof wording !== 'string') return `<${name}>`;
        // At the start of a sentence the wording starts with a capital.
        const before = segment.slice(0, offset);
        const startsSentence = (index === 0 && before === '') || /[.!?]\s+$/.test(before);
        // Marked, so that an article after a preposition can merge with it (src/i18n/contractions).
        return FALLBACK + (startsSentence ? wording.charAt(0).toUpperCase() + wording.slice(1) : wording);
      });
    })
    .join('');
  return contract(locale, filled);
}

/** A translator over the UI strings plus the given cause texts (own locale first, then English). */
export function translatorFrom(locale: Locale, causes: Catalogue, englishCauses: Catalogue = {}): Translator {
  const own: Catalogue = { ...uiCatalogues[locale], ...causes };
  const fallback: Catalogue = { ...uiCatalogues.en, ...englishCauses };
  const lookup = (key: string): Entry | undefined => own[key] ?? fallback[key];
  return {
    locale,
    t(key, params) {
      const entry = lookup(key);
      if (entry === undefined) return key;
      return format(typeof entry === 'string' ? entry : entry.join(' '), params, lookup, locale);
    },
    list(key, params) {
      const entry = lookup(key);
      if (entry === undefined) return [];
      return (typeof entry === 'string' ? [entry] : [...entry]).map((s) => format(s, params, lookup, locale));
    },
    has(key) {
      return lookup(key) !== undefined;
    },
  };
}

/**
 * Loads the cause texts of one locale (a separate chunk per locale, so the pane downloads only the
 * language it shows) and returns its translator.
 */
export async function loadTranslator(locale: Locale): Promise<Translator> {
  const causes =
    locale === 'nl'
      ? (await import(/* webpackChunkName: "causes-nl" */ './nl/causes.json')).default
      : (await import(/* webpackChunkName: "causes-en" */ './en/causes.json')).default;
  return translatorFrom(locale, causes);
}

/** Keys of the UI catalogue (for the parity test). */
export const uiKeys = { en: Object.keys(enUi), nl: Object.keys(nlUi) };
