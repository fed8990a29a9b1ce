/**
 * A rejection sent as a read receipt: a message/disposition-notification (RFC 8098, before it RFC
 * 3798 and RFC 2298) whose disposition says the message failed. A receipt saying it was displayed,
 * or deleted by its reader, stays a read receipt (pipeline/detect.ts); these are reports of a failure:
 * - the disposition type `failed` (RFC 2298), the modifiers `error` (RFC 8098), `expired` and
 *   `mailbox-terminated` (RFC 2298), or a `Failure:` / `Error:` field (RFC 3798 §3.2.7). Not
 *   `denied`: that is the reader declining to send receipts (RFC 2298 §3.2.6.2), no failure;
 * - `deleted` by an automatic action (RFC 8098 §3.2.6.1: a filter or rule, not the reader).
 */
import { parseDeliveryStatus, typedValue, type FieldGroup } from '../dsn/deliveryStatus';
import { partOf } from '../pipeline/input';
import { cleanAddress, findAddress, foldSpace, cutAt } from '../text';
import type { DecodedMessage } from '../types';
import { ev, finding, type Decoder } from './types';

const FAILED_TYPES = new Set(['failed']);
const FAILED_MODIFIERS = new Set(['error', 'expired', 'mailbox-terminated']);

/** `automatic-action/MDN-sent-automatically; deleted/error` → its mode, type and modifiers. */
function readDisposition(value: string): { automatic: boolean; type: string; modifiers: string[] } {
  const [mode = '', rest = ''] = value.toLowerCase().split(';', 2);
  const [type = '', modifiers = ''] = rest.split('/', 2);
  return {
    automatic: mode.trim().startsWith('automatic-action'),
    type: type.trim(),
    modifiers: modifiers.split(',').map((m) => m.trim()),
  };
}

/** The MDN's fields as one group (the notification has one recipient). */
function mdnFields(message: DecodedMessage): FieldGroup | null {
  const part = partOf(message, 'message/disposition-notification');
  if (!part?.text) return null;
  const report = parseDeliveryStatus(part.text.slice(0, 100_000));
  return [...report.perRecipient, report.perMessage].find((group) => group.has('disposition')) ?? null;
}

function isFailure(fields: FieldGroup): boolean {
  const disposition = readDisposition(fields.get('disposition') ?? '');
  return (
    FAILED_TYPES.has(disposition.type) ||
    disposition.modifiers.some((modifier) => FAILED_MODIFIERS.has(modifier)) ||
    fields.has('failure') ||
    fields.has('error') ||
    (disposition.automatic && disposition.type === 'deleted')
  );
}

/** Whether the message is a disposition notification that reports a failure. */
export function reportsFailure(message: DecodedMessage): boolean {
  const fields = mdnFields(message);
  return fields !== null && isFailure(fields);
}

function recipientOf(fields: FieldGroup): string | null {
  const value = typedValue(fields.get('final-recipient')) ?? typedValue(fields.get('original-recipient'));
  if (value === null || cleanAddress(value) === '') return null;
  return findAddress(value) ?? value;
}

export const dispositionNotificationDecoder: Decoder = {
  name: 'disposition-notification',
  marksReport: true,
  decode({ message, body }) {
    const fields = mdnFields(message);
    if (!fields || !isFailure(fields)) return null;
    const disposition = fields.get('disposition') ?? '';
    const stated = fields.get('failure') ?? fields.get('error') ?? null;
    // Without a Failure or Error field, the receipt's own words say what happened.
    const words = foldSpace(body.ownWithin(2000)).trim();
    const diagnostic = stated ?? (words ? cutAt(words, 500) : null);
    const evidence = [ev('delivery-status', 'Disposition', disposition)];
    if (stated) evidence.push(ev('delivery-status', fields.has('failure') ? 'Failure' : 'Error', stated));
    const only = finding({
      address: recipientOf(fields),
      action: 'failed',
      diagnostic,
      diagnosticField: stated ? (fields.has('failure') ? 'Failure' : 'Error') : diagnostic ? 'text' : null,
      diagnosticSource: stated ? 'delivery-status' : 'human-readable',
      // A message its receiving side discarded or refused is rejected, unless its words say more.
      category: stated ? null : 'rejected',
      evidence,
    });
    return { decoder: 'disposition-notification', layout: 'rfc8098', findings: [only] };
  },
};
