import { decodeEncodedWords } from '../headers';
import { splitLines } from '../text';

/** One RFC 3464 field group: per-message or per-recipient. Keys lower-case. */
export type FieldGroup = ReadonlyMap<string, string>;

export interface DeliveryStatusReport {
  readonly perMessage: FieldGroup;
  readonly perRecipient: readonly FieldGroup[];
}

const FIELD = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:\s?(.*)$/;

/** Fields that start a per-recipient group even when the blank line between groups is missing. */
const RECIPIENT_START = new Set(['original-recipient', 'final-recipient']);
const PER_MESSAGE = new Set([
  'original-envelope-id',
  'reporting-mta',
  'dsn-gateway',
  'received-from-mta',
  'arrival-date',
]);

/**
 * Whether a field starts a new group: a recipient field after one already in the
 * group, an Original-Recipient after a complete group, a recipient field after per-message fields
 * only (the blank line between them lost), or any field repeated (but Diagnostic-Code, which some
 * servers write over several lines).
 */
function startsGroup(current: Map<string, string>, key: string): boolean {
  const startsRecipient = RECIPIENT_START.has(key);
  if (startsRecipient && (current.has(key) || hasOnlyPerMessageFields(current))) return true;
  const complete = current.has('final-recipient') && (current.has('action') || current.has('status'));
  if (key === 'original-recipient' && complete) return true;
  return current.has(key) && key !== 'diagnostic-code';
}

/** The fields as groups, as the blank lines (or, where they are missing, the fields) divide them. */
function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  let lastKey: string | null = null;
  for (const line of splitLines(text)) {
    if (line.trim() === '') {
      current = null;
      lastKey = null;
      continue;
    }
    if (/^[ \t]/.test(line) && current && lastKey) {
      current.set(lastKey, `${current.get(lastKey) ?? ''} ${line.trim()}`);
      continue;
    }
    const match = FIELD.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim();
    if (!current || startsGroup(current, key)) {
      current = new Map();
      groups.push(current);
    }
    current.set(key, current.has(key) ? `${current.get(key) ?? ''} ${value}` : value);
    lastKey = key;
  }
  return groups;
}

const RECIPIENT_FIELDS = ['final-recipient', 'original-recipient', 'action', 'status'];

/**
 * Parses the body of a message/delivery-status (or message/global-delivery-status) part.
 * Tolerant: folded fields, missing blank lines between groups, stray text lines (ignored),
 * and groups without Final-Recipient (kept; the caller decides).
 */
export function parseDeliveryStatus(text: string): DeliveryStatusReport {
  const perMessage = new Map<string, string>();
  const perRecipient: Map<string, string>[] = [];
  for (const group of fieldGroups(text)) {
    if (RECIPIENT_FIELDS.some((key) => group.has(key))) perRecipient.push(group);
    else for (const [key, value] of group) if (!perMessage.has(key)) perMessage.set(key, value);
  }
  // Reporting-MTA sometimes sits inside the first recipient group when the blank line is missing.
  for (const group of perRecipient) {
    for (const key of PER_MESSAGE) {
      const value = group.get(key);
      if (value !== undefined && !perMessage.has(key)) perMessage.set(key, value);
    }
  }
  return { perMessage, perRecipient };
}

function hasOnlyPerMessageFields(group: Map<string, string>): boolean {
  for (const key of group.keys()) if (!PER_MESSAGE.has(key) && !key.startsWith('x-')) return false;
  return true;
}

/** `rfc822; user@example.com` → `user@example.com`; `dns; mx.example.com` → `mx.example.com`. */
export function typedValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const decoded = decodeEncodedWords(value);
  const semicolon = decoded.indexOf(';');
  const stripped = (semicolon >= 0 && semicolon < 20 ? decoded.slice(semicolon + 1) : decoded).trim();
  return stripped === '' ? null : stripped;
}

/** The diagnostic type and text: `smtp; 550 5.1.1 ...` → { type: 'smtp', text: '550 5.1.1 ...' }. */
export function splitDiagnostic(value: string | undefined): { type: string | null; text: string | null } {
  if (value === undefined) return { type: null, text: null };
  const match = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})\s*;\s*(.*)$/s.exec(value);
  if (match) return { type: (match[1] ?? '').toLowerCase(), text: (match[2] ?? '').trim() || null };
  return { type: null, text: value.trim() || null };
}

/** Finds RFC 3464 field groups written into ordinary text (broken MIME, quoted bounces). */
export function findDeliveryStatusInText(text: string): DeliveryStatusReport | null {
  const index = text.search(/^(?:Final-Recipient|Original-Recipient)\s*:/im);
  if (index < 0) return null;
  const startOfBlock = text.lastIndexOf('\n\n', index);
  const reportingIndex = text.search(/^Reporting-MTA\s*:/im);
  const from = reportingIndex >= 0 && reportingIndex < index ? reportingIndex : Math.max(0, startOfBlock);
  // Stop at the next MIME boundary or returned-message heading so the original's headers stay out.
  const rest = text.slice(index);
  const end = rest.search(
    /^--\S|^-{3,}\s*(?:original|returned|message)|^Content-Type:\s*(?:message|text)\/(?:rfc822|plain|html)/im,
  );
  const until = index + (end >= 0 ? end : Math.min(rest.length, 200_000));
  const report = parseDeliveryStatus(text.slice(from, until));
  const withRecipient = report.perRecipient.filter(
    (g) => g.has('final-recipient') || g.has('original-recipient'),
  );
  return withRecipient.length > 0 ? { perMessage: report.perMessage, perRecipient: withRecipient } : null;
}
