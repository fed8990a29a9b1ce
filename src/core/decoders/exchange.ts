/**
 * Exchange's human-readable report, legacy and enhanced layouts, in every language we read
 * (exchange/humanReadable.ts): the recipients it lists with the answers it quotes.
 */
import { parseExchangeText } from '../exchange/humanReadable';
import { ev, finding, type Decoder } from './types';

export const exchangeDecoder: Decoder = {
  name: 'exchange',
  marksReport: true,
  decode({ text, subject, body }) {
    const exchange = parseExchangeText(text, subject, body.lines);
    if (!exchange) return null;
    const findings = exchange.recipients.map((recipient) =>
      finding({
        address: recipient.address,
        displayName: recipient.displayName,
        action: exchange.delayed ? 'delayed' : null,
        diagnostic: recipient.diagnostic,
        diagnosticField: recipient.diagnosticField,
        diagnosticSource: 'human-readable',
        remoteMta: recipient.remoteMta,
        evidence: recipient.diagnostic
          ? [ev('human-readable', recipient.diagnosticField ?? 'text', recipient.diagnostic)]
          : [],
      }),
    );
    return { decoder: 'exchange', findings, exchange };
  },
};
