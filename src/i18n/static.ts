// Every locale bundled at once, for the command line and tests (the pane uses loadTranslator).
import enCauses from './en/causes.json';
import nlCauses from './nl/causes.json';
import { translatorFrom, type Locale, type Translator } from './index';

export function createTranslator(locale: Locale): Translator {
  return translatorFrom(locale, locale === 'nl' ? nlCauses : enCauses, enCauses);
}
