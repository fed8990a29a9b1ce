import { forwardLabels } from './catalog/exchangeLabels';
import type { HeaderField } from './types';
import { anyOf, splitLines } from './text';

export interface ForwardedBlock {
  readonly language: string;
  readonly headers: readonly HeaderField[];
  /** The forwarded message's text, below its header block. */
  readonly body: string;
}

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
 * Subject:", "Van: / Verzonden: / Aan: / Onderwerp:", …) and returns each with the text below it,
 * outermost first. Quote markers ("> ") are removed from the forwarded text.
 */
export function findForwardedBlocks(
  text: string,
  lines: readonly string[] = splitLines(text),
): ForwardedBlock[] {
  const blocks: ForwardedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
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
        const body = lines
          .slice(j)
          .map((l) => l.replace(/^>\s?/, ''))
          .join('\n');
        blocks.push({ language: labels.language, headers, body });
        i = j;
        break;
      }
    }
  }
  return blocks;
}
