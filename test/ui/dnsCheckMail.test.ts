import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assessDns, dnsQuestions, planDnsCheck, questionKey } from '../../src/core/dnsCheck';
import { createTranslator } from '../../src/i18n/static';
import { analyzeBytes } from '../../src/mail/readInput';
import { buildAdminMail } from '../../src/ui/adminMail';
import { dnsConfig, type DnsOutcome } from '../../src/ui/dnsLookup';

const t = createTranslator('en');
const RELAY = path.join(
  __dirname,
  '..',
  'fixtures',
  'exchange-online',
  'exchange-online-5.4.1-relay-access-denied-legacy-en.eml',
);
const BUILT = ['https://dns.contoso.example/dns-query', 'https://dns.google/dns-query'];

describe('which resolver the pane may ask', () => {
  it('uses the build’s first resolver, and the next one as second opinion', () => {
    expect(dnsConfig('', BUILT)).toEqual({ resolver: BUILT[0], secondResolver: BUILT[1] });
  });

  it('removes the feature with ?doh=off, and when the build has no resolver', () => {
    expect(dnsConfig('?doh=off', BUILT)).toBeNull();
    expect(dnsConfig('', [])).toBeNull();
  });

  it('takes ?doh= only for a resolver the build (and so the CSP) allows', () => {
    expect(dnsConfig(`?doh=${encodeURIComponent(BUILT[1] ?? '')}`, BUILT)).toEqual({
      resolver: BUILT[1],
      secondResolver: BUILT[0],
    });
    expect(dnsConfig('?doh=https%3A%2F%2Fevil.example%2Fdns-query', BUILT)?.resolver).toBe(BUILT[0]);
  });
});

it('adds the DNS check the user ran to the admin mail, with its time and the records quoted', async () => {
  const analysis = await analyzeBytes(new Uint8Array(readFileSync(RELAY)));
  const recipient = analysis.recipients[0];
  if (!recipient) throw new Error('the relay fixture names a recipient');
  const plan = planDnsCheck(analysis, recipient);
  if (!plan) throw new Error('a relay refusal has a DNS plan');
  const mx = dnsQuestions(plan).find((q) => q.type === 'MX');
  if (!mx) throw new Error('the plan asks for MX');
  const answers = new Map([
    [
      questionKey(mx),
      { rcode: 'NOERROR', records: [{ type: 'MX', ttl: 300, data: '10 mx.old-host.example' }] },
    ],
  ]);
  const outcome: DnsOutcome = {
    results: assessDns(plan, answers, answers),
    primary: answers,
    secondary: answers,
    error: null,
    checkedAt: '2026-11-05T10:15:00.000Z',
  };
  const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t, 'sender', { plan, outcome });
  expect(mail.text).toContain('DNS of fabrikam.example, checked');
  expect(mail.text).toContain(
    'Problem: 10 mx.old-host.example (The MX record does not point to Exchange Online.)',
  );
  expect(mail.html).toContain('10 mx.old-host.example');
  const without = buildAdminMail(analysis, 'helpdesk@contoso.example', t, 'sender');
  expect(without.text).not.toContain('DNS of fabrikam.example');
});
