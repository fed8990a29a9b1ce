import { DohError, queryDoh, resolveAll } from '../../src/net/doh';
import { validResolver } from '../../src/net/resolverUrl';
import { startDohStub, type DohStub } from '../support/dohStub';

let stub: DohStub;

beforeAll(async () => {
  stub = await startDohStub({
    'fabrikam.example': {
      MX: [{ preference: 10, exchange: 'fabrikam-example.mail.protection.outlook.com' }],
      TXT: ['v=spf1 include:spf.protection.outlook.com -all', 'google-site-verification=abc'],
      ttl: 300,
    },
    'nomail.example': { MX: [{ preference: 0, exchange: '.' }] },
    'broken.example': { rcode: 'SERVFAIL' },
    'slow.example': { MX: [{ preference: 10, exchange: 'mx.slow.example' }], delayMs: 2000 },
  });
});

afterAll(() => stub.close());

it('reads MX records with their preference and TTL', async () => {
  const answer = await queryDoh(stub.url, { name: 'fabrikam.example', type: 'MX' });
  expect(answer).toEqual({
    rcode: 'NOERROR',
    records: [{ type: 'MX', ttl: 300, data: '10 fabrikam-example.mail.protection.outlook.com' }],
  });
  expect(stub.asked).toContain('MX fabrikam.example');
});

it('reads TXT records as text and a null MX as "."', async () => {
  const txt = await queryDoh(stub.url, { name: 'fabrikam.example', type: 'TXT' });
  expect(txt.records.map((r) => r.data)).toEqual([
    'v=spf1 include:spf.protection.outlook.com -all',
    'google-site-verification=abc',
  ]);
  const nullMx = await queryDoh(stub.url, { name: 'nomail.example', type: 'MX' });
  expect(nullMx.records.map((r) => r.data)).toEqual(['0 .']);
});

it('reports NXDOMAIN as an answer, and SERVFAIL as a server error', async () => {
  await expect(queryDoh(stub.url, { name: 'unknown.example', type: 'MX' })).resolves.toEqual({
    rcode: 'NXDOMAIN',
    records: [],
  });
  await expect(queryDoh(stub.url, { name: 'broken.example', type: 'MX' })).rejects.toMatchObject({
    kind: 'server',
  });
});

it('gives up after the timeout and when the user cancels', async () => {
  await expect(
    queryDoh(stub.url, { name: 'slow.example', type: 'MX' }, { timeoutMs: 100 }),
  ).rejects.toMatchObject({ kind: 'timeout' });
  const controller = new AbortController();
  const pending = queryDoh(stub.url, { name: 'slow.example', type: 'MX' }, { signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
});

it('says the resolver could not be reached when nothing listens', async () => {
  const error = await queryDoh('http://127.0.0.1:9/dns-query', {
    name: 'fabrikam.example',
    type: 'MX',
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DohError);
  expect((error as DohError).kind).toBe('blocked');
});

it('keeps the answers it got when one question fails', async () => {
  const { answers, errors } = await resolveAll(stub.url, [
    { name: 'fabrikam.example', type: 'MX' },
    { name: 'broken.example', type: 'MX' },
  ]);
  expect([...answers.keys()]).toEqual(['MX fabrikam.example']);
  expect(errors.map((e) => e.kind)).toEqual(['server']);
});

it('accepts only https resolvers (http only on loopback) without credentials', () => {
  expect(validResolver('https://dns.example/dns-query')).toBe('https://dns.example/dns-query');
  expect(validResolver('http://127.0.0.1:8053/dns-query')).toBe('http://127.0.0.1:8053/dns-query');
  expect(validResolver('http://dns.example/dns-query')).toBeNull();
  expect(validResolver('https://user:pw@dns.example/dns-query')).toBeNull();
  expect(validResolver('javascript:alert(1)')).toBeNull();
  expect(validResolver('off')).toBeNull();
});
