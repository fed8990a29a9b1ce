import { pickLocale, uiKeys } from '../../src/i18n';
import { createTranslator } from '../../src/i18n/static';

describe('UI locales', () => {
  it('have the same keys in English and Dutch', () => {
    expect([...uiKeys.nl].sort()).toEqual([...uiKeys.en].sort());
  });

  it('use the same placeholders in both languages', () => {
    const en = createTranslator('en');
    const nl = createTranslator('nl');
    const placeholders = (text: string): string[] =>
      [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    for (const key of uiKeys.en)
      expect([key, placeholders(nl.t(key))]).toEqual([key, placeholders(en.t(key))]);
  });

  it('picks Dutch for nl-NL and nl-BE and English for anything else', () => {
    expect(pickLocale('nl-NL')).toBe('nl');
    expect(pickLocale('nl-be')).toBe('nl');
    expect(pickLocale('de-DE')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t.t('verdict.retryUntil', { date: '5 Nov' })).toBe('It will keep trying until 5 Nov.');
    expect(t.t('verdict.retryUntil')).toBe('It will keep trying until {date}.');
  });

  it('falls back to the key for a missing entry instead of throwing', () => {
    expect(createTranslator('nl').t('no.such.key')).toBe('no.such.key');
  });
});
