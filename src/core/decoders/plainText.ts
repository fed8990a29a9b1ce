/**
 * Bounces written for people, without a delivery-status part (Postfix, Exim, Sendmail, qmail,
 * Gmail, Yahoo, Courier, …): each recipient line and the error lines that follow it
 * (scan/plainText.ts). Addresses of the report itself (its sender and receiver) are left out.
 */
import { getHeader } from '../headers';
import { scanPlainBounce } from '../scan/plainText';
import { findAddresses } from '../text';
import { ev, finding, type Decoder, type DecoderInput } from './types';

/**
 * A report that returns the message (Postfix's "Undelivered Mail Returned to Sender" after its
 * queue lifetime) is a failure even when the last answer it quotes was a temporary 4xx.
 */
function deliveryIsOver({ context, message }: DecoderInput): boolean {
  return (
    context.final ||
    /returned to sender|undelivered mail returned/i.test(getHeader(message.headers, 'subject') ?? '')
  );
}

export const plainTextDecoder: Decoder = {
  name: 'plain-text',
  marksReport: false,
  decode(input) {
    const { message, body, context } = input;
    const own = findAddresses(getHeader(message.headers, 'from') ?? '');
    // A report goes to the sender of the message it reports on: its To is not a recipient.
    const reportTo = findAddresses(getHeader(message.headers, 'to') ?? '');
    const action = context.delayed ? 'delayed' : deliveryIsOver(input) ? 'failed' : null;
    const findings = scanPlainBounce(body, [...own, ...reportTo], own).recipients.map((found) =>
      finding({
        address: found.address,
        action,
        diagnostic: found.diagnostic,
        diagnosticField: found.diagnostic ? found.field : null,
        diagnosticSource: 'human-readable',
        remoteMta: found.remoteMta,
        command: found.command,
        evidence: found.diagnostic ? [ev('human-readable', found.field, found.diagnostic)] : [],
      }),
    );
    return findings.length > 0 ? { decoder: 'plain-text', findings } : null;
  },
};
