/**
 * DNS over HTTPS (RFC 8484): the only request the pane makes besides loading office.js, and only
 * after the user clicked "Check … now". Only the domain name leaves the machine, only to the
 * configured resolver. The wire format is dns-packet's; this module adds the HTTP exchange, a
 * timeout, cancellation and plain errors, and hands the core (src/core/dnsCheck.ts) plain data.
 */
import { Buffer } from 'buffer';
import * as dnsPacket from 'dns-packet';
import {
  questionKey,
  type DnsAnswer,
  type DnsAnswers,
  type DnsQuestion,
  type DnsRecord,
} from '../core/dnsCheck';

export type DohErrorKind = 'offline' | 'blocked' | 'timeout' | 'server' | 'malformed' | 'cancelled';

/** Why a lookup failed, as a code the UI words (never the resolver's own text). */
export class DohError extends Error {
  constructor(
    readonly kind: DohErrorKind,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'DohError';
  }
}

export interface DohOptions {
  readonly signal?: AbortSignal;
  /** Per question; default 5 s. */
  readonly timeoutMs?: number;
  /** Injected for tests and the CLI; default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Asks one question (RFC 8484 GET, so caches and CORS preflight-free requests work). */
export async function queryDoh(
  resolver: string,
  question: DnsQuestion,
  options: DohOptions = {},
): Promise<DnsAnswer> {
  const query = dnsPacket.encode({
    type: 'query',
    id: 0, // RFC 8484 §4.1: 0 for cache friendliness
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: question.type, name: question.name, class: 'IN' }],
  });
  const url = new URL(resolver);
  url.searchParams.set('dns', base64url(query));
  const body = await exchange(url.toString(), options);
  return readAnswer(body, question);
}

/** Asks every question; a failed question is left out (its checks become "unknown"). */
export async function resolveAll(
  resolver: string,
  questions: readonly DnsQuestion[],
  options: DohOptions = {},
): Promise<{ answers: DnsAnswers; errors: DohError[] }> {
  const answers = new Map<string, DnsAnswer>();
  const errors: DohError[] = [];
  const settled = await Promise.allSettled(questions.map((q) => queryDoh(resolver, q, options)));
  settled.forEach((outcome, index) => {
    const question = questions[index];
    if (!question) return;
    if (outcome.status === 'fulfilled') answers.set(questionKey(question), outcome.value);
    else
      errors.push(
        outcome.reason instanceof DohError ? outcome.reason : new DohError('server', String(outcome.reason)),
      );
  });
  return { answers, errors };
}

async function exchange(url: string, options: DohOptions): Promise<Uint8Array> {
  const doFetch = options.fetch ?? globalThis.fetch;
  if (options.signal?.aborted) throw new DohError('cancelled', 'before the request');
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/dns-message' },
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    } catch (error) {
      if (options.signal?.aborted) throw new DohError('cancelled', 'by the user');
      if (controller.signal.aborted) throw new DohError('timeout', 'no answer in time');
      // A browser reports CORS and policy (CSP) refusals exactly like a network failure.
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new DohError(offline ? 'offline' : 'blocked', String(error));
    }
    if (!response.ok) throw new DohError('server', `HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/dns-message\b/i.test(type)) throw new DohError('malformed', `content type ${type}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > 65_535) throw new DohError('malformed', 'answer too large');
    return bytes;
  } finally {
    clearTimeout(timeout);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function readAnswer(bytes: Uint8Array, question: DnsQuestion): DnsAnswer {
  let packet: dnsPacket.Packet;
  try {
    packet = dnsPacket.decode(Buffer.from(bytes));
  } catch (error) {
    throw new DohError('malformed', String(error));
  }
  const rcode = (packet as { rcode?: string }).rcode ?? 'NOERROR';
  if (rcode === 'SERVFAIL' || rcode === 'REFUSED') throw new DohError('server', rcode);
  const records: DnsRecord[] = [];
  for (const answer of packet.answers ?? []) {
    if (records.length >= 50) break;
    const record = toRecord(answer, question);
    if (record) records.push(record);
  }
  return { rcode, records };
}

function toRecord(answer: dnsPacket.Answer, question: DnsQuestion): DnsRecord | null {
  if (answer.name.toLowerCase().replace(/\.$/, '') !== question.name.toLowerCase()) return null;
  const ttl = 'ttl' in answer && typeof answer.ttl === 'number' ? answer.ttl : 0;
  switch (answer.type) {
    case 'MX':
      return { type: 'MX', ttl, data: `${answer.data.preference} ${answer.data.exchange || '.'}` };
    case 'TXT': {
      const parts = Array.isArray(answer.data) ? answer.data : [answer.data];
      const text = parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
      return { type: 'TXT', ttl, data: text.slice(0, 2000) };
    }
    case 'A':
      return { type: 'A', ttl, data: answer.data };
    default:
      return null;
  }
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
