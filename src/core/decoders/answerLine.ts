/**
 * A bounce that names no recipient at all (a pasted answer line, a report that lost its
 * addresses): the server's answer still says what happened, so it is explained without an address.
 */
import { SERVER_ERROR_PHRASES } from '../pipeline/bounceWords';
import { findCommand, type BounceText } from '../scan/plainText';
import { findEnhancedStatus, findReplyCode } from '../status';
import { foldSpace } from '../text';
import { ev, finding, type Decoder } from './types';

export interface ErrorLines {
  readonly text: string;
  readonly command: string | null;
}

/** The first SMTP error in a text bounce (a reply code or enhanced status) and the lines after it. */
export function firstErrorLines(body: BounceText): ErrorLines | null {
  const lines = body.ownLinesWithin(100_000);
  const index = lines.findIndex(
    (l) =>
      (/(?:^|[\s'"])[45]\d\d[\s-]/.test(l) &&
        (findReplyCode(l) !== null || findEnhancedStatus(l) !== null)) ||
      /^\s*[45]\.\d{1,3}\.\d{1,3}\s+[A-Za-z]/.test(l),
  );
  if (index < 0) return null;
  const block: string[] = [];
  for (const line of lines.slice(index, index + 5)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  return {
    text: foldSpace(block.join(' ')),
    command: findCommand(lines.slice(Math.max(0, index - 2), index + 1).join(' ')),
  };
}

/** The first line in a mail server's own words for a failure without a code (bounceWords.ts). */
function firstPhraseLine(body: BounceText): ErrorLines | null {
  const line = body.ownLinesWithin(100_000).find((l) => l.length < 2000 && SERVER_ERROR_PHRASES.test(l));
  if (line === undefined) return null;
  const text = foldSpace(line.trim());
  return { text, command: findCommand(text) };
}

export const answerLineDecoder: Decoder = {
  name: 'answer-line',
  marksReport: false,
  decode({ body, context }) {
    const error = firstErrorLines(body) ?? firstPhraseLine(body);
    if (!error) return null;
    const only = finding({
      address: null,
      action: context.delayed ? 'delayed' : 'failed',
      diagnostic: error.text,
      diagnosticField: 'text',
      diagnosticSource: 'human-readable',
      command: error.command,
      evidence: [ev('human-readable', 'text', error.text)],
    });
    return { decoder: 'answer-line', findings: [only] };
  },
};
