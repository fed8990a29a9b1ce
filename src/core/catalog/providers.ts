import type { Reason } from '../types';

/**
 * Remote-provider knowledge: large mailbox providers and filtering services publish their own
 * error-code tables, and their replies name a code (`AUP#CXBL`, `OFR_506`, `IB607`, `RCP-P2`) or a
 * fixed phrase whose meaning the provider documents. Such a reply says more than the generic status
 * code around it (Cox answers a block-listed IP with "550 5.1.0 … sender rejected … AUP#CDRBL").
 * This plays the part of Sisimai's remote-host tables (docs/ndr-notes.md §7.4: decoder, then remote
 * provider, then status code, then text patterns).
 *
 * A provider applies when the recipient's domain, the server that gave the error or the server that
 * wrote the report is one of its hosts. Every pattern runs on the lower-cased, space-folded
 * diagnostic text and is linear-time: fixed phrases, bounded character classes, no nested repeats.
 */
export interface ProviderRule {
  /** A documented phrase or code in the reply. */
  readonly text: RegExp;
  /** Only when the SMTP reply code also matches (some phrases mean different things per code). */
  readonly reply?: RegExp;
  readonly reason: Reason;
}

export interface Provider {
  readonly id: string;
  /** Host-name suffixes; `example.com` matches `example.com` and `mx.example.com`. */
  readonly hosts: readonly string[];
  /** Where the codes and phrases are documented. */
  readonly source: string;
  /** Reads the provider's own error code from the text and maps it; null when absent or unknown. */
  readonly code?: (text: string) => Reason | null;
  /** Phrase rules, tried in order after `code`. */
  readonly rules: readonly ProviderRule[];
}

/** Looks a code up in a table, or in `[from, to, reason]` numeric ranges. */
function inRanges(value: number, ranges: readonly (readonly [number, number, Reason])[]): Reason | null {
  for (const [from, to, reason] of ranges) if (value >= from && value <= to) return reason;
  return null;
}

const COX_CODES: Readonly<Record<string, Reason>> = {
  cxbl: 'blocked', // sending IP blocked for spam-like behaviour
  cdrbl: 'blocked', // sending IP temporarily blocked (up to 24 h)
  cxdns: 'requireptr', // reverse DNS of the sending IP fails
  cxsndr: 'authfailure', // SPF / DomainKeys / DKIM failure of the sending domain
  cxsmtp: 'rejected', // SMTP protocol violation, sender not verifiable
  cxcnct: 'ratelimited', // too many concurrent connections
  cxmxrt: 'ratelimited', // too many recipients, must wait
  cxthrt: 'securityerror', // sending limited: suspicious account activity
  cxmj: 'securityerror', // sending blocked: suspicious activity on the primary account
};

/** Spectrum (Charter) `AUP#I-nnnn` / `AUP#O-nnnn` codes, by documented range. */
const SPECTRUM_RANGES: readonly (readonly [number, number, Reason])[] = [
  [1000, 1000, 'blocked'],
  [1010, 1080, 'rejected'],
  [1090, 1090, 'systemerror'],
  [1100, 1150, 'requireptr'],
  [1160, 1190, 'policyviolation'],
  [1200, 1250, 'blocked'],
  [1260, 1260, 'networkerror'],
  [1300, 1340, 'ratelimited'],
  [1350, 1490, 'ratelimited'],
  [1500, 1520, 'rejected'],
  [1530, 1530, 'emailtoolarge'],
  [1540, 1550, 'ratelimited'],
  [1560, 1560, 'policyviolation'],
  [1580, 1580, 'ratelimited'],
];

/** Orange / Wanadoo (`OFR…_nnn`) and La Poste (`LPN…_nnn`) error numbers. */
const ORANGE_CODES: Readonly<Record<string, Reason>> = {
  '101': 'blocked',
  '102': 'blocked',
  '103': 'blocked',
  '104': 'ratelimited',
  '305': 'securityerror',
  '401': 'authfailure',
  '402': 'securityerror',
  '403': 'rejected',
  '405': 'rejected',
  '415': 'rejected',
  '416': 'userunknown',
  '417': 'mailboxfull',
  '420': 'suspend',
  '421': 'rejected',
  '426': 'suspend',
  '505': 'systemerror',
  '506': 'spamdetected',
  '510': 'blocked',
  '514': 'emailtoolarge',
  '517': 'authfailure',
  '630': 'policyviolation',
  '999': 'blocked',
};

/** GoDaddy (secureserver.net) `IBnnn` codes. */
const GODADDY_CODES: Readonly<Record<string, Reason>> = {
  ib401: 'securityerror',
  ib501: 'notcompliantrfc',
  ib502: 'notcompliantrfc',
  ib506: 'rejected',
  ib508: 'authfailure',
  ib108: 'requireptr',
  ib212: 'spamdetected',
  ib705: 'virusdetected',
  ib605: 'ratelimited',
  ib007: 'ratelimited',
  ib101: 'ratelimited',
  ib110: 'blocked',
  ib111: 'blocked',
  ib112: 'blocked',
  ib113: 'blocked',
  ib504: 'ratelimited',
  ib510: 'ratelimited',
  ib607: 'ratelimited',
  ib103: 'badreputation',
  ib104: 'blocked',
  ib105: 'blocked',
  ib106: 'blocked',
};

/** Facebook `XXX-Pn` / `XXX-Tn` response codes. */
const FACEBOOK_CODES: Readonly<Record<string, Reason>> = {
  'pol-p1': 'blocked',
  'pol-p2': 'blocked',
  'pol-p3': 'blocked',
  'pol-p4': 'blocked',
  'pol-t1': 'blocked',
  'pol-t2': 'blocked',
  'pol-t3': 'blocked',
  'pol-p5': 'virusdetected',
  'pol-p6': 'spamdetected',
  'pol-p7': 'authfailure',
  'msg-p1': 'emailtoolarge',
  'int-p2': 'emailtoolarge',
  'msg-p2': 'contenterror',
  'msg-p3': 'notcompliantrfc',
  'msg-t1': 'ratelimited',
  'rcp-p1': 'userunknown',
  'int-p1': 'userunknown',
  'int-p3': 'userunknown',
  'int-p4': 'userunknown',
  'rcp-p2': 'filtered',
  'rcp-p3': 'filtered',
  'rcp-t1': 'systemerror',
  'rcp-t4': 'suspend',
  'dns-p1': 'rejected',
  'dns-p2': 'rejected',
  'dns-t1': 'rejected',
  'dns-p3': 'requireptr',
  'dns-t2': 'requireptr',
  'con-t1': 'ratelimited',
  'con-t2': 'ratelimited',
  'con-t3': 'ratelimited',
  'con-t4': 'ratelimited',
};

export const providers: readonly Provider[] = [
  {
    id: 'cox',
    hosts: ['cox.net'],
    source: 'Cox postmaster error codes (cox.com/residential/support/email-error-codes.html)',
    code: (text) => {
      const code = /aup#([a-z]{2,8}\d{0,5})/.exec(text)?.[1] ?? '';
      if (/^ipbl\d{4,5}$/.test(code)) return 'blocked'; // sending IP on Spamhaus / Cloudmark / other DNSBLs
      if (/^urlbl\d{3,4}$/.test(code)) return 'spamdetected'; // a URL in the body is block-listed
      return COX_CODES[code] ?? null;
    },
    rules: [
      { text: /too many bad commands from|too many invalid recipients/, reason: 'blocked' },
      { text: /dns check failure - try again later|rejected - no rdns/, reason: 'requireptr' },
      { text: /esmtp no data before greeting|attachment extension is forbidden/, reason: 'policyviolation' },
      { text: /too many sessions from|message threshold exceeded/, reason: 'ratelimited' },
      { text: /esmtp server temporarily not available/, reason: 'systemerror' },
      { text: /sender rejected/, reason: 'rejected' },
      { text: /recipient rejected/, reason: 'userunknown' },
    ],
  },
  {
    id: 'spectrum',
    hosts: ['charter.net', 'spectrum.net'],
    source: 'Spectrum "Understanding email error codes" (AUP#I-/AUP#O- codes)',
    code: (text) => {
      const code = /aup#[io][a-z]{0,3}-?(\d{4})\b/.exec(text)?.[1];
      return code ? inRanges(Number(code), SPECTRUM_RANGES) : null;
    },
    rules: [],
  },
  {
    id: 'godaddy',
    hosts: ['secureserver.net'],
    source: 'GoDaddy "Fix rejected email with a bounce error" (IBnnn codes)',
    code: (text) => GODADDY_CODES[/\b(ib\d{3})\b/.exec(text)?.[1] ?? ''] ?? null,
    rules: [
      { text: /rbl reject|spamhaus\.org\/query\/bl\?ip=/, reason: 'blocked' },
      { text: /account storage limit/, reason: 'mailboxfull' },
      { text: /message rejected for spam or virus content/, reason: 'spamdetected' },
      { text: /account disabled/, reason: 'suspend' },
      { text: /message is looping/, reason: 'systemerror' },
      { text: /recipient not found|account does not exist/, reason: 'userunknown' },
    ],
  },
  {
    id: 'facebook',
    hosts: ['facebook.com'],
    source: 'Facebook postmaster response codes (postmaster.facebook.com/response_codes)',
    code: (text) => FACEBOOK_CODES[/\b((?:pol|msg|rcp|int|dns|con)-[pt]\d)\b/.exec(text)?.[1] ?? ''] ?? null,
    rules: [],
  },
  {
    id: 'orange',
    hosts: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
    source: 'Orange / La Poste SMTP error codes (OFR_nnn, LPNnnn_nnn; postmastery.com, smtpfieldmanual.com)',
    code: (text) =>
      ORANGE_CODES[/\b(?:ofr|lpn|lpnaaa|ouk)[0-9a-z]{0,6}_(\d{3})\b/.exec(text)?.[1] ?? ''] ?? null,
    rules: [{ text: /spf\/dns de votre nom de domaine/, reason: 'authfailure' }],
  },
  {
    id: 'mimecast',
    hosts: ['mimecast.com'],
    source: 'Mimecast SMTP error codes (community.mimecast.com)',
    rules: [
      {
        reply: /^550$/,
        text: /(?:spf|dkim|dmarc) sender invalid - envelope rejected/,
        reason: 'authfailure',
      },
      { reply: /^451$/, text: /internal resources are temporarily unavailable/, reason: 'badreputation' },
      { reply: /^550$/, text: /local ct ip reputation/, reason: 'badreputation' },
      {
        reply: /^4\d\d$/,
        text: /sender address blocked|ip temporarily blacklisted|recipient temporarily unavailable/,
        reason: 'blocked',
      },
      {
        reply: /^553$/,
        text: /this route requires (?:encryption|tls|high-strength ciphers)/,
        reason: 'failedstarttls',
      },
      { reply: /^554$/, text: /maximum email size exceeded/, reason: 'emailtoolarge' },
      { reply: /^554$/, text: /mail loop detected/, reason: 'networkerror' },
      { reply: /^451$/, text: /open relay (?:is )?not allowed/, reason: 'norelaying' },
      { reply: /^451$/, text: /account inbounds disabled/, reason: 'notaccept' },
      { reply: /^550$/, text: /anti-spoofing policy|content examination policy/, reason: 'policyviolation' },
      { reply: /^554$/, text: /host network,? not allowed/, reason: 'policyviolation' },
      {
        reply: /^550$/,
        text: /envelope blocked|blocked senders|envelope rejected - block policy/,
        reason: 'rejected',
      },
      {
        reply: /^5\d\d$/,
        text: /incorrect authentication data|submitter failed to authenticate/,
        reason: 'securityerror',
      },
      {
        reply: /^451$/,
        text: /unable to process (?:connection|command|an email)|message ended early/,
        reason: 'systemerror',
      },
      {
        reply: /^4\d\d$/,
        text: /account service is temporarily unavailable|too many recipients/,
        reason: 'ratelimited',
      },
      { reply: /^550$/, text: /exceeding outbound thread limit/, reason: 'ratelimited' },
      { reply: /^5\d\d$/, text: /invalid address|user unknown|invalid recipient/, reason: 'userunknown' },
      // "A signature was detected that could either be a virus, or a spam score over the maximum threshold."
      { reply: /^554$/, text: /email rejected due to security policies/, reason: 'virusdetected' },
    ],
  },
  {
    id: 'zoho',
    hosts: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in'],
    source: 'Zoho Mail SMTP errors (zoho.com/mail/help; smtpfieldmanual.com/provider/zoho)',
    rules: [
      { text: /email rejected per dmarc policy/, reason: 'authfailure' },
      { text: /greylisted, try again after some time/, reason: 'blocked' },
      // Zoho's refusal of the sender (or of mail it flags as spam) for the whole domain.
      {
        text: /mail rejected by destination domain|email cannot be delivered\. reason: email flagged as spam/,
        reason: 'rejected',
      },
      {
        text: /email policy violation detected|mailbox delivery restricted by policy/,
        reason: 'policyviolation',
      },
      { text: /temporary system error/, reason: 'systemerror' },
      { text: /user does not exist/, reason: 'userunknown' },
      { text: / detected by zoho mail/, reason: 'virusdetected' },
    ],
  },
  {
    id: 'kddi',
    hosts: ['ezweb.ne.jp', 'au.com'],
    source: 'au (KDDI) mail error guidance (au.com/support/service/internet/trouble/mail/01/)',
    rules: [
      // au answers its recipients' reception filters with an address-less "550 : User unknown"
      // and a really unknown address with the address quoted.
      { text: /550 : user unknown/, reason: 'filtered' },
      { text: />: user unknown/, reason: 'userunknown' },
    ],
  },
  {
    id: 'yahoo',
    hosts: ['yahoodns.net', 'yahoo.com', 'yahoo.co.jp', 'aol.com'],
    source: 'Yahoo sender hub SMTP error codes (senders.yahooinc.com/smtp-error-codes)',
    rules: [
      { text: /yahoo requires all senders to authenticate with either spf or dkim/, reason: 'authfailure' },
      {
        text: /because the ip is in spamhaus's list|not accepted from ip addresses on spamhaus/,
        reason: 'blocked',
      },
      { text: /relaying denied for /, reason: 'norelaying' },
      { text: /headers are not rfc compliant/, reason: 'notcompliantrfc' },
      { text: /not accepted for policy reasons/, reason: 'policyviolation' },
      // ([TSS04] "deferred due to unexpected volume or user complaints" is left to the generic
      // reputation patterns: Yahoo sends it for poor IP or domain reputation.)
      { text: /unresolvable rfc\.?5321/, reason: 'rejected' },
      {
        text: /user is receiving mail too quickly|max message per connection reached/,
        reason: 'ratelimited',
      },
      { text: / is no longer valid\.|this mailbox is disabled/, reason: 'suspend' },
      { text: /dd this user doesn't have a |mailbox not found/, reason: 'userunknown' },
    ],
  },
  {
    id: 'messagelabs',
    hosts: ['messagelabs.com'],
    source: 'Broadcom Email Security.cloud error and bounce codes (knowledge.broadcom.com article 169652)',
    rules: [
      { text: /domain authentication fail/, reason: 'authfailure' },
      { text: /connection rejected by policy/, reason: 'badreputation' },
      {
        text: /your ip is in the pbl|your ip address (?:\([^)]{0,60}\) )?has been (?:blocked|blacklisted)/,
        reason: 'blocked',
      },
      { text: /stray linefeeds in message/, reason: 'contenterror' },
      { text: /tls\/sslv3 connection required/, reason: 'failedstarttls' },
      { text: / as a relay, /, reason: 'norelaying' },
      { text: /has detected that this message is not rfc ?5322/, reason: 'notcompliantrfc' },
      {
        text: /sender envelope domain not allowed|your (?:domain|email address) has been (?:blocked|blacklisted)|your envelope sender is in my badmailfrom list/,
        reason: 'rejected',
      },
      { text: /please turn on smtp authentication/, reason: 'securityerror' },
      { text: /message filtered|filtered by outbound scanning/, reason: 'spamdetected' },
      { text: /too many recipients received this hour|too many messages/, reason: 'ratelimited' },
      { text: /no such user|invalid recipient|mailbox is not allowed/, reason: 'userunknown' },
    ],
  },
  {
    id: 'cloudflare',
    hosts: ['mx.cloudflare.net'],
    source: 'Cloudflare Email Routing postmaster (developers.cloudflare.com/email-routing/postmaster)',
    rules: [
      { text: /found on one or more dnsbls/, reason: 'blocked' },
      { text: /upstream error/, reason: 'systemerror' },
    ],
  },
];

/** Each host suffix of the table with the position of the first provider that lists it. */
const PROVIDER_BY_SUFFIX = new Map<string, number>();
providers.forEach((provider, index) => {
  for (const suffix of provider.hosts)
    if (!PROVIDER_BY_SUFFIX.has(suffix)) PROVIDER_BY_SUFFIX.set(suffix, index);
});

/**
 * The first provider (in table order) with a suffix that `host` is or ends in after a dot
 * (`example.com` matches `example.com` and `mx.example.com`): the host's own dot-suffixes are
 * looked up, instead of comparing the host with every suffix of every provider.
 */
function providerOf(host: string): Provider | undefined {
  let first = PROVIDER_BY_SUFFIX.get(host);
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const index = PROVIDER_BY_SUFFIX.get(host.slice(dot + 1));
    if (index !== undefined && (first === undefined || index < first)) first = index;
  }
  return first === undefined ? undefined : providers[first];
}

export interface ProviderInput {
  /** Hosts to compare: the recipient's domain, the remote MTA, the reporting MTA (in that order). */
  readonly hosts: readonly (string | null)[];
  /** Lower-cased, space-folded diagnostic text. */
  readonly text: string;
  readonly replyCode: string | null;
}

/** The reason a provider's own documentation gives this reply, or null. */
export function providerReason(
  input: ProviderInput,
): { readonly provider: Provider; readonly reason: Reason } | null {
  if (!input.text) return null;
  const hosts = input.hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase().replace(/\.$/, ''));
  // The first host (recipient domain before remote MTA before reporter) that names a provider decides.
  for (const host of hosts) {
    const provider = providerOf(host);
    if (!provider) continue;
    const text = input.text.slice(0, 4000);
    const byCode = provider.code?.(text) ?? null;
    if (byCode) return { provider, reason: byCode };
    for (const rule of provider.rules) {
      if (rule.reply && !rule.reply.test(input.replyCode ?? '')) continue;
      if (rule.text.test(text)) return { provider, reason: rule.reason };
    }
    return null;
  }
  return null;
}
