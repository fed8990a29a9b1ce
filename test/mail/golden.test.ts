/**
 * Golden tests over the fixtures in test/fixtures. Each fixture is analysed as written (LF) and
 * converted to CRLF; both must give the same result, which must equal the fixture's
 * `<name>.golden.json`: the whole Analysis the product uses (verdict, every recipient field with its
 * evidence, the original, warnings, suspicion, leftovers), not a view of it. A missing golden fails
 * with its name; `npm run goldens` (UPDATE_GOLDEN=1) writes them on purpose, never `npm test`. On a
 * mismatch the actual output is written to `.golden-actual/` for diffing. The expectations in
 * test/fixtures/expected.json (written by hand from the bounce, not from our output) are checked
 * field by field as well, so a re-baseline cannot quietly accept a wrong answer.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeBytes } from '../../src/mail/readInput';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const ACTUAL = path.join(__dirname, '..', '..', '.golden-actual');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

interface Expectation {
  path: string;
  verdict: string;
  recipient?: string | null;
  status?: string | null;
  replyCode?: string | null;
  reason?: string | null;
  meaning541?: string | null;
  language?: string | null;
  layout?: string | null;
  input?: string | null;
  actor?: string | null;
}

function listFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...listFiles(full, pattern));
    else if (pattern.test(name)) found.push(full);
  }
  return found.sort();
}

const FIXTURE = /\.(?:eml|txt|msg)$/;
const fixtures = listFiles(FIXTURES, FIXTURE);
const goldenOf = (fixture: string): string => fixture.replace(FIXTURE, '.golden.json');
const expectations: Expectation[] = existsSync(path.join(FIXTURES, 'expected.json'))
  ? (JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Expectation[])
  : [];
const byPath = new Map(expectations.map((e) => [e.path, e]));

function toCrlf(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

const CAUSE_FOR_541: Record<string, RegExp> = {
  'relay-access-denied': /relayAccessDenied/i,
  dbeb: /dbeb/i,
  'not-microsoft': /^(?!exo\.)/,
};

it('finds fixtures to test', () => {
  expect(fixtures.length).toBeGreaterThan(20);
});

it('has no golden file without its fixture', () => {
  const wanted = new Set(fixtures.map(goldenOf));
  const orphans = listFiles(FIXTURES, /\.golden\.json$/).filter((g) => !wanted.has(g));
  expect(orphans.map((g) => path.relative(FIXTURES, g))).toEqual([]);
});

describe.each(fixtures.map((f) => [path.relative(FIXTURES, f).split(path.sep).join('/'), f]))(
  '%s',
  (relative, file) => {
    const bytes = readFileSync(file);
    const variants: Buffer[] = file.endsWith('.msg') ? [bytes] : [bytes, toCrlf(bytes)];

    it('gives the same answer for LF and CRLF line endings, matching its golden file', async () => {
      const results = [];
      for (const content of variants) results.push(await analyzeBytes(new Uint8Array(content)));
      const [first, ...rest] = results;
      for (const other of rest) expect(other).toEqual(first);
      const golden = goldenOf(file);
      const serialised = `${JSON.stringify(first, null, 2)}\n`;
      if (UPDATE) {
        writeFileSync(golden, serialised);
        return;
      }
      if (!existsSync(golden))
        throw new Error(
          `missing golden file ${path.relative(process.cwd(), golden)}: write it with \`npm run goldens\` and review it`,
        );
      const expected = readFileSync(golden, 'utf8');
      if (expected !== serialised) {
        mkdirSync(ACTUAL, { recursive: true });
        writeFileSync(path.join(ACTUAL, `${relative.replace(/\//g, '__')}.json`), serialised);
      }
      expect(JSON.parse(serialised)).toEqual(JSON.parse(expected));
    });

    // Only fixtures with a hand-written expectation get this check (generated hostile files have none).
    const expectation = byPath.get(relative);
    if (!expectation) return;
    it('matches the hand-written expectation in expected.json', async () => {
      const analysis = await analyzeBytes(new Uint8Array(bytes));
      expect(analysis.verdict).toBe(expectation.verdict);
      if (expectation.language !== undefined) expect(analysis.language).toBe(expectation.language);
      if (expectation.input) expect(analysis.input).toBe(expectation.input);
      if (expectation.layout) expect(analysis.layout).toBe(expectation.layout);
      if (expectation.verdict !== 'bounce' && expectation.verdict !== 'delay') return;
      const wanted = expectation.recipient?.toLowerCase();
      const recipient =
        analysis.recipients.find((r) => r.address?.toLowerCase() === wanted) ?? analysis.recipients[0];
      expect(recipient?.address?.toLowerCase()).toBe(wanted);
      if (expectation.status !== undefined) expect(recipient?.status?.code ?? null).toBe(expectation.status);
      if (expectation.replyCode !== undefined)
        expect(recipient?.replyCode ?? null).toBe(expectation.replyCode);
      if (expectation.reason) expect(recipient?.reason).toBe(expectation.reason);
      if (expectation.actor) expect(recipient?.actor).toBe(expectation.actor);
      if (expectation.meaning541)
        expect(recipient?.cause).toMatch(CAUSE_FOR_541[expectation.meaning541] ?? /./);
    });
  },
);
