/**
 * `--check-dns`: the pane's DNS check from the command line. Only with that option does the CLI
 * make a request, and only to the resolver given by `--doh` (default: the pane's default), with
 * the second resolver for the propagation check. The verdicts are the core's (src/core/dnsCheck.ts).
 */
import { assessDns, dnsQuestions, planDnsCheck, type DnsCheckResult, type DnsPlan } from '../core/dnsCheck';
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import { resolveAll, type DohErrorKind } from '../net/doh';
import { terminalSafe } from './format';

export interface CliDnsOptions {
  readonly resolver: string;
  /** Compared for propagation; null when `--doh` names one resolver only. */
  readonly secondResolver: string | null;
}

export interface CliDnsCheck {
  readonly domain: string;
  readonly focus: DnsPlan['focus'];
  readonly resolver: string;
  readonly checkedAt: string;
  /** Why the resolver gave no answer at all; null when it answered. */
  readonly error: DohErrorKind | null;
  readonly results: readonly DnsCheckResult[];
}

/** The check the bounce's first recipient calls for, or null when DNS cannot help. */
export async function checkDns(analysis: Analysis, options: CliDnsOptions): Promise<CliDnsCheck | null> {
  const recipient = analysis.recipients[0];
  const plan = recipient ? planDnsCheck(analysis, recipient) : null;
  if (!plan) return null;
  const questions = dnsQuestions(plan);
  const [primary, secondary] = await Promise.all([
    resolveAll(options.resolver, questions),
    options.secondResolver && plan.checks.includes('mx.agree')
      ? resolveAll(
          options.secondResolver,
          questions.filter((q) => q.type === 'MX'),
        )
      : Promise.resolve(null),
  ]);
  const second = secondary && secondary.answers.size > 0 ? secondary.answers : null;
  return {
    domain: plan.domain,
    focus: plan.focus,
    resolver: options.resolver,
    checkedAt: new Date().toISOString(),
    error: primary.answers.size === 0 ? (primary.errors[0]?.kind ?? 'server') : null,
    results: assessDns(plan, primary.answers, second),
  };
}

const MARK: Record<DnsCheckResult['state'], string> = {
  ok: '[ok]',
  problem: '[!!]',
  unknown: '[??]',
  info: '[i]',
};

/** The check as text lines: the time, then each step with its mark, its finding and its records. */
export function dnsCheckLines(check: CliDnsCheck, t: Translator): string[] {
  const lines = ['', `-- ${t.t('dns.checkedAt', { domain: check.domain, time: check.checkedAt })}`];
  if (check.error) return [...lines, t.t(`dns.error.${check.error}`)];
  for (const r of check.results) {
    lines.push(`${MARK[r.state]} ${t.t(`dns.finding.${r.finding}`, { domain: check.domain })}`);
    // The resolver's records are data from outside: quoted, made safe for the terminal.
    for (const record of r.records) lines.push(`     “${terminalSafe(record)}”`);
  }
  return lines;
}
