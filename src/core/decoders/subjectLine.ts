/**
 * A reason written into the report's subject next to the address it concerns ("Warning:
 * a@example.org - User unknown!", "Returned mail: a@example.org: mailbox full"), as older
 * mail systems and gateways do when the text says only that delivery failed.
 */
import { getHeader } from '../headers';
import { findAddresses, foldSpace, isAddress, cleanAddress } from '../text';
import { ev, finding, type Decoder } from './types';

/** An optional label ("Warning:"), the address, a dash or colon, and the reason. */
const ADDRESS_AND_REASON =
  /^(?:[^:<>@]{1,40}:\s*)?<?([^<>\s@]{1,64}@[^<>\s]{1,255}?)>?\s*(?:\s[-\u2013]\s|:\s)\s*(\S.{1,200})$/;

/** The reason must say something failed; an original subject after an address says nothing of the kind. */
const FAILURE_WORDS =
  /(?:unknown|not found|no such|does(?:n't| not) exist|full|quota|rejected|refused|denied|disabled|invalid|unavailable|failed|failure|undeliverable|not delivered)/i;

export const subjectLineDecoder: Decoder = {
  name: 'subject-line',
  marksReport: false,
  decode({ message, subject }) {
    const match = ADDRESS_AND_REASON.exec(foldSpace(subject ?? '').slice(0, 400));
    const address = match?.[1] ?? '';
    const reason = (match?.[2] ?? '').replace(/[!.]+$/, '');
    if (!match || !isAddress(address) || !FAILURE_WORDS.test(reason)) return null;
    // The report's own From or To in its subject is not a recipient.
    const own = findAddresses(
      `${getHeader(message.headers, 'from') ?? ''} ${getHeader(message.headers, 'to') ?? ''}`,
    ).map((a) => a.toLowerCase());
    const recipient = cleanAddress(address);
    if (own.includes(recipient.toLowerCase())) return null;
    const only = finding({
      address: recipient,
      diagnostic: reason,
      diagnosticField: 'Subject',
      diagnosticSource: 'subject',
      evidence: [ev('subject', 'Subject', subject ?? '')],
    });
    return { decoder: 'subject-line', findings: [only] };
  },
};
