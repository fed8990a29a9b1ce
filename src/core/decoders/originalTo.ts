/**
 * The returned original's To and Cc, for a report that names no recipient at all ("Message could
 * not be delivered to mobile."): when the original went to exactly one mailbox, that one failed.
 */
import { getHeader, parseHeaderBlock } from '../headers';
import { findOriginal, textOf } from '../pipeline/original';
import type { BounceText } from '../scan/plainText';
import { findCommand } from '../scan/plainText';
import { findAddresses, foldSpace } from '../text';
import type { DecodedMessage, HeaderField } from '../types';
import { firstErrorLines, type ErrorLines } from './answerLine';
import { ev, finding, type Decoder } from './types';

/**
 * Whether the address is a mailing list's own, by the list fields of the returned message: the
 * address List-Post posts to (RFC 2369), the address a List-Id is made from (RFC 2919:
 * `members@lists.example.org` → `<members.lists.example.org>`), or any address in Mailing-List /
 * X-Mailing-List. A message a list delivered (`Precedence: list`) is addressed to the list too.
 */
function isListAddress(address: string, headers: readonly HeaderField[]): boolean {
  const lower = address.toLowerCase();
  const listFields = ['list-post', 'mailing-list', 'x-mailing-list'].flatMap((name) =>
    findAddresses(getHeader(headers, name) ?? '').map((a) => a.toLowerCase()),
  );
  const listId = /<([^<>\s]{1,300})>/.exec(getHeader(headers, 'list-id') ?? '')?.[1]?.toLowerCase();
  return (
    listFields.includes(lower) ||
    listId === lower.replace('@', '.') ||
    (getHeader(headers, 'precedence') ?? '').trim().toLowerCase() === 'list'
  );
}

/**
 * The bounce's own words say a member of a list failed (a list server expanded the address):
 * the original's To is then the list, not the member.
 */
const LIST_MEMBER =
  /\b(?:list members?|members? of (?:the|this|a) (?:mailing |distribution )?list|(?:mailing|distribution) list members?|expanded from)\b/i;

/** Addresses in the To and Cc of the returned original message, when one is included. */
function originalRecipients(message: DecodedMessage, body: BounceText): string[] {
  if (LIST_MEMBER.test(body.ownWithin(100_000))) return [];
  const original = findOriginal({ message, exchange: null, messageText: textOf(message, body) });
  if (original.headers === null && original.to.length === 0) return [];
  const headers = original.headers ? parseHeaderBlock(original.headers).headers : [];
  const cc = findAddresses(getHeader(headers, 'cc') ?? '');
  const all = [...new Set([...original.to, ...cc].map((a) => a.toLowerCase()))];
  // A list's own address is not the member whose mailbox failed, and which member it was is not
  // known: better no recipient than a wrong one.
  return all.some((address) => isListAddress(address, headers)) ? [] : all;
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
