import {
  assessDns,
  type DnsAnswers,
  type DnsCheckResult,
  type DnsPlan,
  type DnsQuestion,
} from '../core/dnsCheck';
import type { DohErrorKind } from '../net/doh';

/** What one check found: the answers of both resolvers, the checklist, and what went wrong. */
export interface DnsOutcome {
  readonly results: readonly DnsCheckResult[];
  readonly primary: DnsAnswers;
  readonly secondary: DnsAnswers | null;
  /** Why the primary resolver gave no answer at all (then every check is unknown). */
  readonly error: DohErrorKind | null;
  /** When the check ran, ISO 8601. */
  readonly checkedAt: string;
}

/** A finished check as the admin mail carries it. */
export interface DnsCheckDone {
  readonly plan: DnsPlan;
  readonly outcome: DnsOutcome;
}

export type DnsLookup = ((
  plan: DnsPlan,
  questions: readonly DnsQuestion[],
  signal: AbortSignal,
) => Promise<DnsOutcome>) & {
  /** The resolver's host name, for the privacy note. */
  readonly resolverHost: string;
};

export interface DnsConfig {
  /** The resolver asked first (RFC 8484 URL). */
  readonly resolver: string;
  /** A second resolver whose MX answer is compared, or null. */
  readonly secondResolver: string | null;
}

/** The resolvers this build may ask (`ADDIN_DOH` at build time; the page's CSP lists exactly these). */
declare const __DOH_RESOLVERS__: readonly string[] | undefined;
export const BUILT_RESOLVERS: readonly string[] =
  typeof __DOH_RESOLVERS__ !== 'undefined' ? __DOH_RESOLVERS__ : [];

/**
 * Reads the DNS check's configuration: the build's resolvers (`ADDIN_DOH`, which the page's CSP
 * `connect-src` lists) unless the page URL says `?doh=off` (an organisation that does not want the
 * feature sets that in its manifest). Another URL in `?doh=` is used only when it is one the build
 * allows, since the CSP would block any other. Null when the feature is off.
 */
export function dnsConfig(search: string, built: readonly string[]): DnsConfig | null {
  const wanted = new URLSearchParams(search).get('doh');
  if (wanted === 'off' || built.length === 0) return null;
  const first = wanted && built.includes(wanted) ? wanted : built[0];
  if (!first) return null;
  return { resolver: first, secondResolver: built.find((r) => r !== first) ?? null };
}

/** A lookup that asks over DoH; dns-packet loads only when the user asks for a check. */
export function dohLookup(config: DnsConfig, now: () => Date = () => new Date()): DnsLookup {
  const lookup = async (
    plan: DnsPlan,
    questions: readonly DnsQuestion[],
    signal: AbortSignal,
  ): Promise<DnsOutcome> => {
    const { resolveAll } = await import(/* webpackChunkName: "doh" */ '../net/doh');
    const mxOnly = questions.filter((q) => q.type === 'MX');
    const [primary, secondary] = await Promise.all([
      resolveAll(config.resolver, questions, { signal }),
      config.secondResolver && plan.checks.includes('mx.agree')
        ? resolveAll(config.secondResolver, mxOnly, { signal })
        : Promise.resolve(null),
    ]);
    const second = secondary && secondary.answers.size > 0 ? secondary.answers : null;
    const error = primary.answers.size === 0 ? (primary.errors[0]?.kind ?? 'server') : null;
    return {
      results: assessDns(plan, primary.answers, second),
      primary: primary.answers,
      secondary: second,
      error,
      checkedAt: now().toISOString(),
    };
  };
  return Object.assign(lookup, { resolverHost: new URL(config.resolver).host });
}

/** The lookup for a page opened with `search` as its query, or null when the DNS check is off. */
export function configuredLookup(search: string): DnsLookup | null {
  const config = dnsConfig(search, BUILT_RESOLVERS);
  return config ? dohLookup(config) : null;
}
