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
    const line = lines[i] ?? '';
    if (!line.includes(':') || !ANY_FROM.test(line)) continue;
    for (const labels of compiled) {
      const fromMatch = labels.from.exec(line);
      if (!fromMatch) continue;
      const headers: HeaderField[] = [
        { name: 'from', originalName: 'From', value: (fromMatch[1] ?? '').trim() },
      ];
      let j = i + 1;
      let subjectSeen = false;
      for (; j < Math.min(lines.length, i + 12); j++) {
        const line = lines[j] ?? '';
        if (line.trim() === '') {
          if (subjectSeen) break;
          continue;
        }
        const sent = labels.sent.exec(line);
        const to = labels.to.exec(line);
        const subject = labels.subject.exec(line);
        if (sent) headers.push({ name: 'date', originalName: 'Date', value: (sent[1] ?? '').trim() });
        else if (subject) {
          headers.push({ name: 'subject', originalName: 'Subject', value: (subject[1] ?? '').trim() });
          subjectSeen = true;
        } else if (to) headers.push({ name: 'to', originalName: 'To', value: (to[1] ?? '').trim() });
        else if (/^[*\s>]*(?:cc|bcc)[*\s]*:/i.test(line)) continue;
        else break;
      }
      if (subjectSeen && headers.length >= 3) {
        found.push({ language: labels.language, headers, headerLine: i, bodyLine: j });
        i = j;
        break;
      }
    }
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
