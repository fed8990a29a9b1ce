/**
 * The returned original's To and Cc, for a report that names no recipient at all ("Message could
 * not be delivered to mobile."): when the original went to exactly one mailbox, that one failed.
 */
import { getHeader, parseHeaderBlock } from '../headers';
import { findOriginal, textOf } from '../pipeline/original';
import type { BounceText } from '../scan/plainText';
import { findCommand } from '../scan/plainText';
import { findAddresses, foldSpace } from '../text';
import type { DecodedMessage } from '../types';
import { firstErrorLines, type ErrorLines } from './answerLine';
import { ev, finding, type Decoder } from './types';

/** Addresses in the To and Cc of the returned original message, when one is included. */
function originalRecipients(message: DecodedMessage, body: BounceText): string[] {
  const original = findOriginal({ message, exchange: null, messageText: textOf(message, body) });
  if (original.headers === null && original.to.length === 0) return [];
  const cc = original.headers
    ? findAddresses(getHeader(parseHeaderBlock(original.headers).headers, 'cc') ?? '')
    : [];
  return [...new Set([...original.to, ...cc].map((a) => a.toLowerCase()))];
}

/**
 * The report's sentence that names the recipient and the lines right after it, for reports with no
 * SMTP reply at all ("There was an error delivering your mail to <a@b>.\nDNS lookup failure: host
 * example.org not found"). The address was left out of the recipient scan (a postmaster@ address
 * looks like the report's own), but the words next to it are still its error.
 */
function linesNaming(body: BounceText, address: string): ErrorLines | null {
  const lines = body.ownLinesWithin(100_000);
  const wanted = address.toLowerCase();
  const index = lines.findIndex((l) => l.length < 2000 && l.toLowerCase().includes(wanted));
  if (index < 0) return null;
  // The sentence naming the address, then the paragraph after it (one blank line between is common).
  const block: string[] = [(lines[index] ?? '').trim()];
  let next = index + 1;
  if ((lines[next] ?? '').trim() === '') next++;
  for (const line of lines.slice(next, next + 3)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  const joined = foldSpace(block.join(' '));
  return block.length > 1 ? { text: joined, command: findCommand(joined) } : null;
}

export const originalToDecoder: Decoder = {
  name: 'original-to',
  marksReport: false,
  decode({ message, body, context }) {
    const to = originalRecipients(message, body);
    const address = to.length === 1 ? to[0] : undefined;
    if (address === undefined) return null;
    const error = firstErrorLines(body) ?? linesNaming(body, address);
    const only = finding({
      address,
      action: context.delayed ? 'delayed' : 'failed',
      diagnostic: error?.text ?? null,
      diagnosticField: error ? 'text' : null,
      diagnosticSource: 'original-message',
      command: error?.command ?? null,
      evidence: [ev('original-message', 'To', address)],
    });
    return { decoder: 'original-to', findings: [only] };
  },
};
