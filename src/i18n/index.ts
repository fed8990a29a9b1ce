import { VALIDATED_PLACEHOLDERS } from '../core/safeValues';
import { FALLBACK, contract } from './contractions';
import enUi from './en/ui.json';
import nlUi from './nl/ui.json';

/**
 * The languages the pane speaks, each with `src/i18n/<locale>/ui.json` and `causes.json`
 * (CONTRIBUTING.md, "A new UI language"). English first: it is the fallback of every other.
 */
export const LOCALES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];
type Entry = string | readonly string[];
export type Catalogue = Readonly<Record<string, Entry>>;

/**
 * The UI strings bundled with the pane: English (every other locale's fallback) and Dutch. The
 * other locales' UI strings are a chunk of their own, loaded beside their cause texts
 * (loadTranslator), so each language added costs the pane's first download nothing.
 */
const englishUi: Catalogue = enUi;
const bundledUi: Readonly<Partial<Record<Locale, Catalogue>>> = { en: englishUi, nl: nlUi };

/** A supported locale for a language tag (`de-AT`, `pt_BR`, `SV`), or null for any other language. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : null;
}

/** Each language's name for itself, where the browser cannot name a language (no Intl.DisplayNames). */
const OWN_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'français',
  es: 'español',
  it: 'italiano',
  pt: 'português',
  sv: 'svenska',
};

/** A language's name in the reader's language ("German" in English, "Duits" in Dutch). */
export function languageName(locale: Locale, inLocale: Locale): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(locale) ?? OWN_NAMES[locale];
  } catch {
    return OWN_NAMES[locale];
  }
}

/** Office display languages (`de-CH`, `fr-CA`, `pt-BR`, `en-GB`) to a supported locale; English otherwise. */
export function pickLocale(tag: string | null | undefined): Locale {
  return supportedLocale(tag) ?? 'en';
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

/**
 * A translator over the UI strings plus the given cause texts (own locale first, then English).
 * `ui` is the locale's UI catalogue, bundled for English and Dutch (`bundledUi`).
 */
export function translatorFrom(
  locale: Locale,
  causes: Catalogue,
  englishCauses: Catalogue = {},
  ui: Catalogue = bundledUi[locale] ?? {},
): Translator {
  // Looked up in turn, not merged into one object: copying a thousand keys cost the pane about
  // 5 ms before its first explanation.
  const lookup = (key: string): Entry | undefined =>
    causes[key] ?? ui[key] ?? englishCauses[key] ?? englishUi[key];
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

type JsonModule = { readonly default: Catalogue };

/**
 * The cause texts of one locale, one chunk per locale (`i18n-<locale>-causes-json`): webpack makes a chunk of
 * every `src/i18n/<locale>/causes.json` there is, and the pane downloads only the one it shows.
 */
function loadCauses(locale: Locale): Promise<JsonModule> {
  return import(/* webpackChunkName: "i18n-[request]" */ `./${locale}/causes.json`) as Promise<JsonModule>;
}

/** The UI strings of a locale that is not bundled (`i18n-<locale>-ui-json`), fetched in parallel with its causes. */
function loadUi(locale: Locale): Promise<Catalogue> {
  const bundled = bundledUi[locale];
  if (bundled) return Promise.resolve(bundled);
  return (
    import(
      /* webpackChunkName: "i18n-[request]", webpackExclude: /[\\/](?:en|nl)[\\/]ui\.json$/ */ `./${locale}/ui.json`
    ) as Promise<JsonModule>
  ).then((module) => module.default);
}

/**
 * Loads the texts of one locale and returns its translator. When they cannot be loaded (a chunk
 * that fails to download) the pane speaks English rather than not at all.
 */
export async function loadTranslator(locale: Locale): Promise<Translator> {
  try {
    const [causes, ui] = await Promise.all([loadCauses(locale), loadUi(locale)]);
    return translatorFrom(locale, causes.default, {}, ui);
  } catch (error) {
    if (locale === 'en') throw error;
    return loadTranslator('en');
  }
}
