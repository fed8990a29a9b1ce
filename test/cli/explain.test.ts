import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LOCALES } from '../../src/i18n';
import { readLocaleFile } from '../support/localeCheck';
import { dsn } from '../support/untrustedBounces';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);
// The launcher builds the CLI bundle here (once, then when a source is newer); a fresh directory
// per test run makes it build from the sources under test.
const CACHE = mkdtempSync(path.join(os.tmpdir(), 'explain-cli-'));
const BUNDLE = path.join(CACHE, 'explain.cjs');
afterAll(() => rmSync(CACHE, { recursive: true, force: true }));
const fixture = (relative: string): string => path.join(ROOT, 'test', 'fixtures', relative);

async function explain(
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [path.join(ROOT, 'scripts', 'explain.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C', BOUNCE_EXPLAINER_CLI_CACHE: CACHE },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run explain', () => {
  it('prints one JSON object per file, with the documented fields', async () => {
    const { code, stdout } = await explain([
      '--json',
      fixture('exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml'),
      fixture('pasted/pasted-5.4.1-dbeb-legacy-nl.txt'),
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      verdict: 'bounce',
      language: 'en-US',
      recipients: [
        {
          address: 'jan@fabrikam.example',
          action: 'failed',
          status: '5.4.1',
          replyCode: '550',
          reason: 'norelaying',
          cause: 'exo.relayAccessDenied',
          actor: 'recipient-admin',
        },
      ],
      warnings: [],
    });
    expect(Object.keys(lines[0]?.['original'] as object)).toEqual(['messageId', 'subject', 'from', 'date']);
    expect(lines[1]).toMatchObject({
      verdict: 'bounce',
      recipients: [{ reason: 'userunknown', cause: 'exo.dbebRecipientNotFound' }],
    });
  });

  it('explains for a person in Dutch', async () => {
    const { code, stdout } = await explain([
      '--lang',
      'nl',
      fixture('exchange-online/exchange-online-5.4.1-dbeb-legacy-nl.eml'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Wat u kunt doen:');
    expect(stdout).toContain('Wat uw beheerder moet controleren:');
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await explain(
      ['--json', '-'],
      "Delivery has failed to these recipients or groups:\n\nkees@fabrikam.example\n\nDiagnostic information for administrators:\n\nkees@fabrikam.example\nRemote Server returned '550 5.1.1 User unknown'\n",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      file: '-',
      verdict: 'bounce',
      recipients: [{ address: 'kees@fabrikam.example', status: '5.1.1' }],
    });
  });

  it('reports an unreadable file on stderr, still processes the others and exits non-zero', async () => {
    const { code, stdout, stderr } = await explain([
      '--json',
      path.join(ROOT, 'no-such-file.eml'),
      fixture('not-ndr/not-ndr-none-newsletter.eml'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no-such-file\.eml: cannot read/);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'not-a-bounce', recipients: [] });
  });

  it('stops quietly when the reader closes the pipe (| head)', async () => {
    // 2,000 bounces, then a file that does not exist: its error is printed only if the run goes on
    // after the pipe is closed.
    const files = [
      ...Array.from({ length: 2000 }, () =>
        fixture('exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml'),
      ),
      path.join(ROOT, 'no-such-file.eml'),
    ];
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'explain.cjs'), '--json', ...files], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'C', BOUNCE_EXPLAINER_CLI_CACHE: CACHE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first.split('\n')[0] ?? '')).toMatchObject({ verdict: 'bounce' });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('prints no terminal escape sequence or control character from the bounce', async () => {
    const { code, stdout, stderr } = await explain(
      ['-'],
      dsn({
        subject: 'Offerte \u001b[2J\u001b[1;1H\u001b]0;pwned\u0007 done',
        remoteMta: 'mx.fabrikam.example\u001b[31m',
        messageId: '<a\u001b]8;;https://evil.example/\u001b\\b@contoso.example\u009b2J>',
      }),
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Offerte  done');
    // eslint-disable-next-line no-control-regex
    expect(stdout.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)).toBeNull();
    expect(stdout).not.toMatch(/\[2J|\]0;|pwned/);
  });

  it('prints the same lines in the same order on several threads as on one', async () => {
    const dir = path.join(ROOT, 'test', 'corpus', 'set-of-emails');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .slice(0, 40)
      .map((f) => path.join(dir, f));
    // A file that cannot be read in the middle: its message keeps its place between the others.
    files.splice(20, 0, path.join(ROOT, 'no-such-file.eml'));
    const one = await explain(['--json', '--jobs', '1', ...files]);
    const three = await explain(['--json', '--jobs=3', ...files]);
    expect(one.code).toBe(1);
    expect(one.stdout.trim().split('\n')).toHaveLength(40);
    expect(one.stderr).toContain('no-such-file.eml: cannot read');
    expect(three).toEqual(one);
  });

  it('rejects a number of jobs that is not a count', async () => {
    const { code, stderr } = await explain(['--jobs', '0', 'x.eml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--jobs takes a number');
  });

  it('rejects an unknown language with usage help', async () => {
    const { code, stderr } = await explain(['--lang', 'ja', 'x.eml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--lang takes one of en, nl, de, fr, es, it, pt, sv');
    expect(stderr).toContain('usage: npm run explain -- [--json] [--lang en|nl|de|fr|es|it|pt|sv]');
    expect((await explain(['--lang=xx', 'x.eml'])).code).toBe(2);
  });

  it.each(LOCALES.filter((l) => l !== 'en' && l !== 'nl'))('explains for a person in %s', async (locale) => {
    const ui = readLocaleFile(locale, 'ui');
    if (!ui) throw new Error(`src/i18n/${locale}/ui.json is missing`);
    const { code, stdout } = await explain([
      `--lang=${locale}`,
      fixture('exchange-online/exchange-online-5.4.1-dbeb-legacy-nl.eml'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${String(ui['section.userSteps'])}:`);
  });

  it('builds its bundle on the first run and starts from it afterwards', async () => {
    const args = ['--json', fixture('not-ndr/not-ndr-none-auto-reply-nl.eml')];
    const first = await explain(args);
    const built = statSync(BUNDLE).mtimeMs;
    const second = await explain(args);
    expect(second).toEqual(first);
    expect(statSync(BUNDLE).mtimeMs).toBe(built);
  });

  it('starts every thread from the code cache its first run wrote, and recompiles when the cache is damaged', async () => {
    const args = [
      '--json',
      '--jobs=2',
      fixture('exchange-online/exchange-online-5.4.1-relay-access-denied-legacy-en.eml'),
      fixture('not-ndr/not-ndr-none-auto-reply-nl.eml'),
    ];
    const first = await explain(args);
    const caches = readdirSync(CACHE).filter((file) => file.endsWith('.v8-cache'));
    expect(caches).toHaveLength(1);
    expect(await explain(args)).toEqual(first);
    writeFileSync(path.join(CACHE, caches[0] ?? ''), 'not a code cache');
    expect(await explain(args)).toEqual(first);
  });

  it('keeps the translations out of the bundle, for --json runs that never read them', () => {
    expect(statSync(BUNDLE).size).toBeLessThan(1_000_000);
    expect(readdirSync(CACHE).filter((file) => /^causes-\w+\.json$/.test(file))).toHaveLength(LOCALES.length);
  });
});
