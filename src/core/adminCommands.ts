/**
 * Copy-ready PowerShell for the admin view, with the bounce's real values filled in: the domain's
 * MX records, the organisation's accepted domains, a message trace for the original message in a
 * window around its date, and the connectors for hybrid and relay cases. Only values that pass
 * strict validation (src/core/safeValues.ts, and the Message-ID and date checks here) enter a
 * command; a value that fails leaves a visible `<placeholder>` the admin fills in.
 */
import { validAddress, validDomain } from './safeValues';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{5,15}(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RFC5322_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|UT|GMT|[ECMP][SD]T)$/;

/**
 * A day in ISO form (`2026-11-04`), `offsetDays` from a date written as RFC 5322 or ISO 8601
 * describe it; null for anything else, so the bounce's text never reaches the command.
 */
function validDay(value: string | null | undefined, offsetDays: number): string | null {
  const date = value?.replace(/\s*\([^()]{0,60}\)\s*$/, '').trim() ?? '';
  if (!ISO_DATE.test(date) && !RFC5322_DATE.test(date)) return null;
  const time = Date.parse(date);
  if (Number.isNaN(time)) return null;
  return new Date(time + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const RELAY = /relayAccessDenied|norelaying/i;

/** The commands that help with this recipient's bounce, in the order an admin runs them. */
export function adminCommands(analysis: Analysis, recipient: RecipientOutcome): AdminCommand[] {
  const commands: AdminCommand[] = [];
  const address = validAddress(recipient.address);
  const domain = validDomain(address ? address.slice(address.lastIndexOf('@') + 1) : null);
  const senderDomain = validDomain(senderAddressDomain(analysis));
  const target = /outbound/i.test(recipient.cause) ? senderDomain : domain;
  const missing = (value: string | null, name: string) => (value ? [] : [name]);

  commands.push({
    id: 'dns.mx',
    command: `Resolve-DnsName -Name ${target ?? '<domain>'} -Type MX`,
    missing: missing(target, 'domain'),
  });
  if (
    recipient.reason === 'authfailure' ||
    /^5\.7\.(?:2[0-7]|50[89]|51[0-5])$/.test(recipient.status?.code ?? '')
  )
    commands.push({
      id: 'dns.txt',
      command: `Resolve-DnsName -Name ${senderDomain ?? '<domain>'} -Type TXT`,
      missing: missing(senderDomain, 'domain'),
    });
  if (RELAY.test(recipient.cause) || RELAY.test(recipient.reason))
    commands.push({
      id: 'exo.acceptedDomain',
      command: `Get-AcceptedDomain | Where-Object DomainName -eq '${target ?? '<domain>'}' | Format-List Name,DomainName,DomainType,Default`,
      missing: missing(target, 'domain'),
    });
  commands.push(messageTrace(analysis, address));
  if (RELAY.test(recipient.cause) || RELAY.test(recipient.reason)) {
    commands.push({
      id: 'exo.inboundConnector',
      command:
        'Get-InboundConnector | Format-List Name,Enabled,ConnectorType,SenderDomains,RestrictDomainsToCertificate,TlsSenderCertificateName',
      missing: [],
    });
    commands.push({
      id: 'exo.outboundConnector',
      command:
        'Get-OutboundConnector | Format-List Name,Enabled,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord',
      missing: [],
    });
  }
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

function senderAddressDomain(analysis: Analysis): string | null {
  const from = analysis.original.from ?? '';
  const address = validAddress(/<([^<>\s]{3,254})>/.exec(from)?.[1] ?? from.trim());
  return address ? address.slice(address.lastIndexOf('@') + 1) : null;
}
