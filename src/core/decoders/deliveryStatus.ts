/**
 * RFC 3464 delivery-status reports: the message/delivery-status part, or its fields written into
 * the text when broken MIME or quoting hid the part. One finding per recipient group.
 */
import {
  findDeliveryStatusInText,
  splitDiagnostic,
  typedValue,
  type DeliveryStatusReport,
  type FieldGroup,
} from '../dsn/deliveryStatus';
import { toIsoDate } from '../dates';
import { cleanAddress, findAddress } from '../text';
import type { DeliveryAction, Evidence, Reason } from '../types';
import { MAX_TEXT, partOf } from '../pipeline/input';
import { ev, type Decoder, type DecoderInput, type Decoding, type Finding } from './types';

/**
 * PowerMTA classifies every failure itself and writes the class next to the RFC 3464 fields
 * (`X-PowerMTA-BounceCategory: bad-mailbox`). It is the sending MTA's own verdict on the reply,
 * documented in its user guide, so it stands in for a decoder's reading of the layout; as with
 * other provisional reasons, the classifier still lets more specific words in the reply win.
 */
const POWERMTA_CATEGORIES: Readonly<Record<string, Reason>> = {
  'bad-domain': 'hostunknown',
  'bad-mailbox': 'userunknown',
  'inactive-mailbox': 'suspend',
  'message-expired': 'expired',
  'no-answer-from-host': 'networkerror',
  'policy-related': 'policyviolation',
  'quota-issues': 'mailboxfull',
  'routing-errors': 'systemerror',
  'spam-related': 'spamdetected',
  'virus-related': 'virusdetected',
  'content-related': 'contenterror',
  'relaying-issues': 'norelaying',
};

const ACTIONS: ReadonlyMap<string, DeliveryAction> = new Map([
  ['failed', 'failed'],
  ['failure', 'failed'],
  ['delayed', 'delayed'],
  ['delay', 'delayed'],
  ['delivered', 'delivered'],
  ['relayed', 'relayed'],
  ['expanded', 'expanded'],
]);

function parseAction(value: string | undefined): DeliveryAction | null {
  const word =
    (value ?? '')
      .trim()
      .toLowerCase()
      .split(/[\s(;]/)[0] ?? '';
  return ACTIONS.get(word) ?? null;
}

/** The fields shown as evidence, in this order, each under the name it is shown with. */
const EVIDENCE_FIELDS: readonly (readonly [key: string, shownAs: string])[] = [
  ['final-recipient', 'Final-Recipient'],
  ['action', 'Action'],
  ['status', 'Status'],
  ['diagnostic-code', 'Diagnostic-Code'],
  ['remote-mta', 'Remote-MTA'],
  ['last-attempt-date', 'Last-Attempt-Date'],
  ['arrival-date', 'Arrival-Date'],
  ['will-retry-until', 'Will-Retry-Until'],
  ['x-powermta-bouncecategory', 'X-PowerMTA-BounceCategory'],
];

/**
 * Which fields count as evidence: those with a value, but the Diagnostic-Code only with text after
 * its type, Remote-MTA only with a name, the Arrival-Date only without a Last-Attempt-Date, and the
 * PowerMTA category only when it is one we know.
 */
function shownFields(group: FieldGroup, hasDiagnostic: boolean, category: Reason | null): Set<string> {
  const shown = new Set<string>();
  for (const [key] of EVIDENCE_FIELDS) if (group.get(key)) shown.add(key);
  if (!typedValue(group.get('final-recipient'))) shown.delete('final-recipient');
  if (!hasDiagnostic) shown.delete('diagnostic-code');
  if (!typedValue(group.get('remote-mta'))) shown.delete('remote-mta');
  if (group.has('last-attempt-date')) shown.delete('arrival-date');
  if (!category) shown.delete('x-powermta-bouncecategory');
  return shown;
}

function groupEvidence(
  group: FieldGroup,
  source: Evidence['source'],
  shown: ReadonlySet<string>,
): Evidence[] {
  return EVIDENCE_FIELDS.filter(([key]) => shown.has(key)).map(([key, name]) =>
    ev(source, name, group.get(key) ?? ''),
  );
}

/**
 * A recipient field's value, or null when it names no one: challenge-response and other notices
 * write an empty address (`rfc822; <>`, `rfc822; ""`), which is no recipient.
 */
function recipientValue(field: string | undefined): string | null {
  const value = typedValue(field);
  return value !== null && cleanAddress(value) !== '' ? value : null;
}

/** The recipient of a group: Final-Recipient, else Original-Recipient; an address when one is there. */
function groupAddresses(group: FieldGroup): { address: string | null; originalAddress: string | null } {
  const finalRecipient = recipientValue(group.get('final-recipient'));
  const originalRecipient = recipientValue(group.get('original-recipient'));
  const address =
    findAddress(finalRecipient ?? '') ??
    findAddress(originalRecipient ?? '') ??
    finalRecipient ??
    originalRecipient;
  const original = findAddress(originalRecipient ?? '');
  const differs = original !== null && address !== null && original.toLowerCase() !== address.toLowerCase();
  return { address, originalAddress: differs ? original : null };
}

function remoteHost(group: FieldGroup): string | null {
  const remote = typedValue(group.get('remote-mta'));
  return remote ? (remote.replace(/^\[|\]$/g, '').split(/\s/)[0] ?? remote) : null;
}

/** One recipient group as a finding. */
export function fromGroup(group: FieldGroup, source: Evidence['source']): Finding {
  const diagnostic = splitDiagnostic(group.get('diagnostic-code'));
  const categoryRaw = group.get('x-powermta-bouncecategory');
  const category = categoryRaw ? (POWERMTA_CATEGORIES[categoryRaw.trim().toLowerCase()] ?? null) : null;
  const shown = shownFields(group, diagnostic.text !== null, category);
  const actionRaw = group.get('action');
  return {
    ...groupAddresses(group),
    displayName: group.get('x-display-name')?.trim() || null,
    action: parseAction(actionRaw),
    statusText: group.get('status') ?? null,
    diagnostic: diagnostic.text,
    diagnosticField: diagnostic.text ? 'Diagnostic-Code' : null,
    diagnosticType: diagnostic.text ? diagnostic.type : null,
    diagnosticSource: source,
    remoteMta: remoteHost(group),
    lastAttempt: toIsoDate(group.get('last-attempt-date') ?? group.get('arrival-date')),
    retryUntil: toIsoDate(group.get('will-retry-until')),
    command: null,
    category,
    evidence: groupEvidence(group, source, shown),
  };
}

/** A report read as RFC 3464 fields, from `source`. */
export function deliveryStatusDecoding(
  report: DeliveryStatusReport,
  source: Evidence['source'],
  decoder: Decoding['decoder'],
  warnings: Decoding['warnings'] = [],
): Decoding {
  return {
    decoder,
    deliveryStatus: report,
    findings: report.perRecipient.map((group) => fromGroup(group, source)),
    warnings,
  };
}

/**
 * The fields written into the text: broken MIME (a wrong boundary, parts without headers) or a
 * quoted report. A disposition notification's fields (Final-Recipient too) are not a DSN's.
 */
function fromText(input: DecoderInput): DeliveryStatusReport | null {
  const { text, message } = input;
  if (partOf(message, 'message/disposition-notification')) return null;
  return (
    findDeliveryStatusInText(text) ??
    (message.raw ? findDeliveryStatusInText(message.raw.slice(0, MAX_TEXT)) : null)
  );
}

export const deliveryStatusDecoder: Decoder = {
  name: 'delivery-status',
  marksReport: true,
  decode(input) {
    if (input.dsFromPart)
      return deliveryStatusDecoding(input.dsFromPart, 'delivery-status', 'delivery-status');
    const quoted = fromText(input);
    if (!quoted) return null;
    const lostPart = input.dsPart === undefined && input.message.parts.length > 0;
    return deliveryStatusDecoding(
      quoted,
      'human-readable',
      'delivery-status',
      lostPart ? [{ code: 'mime.deliveryStatusNotAPart' }] : [],
    );
  },
};
