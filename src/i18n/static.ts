// Every locale at hand synchronously, for the command line and tests (the pane uses loadTranslator,
// which downloads only the locale it shows).
import enCauses from './en/causes.json';
import { translatorFrom, type Catalogue, type Locale, type Translator } from './index';

/**
 * One of a locale's files, or null when it has none. The `require` with a pattern takes in every
 * locale's file that exists: esbuild bundles them all into the command line, jest reads them.
 */
function catalogue(locale: Locale, file: 'ui' | 'causes'): Catalogue | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, for whichever locales exist
    return require(`./${locale}/${file}.json`) as Catalogue;
  } catch {
    return null;
  }
}

/** A locale's translator; where its files are missing it speaks English, like the pane. */
export function createTranslator(locale: Locale): Translator {
  return translatorFrom(locale, catalogue(locale, 'causes') ?? {}, enCauses, catalogue(locale, 'ui') ?? {});
}
