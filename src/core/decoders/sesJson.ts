/**
 * Amazon SES notifications mailed through SNS: the report is JSON in the body (scan/sesJson.ts turns
 * it into RFC 3464 fields). A complaint notification is feedback, not a bounce.
 */
import { parseDeliveryStatus } from '../dsn/deliveryStatus';
import { findSesNotification } from '../scan/sesJson';
import { deliveryStatusDecoding } from './deliveryStatus';
import type { Decoder } from './types';

export const sesJsonDecoder: Decoder = {
  name: 'ses-json',
  marksReport: true,
  decode({ text }) {
    const ses = findSesNotification(text);
    if (!ses) return null;
    if (ses.kind === 'complaint') return { decoder: 'ses-json', findings: [], complaint: true };
    const parsed = parseDeliveryStatus(ses.deliveryStatus);
    return parsed.perRecipient.length > 0
      ? deliveryStatusDecoding(parsed, 'human-readable', 'ses-json')
      : null;
  },
};
