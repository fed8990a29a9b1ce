import { forwardLabels } from './catalog/exchangeLabels';
import type { HeaderField } from './types';
import { anyOf, splitLines } from './text';

/**
 * One forwarded message's header block, and where its text lies in the lines that were searched.
 * Line numbers, not copies of the text: a chain of n blocks would otherwise hold n copies of the
 * rest of the text (quadratic memory).
 */
export interface ForwardedBlock {
  readonly language: string;
  readonly headers: readonly HeaderField[];
  /** Index of the block's From line. */
  readonly headerLine: number;
  /** Index of the first line below the header block, where the forwarded message's text begins. */
  readonly bodyLine: number;
  /** Index where the forwarded message's own text ends: the next block's From line, or the line count. */
  readonly endLine: number;
}

/** At most this many blocks are read from one text; the text after the last one stays its text. */
export const MAX_FORWARDED_BLOCKS = 1000;

function labelPattern(labels: readonly string[]): RegExp {
  const alternatives = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^[*\\s>]*(?:${alternatives})[*\\s]*:[*\\s]*(.*)$`, 'i');
}

const compiled = forwardLabels.map((labels) => ({
  language: labels.language,
  from: labelPattern(labels.from),
  sent: labelPattern(labels.sent),
  to: labelPattern(labels.to),
  subject: labelPattern(labels.subject),
}));

/**
 * Every language's From line as one alternation (the patterns have the same flag and no
 * back-references): a line that matches none of them, as almost every line does, is tested once
 * instead of once per language. Each requires a colon, which is cheaper still to look for.
 */
const ANY_FROM = anyOf(
  compiled.map((labels) => labels.from),
  'i',
);

type Labels = (typeof compiled)[number];

/** The header field a line of a forward block holds, 'skip' for Cc/Bcc, null when it ends the block. */
function blockField(labels: Labels, line: string): HeaderField | 'skip' | null {
  const sent = labels.sent.exec(line);
  if (sent) return { name: 'date', originalName: 'Date', value: (sent[1] ?? '').trim() };
  const subject = labels.subject.exec(line);
  if (subject) return { name: 'subject', originalName: 'Subject', value: (subject[1] ?? '').trim() };
  const to = labels.to.exec(line);
  if (to) return { name: 'to', originalName: 'To', value: (to[1] ?? '').trim() };
  return /^[*\s>]*(?:cc|bcc)[*\s]*:/i.test(line) ? 'skip' : null;
}

/**
 * The block whose From line is `lines[i]`, in this language: its fields up to the blank line after
 * Subject (at most 12 lines). Null unless it has a Subject and at least three fields.
 */
function readBlock(
  lines: readonly string[],
  i: number,
  labels: Labels,
  from: string,
): Omit<ForwardedBlock, 'endLine'> | null {
  const headers: HeaderField[] = [{ name: 'from', originalName: 'From', value: from.trim() }];
  let j = i + 1;
  let subjectSeen = false;
  for (; j < Math.min(lines.length, i + 12); j++) {
    const line = lines[j] ?? '';
    if (line.trim() === '') {
      if (subjectSeen) break;
      continue;
    }
    const field = blockField(labels, line);
    if (field === null) break;
    if (field === 'skip') continue;
    headers.push(field);
    subjectSeen ||= field.name === 'subject';
  }
  return subjectSeen && headers.length >= 3
    ? { language: labels.language, headers, headerLine: i, bodyLine: j }
    : null;
}

/** The block starting at `lines[i]` in the first language whose From label it has. */
function blockAt(lines: readonly string[], i: number): Omit<ForwardedBlock, 'endLine'> | null {
  const line = lines[i] ?? '';
  if (!line.includes(':') || !ANY_FROM.test(line)) return null;
  for (const labels of compiled) {
    const fromMatch = labels.from.exec(line);
    const block = fromMatch ? readBlock(lines, i, labels, fromMatch[1] ?? '') : null;
    if (block) return block;
  }
  return null;
}

/**
 * Finds the header blocks Outlook writes above inline-forwarded messages ("From: / Sent: / To: /
 * Subject:", "Van: / Verzonden: / Aan: / Onderwerp:", …) in one pass, outermost first. Each
 * block's own text runs from below its header to the next block (read it with forwardedText).
 */
export function findForwardedBlocks(
  text: string,
  lines: readonly string[] = splitLines(text),
  maxBlocks = MAX_FORWARDED_BLOCKS,
): ForwardedBlock[] {
  const found: Omit<ForwardedBlock, 'endLine'>[] = [];
  for (let i = 0; i < lines.length && found.length < maxBlocks; i++) {
    const block = blockAt(lines, i);
    if (!block) continue;
    found.push(block);
    i = block.bodyLine;
  }
  return found.map((block, index) => ({ ...block, endLine: found[index + 1]?.headerLine ?? lines.length }));
}

/** Lines [from, to) as the forwarded message's text: one level of quote markers ("> ") removed. */
export function forwardedText(lines: readonly string[], from: number, to: number): string {
  return lines
    .slice(from, to)
    .map((l) => l.replace(/^>\s?/, ''))
    .join('\n');
}
