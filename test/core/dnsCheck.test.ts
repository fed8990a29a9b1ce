import {
  assessDns,
  dnsQuestions,
  planDnsCheck,
  questionKey,
  type DnsAnswer,
  type DnsPlan,
  type DnsQuestion,
} from '../../src/core/dnsCheck';
import type { Analysis } from '../../src/core/types';
import { recipientOutcome as recipient } from '../support/recipientOutcome';

const analysis = { original: { from: 'Chris <chris@contoso.example>' } } as unknown as Analysis;

describe('which domain and which records', () => {
  it('checks the recipient domain’s MX records for a relay refusal at the recipient’s side', () => {
    const plan = planDnsCheck(analysis, recipient({}));
    expect(plan).toMatchObject({ domain: 'fabrikam.example', focus: 'recipient', topic: 'relay' });
    expect(plan && dnsQuestions(plan)).toEqual([
      { name: 'fabrikam.example', type: 'MX' },
      { name: 'fabrikam.example', type: 'A' },
    ]);
  });

  it('checks the sender domain’s SPF and DMARC for an authentication refusal', () => {
    const plan = planDnsCheck(
      analysis,
      recipient({
        status: { code: '5.7.23', class: 5, subject: 7, detail: 23 },
        reason: 'authfailure',
        cause: 'x',
      }),
    );
    expect(plan).toMatchObject({ domain: 'contoso.example', focus: 'sender', topic: 'authentication' });
    expect(plan && dnsQuestions(plan).map(questionKey)).toEqual([
      'MX contoso.example',
      'TXT contoso.example',
      'TXT _dmarc.contoso.example',
    ]);
  });

  it('checks whether the domain exists for a host-unknown bounce', () => {
    const plan = planDnsCheck(
      analysis,
      recipient({ reason: 'hostunknown', cause: 'x', status: null, actor: 'sender' }),
    );
    expect(plan).toMatchObject({ topic: 'host', checks: ['domain.exists', 'mx.accepts', 'mx.agree'] });
  });

  it('offers no check when the domain fails validation or DNS cannot help', () => {
    expect(planDnsCheck(analysis, recipient({ address: 'jan@fabrikam.example;rm -rf' }))).toBeNull();
    expect(
      planDnsCheck(analysis, recipient({ reason: 'mailboxfull', cause: 'x', actor: 'sender' })),
    ).toBeNull();
  });
});

const relay: DnsPlan = {
  domain: 'fabrikam.example',
  focus: 'recipient',
  topic: 'relay',
  checks: ['domain.exists', 'mx.accepts', 'mx.single', 'mx.exchangeOnline', 'mx.agree'],
};

function answers(entries: [DnsQuestion, DnsAnswer][]) {
  return new Map(entries.map(([q, a]) => [questionKey(q), a]));
}
const mx = (...records: string[]): DnsAnswer => ({
  rcode: 'NOERROR',
  records: records.map((data) => ({ type: 'MX', ttl: 3600, data })),
});
const MX_Q: DnsQuestion = { name: 'fabrikam.example', type: 'MX' };

function states(results: ReturnType<typeof assessDns>) {
  return Object.fromEntries(results.map((r) => [r.id, r.finding]));
}

describe('what the answers prove', () => {
  it('marks MX pointing elsewhere as the problem of a relay refusal, with the record', () => {
    const results = assessDns(relay, answers([[MX_Q, mx('10 mx.old-host.example')]]), null);
    const exo = results.find((r) => r.id === 'mx.exchangeOnline');
    expect(exo).toEqual({
      id: 'mx.exchangeOnline',
      state: 'problem',
      finding: 'mx.exchangeOnline.elsewhere',
      records: ['10 mx.old-host.example'],
    });
  });

  it('marks two MX records on the single-MX step, sorted by preference', () => {
    const results = assessDns(
      relay,
      answers([[MX_Q, mx('20 mx.old-host.example.', '10 fabrikam-example.mail.protection.outlook.com.')]]),
      null,
    );
    expect(states(results)).toMatchObject({
      'mx.single': 'mx.single.several',
      'mx.exchangeOnline': 'mx.exchangeOnline.mixed',
    });
    expect(results.find((r) => r.id === 'mx.single')?.records).toEqual([
      '10 fabrikam-example.mail.protection.outlook.com',
      '20 mx.old-host.example',
    ]);
  });

  it('marks a correct domain fine on every step, and both resolvers agreeing', () => {
    const good = answers([[MX_Q, mx('0 fabrikam-example.mail.protection.outlook.com')]]);
    const results = assessDns(relay, good, good);
    expect(results.every((r) => r.state === 'ok')).toBe(true);
  });

  it('accepts the newer *.mx.microsoft form as Exchange Online', () => {
    const results = assessDns(relay, answers([[MX_Q, mx('0 fabrikam-example.r-v1.mx.microsoft')]]), null);
    expect(states(results)['mx.exchangeOnline']).toBe('mx.exchangeOnline.all');
  });

  it('says DNS is still propagating when two resolvers disagree', () => {
    const results = assessDns(
      relay,
      answers([[MX_Q, mx('0 fabrikam-example.mail.protection.outlook.com')]]),
      answers([[MX_Q, mx('10 mx.old-host.example')]]),
    );
    const agree = results.find((r) => r.id === 'mx.agree');
    expect(agree?.state).toBe('problem');
    expect(agree?.records).toEqual([
      '1: 0 fabrikam-example.mail.protection.outlook.com (TTL 3600)',
      '2: 10 mx.old-host.example (TTL 3600)',
    ]);
  });

  it('tells a domain that does not exist and one that accepts no mail (null MX)', () => {
    const nx = assessDns(relay, answers([[MX_Q, { rcode: 'NXDOMAIN', records: [] }]]), null);
    expect(states(nx)['domain.exists']).toBe('domain.exists.nxdomain');
    const nullMx = assessDns(relay, answers([[MX_Q, mx('0 .')]]), null);
    expect(nullMx.find((r) => r.id === 'mx.accepts')).toMatchObject({ state: 'problem', records: ['0 .'] });
  });

  it('leaves every check unknown, never a problem, when the resolver did not answer', () => {
    const results = assessDns(relay, new Map(), null);
    expect(results.every((r) => r.state === 'unknown')).toBe(true);
  });

  it('skips MX targets that are not host names instead of showing them', () => {
    const results = assessDns(
      relay,
      answers([[MX_Q, mx('10 evil$(cmd).example', '20 mx.good.example')]]),
      null,
    );
    expect(results.find((r) => r.id === 'mx.accepts')?.records).toEqual(['20 mx.good.example']);
  });

  it('finds SPF without Exchange Online’s include and a missing DMARC record', () => {
    const auth: DnsPlan = {
      domain: 'contoso.example',
      focus: 'sender',
      topic: 'authentication',
      checks: ['spf.present', 'spf.exchangeOnline', 'dmarc.present'],
    };
    const txt = (...data: string[]): DnsAnswer => ({
      rcode: 'NOERROR',
      records: data.map((d) => ({ type: 'TXT', ttl: 60, data: d })),
    });
    const results = assessDns(
      auth,
      answers([
        [
          { name: 'contoso.example', type: 'TXT' },
          txt('v=spf1 include:_spf.mailhost.example ~all', 'ms=ms123'),
        ],
        [
          { name: '_dmarc.contoso.example', type: 'TXT' },
          { rcode: 'NXDOMAIN', records: [] },
        ],
      ]),
      null,
    );
    expect(states(results)).toEqual({
      'spf.present': 'spf.present.one',
      'spf.exchangeOnline': 'spf.exchangeOnline.missing',
      'dmarc.present': 'dmarc.present.missing',
    });
  });
});
