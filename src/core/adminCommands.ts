/**
 * Copy-ready PowerShell for the admin view, with the bounce's real values filled in: the domain's
 * MX records, the organisation's accepted domains, a message trace for the original message in a
 * window around its date, and the connectors for hybrid and relay cases. Only values that pass
 * strict validation (src/core/safeValues.ts, and the Message-ID and date checks here) enter a
 * command; a value that fails leaves a visible `<placeholder>` the admin fills in.
 */
import type { CauseId } from './catalog/causes';
import { toIsoDate } from './dates';
import { isAuthenticationRefusal, relayRefusal, senderDomainOf } from './dnsCheck';
import { sentenceValues, validAddress } from './safeValues';
import type { Analysis, RecipientOutcome } from './types';

export type AdminCommandId =
  | 'dns.mx'
  | 'dns.txt'
  | 'exo.acceptedDomain'
  | 'exo.messageTrace'
  | 'exo.inboundConnector'
  | 'exo.outboundConnector';

export interface AdminCommand {
  readonly id: AdminCommandId;
  /** The command line, PowerShell; values validated or shown as `<placeholder>`. */
  readonly command: string;
  /** Which values could not be filled in (placeholders left for the admin). */
  readonly missing: readonly string[];
}

// RFC 5322 msg-id: "<" id-left "@" id-right ">", here without the characters PowerShell gives a
// meaning to inside single quotes (only ' itself) or that no real Message-ID uses.
const MESSAGE_ID = /^<[A-Za-z0-9!#%&*+/=?^_{}~.$-]{1,200}@[A-Za-z0-9.[\]:-]{1,200}>$/;

/** A Message-ID safe to put inside single quotes in PowerShell; null when it fails. */
export function validMessageId(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return MESSAGE_ID.test(trimmed) ? trimmed : null;
}

/** A day in ISO form (`2026-11-04`), `offsetDays` from a date in the bounce; null when it is none. */
function validDay(value: string | null, offsetDays: number): string | null {
  const iso = toIsoDate(value ?? undefined);
  // Written by us from the parsed time, so nothing of the bounce's text reaches the command.
  return iso ? new Date(Date.parse(iso) + offsetDays * 86_400_000).toISOString().slice(0, 10) : null;
}

/** The commands that help with this recipient's bounce, in the order an admin runs them. */
export function adminCommands(analysis: Analysis, recipient: RecipientOutcome): AdminCommand[] {
  const address = validAddress(recipient.address);
  const relay = relayRefusal(recipient);
  // The domain the DNS check would look at: the sender's when our own organisation refused.
  const target = relay === 'outbound' ? senderDomainOf(analysis) : sentenceValues(recipient).domain;
  const missing = (value: string | null, name: string) => (value ? [] : [name]);
  const domainCommand = (id: AdminCommandId, command: string, domain: string | null): AdminCommand => ({
    id,
    command: command.replace('{domain}', domain ?? '<domain>'),
    missing: missing(domain, 'domain'),
  });

  const commands = [domainCommand('dns.mx', 'Resolve-DnsName -Name {domain} -Type MX', target)];
  if (isAuthenticationRefusal(recipient))
    commands.push(
      domainCommand('dns.txt', 'Resolve-DnsName -Name {domain} -Type TXT', senderDomainOf(analysis)),
    );
  if (relay)
    commands.push(
      domainCommand(
        'exo.acceptedDomain',
        "Get-AcceptedDomain | Where-Object DomainName -eq '{domain}' | Format-List Name,DomainName,DomainType,Default",
        target,
      ),
    );
  commands.push(messageTrace(analysis, address));
  if (relay)
    commands.push(
      {
        id: 'exo.inboundConnector',
        command:
          'Get-InboundConnector | Format-List Name,Enabled,ConnectorType,SenderDomains,RestrictDomainsToCertificate,TlsSenderCertificateName',
        missing: [],
      },
      {
        id: 'exo.outboundConnector',
        command:
          'Get-OutboundConnector | Format-List Name,Enabled,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord',
        missing: [],
      },
    );
  return commands;
}

/**
 * A message trace for the original: by Message-ID when it has a valid one, else by recipient, in
 * a window from the day before the original's date to the day after (Get-MessageTraceV2 covers
 * the last 90 days, ten at a time).
 */
function messageTrace(analysis: Analysis, recipient: string | null): AdminCommand {
  const messageId = validMessageId(analysis.original.messageId);
  const start = validDay(analysis.original.date ?? analysis.report.date, -1);
  const end = validDay(analysis.original.date ?? analysis.report.date, 2);
  const parts = ['Get-MessageTraceV2'];
  const missing: string[] = [];
  if (messageId) parts.push(`-MessageId '${messageId}'`);
  else if (recipient) parts.push(`-RecipientAddress ${recipient}`);
  else {
    parts.push('-RecipientAddress <recipient>');
    missing.push('recipient');
  }
  parts.push(`-StartDate ${start ?? '<start date>'}`, `-EndDate ${end ?? '<end date>'}`);
  if (!start) missing.push('date');
  return { id: 'exo.messageTrace', command: parts.join(' '), missing };
}

/** Admin-center pages an admin opens for a cause. Our own fixed addresses: nothing from the bounce. */
export type AdminCenterPageId =
  | 'exo.messageTrace'
  | 'exo.connectors'
  | 'exo.acceptedDomains'
  | 'exo.mailFlowRules'
  | 'm365.domains'
  | 'defender.tenantAllowBlockList'
  | 'defender.restrictedEntities';

export const ADMIN_CENTER_URLS: Readonly<Record<AdminCenterPageId, string>> = {
  'exo.messageTrace': 'https://admin.exchange.microsoft.com/#/messagetrace',
  'exo.connectors': 'https://admin.exchange.microsoft.com/#/connectors',
  'exo.acceptedDomains': 'https://admin.exchange.microsoft.com/#/accepteddomains',
  'exo.mailFlowRules': 'https://admin.exchange.microsoft.com/#/transportrules',
  'm365.domains': 'https://admin.microsoft.com/#/Domains',
  'defender.tenantAllowBlockList': 'https://security.microsoft.com/tenantAllowBlockList',
  'defender.restrictedEntities': 'https://security.microsoft.com/restrictedentities',
};

/** Causes whose fix is on one admin-center page, beyond what the relay and authentication tests give. */
const CAUSE_PAGES: ReadonlyMap<string, readonly AdminCenterPageId[]> = new Map<
  CauseId,
  readonly AdminCenterPageId[]
>([
  ['exo.hybridCertificateNotAccepted', ['exo.connectors']],
  ['exo.tenantAttribution', ['exo.connectors', 'exo.acceptedDomains']],
  ['exo.badInboundConnector', ['exo.connectors']],
  ['exo.connectorTlsFailed', ['exo.connectors']],
  ['exo.connectorConnectionProblem', ['exo.connectors']],
  ['exo.dbebRecipientNotFound', ['exo.acceptedDomains']],
  ['exchange.nonAcceptedDomainRelay', ['exo.acceptedDomains', 'exo.connectors']],
  ['exo.unregisteredDomain', ['m365.domains', 'exo.acceptedDomains']],
  ['exo.transportRuleRejected', ['exo.mailFlowRules']],
  ['exo.recipientsBlockedByTenant', ['defender.tenantAllowBlockList']],
  ['exo.senderDenied', ['defender.tenantAllowBlockList']],
  ['exo.badOutboundSender', ['defender.restrictedEntities']],
  ['exo.accountBannedSpam', ['defender.restrictedEntities']],
  ['exo.submissionQuotaExceeded', ['defender.restrictedEntities']],
]);

/**
 * The admin-center pages for this recipient's bounce, in the order an admin uses them: the pages
 * the cause is fixed on, then the message trace (always: it shows what happened to the original).
 */
export function adminCenterPages(recipient: RecipientOutcome): AdminCenterPageId[] {
  const pages = new Set<AdminCenterPageId>(CAUSE_PAGES.get(recipient.cause) ?? []);
  if (relayRefusal(recipient)) {
    pages.add('exo.connectors');
    pages.add('exo.acceptedDomains');
  }
  if (isAuthenticationRefusal(recipient)) pages.add('m365.domains');
  pages.add('exo.messageTrace');
  return [...pages];
}
