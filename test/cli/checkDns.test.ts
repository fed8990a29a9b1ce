import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startDohStub, type DohStub } from '../support/dohStub';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);
const CACHE = mkdtempSync(path.join(os.tmpdir(), 'explain-cli-dns-'));
const RELAY = path.join(
  ROOT,
  'test',
  'fixtures',
  'exchange-online',
  'exchange-online-5.4.1-relay-access-denied-legacy-en.eml',
);

let stub: DohStub;
beforeAll(async () => {
  stub = await startDohStub({
    'fabrikam.example': { MX: [{ preference: 10, exchange: 'mx.old-host.example' }] },
  });
});
afterAll(async () => {
  await stub.close();
  rmSync(CACHE, { recursive: true, force: true });
});

async function explain(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'explain.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C', BOUNCE_EXPLAINER_CLI_CACHE: CACHE },
  });
  return stdout;
}

it('makes no request without --check-dns', async () => {
  const json = JSON.parse(await explain(['--json', RELAY])) as Record<string, unknown>;
  expect('dnsCheck' in json).toBe(false);
  await explain([RELAY]);
  expect(stub.asked).toEqual([]);
});

it('checks the domain with the resolver given by --doh, and says which step fails with its record', async () => {
  const text = await explain(['--check-dns', '--doh', stub.url, RELAY]);
  expect(text).toMatch(/-- DNS of fabrikam\.example, checked \d{4}-/);
  expect(text).toContain('[!!] The MX record does not point to Exchange Online.');
  expect(text).toContain('“10 mx.old-host.example”');
  expect(stub.asked).toContain('MX fabrikam.example');

  const json = JSON.parse(await explain(['--json', '--check-dns', `--doh=${stub.url}`, RELAY])) as {
    dnsCheck: {
      domain: string;
      resolver: string;
      results: { id: string; state: string; records: string[] }[];
    };
  };
  expect(json.dnsCheck.domain).toBe('fabrikam.example');
  expect(json.dnsCheck.resolver).toBe(stub.url);
  expect(json.dnsCheck.results.find((r) => r.id === 'mx.exchangeOnline')).toMatchObject({
    state: 'problem',
    records: ['10 mx.old-host.example'],
  });
});

it('refuses a resolver that is not an https URL', async () => {
  await expect(
    explain(['--check-dns', '--doh', 'http://dns.example/dns-query', RELAY]),
  ).rejects.toMatchObject({
    stderr: expect.stringMatching(/--doh takes an https/),
  });
});
