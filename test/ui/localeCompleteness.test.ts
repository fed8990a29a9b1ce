import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '../../src/i18n';
import {
  FILES,
  catalogueProblems,
  englishWordIn,
  readLocaleFile,
  type Catalogue,
  type LocaleFile,
} from '../support/localeCheck';

const english = (file: LocaleFile): Catalogue => {
  const catalogue = readLocaleFile('en', file);
  if (!catalogue) throw new Error(`src/i18n/en/${file}.json is missing`);
  return catalogue;
};

describe('every UI language', () => {
  const others = LOCALES.filter((l) => l !== 'en');

  it.each(others.flatMap((locale) => FILES.map((file) => [locale, file] as const)))(
    '%s has every text of %s.json, translated, with the same placeholders and commands',
    (locale, file) => {
      expect(catalogueProblems(locale, file, english(file), readLocaleFile(locale, file))).toEqual([]);
    },
  );

  it('is in LOCALES when it has a folder in src/i18n', () => {
    const i18n = path.join(__dirname, '..', '..', 'src', 'i18n');
    const folders = readdirSync(i18n).filter((f) => statSync(path.join(i18n, f)).isDirectory());
    expect(folders.filter((f) => !(LOCALES as readonly string[]).includes(f))).toEqual([]);
  });
});

describe('the completeness check', () => {
  const en: Catalogue = {
    'a.title': 'The address {recipient} does not exist',
    'a.steps': [
      'Check the address with `Resolve-DnsName {domain} -Type MX`.',
      '5.1.10 Recipient not found: the address is wrong.',
    ],
    'b.status': 'Status',
    'c.name': 'Bounce Explainer',
  };
  const de: Catalogue = {
    'a.title': 'Die Adresse {recipient} existiert nicht',
    'a.steps': [
      'Prüfen Sie die Adresse mit `Resolve-DnsName {domain} -Type MX`.',
      '5.1.10 Recipient not found: die Adresse ist falsch.',
    ],
    'b.status': 'Status',
    'c.name': 'Bounce Explainer',
  };
  const check = (own: Catalogue | null, locale: Locale = 'de'): string[] =>
    catalogueProblems(locale, 'ui', en, own);

  it('passes a complete translation, with the server text, command, status word and name kept', () => {
    expect(check(de)).toEqual([]);
  });

  it('fails a missing file', () => {
    expect(check(null)).toEqual(['ui.json is missing']);
  });

  it('fails a missing key and an extra key', () => {
    const { 'c.name': _name, ...rest } = de;
    expect(check({ ...rest, 'd.extra': 'Extra' })).toEqual([
      'ui: d.extra: not in English (an extra key)',
      'ui: c.name: missing',
    ]);
  });

  it('fails a string where English has a list, and a list of another length', () => {
    expect(check({ ...de, 'a.title': ['Die Adresse {recipient} existiert nicht'] })).toEqual([
      'ui: a.title: a list where English has a string',
    ]);
    expect(
      check({ ...de, 'a.steps': ['Prüfen Sie die Adresse mit `Resolve-DnsName {domain} -Type MX`.'] }),
    ).toEqual(['ui: a.steps: 1 items where English has 2']);
  });

  it('fails a changed placeholder', () => {
    expect(check({ ...de, 'a.title': 'Die Adresse {empfänger} existiert nicht' })).toEqual([
      'ui: a.title: placeholders {} where English has {recipient}',
    ]);
    expect(check({ ...de, 'a.title': 'Die Adresse {address} existiert nicht' })).toEqual([
      'ui: a.title: placeholders {address} where English has {recipient}',
    ]);
  });

  it('fails a translated command', () => {
    const steps = [
      'Prüfen Sie die Adresse mit `Resolve-DnsName {domain} -Typ MX`.',
      '5.1.10 Recipient not found.',
    ];
    expect(check({ ...de, 'a.steps': steps })).toEqual([
      'ui: a.steps: commands ["Resolve-DnsName {domain} -Typ MX"] where English has ["Resolve-DnsName {domain} -Type MX"]',
    ]);
  });

  it('fails a text left as in English, unless the word is the same in that language', () => {
    expect(check({ ...de, 'a.title': en['a.title'] as string })).toEqual([
      'ui: a.title: as in English: The address {recipient} does not exist',
    ]);
    expect(check({ ...de, 'b.status': 'Status' }, 'fr')).toEqual(['ui: b.status: as in English: Status']);
  });

  it('fails an English word in a translated sentence', () => {
    expect(check({ ...de, 'a.title': 'Die Adresse {recipient} does not exist' })).toEqual([
      'ui: a.title: English "does not" in: Die Adresse {recipient} does not exist',
    ]);
  });

  it('finds English function words where a sentence starts, and takes a capitalised one inside for a name', () => {
    expect(englishWordIn('The server refused it.', 'de')).toBe('The');
    expect(englishWordIn('Der Server lehnte ab. Please try again.', 'de')).toBe('Please');
    expect(englishWordIn('Prüfen Sie den From-Header und die Liste (-ListType Sender).', 'de')).toBeNull();
    expect(englishWordIn('5.7.512 Access denied: From-huvudet saknas.', 'sv')).toBeNull();
    expect(englishWordIn("l'adresse De (From) est absente", 'fr')).toBeNull();
    expect(englishWordIn("5.2.121 : recipient's per hour message receive limit exceeded.", 'fr')).toBeNull();
    expect(englishWordIn('Der Server lehnte ab: The connector refused it.', 'de')).toBe('The');
    expect(englishWordIn('le message est trop volumineux', 'fr')).toBeNull();
    expect(englishWordIn('das message ist zu groß', 'de')).toBe('message');
  });

  it('reads no English in what stays English: quotes, commands, addresses, server texts, Microsoft UI names', () => {
    expect(
      englishWordIn('Der Server antwortete „Recipient address rejected: the user does not exist“.', 'de'),
    ).toBeNull();
    expect(englishWordIn('Führen Sie `Get-Mailbox -Identity you@contoso.example` aus.', 'de')).toBeNull();
    expect(
      englishWordIn(
        'Antwort: 550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain. Das kommt vom Connector.',
        'de',
      ),
    ).toBeNull();
    expect(englishWordIn('Öffnen Sie die Tenant Allow/Block List und die message trace.', 'de')).toBeNull();
    expect(englishWordIn('Antwort: 550 5.7.54 SMTP; Unable to relay. The connector refused it.', 'de')).toBe(
      'The',
    );
  });
});
