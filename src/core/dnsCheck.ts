/**
 * The admin's checklist answered from public DNS: which domain to look at for a bounce, which
 * records to ask for, and what the answers prove. Pure: the lookups themselves are done by the
 * caller (src/net/doh.ts in the pane and the CLI) and handed in as plain data, so the verdicts are
 * tested without a network.
 *
 * What is checked follows the cause (docs/ndr-notes.md §5 on 5.4.1): a relay refusal at the
 * recipient's side is answered by the recipient domain's MX records (do they point to Exchange
 * Online, is there exactly one, do two resolvers agree), a host-unknown bounce by whether the
 * domain exists and accepts mail (RFC 7505 null MX), an SPF/DMARC refusal by the sender domain's
 * SPF and DMARC records.
 */
import { sentenceValues, validAddressIn, validDomain } from './safeValues';
import { domainOf } from './text';
import type { Analysis, RecipientOutcome } from './types';

export type DnsQueryType = 'MX' | 'TXT' | 'A';

/** One question the check needs answered. */
export interface DnsQuestion {
  readonly name: string;
  readonly type: DnsQueryType;
}

/** One resource record as answered (MX: `10 host.example`; TXT: the strings joined). */
export interface DnsRecord {
  readonly type: string;
  readonly ttl: number;
  readonly data: string;
}

/** A resolver's answer to one question. `rcode` as named by RFC 1035/6895 (NOERROR, NXDOMAIN…). */
export interface DnsAnswer {
  readonly rcode: string;
  readonly records: readonly DnsRecord[];
}

/** Answers keyed by `questionKey(question)`; a missing key means the question failed. */
export type DnsAnswers = ReadonlyMap<string, DnsAnswer>;

export type DnsCheckId =
  | 'domain.exists'
  | 'mx.accepts'
  | 'mx.single'
  | 'mx.exchangeOnline'
  | 'mx.agree'
  | 'spf.present'
  | 'spf.exchangeOnline'
  | 'dmarc.present';

export type DnsCheckState = 'ok' | 'problem' | 'unknown' | 'info';

export interface DnsCheckResult {
  readonly id: DnsCheckId;
  readonly state: DnsCheckState;
  /** A stable code for the finding (`mx.exchangeOnline.elsewhere`…); prose lives in the locales. */
  readonly finding: string;
  /** The records that prove it, as answered (host names validated; TXT shown quoted by the UI). */
  readonly records: readonly string[];
}

export type DnsFocus = 'recipient' | 'sender';

/** Which domain to check and what to ask. */
export interface DnsPlan {
  readonly domain: string;
  readonly focus: DnsFocus;
  /** The kind of cause the checks answer. */
  readonly topic: 'relay' | 'host' | 'authentication' | 'routing';
  readonly checks: readonly DnsCheckId[];
}

const RELAY_CHECKS: readonly DnsCheckId[] = [
  'domain.exists',
  'mx.accepts',
  'mx.single',
  'mx.exchangeOnline',
  'mx.agree',
];
const HOST_CHECKS: readonly DnsCheckId[] = ['domain.exists', 'mx.accepts', 'mx.agree'];
const AUTH_CHECKS: readonly DnsCheckId[] = [
  'domain.exists',
  'spf.present',
  'spf.exchangeOnline',
  'dmarc.present',
];
const ROUTING_CHECKS: readonly DnsCheckId[] = ['domain.exists', 'mx.accepts', 'mx.exchangeOnline'];

/** RFC 3463 statuses and Exchange Online codes that are about the sender's SPF, DKIM or DMARC. */
const AUTH_STATUS = /^5\.7\.(?:2[0-7]|50[89]|51[0-5])$/;
const HOST_STATUS = /^[45]\.(?:1\.2|4\.4|4\.0)$/;

/** RFC 3463 statuses and Exchange Online codes that are about the sender's SPF, DKIM or DMARC. */
export function isAuthenticationRefusal(recipient: RecipientOutcome): boolean {
  return recipient.reason === 'authfailure' || AUTH_STATUS.test(recipient.status?.code ?? '');
}

/** A relay refusal, and whether our own organisation refused it on the way out. */
export function relayRefusal(recipient: RecipientOutcome): 'inbound' | 'outbound' | null {
  if (recipient.reason !== 'norelaying' && !/relayAccessDenied/i.test(recipient.cause)) return null;
  return /outbound/i.test(recipient.cause) ? 'outbound' : 'inbound';
}

/** The domain of the original message's sender, validated; null when it fails. */
export function senderDomainOf(analysis: Analysis): string | null {
  return domainOf(validAddressIn(analysis.original.from));
}

/** The check a bounce calls for, or null when DNS cannot help (or no domain passed validation). */
export function planDnsCheck(analysis: Analysis, recipient: RecipientOutcome): DnsPlan | null {
  const recipientDomain = sentenceValues(recipient).domain;
  const senderDomain = senderDomainOf(analysis);
  if (isAuthenticationRefusal(recipient)) return plan(senderDomain, 'sender', 'authentication', AUTH_CHECKS);
  const relay = relayRefusal(recipient);
  // Refused by our own organisation on the way out: the sender's domain and its connectors.
  if (relay === 'outbound') return plan(senderDomain, 'sender', 'relay', RELAY_CHECKS);
  if (relay === 'inbound') return plan(recipientDomain, 'recipient', 'relay', RELAY_CHECKS);
  if (
    recipient.reason === 'hostunknown' ||
    recipient.reason === 'notaccept' ||
    HOST_STATUS.test(recipient.status?.code ?? '')
  )
    return plan(recipientDomain, 'recipient', 'host', HOST_CHECKS);
  if (recipient.actor === 'recipient-admin')
    return plan(recipientDomain, 'recipient', 'routing', ROUTING_CHECKS);
  return null;
}

function plan(
  domain: string | null,
  focus: DnsFocus,
  topic: DnsPlan['topic'],
  checks: readonly DnsCheckId[],
): DnsPlan | null {
  const valid = validDomain(domain);
  return valid ? { domain: valid, focus, topic, checks } : null;
}

/** The questions a plan needs, in the order they are best asked. */
export function dnsQuestions(plan: DnsPlan): DnsQuestion[] {
  const questions: DnsQuestion[] = [];
  const needs = new Set(plan.checks);
  if ([...needs].some((c) => c.startsWith('mx.') || c === 'domain.exists'))
    questions.push({ name: plan.domain, type: 'MX' });
  if (needs.has('spf.present') || needs.has('spf.exchangeOnline'))
    questions.push({ name: plan.domain, type: 'TXT' });
  if (needs.has('dmarc.present')) questions.push({ name: `_dmarc.${plan.domain}`, type: 'TXT' });
  if (needs.has('mx.accepts')) questions.push({ name: plan.domain, type: 'A' });
  return questions;
}

export function questionKey(question: DnsQuestion): string {
  return `${question.type} ${question.name.toLowerCase()}`;
}

/**
 * The verdict of each check of the plan from the primary resolver's answers and, for `mx.agree`,
 * a second resolver's. A question that failed leaves its checks `unknown`, never `problem`.
 */
export function assessDns(
  plan: DnsPlan,
  primary: DnsAnswers,
  secondary: DnsAnswers | null,
): DnsCheckResult[] {
  const facts = readFacts(plan.domain, primary);
  return plan.checks.map((id) => CHECKS[id](facts, plan, secondary));
}

interface Facts {
  readonly mx: DnsAnswer | undefined;
  readonly a: DnsAnswer | undefined;
  readonly txt: DnsAnswer | undefined;
  readonly dmarc: DnsAnswer | undefined;
  readonly hosts: readonly MxHost[];
}

interface MxHost {
  readonly preference: number;
  readonly host: string;
  readonly record: string;
  readonly ttl: number;
}

function readFacts(domain: string, answers: DnsAnswers): Facts {
  const mx = answers.get(questionKey({ name: domain, type: 'MX' }));
  return {
    mx,
    a: answers.get(questionKey({ name: domain, type: 'A' })),
    txt: answers.get(questionKey({ name: domain, type: 'TXT' })),
    dmarc: answers.get(questionKey({ name: `_dmarc.${domain}`, type: 'TXT' })),
    hosts: mxHosts(mx),
  };
}

function mxHosts(answer: DnsAnswer | undefined): MxHost[] {
  const hosts: MxHost[] = [];
  for (const record of answer?.records ?? []) {
    if (record.type !== 'MX') continue;
    const match = /^(\d{1,5})\s+(\S{0,254})$/.exec(record.data.trim());
    if (!match) continue;
    const host = (match[2] ?? '').replace(/\.$/, '').toLowerCase();
    // "." (empty after the dot is cut) is RFC 7505's null MX; anything else must be a host name.
    if (host !== '' && !validDomain(host)) continue;
    hosts.push({ preference: Number(match[1]), host, record: `${match[1]} ${host || '.'}`, ttl: record.ttl });
  }
  return hosts.sort((a, b) => a.preference - b.preference || a.host.localeCompare(b.host));
}

const EXCHANGE_ONLINE_MX = /\.mail\.protection\.outlook\.com$|\.mx\.microsoft$/;

type Check = (facts: Facts, plan: DnsPlan, secondary: DnsAnswers | null) => DnsCheckResult;

function result(
  id: DnsCheckId,
  state: DnsCheckState,
  finding: string,
  records: readonly string[] = [],
): DnsCheckResult {
  return { id, state, finding: `${id}.${finding}`, records: records.slice(0, 10) };
}

const failed = (answer: DnsAnswer | undefined): boolean =>
  !answer || (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN');

const CHECKS: Readonly<Record<DnsCheckId, Check>> = {
  'domain.exists': (f) => {
    if (failed(f.mx)) return result('domain.exists', 'unknown', 'noAnswer');
    return f.mx?.rcode === 'NXDOMAIN'
      ? result('domain.exists', 'problem', 'nxdomain')
      : result('domain.exists', 'ok', 'exists');
  },
  'mx.accepts': (f) => {
    if (failed(f.mx) || f.mx?.rcode === 'NXDOMAIN') return result('mx.accepts', 'unknown', 'noAnswer');
    if (f.hosts.length === 1 && f.hosts[0]?.host === '')
      return result('mx.accepts', 'problem', 'nullMx', [f.hosts[0].record]);
    if (f.hosts.length > 0)
      return result(
        'mx.accepts',
        'ok',
        'mx',
        f.hosts.map((h) => h.record),
      );
    // RFC 5321 §5.1: without MX records mail goes to the domain's own address.
    const addresses = (f.a?.records ?? []).filter((r) => r.type === 'A').map((r) => `A ${r.data}`);
    return addresses.length > 0
      ? result('mx.accepts', 'info', 'implicitA', addresses)
      : result('mx.accepts', 'problem', 'none');
  },
  'mx.single': (f) => {
    if (failed(f.mx) || f.hosts.length === 0) return result('mx.single', 'unknown', 'noAnswer');
    return f.hosts.length === 1
      ? result(
          'mx.single',
          'ok',
          'one',
          f.hosts.map((h) => h.record),
        )
      : result(
          'mx.single',
          'problem',
          'several',
          f.hosts.map((h) => h.record),
        );
  },
  'mx.exchangeOnline': (f, plan) => {
    if (failed(f.mx) || f.hosts.length === 0) return result('mx.exchangeOnline', 'unknown', 'noAnswer');
    const records = f.hosts.map((h) => h.record);
    const microsoft = f.hosts.filter((h) => EXCHANGE_ONLINE_MX.test(h.host)).length;
    if (microsoft === f.hosts.length) return result('mx.exchangeOnline', 'ok', 'all', records);
    if (microsoft > 0) return result('mx.exchangeOnline', 'problem', 'mixed', records);
    // Elsewhere is the fault for a relay refusal (the seed article's first step); for other
    // causes it only says where the domain's mail goes.
    return result('mx.exchangeOnline', plan.topic === 'relay' ? 'problem' : 'info', 'elsewhere', records);
  },
  'mx.agree': (f, plan, secondary) => {
    if (!secondary) return result('mx.agree', 'unknown', 'noSecondResolver');
    const other = readFacts(plan.domain, secondary);
    if (failed(f.mx) || failed(other.mx)) return result('mx.agree', 'unknown', 'noAnswer');
    const mine = f.hosts.map((h) => h.record).join(',');
    const theirs = other.hosts.map((h) => h.record).join(',');
    if (mine === theirs)
      return result(
        'mx.agree',
        'ok',
        'same',
        f.hosts.map((h) => `${h.record} (TTL ${h.ttl})`),
      );
    return result('mx.agree', 'problem', 'differ', [
      ...f.hosts.map((h) => `1: ${h.record} (TTL ${h.ttl})`),
      ...other.hosts.map((h) => `2: ${h.record} (TTL ${h.ttl})`),
    ]);
  },
  'spf.present': (f) => {
    if (failed(f.txt)) return result('spf.present', 'unknown', 'noAnswer');
    const spf = spfRecords(f.txt);
    if (spf.length === 0) return result('spf.present', 'problem', 'none');
    return spf.length === 1
      ? result('spf.present', 'ok', 'one', spf)
      : result('spf.present', 'problem', 'several', spf);
  },
  'spf.exchangeOnline': (f) => {
    if (failed(f.txt)) return result('spf.exchangeOnline', 'unknown', 'noAnswer');
    const spf = spfRecords(f.txt);
    if (spf.length === 0) return result('spf.exchangeOnline', 'unknown', 'noSpf');
    return spf.some((r) => /\binclude:spf\.protection\.outlook\.com\b/i.test(r))
      ? result('spf.exchangeOnline', 'ok', 'included', spf)
      : result('spf.exchangeOnline', 'problem', 'missing', spf);
  },
  'dmarc.present': (f) => {
    if (failed(f.dmarc)) return result('dmarc.present', 'unknown', 'noAnswer');
    const dmarc = (f.dmarc?.records ?? []).filter(
      (r) => r.type === 'TXT' && /^v=DMARC1\b/i.test(r.data.trim()),
    );
    if (dmarc.length === 0) return result('dmarc.present', 'info', 'missing');
    const policy =
      /\bp\s*=\s*(none|quarantine|reject)\b/i.exec(dmarc[0]?.data ?? '')?.[1]?.toLowerCase() ?? 'none';
    return result(
      'dmarc.present',
      'ok',
      policy,
      dmarc.map((r) => r.data.slice(0, 500)),
    );
  },
};

function spfRecords(answer: DnsAnswer | undefined): string[] {
  return (answer?.records ?? [])
    .filter((r) => r.type === 'TXT' && /^v=spf1(?:\s|$)/i.test(r.data.trim()))
    .map((r) => r.data.slice(0, 500));
}
