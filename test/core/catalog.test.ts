import { causes, type CauseId } from '../../src/core/catalog/causes';
import { exchangeCauses } from '../../src/core/catalog/sections/exchange';
import { matchCause, type CauseQuery } from '../../src/core/catalog/match';
import type { CauseEntry, CauseMatcher } from '../../src/core/catalog/types';
import type { EnhancedStatus, Reason } from '../../src/core/types';
import en from '../../src/i18n/en/causes.json';
import nl from '../../src/i18n/nl/causes.json';
import { LOCALES } from '../../src/i18n';
import { readLocaleFile } from '../support/localeCheck';

const entries: readonly CauseEntry[] = causes;
/** Every UI language's cause texts (a missing file fails test/ui/localeCompleteness.test.ts). */
const locales: Record<string, Record<string, unknown>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, readLocaleFile(locale, 'causes') ?? {}]),
);

const KEY_KINDS = ['title', 'summary', 'userSteps', 'adminSteps'] as const;

/**
 * Compile-time locale parity: the key of every text of every CauseId, less the keys each locale
 * file has. `npx tsc -p tsconfig.json` fails, naming the key, when a catalogue entry lacks a text.
 */
type CauseKey = `cause.${CauseId}.${(typeof KEY_KINDS)[number]}`;
type MissingIn<Texts> = Exclude<CauseKey, keyof Texts>;
const everyCauseHasEnglishTexts: [MissingIn<typeof en>] extends [never] ? true : MissingIn<typeof en> = true;
const everyCauseHasDutchTexts: [MissingIn<typeof nl>] extends [never] ? true : MissingIn<typeof nl> = true;
const ALLOWED_PLACEHOLDERS = new Set(['recipient', 'domain', 'status', 'remoteMta']);

/**
 * Every reason the engine can give a bounced or delayed recipient. `Record<Reason, …>` makes the
 * compiler fail when Sisimai's vocabulary in types.ts grows and this list does not.
 */
const REASON_NEEDS_FALLBACK: Record<Reason, boolean> = {
  authfailure: true,
  badreputation: true,
  blocked: true,
  contenterror: true,
  delivered: false,
  emailtoolarge: true,
  expired: true,
  failedstarttls: true,
  feedback: false,
  filtered: true,
  hasmoved: true,
  hostunknown: true,
  mailboxfull: true,
  mailererror: true,
  networkerror: true,
  norelaying: true,
  notaccept: true,
  notcompliantrfc: true,
  onhold: true,
  policyviolation: true,
  ratelimited: true,
  rejected: true,
  requireptr: true,
  securityerror: true,
  spamdetected: true,
  suppressed: true,
  suspend: true,
  syntaxerror: true,
  systemerror: true,
  systemfull: true,
  undefined: true,
  userunknown: true,
  vacation: false,
  virusdetected: true,
};

function criteriaOf(matcher: CauseMatcher): string[] {
  return Object.entries(matcher)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

function placeholdersIn(value: unknown): string[] {
  const texts = Array.isArray(value) ? value : [value];
  const names = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const match of text.matchAll(/\{([^{}]*)\}/g)) names.add(match[1] ?? '');
  }
  return [...names].sort();
}

function expectedKeys(): string[] {
  return entries.flatMap((entry) => KEY_KINDS.map((kind) => `cause.${entry.id}.${kind}`));
}

/** The title for a reader who did not send the message (a helpdesk), where the title says "you". */
function optionalKeys(): string[] {
  return entries.map((entry) => `cause.${entry.id}.titleOther`);
}

function status(code: string): EnhancedStatus {
  const [cls, subject, detail] = code.split('.').map(Number);
  return { code, class: cls as 2 | 4 | 5, subject: subject ?? 0, detail: detail ?? 0 };
}

function causeFor(
  partial: Omit<Partial<CauseQuery>, 'status'> & { status?: string | null },
): string | undefined {
  const { status: code, ...rest } = partial;
  const query: CauseQuery = {
    status: code ? status(code) : null,
    token: null,
    text: '',
    microsoft: false,
    reason: 'undefined',
    action: 'failed',
    refusedBy: null,
    ...rest,
  };
  return matchCause(query)?.entry.id;
}

describe('cause catalogue: structure', () => {
  it('gives every entry a unique id', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every entry in dotted lower camel case without digit-only segments', () => {
    for (const { id } of entries) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
    }
  });

  it('gives every entry at least one matcher, and every matcher at least one non-empty criterion', () => {
    for (const entry of entries) {
      expect(entry.match.length).toBeGreaterThan(0);
      for (const matcher of entry.match) {
        expect({ id: entry.id, criteria: criteriaOf(matcher).length > 0 }).toEqual({
          id: entry.id,
          criteria: true,
        });
        for (const value of Object.values(matcher)) {
          if (Array.isArray(value))
            expect({ id: entry.id, empty: value.length === 0 }).toEqual({ id: entry.id, empty: false });
        }
      }
    }
  });

  it('writes statuses as class.subject.detail or as a rising detail range', () => {
    for (const entry of entries) {
      for (const s of entry.match.flatMap((m) => m.statuses ?? [])) {
        const range = /^[245]\.\d{1,3}\.(\d{1,3})-(\d{1,3})$/.exec(s);
        if (range) {
          expect({ id: entry.id, s, rising: Number(range[1]) < Number(range[2]) }).toEqual({
            id: entry.id,
            s,
            rising: true,
          });
        } else {
          expect({ id: entry.id, s }).toEqual({
            id: entry.id,
            s: expect.stringMatching(/^[245]\.\d{1,3}\.\d{1,3}$/),
          });
        }
      }
    }
  });

  it('writes class.subject fallbacks as a class or class.subject prefix', () => {
    for (const entry of entries) {
      for (const prefix of entry.match.flatMap((m) => m.classSubject ?? [])) {
        expect({ id: entry.id, prefix }).toEqual({
          id: entry.id,
          prefix: expect.stringMatching(/^[245](\.\d{1,3})?$/),
        });
      }
    }
  });

  it('writes text fragments lower-case, trimmed and with single spaces, as the engine folds the diagnostic', () => {
    for (const entry of entries) {
      for (const fragment of entry.match.flatMap((m) => m.text ?? [])) {
        expect({ id: entry.id, fragment }).toEqual({
          id: entry.id,
          fragment: fragment.toLowerCase().replace(/\s+/g, ' ').trim(),
        });
        expect(fragment.length).toBeGreaterThan(2);
      }
    }
  });

  it('writes Exchange NDR-subject tokens as dotted identifiers', () => {
    for (const entry of entries) {
      for (const token of entry.match.flatMap((m) => m.tokens ?? [])) {
        expect({ id: entry.id, token }).toEqual({
          id: entry.id,
          token: expect.stringMatching(/^[A-Z]+(\.[A-Za-z]+)+$/),
        });
      }
    }
  });

  it('links only to https documentation', () => {
    for (const entry of entries) {
      if (entry.docUrl !== null)
        expect({ id: entry.id, url: entry.docUrl }).toEqual({
          id: entry.id,
          url: expect.stringMatching(/^https:\/\/\S+$/),
        });
    }
  });

  it('says where every entry comes from', () => {
    for (const entry of entries) expect(entry.source.trim().length).toBeGreaterThan(0);
  });

  it('never lets an entry override the reason that its reason-only matcher was chosen for', () => {
    for (const entry of entries) {
      for (const matcher of entry.match) {
        const criteria = criteriaOf(matcher).filter((c) => c !== 'actions');
        if (criteria.length === 1 && criteria[0] === 'reasons' && entry.reason !== null) {
          expect({ id: entry.id, reasons: matcher.reasons }).toEqual({
            id: entry.id,
            reasons: expect.arrayContaining([entry.reason]),
          });
        }
      }
    }
  });

  it('outside the Exchange section, names a reason only for the reason the engine decided', () => {
    // Status and phrase -> reason facts have one home: STATUS_NAMES and the phrase families of
    // src/core/reason/. A generic entry may only explain the engine's reason (a `reasons` gate);
    // vendor codes (Exchange tokens, Exchange Online codes) decide the reason in the catalogue.
    const exchange = new Set<string>(exchangeCauses.map((entry) => entry.id));
    const deciding = entries
      .filter((entry) => entry.reason !== null && !exchange.has(entry.id))
      .flatMap((entry) =>
        entry.match
          .filter((m) => m.reasons === undefined && m.tokens === undefined)
          .map((m) => ({ id: entry.id, criteria: criteriaOf(m) })),
      );
    expect(deciding).toEqual([]);
  });

  it('leaves the reason to the engine on RFC 3463 class.subject fallbacks and catch-alls', () => {
    for (const entry of entries) {
      const fallback = entry.match.every(
        (m) => m.classSubject !== undefined || (m.actions !== undefined && criteriaOf(m).length === 1),
      );
      if (fallback) expect({ id: entry.id, reason: entry.reason }).toEqual({ id: entry.id, reason: null });
    }
  });

  it('has a reason fallback for every Sisimai reason a bounce or delay can carry', () => {
    const covered = new Set(entries.flatMap((e) => e.match.flatMap((m) => m.reasons ?? [])));
    const needed = (Object.keys(REASON_NEEDS_FALLBACK) as Reason[]).filter((r) => REASON_NEEDS_FALLBACK[r]);
    expect(needed.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('has a class.subject fallback for every subject 0-7 in class 5 and class 4', () => {
    const prefixes = new Set(entries.flatMap((e) => e.match.flatMap((m) => m.classSubject ?? [])));
    for (const cls of [4, 5])
      for (let subject = 0; subject <= 7; subject++) expect(prefixes.has(`${cls}.${subject}`)).toBe(true);
  });

  it('ends with catch-alls for delayed and failed recipients', () => {
    const tail = entries.slice(-2).map((e) => e.id);
    expect(tail).toEqual(['unknown.delay', 'unknown.failure']);
  });
});

describe('cause catalogue: locale parity', () => {
  it('is checked by the compiler for every CauseId', () => {
    expect([everyCauseHasEnglishTexts, everyCauseHasDutchTexts]).toEqual([true, true]);
  });

  it.each(Object.keys(locales))(
    'has title, summary, userSteps and adminSteps for every cause in %s',
    (locale) => {
      const texts = locales[locale] ?? {};
      const missing = expectedKeys().filter((key) => !(key in texts));
      expect(missing).toEqual([]);
    },
  );

  it.each(Object.keys(locales))('has no orphan keys in %s', (locale) => {
    const expected = new Set([...expectedKeys(), ...optionalKeys()]);
    const orphans = Object.keys(locales[locale] ?? {}).filter((key) => !expected.has(key));
    expect(orphans).toEqual([]);
  });

  it('gives a title for a reader who did not send the message in both languages or in neither', () => {
    const enOther = Object.keys(en).filter((key) => key.endsWith('.titleOther'));
    const nlOther = Object.keys(nl).filter((key) => key.endsWith('.titleOther'));
    expect(nlOther.sort()).toEqual(enOther.sort());
    // Only titles that speak to the sender ("You are not allowed…") need one.
    for (const key of enOther)
      expect({
        key,
        you: /\b(?:you|your)\b/i.test(String(en[key.replace(/Other$/, '') as keyof typeof en])),
      }).toEqual({ key, you: true });
  });

  it.each(Object.keys(locales))('gives the user at most three steps per cause in %s', (locale) => {
    const texts = locales[locale] ?? {};
    const long = entries
      .map((entry) => [entry.id, texts[`cause.${entry.id}.userSteps`]] as const)
      .filter(([, steps]) => Array.isArray(steps) && steps.length > 3)
      .map(([id]) => id);
    expect(long).toEqual([]);
  });

  it.each(Object.keys(locales))('uses a non-empty line for titles and summaries in %s', (locale) => {
    const texts = locales[locale] ?? {};
    for (const entry of entries) {
      for (const kind of ['title', 'summary'] as const) {
        const value = texts[`cause.${entry.id}.${kind}`];
        expect({
          key: `${entry.id}.${kind}`,
          ok: typeof value === 'string' && value.trim().length > 0 && !value.includes('\n'),
        }).toEqual({
          key: `${entry.id}.${kind}`,
          ok: true,
        });
      }
    }
  });

  it.each(Object.keys(locales))('uses non-empty arrays of non-empty strings for steps in %s', (locale) => {
    const texts = locales[locale] ?? {};
    for (const entry of entries) {
      for (const kind of ['userSteps', 'adminSteps'] as const) {
        const value = texts[`cause.${entry.id}.${kind}`];
        const ok =
          Array.isArray(value) &&
          value.length > 0 &&
          value.every((step) => typeof step === 'string' && step.trim().length > 0);
        expect({ key: `${entry.id}.${kind}`, ok }).toEqual({ key: `${entry.id}.${kind}`, ok: true });
      }
    }
  });

  it('gives English and Dutch steps the same length lists', () => {
    for (const key of expectedKeys().filter((k) => k.endsWith('Steps'))) {
      const a = en[key as keyof typeof en] as unknown;
      const b = nl[key as keyof typeof nl] as unknown;
      expect({ key, lengths: Array.isArray(a) && Array.isArray(b) && a.length === b.length }).toEqual({
        key,
        lengths: true,
      });
    }
  });

  it('uses the same placeholders in English and Dutch for every key', () => {
    for (const key of expectedKeys()) {
      expect({ key, placeholders: placeholdersIn(nl[key as keyof typeof nl]) }).toEqual({
        key,
        placeholders: placeholdersIn(en[key as keyof typeof en]),
      });
    }
  });

  it.each(Object.keys(locales))(
    'uses only the placeholders {recipient}, {domain}, {status} and {remoteMta} in %s',
    (locale) => {
      const texts = locales[locale] ?? {};
      for (const [key, value] of Object.entries(texts)) {
        const unknown = placeholdersIn(value).filter((name) => !ALLOWED_PLACEHOLDERS.has(name));
        expect({ key, unknown }).toEqual({ key, unknown: [] });
      }
    },
  );

  it.each(Object.keys(locales))(
    'only uses {status} on entries that always have a status (in %s)',
    (locale) => {
      const texts = locales[locale] ?? {};
      for (const entry of entries) {
        const alwaysStatus = entry.match.every(
          (m) => m.statuses !== undefined || m.classSubject !== undefined,
        );
        if (alwaysStatus) continue;
        for (const kind of KEY_KINDS) {
          expect({
            key: `${entry.id}.${kind}`,
            status: placeholdersIn(texts[`cause.${entry.id}.${kind}`]).includes('status'),
          }).toEqual({
            key: `${entry.id}.${kind}`,
            status: false,
          });
        }
      }
    },
  );

  it.each(Object.keys(locales))('never tells the user to click a link (in %s)', (locale) => {
    const texts = locales[locale] ?? {};
    for (const entry of entries) {
      const userText = [
        texts[`cause.${entry.id}.title`],
        texts[`cause.${entry.id}.summary`],
        texts[`cause.${entry.id}.userSteps`],
      ]
        .flat()
        .join(' ')
        .toLowerCase();
      // "click" in the eight languages: click, klik, klicken/klicka, cliquez, clic/clicca/clique.
      expect({ id: entry.id, link: /https?:|\bclick|\bklick?|\bcli(?:c|qu)/.test(userText) }).toEqual({
        id: entry.id,
        link: false,
      });
    }
  });
});

describe('cause catalogue: the two meanings of 5.4.1', () => {
  it('explains DBEB as an address that does not exist, not as a block', () => {
    expect(en['cause.exo.dbebRecipientNotFound.summary']).toMatch(
      /does not exist at the recipient's organisation/,
    );
    expect(en['cause.exo.dbebRecipientNotFound.summary']).toMatch(/not blocked/);
    expect(nl['cause.exo.dbebRecipientNotFound.summary']).toMatch(
      /bestaat niet bij de organisatie van de ontvanger/,
    );
    expect(nl['cause.exo.dbebRecipientNotFound.summary']).toMatch(/niet geblokkeerd/);
  });

  it('gives the Relay Access Denied admin the MX, accepted-domain, DNS, hybrid, health and test steps', () => {
    const steps = en['cause.exo.relayAccessDenied.adminSteps'].join('\n');
    for (const needle of [
      '{domain}',
      '.mail.protection.outlook.com',
      'contoso-com.mail.protection.outlook.com',
      'exactly one MX',
      'Active',
      'Accepted domains',
      'Authoritative',
      'Internal Relay',
      '72 hours',
      'Hybrid Configuration Wizard',
      'Service health',
      'Remote Connectivity Analyzer',
    ]) {
      expect(steps).toContain(needle);
    }
  });

  it('mentions backscatter where the recipient may never have been written to', () => {
    for (const id of ['exo.recipientNotFound', 'domain.nullMx']) {
      expect(
        `${en[`cause.${id}.summary` as keyof typeof en]} ${String(en[`cause.${id}.userSteps` as keyof typeof en])}`,
      ).toMatch(/backscatter/);
      expect(
        `${nl[`cause.${id}.summary` as keyof typeof nl]} ${String(nl[`cause.${id}.userSteps` as keyof typeof nl])}`,
      ).toMatch(/backscatter/);
    }
  });
});

describe('cause catalogue: order (first matching entry wins)', () => {
  it('maps 5.4.1 Relay Access Denied to the routing cause, with reason norelaying', () => {
    expect(causeFor({ status: '5.4.1', text: '550 5.4.1 relay access denied', reason: 'norelaying' })).toBe(
      'exo.relayAccessDenied',
    );
    expect(entries.find((e) => e.id === 'exo.relayAccessDenied')?.reason).toBe('norelaying');
  });

  it("tells the sender's own EOP refusing an outbound relay (KB 2827473) from the recipient's tenant", () => {
    const query = {
      status: '5.4.1',
      text: '550 5.4.1 relay access denied',
      microsoft: true,
      reason: 'norelaying',
    } as const;
    expect(causeFor({ ...query, refusedBy: 'sender-organisation' })).toBe('exo.relayAccessDeniedOutbound');
    expect(causeFor({ ...query, refusedBy: 'recipient-organisation' })).toBe('exo.relayAccessDenied');
    expect(causeFor({ ...query, refusedBy: null })).toBe('exo.relayAccessDenied');
    expect(entries.find((e) => e.id === 'exo.relayAccessDeniedOutbound')?.actor).toBe('sender-admin');
  });

  it.each([
    '550 5.4.1 [someone@example.org]: recipient address rejected: access denied [ab1cd2.prod.protection.outlook.com]',
    '550 5.4.1 recipient address rejected: access denied. as(201806281) [ab1cd2 2024-01-01t00:00:00.000z 08dc]',
    '550 5.4.1 recipient address rejected: access denied. for more information see https://aka.ms/exosmtperrors [x]',
  ])('maps the DBEB variant "%s" to the unknown-address cause, with reason userunknown', (text) => {
    expect(causeFor({ status: '5.4.1', text, microsoft: true, reason: 'userunknown' })).toBe(
      'exo.dbebRecipientNotFound',
    );
  });

  it('maps 5.7.504 Recipient address rejected to the DBEB cause as well', () => {
    expect(
      causeFor({
        status: '5.7.504',
        text: '550 5.7.504 recipient address rejected: access denied',
        reason: 'userunknown',
      }),
    ).toBe('exo.dbebRecipientNotFound');
    expect(entries.find((e) => e.id === 'exo.dbebRecipientNotFound')?.reason).toBe('userunknown');
  });

  it('does not read a non-Microsoft 5.4.1 (Zoho) as either Exchange Online meaning', () => {
    const id = causeFor({
      status: '5.4.1',
      text: '541 5.4.1 mail rejected by destination domain',
      reason: 'networkerror',
    });
    expect(id).toBe('routing.unclearRejection');
    const relay = causeFor({
      status: '5.4.1',
      text: '541 5.4.1 mail rejected by destination domain',
      reason: 'norelaying',
    });
    expect(relay).toBe('routing.unclearRejection');
  });

  it('keeps 5.7.64 TenantAttribution and ATTR36 apart from 5.4.1', () => {
    expect(causeFor({ status: '5.7.64', text: '550 5.7.64 tenantattribution; relay access denied' })).toBe(
      'exo.tenantAttribution',
    );
    expect(causeFor({ status: '5.7.64', text: '550 5.7.64 relay access denied attr36' })).toBe(
      'exo.hybridCertificateNotAccepted',
    );
  });

  it('maps Postfix "Relay access denied" with 5.7.1 or 4.7.1 to the generic relay cause', () => {
    expect(
      causeFor({
        status: '5.7.1',
        text: '554 5.7.1 <x@example.org>: relay access denied',
        reason: 'norelaying',
      }),
    ).toBe('relay.denied');
    expect(
      causeFor({
        status: '4.7.1',
        text: '454 4.7.1 <x@example.org>: relay access denied',
        reason: 'norelaying',
        action: 'delayed',
      }),
    ).toBe('relay.denied');
  });

  it('tells Exchange Online 5.1.10 recipient-not-found from an RFC 7505 null MX', () => {
    expect(
      causeFor({
        status: '5.1.10',
        text: '550 5.1.10 resolver.adr.recipientnotfound; recipient not found by smtp address lookup',
      }),
    ).toBe('exo.recipientNotFound');
    expect(
      causeFor({ status: '5.1.10', text: '556 5.1.10 recipient address has null mx', reason: 'notaccept' }),
    ).toBe('domain.nullMx');
  });

  it('tells Exchange Online 5.2.2 submission quota from a remote mailbox full', () => {
    expect(
      causeFor({
        status: '5.2.2',
        text: '554 5.2.2 mailbox full; submission quota exceeded',
        reason: 'ratelimited',
      }),
    ).toBe('exo.submissionQuotaExceeded');
    expect(
      causeFor({ status: '5.2.2', text: '550 5.2.2 <x@example.jp>... mailbox full', reason: 'mailboxfull' }),
    ).toBe('recipient.mailboxFull');
  });

  it.each([
    ['RESOLVER.ADR.RecipNotFound', 'exchange.recipNotFound'],
    ['RESOLVER.ADR.RecipientNotFound', 'exo.recipientNotFound'],
    ['RESOLVER.ADR.ExRecipNotFound', 'exchange.staleAddressEntry'],
    ['RESOLVER.ADR.BadPrimary', 'exchange.invalidRecipientAddress'],
    ['RESOLVER.ADR.InvalidInSmtp', 'exchange.invalidRecipientAddress'],
    ['RESOLVER.ADR.Ambiguous', 'exchange.ambiguousRecipient'],
    ['RESOLVER.ADR.RecipLimit', 'exchange.tooManyRecipients'],
    ['RESOLVER.RST.AuthRequired', 'exchange.authRequired'],
    ['RESOLVER.RST.NotAuthorized', 'exchange.notAuthorized'],
    ['RESOLVER.RST.RecipSizeLimit', 'exchange.recipientSizeLimit'],
    ['SMTPSEND.DNS.NonExistentDomain', 'domain.notFound'],
    ['SMTPSEND.DNS.MxLoopback', 'exchange.mxLoopback'],
    ['QUEUE.Expired', 'exo.messageExpired'],
    ['STOREDRV.Submission', 'exchange.submissionFailed'],
    ['STOREDRV.Deliver', 'exchange.mailboxDeliveryFailed'],
  ])('maps the Exchange token %s to %s', (token, id) => {
    expect(causeFor({ token, status: '5.0.0' })).toBe(id);
  });

  it('splits STOREDRV.Deliver by its text into mailbox full and recipient throttling', () => {
    expect(
      causeFor({
        token: 'STOREDRV.Deliver',
        status: '5.2.2',
        text: '550 5.2.2 storedrv.deliver: mailbox full. mapiexceptionshutoffquotaexceeded',
      }),
    ).toBe('exchange.mailboxFull');
    expect(
      causeFor({
        token: 'STOREDRV.Deliver',
        status: '4.3.2',
        text: '432 4.3.2 storedrv.deliver; recipient thread limit exceeded',
        action: 'delayed',
      }),
    ).toBe('exo.recipientThrottled');
  });

  it.each([
    ['4.7.500', 'exo.ipTemporarilyRestricted'],
    ['4.7.699', 'exo.ipTemporarilyRestricted'],
    ['4.7.650', 'exo.ipReputationThrottled'],
    ['4.7.850', 'exo.connectingIpRestricted'],
    ['5.7.606', 'exo.bannedSendingIp'],
    ['5.7.649', 'exo.bannedSendingIp'],
    ['5.7.703', 'exo.recipientsBlockedByTenant'],
    ['5.7.705', 'exo.tenantThresholdExceeded'],
    ['5.7.708', 'exo.ipNotAccepted'],
    ['5.7.711', 'exo.badInboundConnector'],
    ['5.7.749', 'exo.tenantThresholdExceeded'],
    ['5.7.750', 'exo.unregisteredDomain'],
    ['5.7.322', 'exo.daneFailed'],
    ['5.2.253', 'exo.smtpAuthThrottled'],
    ['5.7.509', 'exo.dmarcReject'],
  ])('maps the Exchange Online code %s to %s', (code, id) => {
    expect(
      causeFor({ status: code, microsoft: true, action: code.startsWith('4') ? 'delayed' : 'failed' }),
    ).toBe(id);
  });

  it("treats an Exchange Online 4.4.7 delay as the recipient's admin's problem, and only a failure as expired", () => {
    expect(
      causeFor({
        status: '4.4.7',
        text: '400 4.4.7 message delayed',
        microsoft: true,
        reason: 'expired',
        action: 'delayed',
      }),
    ).toBe('exo.messageDelayed');
    expect(causeFor({ status: '4.4.7', token: 'QUEUE.Expired', microsoft: true, reason: 'expired' })).toBe(
      'exo.messageExpired',
    );
  });

  it('lets the engine reason pick the cause when a generic status disagrees with the text', () => {
    expect(causeFor({ status: '5.1.1', reason: 'userunknown' })).toBe('recipient.unknown');
    expect(causeFor({ status: '5.1.1', text: '552 5.1.1 mailbox full', reason: 'mailboxfull' })).toBe(
      'recipient.mailboxFull',
    );
    expect(
      causeFor({ status: '5.7.1', text: '550 5.7.1 blocked using zen.spamhaus.org', reason: 'blocked' }),
    ).toBe('sender.ipBlockListed');
    expect(causeFor({ status: '5.7.1', reason: 'securityerror' })).toBe('policy.rejected');
  });

  it('falls back to class.subject and then to the catch-alls', () => {
    expect(causeFor({ status: '5.2.9', reason: 'onhold' })).toBe('rfc3463.permanent.mailbox');
    expect(causeFor({ status: '4.3.9', reason: 'expired', action: 'delayed' })).toBe(
      'rfc3463.temporary.mailSystem',
    );
    expect(causeFor({ status: null, reason: 'expired', action: 'delayed' })).toBe('unknown.delay');
    expect(causeFor({ status: null, reason: 'undefined', action: 'failed' })).toBe('unknown.failure');
  });

  it('does not call an undecided delay "expired"', () => {
    expect(causeFor({ status: '4.4.7', reason: 'expired', action: 'delayed' })).not.toMatch(/expired/i);
    expect(causeFor({ status: '4.4.1', reason: 'networkerror', action: 'delayed' })).toBe(
      'delay.connectionProblem',
    );
  });
});

describe('cause catalogue: the one home of vendor codes', () => {
  function reasonFor(
    partial: Omit<Partial<CauseQuery>, 'status'> & { status?: string | null },
  ): string | null | undefined {
    const id = causeFor(partial);
    return entries.find((entry) => entry.id === id)?.reason;
  }

  it.each([
    // Microsoft's NDR table (learn.microsoft.com, "Email non-delivery reports and SMTP errors").
    ['4.7.500', '', 'blocked'],
    ['4.7.850', '', 'blocked'],
    ['5.7.750', '', 'blocked'],
    ['5.7.800', '', 'blocked'],
    ['5.7.520', '', 'policyviolation'],
    ['5.7.12', '', 'rejected'],
    ['5.7.124', '', 'rejected'],
    ['5.7.193', '', 'rejected'],
    ['5.7.135', '', 'rejected'],
  ])('gives Exchange Online %s its documented reason', (code, text, reason) => {
    expect(reasonFor({ status: code, text, microsoft: true })).toBe(reason);
  });

  it('reads Exchange 5.7.504 from a Microsoft server as an unknown recipient without further words', () => {
    expect(reasonFor({ status: '5.7.504', microsoft: true })).toBe('userunknown');
  });

  it('reads the Exchange 5.5-2003 diagnostic code 000C05A6 as an unknown recipient in any language', () => {
    expect(reasonFor({ text: 'msexch:ims:contoso:site:server 3550 (000c05a6) unbekannter empfänger' })).toBe(
      'userunknown',
    );
  });

  it('leaves the reason of the 5.1.351 wrapper to the remote reply it quotes', () => {
    expect(reasonFor({ status: '5.1.351', microsoft: true })).toBeNull();
  });
});
