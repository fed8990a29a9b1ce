/**
 * The X-Failed-Recipients header (Exim, and others after it): the failed addresses, when the text
 * names them in a form no other decoder reads (a local alias, "save to …").
 */
import { getHeader } from '../headers';
import { findAddresses } from '../text';
import { firstErrorLines } from './answerLine';
import { ev, finding, type Decoder } from './types';

export const failedRecipientsDecoder: Decoder = {
  name: 'x-failed-recipients',
  marksReport: false,
  decode({ message, body }) {
    const failed = getHeader(message.headers, 'x-failed-recipients');
    const addresses = findAddresses(failed ?? '');
    if (addresses.length === 0) return null;
    // With a single failed recipient, the bounce's only SMTP error line is its error.
    const error = addresses.length === 1 ? firstErrorLines(body) : null;
    const findings = addresses.map((address) =>
      finding({
        address,
        action: 'failed',
        diagnostic: error?.text ?? null,
        diagnosticField: error ? 'text' : null,
        diagnosticSource: error ? 'human-readable' : 'header',
        command: error?.command ?? null,
        evidence: [ev('header', 'X-Failed-Recipients', failed ?? '')],
      }),
    );
    return { decoder: 'x-failed-recipients', findings };
  },
};
