/**
 * Generators of bad input shared by the property tests (test/core/property.test.ts, CI-sized) and
 * the fuzz campaign (scripts/fuzz.ts, as long as you like): arbitrary text and bytes, mutations of
 * the real corpus in test/corpus/set-of-emails, generated extremes, and adversarial inputs for
 * the regular expressions of src/core. Every generated case is plain data, so a failing case can be
 * replayed from its fast-check seed and path.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CORPUS } from '../../scripts/corpusScore';
import { analyzeText } from '../../src/core';
import type { Analysis } from '../../src/core/types';
import { analyzeBytes } from '../../src/mail/readInput';
import {
  DIAGNOSTIC_LINE_STARTS,
  FORWARDED_NDR_RECIPIENT,
  RECIPIENT_LINE_STARTS,
  RUN_CLASSES,
  forwardChain,
  inExchangeAdminSection,
  inTextBounce,
  knownKeywords,
  knownLabels,
  labelRun,
  replyThread,
} from './hostileText';

const VERDICTS = ['bounce', 'delay', 'delivery-report', 'auto-reply', 'feedback', 'not-a-bounce'];
/** analyzeMessage's default maxRecipients. */
export const MAX_RECIPIENTS = 1000;

/** What an analysis of a generated case must show, beyond the contract, when the case was built to hold it. */
export interface Expected {
  readonly verdict?: string;
  /** A recipient the report names. */
  readonly recipient?: string;
  /** The input holds no lone surrogate, so no string of the result may hold one. */
  readonly wellFormed?: boolean;
}

/**
 * One input: bytes go through analyzeBytes (sniff, decode, analyse), text through analyzeText.
 * `expected`, when set, is what the analysis must find.
 */
export type FuzzCase = (
  | { readonly kind: string; readonly via: 'bytes'; readonly input: Uint8Array }
  | { readonly kind: string; readonly via: 'text'; readonly input: string; readonly headers?: string }
) & { readonly expected?: Expected };

export function caseSize(c: FuzzCase): number {
  return c.via === 'bytes' ? c.input.length : c.input.length + (c.headers?.length ?? 0);
}

export async function runCase(c: FuzzCase): Promise<Analysis> {
  if (c.via === 'bytes') return analyzeBytes(c.input);
  return c.headers === undefined ? analyzeText(c.input) : analyzeText(c.input, { headers: c.headers });
}

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const latin1Text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Why an analysis breaks the contract (verdict, bounded recipients, no NUL in any string), or null. */
export function contractViolation(analysis: Analysis): string | null {
  if (!VERDICTS.includes(analysis.verdict)) return `unknown verdict ${String(analysis.verdict)}`;
  if (!Array.isArray(analysis.recipients)) return 'recipients is not an array';
  if (analysis.recipients.length > MAX_RECIPIENTS)
    return `${analysis.recipients.length} recipients (over ${MAX_RECIPIENTS})`;
  const nul = findString(analysis, (s) => s.includes('\u0000'));
  if (nul) return `NUL character in ${nul}`;
  return null;
}

/** Why an analysis of `c` breaks the contract or misses what `c` was built to hold, or null. */
export function caseViolation(c: FuzzCase, analysis: Analysis): string | null {
  const violation = contractViolation(analysis);
  const expected = c.expected;
  if (violation || !expected) return violation;
  if (expected.verdict !== undefined && analysis.verdict !== expected.verdict)
    return `verdict ${analysis.verdict}, expected ${expected.verdict}`;
  const recipient = expected.recipient;
  if (recipient !== undefined && !analysis.recipients.some((r) => r.address === recipient))
    return `recipient ${recipient} not found (${analysis.recipients.map((r) => r.address).join(', ')})`;
  const illFormed = expected.wellFormed ? illFormedString(analysis) : null;
  if (illFormed) return `a lone surrogate in ${illFormed}, from well-formed input`;
  return null;
}

/** A lone UTF-16 surrogate: half of a pair, as a cut in the middle of an emoji leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds a lone surrogate (is not well-formed UTF-16). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Where in an analysis a string holds a lone surrogate, or null when every string is well-formed. */
export function illFormedString(analysis: Analysis): string | null {
  return findString(analysis, hasLoneSurrogate);
}

function findString(value: unknown, bad: (s: string) => boolean, at = 'analysis'): string | null {
  if (typeof value === 'string') return bad(value) ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findString(value[i], bad, `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findString(inner, bad, `${at}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The real corpus

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Every `step`-th file of the corpus (sorted, so the sample is the same everywhere). */
export function corpusSample(step = 1): CorpusFile[] {
  if (!existsSync(DEFAULT_CORPUS))
    throw new Error(`the corpus is missing at ${DEFAULT_CORPUS}; it is part of the repository`);
  return readdirSync(DEFAULT_CORPUS)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .filter((_name, i) => i % step === 0)
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DEFAULT_CORPUS, name))) }));
}

// ---------------------------------------------------------------------------------------------
// Mutations of real messages (done on the latin1 view, so every byte survives)

const CONTROL = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ff',
  '\r',
  '\n',
  '\t',
  '\u0000\u0000\u0000\u0000',
);
const CHARSETS = fc.constantFrom(
  'utf-7',
  'utf-16',
  'utf-16le',
  'utf-32',
  'x-unknown-charset',
  'iso-2022-jp',
  'gb18030',
  'ebcdic-cp-us',
  'koi8-r',
  '',
  '"',
  '"utf-8',
  'utf-8\u0000',
  'windows-1252',
  'us-ascii',
  'iso-8859-1"; charset="utf-16',
);
const ENCODINGS = fc.constantFrom(
  'base64',
  'quoted-printable',
  '7bit',
  '8bit',
  'binary',
  'x-uuencode',
  '',
  'base64; garbage',
  'BASE64\u0000',
  'quoted-printable quoted-printable',
);
const BASE64_GARBAGE = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_!*\r\n '), {
    minLength: 1,
    maxLength: 3000,
  })
  .map((chars) => chars.join(''));

type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'deleteLines'; readonly at: number; readonly count: number }
  | { readonly op: 'duplicateLines'; readonly at: number; readonly count: number; readonly times: number }
  | { readonly op: 'boundary'; readonly how: 'rename' | 'dropClosing' | 'empty' | 'garbage' | 'unquote' }
  | { readonly op: 'transferEncoding'; readonly value: string }
  | { readonly op: 'charset'; readonly value: string }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'lineEndings'; readonly pattern: readonly ('\r\n' | '\n' | '\r')[] }
  | { readonly op: 'base64Garbage'; readonly at: number; readonly text: string; readonly header: boolean }
  | { readonly op: 'flipByte'; readonly at: number; readonly byte: number }
  | { readonly op: 'splice'; readonly from: number; readonly length: number; readonly to: number };

const position = fc.nat({ max: 1_000_000 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({
    op: fc.constant('deleteLines' as const),
    at: position,
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    op: fc.constant('duplicateLines' as const),
    at: position,
    count: fc.integer({ min: 1, max: 10 }),
    times: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant('boundary' as const),
    how: fc.constantFrom('rename', 'dropClosing', 'empty', 'garbage', 'unquote'),
  }),
  fc.record({ op: fc.constant('transferEncoding' as const), value: ENCODINGS }),
  fc.record({ op: fc.constant('charset' as const), value: CHARSETS }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(CONTROL, fc.string({ unit: 'binary', maxLength: 40 })),
  }),
  fc.record({
    op: fc.constant('lineEndings' as const),
    pattern: fc.array(fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const), {
      minLength: 1,
      maxLength: 7,
    }),
  }),
  fc.record({
    op: fc.constant('base64Garbage' as const),
    at: position,
    text: BASE64_GARBAGE,
    header: fc.boolean(),
  }),
  fc.record({ op: fc.constant('flipByte' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    op: fc.constant('splice' as const),
    from: position,
    length: fc.integer({ min: 1, max: 2000 }),
    to: position,
  }),
);

const LINE = /\r\n|\r|\n/;

function mutate(text: string, m: Mutation): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'deleteLines': {
      const lines = text.split(LINE);
      const start = m.at % Math.max(1, lines.length);
      lines.splice(start, m.count);
      return lines.join('\n');
    }
    case 'duplicateLines': {
      const lines = text.split(LINE);
      const start = m.at % Math.max(1, lines.length);
      const chunk = lines.slice(start, start + m.count);
      const copies: string[] = [];
      for (let i = 0; i < m.times; i++) copies.push(...chunk);
      lines.splice(start, 0, ...copies);
      return lines.join('\r\n');
    }
    case 'boundary': {
      const names = [...text.matchAll(/boundary\s*=\s*"?([^";\r\n]+)"?/gi)].map((x) => x[1] ?? '');
      let out = text;
      for (const name of names.filter(Boolean)) {
        if (m.how === 'rename') out = out.split(`--${name}`).join(`--${name}X`);
        else if (m.how === 'dropClosing') out = out.split(`--${name}--`).join('');
        else if (m.how === 'empty') out = out.split(name).join('');
        else if (m.how === 'garbage') out = out.replace(`boundary="${name}"`, 'boundary="\u0000\u00ff--\r"');
        else out = out.replace(`boundary="${name}"`, `boundary=${name} extra`);
      }
      return out;
    }
    case 'transferEncoding':
      return text.replace(/(content-transfer-encoding\s*:)[^\r\n]*/gi, `$1 ${m.value}`);
    case 'charset':
      return text.replace(/(charset\s*=\s*)("?)[^";\s]*\2/gi, `$1${m.value}`);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'lineEndings': {
      const lines = text.split(LINE);
      return lines
        .map((line, i) => line + (i < lines.length - 1 ? m.pattern[i % m.pattern.length] : ''))
        .join('');
    }
    case 'base64Garbage': {
      const insert = m.header ? `\r\nContent-Transfer-Encoding: base64\r\n\r\n${m.text}\r\n` : m.text;
      return text.slice(0, at(m.at)) + insert + text.slice(at(m.at));
    }
    case 'flipByte': {
      const i = at(m.at);
      return text.slice(0, i) + String.fromCharCode(m.byte) + text.slice(i + 1);
    }
    case 'splice': {
      const from = at(m.from);
      const chunk = text.slice(from, from + m.length);
      const to = at(m.to);
      return text.slice(0, to) + chunk + text.slice(to);
    }
  }
}

/** A corpus file with 1–4 mutations, analysed as bytes (like a dropped file) or as text (like a paste). */
export function corpusMutationArb(
  files: readonly CorpusFile[],
  via: 'bytes' | 'text',
): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.nat({ max: files.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([index, mutations]) => {
      const file = files[index] as CorpusFile;
      const text = mutations.reduce(mutate, latin1Text(file.bytes));
      const kind = `corpus:${file.name}:${mutations.map((x) => x.op).join('+')}`;
      return via === 'bytes'
        ? { kind, via, input: latin1Bytes(text) }
        : { kind, via, input: Buffer.from(latin1Bytes(text)).toString('utf8') };
    });
}

// ---------------------------------------------------------------------------------------------
// Arbitrary input

/** Full-Unicode strings (lone surrogates included), analysed as pasted text, optionally with headers. */
export const unicodeTextArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.option(fc.string({ unit: 'binary', maxLength: 200 })),
  )
  .map(([input, headers]) =>
    headers === null
      ? { kind: 'unicode-text', via: 'text', input }
      : { kind: 'unicode-text+headers', via: 'text', input, headers },
  );

const FRAGMENTS = [
  'Subject: Undeliverable: x\r\n',
  'From: MAILER-DAEMON@example.com\r\n',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n',
  'Content-Type: message/delivery-status\r\n',
  '\r\n--b\r\n',
  '--b--\r\n',
  'Final-Recipient: rfc822; a@b.example\r\n',
  'Action: failed\r\n',
  'Status: 5.1.1\r\n',
  'Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n',
  'Remote-MTA: dns; mx.b.example\r\n',
  'Reporting-MTA: dns; mail.example.com\r\n',
  'Delivery has failed to these recipients or groups:\r\n',
  "Remote Server returned '550 5.4.1 Relay Access Denied'\r\n",
  '<a@b.example>: host mx.b.example[192.0.2.1] said: 550 5.1.1 <a@b.example>: Recipient address rejected\r\n',
  'Diagnostic information for administrators:\r\n',
  'Generating server: EX01.example.com\r\n',
  '-----Original Message-----\r\n',
  '---------- Forwarded message ---------\r\n',
  'Original message headers:\r\n',
  '=?utf-8?B?PHNjcmlwdD4=?=',
  '=?x-unknown?Q?=00=FF?=',
  'Content-Transfer-Encoding: base64\r\n',
  'Content-Transfer-Encoding: quoted-printable\r\n',
  '=\r\n',
  '=ZZ',
  '\u0000',
  '\r',
  '\n',
  ' ',
  '@',
  '<',
  '>',
  '550 ',
  '5.',
  '4.',
  'X-MS-Exchange-Message-Is-Ndr:\r\n',
  '{"notificationType":"Bounce","bounce":{"bouncedRecipients":[{"emailAddress":"a@b.example"}]}}',
];

/** Text assembled from NDR fragments and noise: close enough to a report to reach the deep parsers. */
const fragmentTextArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 30 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

export const fragmentCaseArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(fragmentTextArb, fc.boolean())
  .map(([text, asBytes]) =>
    asBytes
      ? { kind: 'fragments-bytes', via: 'bytes', input: new TextEncoder().encode(text) }
      : { kind: 'fragments-text', via: 'text', input: text },
  );

/** Binary garbage, sometimes behind a header block or an OLE signature, so every decoder sees it. */
export const binaryArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('none', 'eml', 'ole', 'mbox'))
  .map(([bytes, prefix]) => {
    const head =
      prefix === 'eml'
        ? latin1Bytes(
            'From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; boundary=x\r\n\r\n',
          )
        : prefix === 'ole'
          ? Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
          : prefix === 'mbox'
            ? latin1Bytes('From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n')
            : new Uint8Array(0);
    const input = new Uint8Array(head.length + bytes.length);
    input.set(head);
    input.set(bytes, head.length);
    return { kind: `binary:${prefix}`, via: 'bytes', input };
  });

// ---------------------------------------------------------------------------------------------
// Generated extremes

function dsnEnvelope(subject: string, ds: string, extraParts = ''): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mail.example.com>',
    'To: alex@example.com',
    `Subject: ${subject}`,
    'Date: Tue, 3 Nov 2026 09:12:05 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain',
    '',
    'Delivery to the following recipients failed.',
    '',
    '--outer',
    'Content-Type: message/delivery-status',
    '',
    ds,
    extraParts,
    '--outer--',
    '',
  ].join('\r\n');
}

/** A delivery-status part with `count` per-recipient groups. */
export function manyRecipients(count: number, variant = 0): string {
  const groups: string[] = ['Reporting-MTA: dns; mail.example.com', ''];
  for (let i = 0; i < count; i++)
    groups.push(
      `Final-Recipient: rfc822; user${i}${variant ? `.${variant}` : ''}@example.net`,
      'Action: failed',
      `Status: 5.${(i + variant) % 8}.${i % 5}`,
      `Diagnostic-Code: smtp; 550 5.1.1 user${i} unknown`,
      '',
    );
  return dsnEnvelope('Undeliverable: many recipients', groups.join('\r\n'));
}

/** The same 10,000 recipients as a Postfix-style text bounce. */
function manyRecipientsText(count: number): string {
  const lines = [
    'This is the mail system at host mail.example.com.',
    '',
    "I'm sorry to have to inform you",
    '',
  ];
  for (let i = 0; i < count; i++)
    lines.push(`<user${i}@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown`);
  return lines.join('\n');
}

/** `depth` levels of multipart/mixed around a delivery-status part (and, optionally, message/rfc822). */
function nestedMultiparts(depth: number, rfc822 = false): string {
  let body = [
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.example.com',
    '',
    'Final-Recipient: rfc822; deep@example.net',
    'Action: failed',
    'Status: 5.1.1',
    '',
  ].join('\r\n');
  for (let level = depth; level > 0; level--) {
    const b = `level${level}`;
    const type = rfc822 && level % 2 === 0 ? 'message/rfc822' : `multipart/mixed; boundary="${b}"`;
    body =
      type === 'message/rfc822'
        ? `Content-Type: message/rfc822\r\n\r\nFrom: a@example.com\r\nSubject: level ${level}\r\n${body}`
        : `Content-Type: ${type}\r\n\r\n--${b}\r\n${body}\r\n--${b}--\r\n`;
  }
  return `From: MAILER-DAEMON@mail.example.com\r\nTo: alex@example.com\r\nSubject: Undeliverable: nested\r\nMIME-Version: 1.0\r\n${body}`;
}

/** A header line of `size` characters (one line, or folded into many). */
function hugeHeader(size: number, fill: string, folded: boolean): string {
  const value = fill.repeat(Math.ceil(size / fill.length)).slice(0, size);
  const header = folded ? value.replace(/(.{900})/g, '$1\r\n ') : value;
  return dsnEnvelope(
    `Undeliverable: ${header}`,
    [
      'Reporting-MTA: dns; mail.example.com',
      '',
      'Final-Recipient: rfc822; a@example.net',
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 ${header.slice(0, 200_000)}`,
      '',
    ].join('\r\n'),
  );
}

export const extremeArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((variant) => ({
    kind: 'extreme:10000-recipients',
    via: 'bytes' as const,
    input: latin1Bytes(manyRecipients(10_000, variant)),
  })),
  fc.constant({
    kind: 'extreme:10000-recipients-text',
    via: 'text' as const,
    input: manyRecipientsText(10_000),
  }),
  fc.boolean().map((rfc822) => ({
    kind: `extreme:100-nested-multiparts${rfc822 ? '+rfc822' : ''}`,
    via: 'bytes' as const,
    input: latin1Bytes(nestedMultiparts(100, rfc822)),
  })),
  fc
    .tuple(fc.constantFrom('a', ' ', '@', '=?utf-8?B?QUFB?= ', '<x@y.z>,', '5.1.1 ', '\t'), fc.boolean())
    .map(([fill, folded]) => ({
      kind: `extreme:1MB-header(${JSON.stringify(fill)}${folded ? ',folded' : ''})`,
      via: 'bytes' as const,
      input: latin1Bytes(hugeHeader(1_000_000, fill, folded)),
    })),
);

// ---------------------------------------------------------------------------------------------
// Adversarial inputs for regular expressions (ReDoS)

export const KB100 = 100 * 1024;

/** Runs of what the patterns of src/core repeat, each `size` characters, with a tail that fails the match. */
export function adversarialInputs(size = KB100): { readonly name: string; readonly text: string }[] {
  const fill = (unit: string, tail = '!'): string =>
    unit.repeat(Math.ceil(size / unit.length)).slice(0, size - tail.length) + tail;
  return [
    { name: 'spaces', text: fill(' ', '\u0000') },
    { name: 'tabs', text: fill('\t') },
    { name: 'at-signs', text: fill('@') },
    { name: 'dots', text: fill('.') },
    { name: 'less-than', text: fill('<') },
    { name: 'digits', text: fill('5') },
    { name: 'letters', text: fill('a') },
    { name: 'hyphens', text: fill('-') },
    { name: 'equals', text: fill('=') },
    { name: 'newlines', text: fill('\n') },
    { name: 'crlf-space', text: fill('\r\n ') },
    { name: 'address-like', text: fill('a.a@a-a.') },
    { name: 'status-like', text: fill('5.5.') },
    { name: 'reply-code-like', text: fill('550-') },
    { name: 'header-like', text: fill('a: a\n') },
    { name: 'colons', text: fill(':') },
    { name: 'quotes', text: fill('"\\') },
    { name: 'brackets', text: fill('[(<') },
    { name: 'mixed-space-dot', text: fill(' .\t-') },
    { name: 'encoded-word', text: fill('=?a?b?') },
  ];
}

/** Adversarial text wrapped as a message (header value and body), so the MIME route sees it too. */
export function adversarialMessage(text: string): Uint8Array {
  const half = text.slice(0, text.length >> 1);
  return latin1Bytes(
    `From: MAILER-DAEMON@mail.example.com\r\nTo: a@example.com\r\nSubject: Undeliverable: ${half.replace(/[\r\n]/g, ' ')}\r\nMIME-Version: 1.0\r\n\r\n${half}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Issue 12: forward chains and reply threads, lone surrogates, long runs after every label.
// (Malformed .msg compound files are generated with the .msg reader's tests; they join the
// campaign as one more class of FuzzCase with via 'bytes'.)

/** Text as the body of a plain-text message: the MIME door (Outlook item, dropped .eml). */
function asMessage(subject: string, body: string): Uint8Array {
  return new TextEncoder().encode(
    [
      'From: Piet de Vries <piet@contoso.example>',
      'To: ICT Servicedesk <servicedesk@contoso.example>',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body.replace(/\r?\n/g, '\r\n'),
    ].join('\r\n'),
  );
}

function bounceExpected(bounce: boolean): Expected {
  return bounce
    ? { verdict: 'bounce', recipient: FORWARDED_NDR_RECIPIENT.address }
    : { verdict: 'not-a-bounce' };
}

/** Chains of up to `maxBlocks` forward blocks, with or without the report at the bottom, quoted or not. */
export function forwardChainArb(maxBlocks = 400): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      blocks: fc.integer({ min: 1, max: maxBlocks }),
      bounce: fc.boolean(),
      quoted: fc.boolean(),
      crlf: fc.boolean(),
      message: fc.boolean(),
    })
    .map(({ blocks, bounce, quoted, crlf, message }): FuzzCase => {
      let text = forwardChain(blocks, bounce);
      if (quoted) text = text.replace(/^/gm, '> ');
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const kind = `forward-chain:${blocks}${bounce ? ':bounce' : ''}${quoted ? ':quoted' : ''}`;
      const expected = bounceExpected(bounce);
      return message
        ? { kind: `${kind}:eml`, via: 'bytes', input: asMessage('FW: Offerte', text), expected }
        : { kind, via: 'text', input: text, expected };
    });
}

/** Ordinary reply threads of up to `maxMessages` messages of about 1 KB, with or without the report below. */
export function replyThreadArb(maxMessages = 120): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      messages: fc.integer({ min: 1, max: maxMessages }),
      bounce: fc.boolean(),
      message: fc.boolean(),
    })
    .map(({ messages, bounce, message }): FuzzCase => {
      const text = replyThread(messages, bounce);
      const kind = `reply-thread:${messages}${bounce ? ':bounce' : ''}`;
      const expected = bounceExpected(bounce);
      return message
        ? { kind: `${kind}:eml`, via: 'bytes', input: asMessage('RE: Offerte', text), expected }
        : { kind, via: 'text', input: text, expected };
    });
}

/** A subject and error with emoji (surrogate pairs), one of them with a skin-tone modifier. */
const EMOJI_TEXT = 'Offerte \u{1F680} voor \u{1F4E6} Jan \u{1F44D}\u{1F3FD} klaar \u{1F600}';

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** The code units of `text` as a JSON string's escapes (\ud83d for half an emoji). */
const jsonEscape = (text: string): string =>
  text.replace(/[^ -~]|["\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The code units of `text` as HTML character references (&#xd83d; for half an emoji). */
const htmlEscape = (text: string): string =>
  Array.from({ length: text.length }, (_, i) => {
    const code = text.charCodeAt(i);
    return code < 0x80 && !'<>&"'.includes(text.charAt(i)) ? text.charAt(i) : `&#x${code.toString(16)};`;
  }).join('');

/** The code units of `text` as an RFC 2047 word in UTF-16BE. */
function utf16Word(text: string): string {
  const bytes = Array.from({ length: text.length }, (_, i) => {
    const code = text.charCodeAt(i);
    return [code >> 8, code & 0xff];
  }).flat();
  return `=?utf-16be?B?${Buffer.from(bytes).toString('base64')}?=`;
}

/** The ways text from a bounce reaches the analyser; a lone surrogate can ride in each. */
export const SURROGATE_FORMS = [
  'pasted-exchange',
  'pasted-postfix',
  'pasted-dsn',
  'ses-json',
  'html-entity',
  'mime-utf16-subject',
] as const;

/** A bounce (the report of jan@fabrikam.example) with `value` in its subject, display name and error. */
export function surrogateCase(form: (typeof SURROGATE_FORMS)[number], value: string, kind: string): FuzzCase {
  const expected: Expected = { verdict: 'bounce', recipient: 'jan@fabrikam.example' };
  const dsn = [
    'Reporting-MTA: dns; mail.contoso.example',
    '',
    'Final-Recipient: rfc822; jan@fabrikam.example',
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 ${value}`,
  ];
  const from = 'From: Mail Delivery System <MAILER-DAEMON@mail.contoso.example>';
  switch (form) {
    case 'pasted-exchange':
      return {
        kind,
        via: 'text',
        expected,
        input: [
          `Subject: Undeliverable: ${value}`,
          '',
          'Delivery has failed to these recipients or groups:',
          '',
          `${value} (jan@fabrikam.example)<mailto:jan@fabrikam.example>`,
          '',
          'Diagnostic information for administrators:',
          '',
          'jan@fabrikam.example',
          `Remote Server returned '550 5.1.1 ${value}'`,
        ].join('\n'),
      };
    case 'pasted-postfix':
      return {
        kind,
        via: 'text',
        expected,
        input: [
          'This is the mail system at host mail.contoso.example.',
          '',
          "I'm sorry to have to inform you that your message could not",
          'be delivered to one or more recipients.',
          '',
          `<jan@fabrikam.example>: host mx.fabrikam.example[192.0.2.1] said: 550 5.1.1 ${value}`,
        ].join('\n'),
      };
    case 'pasted-dsn':
      return {
        kind,
        via: 'text',
        expected,
        input: dsn.join('\n'),
        headers: `${from}\nSubject: Undeliverable: ${value}`,
      };
    case 'ses-json':
      return {
        kind,
        via: 'bytes',
        expected,
        input: latin1Bytes(
          [
            'From: AWS Notifications <no-reply@sns.amazonaws.com>',
            'Subject: AWS Notification Message',
            'Content-Type: text/plain; charset=us-ascii',
            '',
            `{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"jan@fabrikam.example","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 ${jsonEscape(value)}"}],"reportingMTA":"dns; a1-2.smtp-out.eu-west-1.amazonses.com"},"mail":{"commonHeaders":{"subject":"${jsonEscape(value)}"}}}`,
          ].join('\r\n'),
        ),
      };
    case 'html-entity':
      return {
        kind,
        via: 'bytes',
        expected,
        input: latin1Bytes(
          [
            from,
            `Subject: Undeliverable: ${htmlEscape(value)}`,
            'Content-Type: text/html; charset=us-ascii',
            '',
            '<html><body><p>Delivery has failed to these recipients or groups:</p>',
            `<p>${htmlEscape(value)} (jan@fabrikam.example)</p>`,
            '<p>Diagnostic information for administrators:</p>',
            '<p>jan@fabrikam.example<br>',
            `Remote Server returned '550 5.1.1 ${htmlEscape(value)}'</p></body></html>`,
          ].join('\r\n'),
        ),
      };
    case 'mime-utf16-subject':
      return {
        kind,
        via: 'bytes',
        expected,
        input: latin1Bytes(dsnEnvelope(`Undeliverable: ${utf16Word(value)}`, dsn.join('\r\n'))),
      };
  }
}

/**
 * The emoji text repeated `repeat` times without the code unit at `at`: a cut inside an emoji
 * leaves half of it. Long repeats reach the analyser's own cuts (errors of 2,000 and 4,000
 * characters, evidence of 400), which must never split a pair themselves.
 */
function surrogateCut(form: (typeof SURROGATE_FORMS)[number], repeat: number, at: number): FuzzCase {
  const text = EMOJI_TEXT.repeat(repeat);
  const i = at % text.length;
  const value = text.slice(0, i) + text.slice(i + 1);
  const lone = isSurrogate(text.charCodeAt(i));
  const c = surrogateCase(form, value, `surrogate:${form}:${repeat}x${lone ? ':lone' : ''}`);
  // Without a lone surrogate in the input there must be none in the result: the analyser's own
  // cuts keep pairs whole.
  return lone ? c : { ...c, expected: { ...c.expected, wellFormed: true } };
}

/** A lone surrogate at any cut of an emoji-laden subject and error, in every form it arrives in. */
export const surrogateArb: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...SURROGATE_FORMS), fc.constantFrom(1, 3, 50, 100, 250), fc.nat())
  .map(([form, repeat, at]) => surrogateCut(form, repeat, at));

/** Every cut of the emoji text, in every form: a lone surrogate everywhere it can be. */
export function everySurrogateCut(): FuzzCase[] {
  return SURROGATE_FORMS.flatMap((form) =>
    Array.from({ length: EMOJI_TEXT.length }, (_, at) => surrogateCut(form, 1, at)),
  );
}

/** Where a run is put: after a label, or in the part of a report where its scanner reads it. */
const RUN_PLACES = {
  label: (text: string): string => text,
  diagnostic: inExchangeAdminSection,
  'text-bounce': inTextBounce,
} as const;

/**
 * Any known label followed by a long run of one class of character, pasted or inside a message;
 * or the start of an Exchange diagnostic line or a text bounce's recipient line so followed, in
 * the part of a report where it is read.
 */
export function labelRunArb(minSize = 10_000, maxSize = 300 * 1024): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      start: fc.oneof(
        fc
          .constantFrom(...knownLabels(), ...knownKeywords())
          .map((label) => ({ label, place: 'label' as const })),
        fc.constantFrom(...DIAGNOSTIC_LINE_STARTS).map((label) => ({ label, place: 'diagnostic' as const })),
        fc.constantFrom(...RECIPIENT_LINE_STARTS).map((label) => ({ label, place: 'text-bounce' as const })),
      ),
      run: fc.constantFrom(...Object.keys(RUN_CLASSES)),
      size: fc.integer({ min: minSize, max: maxSize }),
      nextLine: fc.boolean(),
      message: fc.boolean(),
    })
    .map(({ start: { label, place }, run, size, nextLine, message }): FuzzCase => {
      const below = nextLine && place === 'label';
      const text = RUN_PLACES[place](labelRun(label, RUN_CLASSES[run] ?? ' ', size, below));
      const kind = `${place}-run:${run}:${JSON.stringify(label)}${below ? ':next-line' : ''}`;
      return message
        ? { kind: `${kind}:eml`, via: 'bytes', input: asMessage('Undeliverable: Offerte', text) }
        : { kind, via: 'text', input: text };
    });
}
