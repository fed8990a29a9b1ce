import { findEnhancedStatus, findReplyCode } from '../status';
import { clip, normalizeForMatch, splitLines, stripInvisible } from '../text';
import type { RecipientOutcome } from '../types';

/** RFC 3464 and RFC 6533 field names; anything else (but X- extensions) is a leftover worth showing. */
const DSN_FIELDS = new Set([
  'original-envelope-id',
  'reporting-mta',
  'dsn-gateway',
  'received-from-mta',
  'arrival-date',
  'original-recipient',
  'final-recipient',
  'action',
  'status',
  'remote-mta',
  'diagnostic-code',
  'last-attempt-date',
  'final-log-id',
  'will-retry-until',
]);
const MAX_LEFTOVERS = 50;
/** Characters the admin-text search may compare while matching error lines with the recipients' answers. */
const LEFTOVER_WORK = 50_000_000;

/** Lines of the delivery-status part that are not fields, or are fields RFC 3464 does not know. */
function unknownFieldLines(dsText: string): string[] {
  const found: string[] = [];
  for (const line of splitLines(dsText.slice(0, 200_000))) {
    if (line.trim() === '' || /^[ \t]/.test(line)) continue;
    const field = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:/.exec(line)?.[1]?.toLowerCase();
    if (field === undefined || (!DSN_FIELDS.has(field) && !field.startsWith('x-'))) found.push(line);
    if (found.length >= MAX_LEFTOVERS) break;
  }
  return found;
}

/**
 * Error lines in the administrators' section that no recipient took. Each recipient's answer once
 * (a thousand recipients often share one). Folded text has no line breaks, so a line lies inside
 * some answer exactly when it lies inside them joined by one. Comparing every line with every
 * answer is lines × answers: the comparisons have a budget, and the search ends when it is spent
 * or when `room` lines are found.
 */
function unusedErrorLines(
  adminText: string,
  recipients: readonly RecipientOutcome[],
  room: number,
): string[] {
  const used = [...new Set(recipients.map((r) => normalizeForMatch(r.diagnostic ?? '')))].filter(Boolean);
  const usedText = used.join('\n');
  // A line naming the same reply code and status as a recipient's answer adds nothing (a
  // "Status code: 550 5.4.1" label, a help-link sentence); earlier retry answers do.
  const answers = new Set(recipients.map((r) => `${r.replyCode ?? ''} ${r.status?.code ?? ''}`));
  const found: string[] = [];
  let work = 0;
  for (const line of splitLines(adminText.slice(0, 200_000))) {
    if (found.length >= room) break;
    const replyCode = findReplyCode(line);
    if (!replyCode) continue;
    const folded = normalizeForMatch(line);
    if (folded.length < 8) continue;
    if (answers.has(`${replyCode} ${findEnhancedStatus(line)?.code ?? ''}`)) continue;
    work += usedText.length + folded.length * used.length;
    if (work > LEFTOVER_WORK) break;
    if (usedText.includes(folded) || used.some((u) => folded.includes(u))) continue;
    found.push(line);
  }
  return found;
}

/**
 * What looked meaningful but was not used: lines of the delivery-status part that are not fields or
 * are unknown fields, and error lines in the administrators' section that no recipient took.
 * Shown to admins so nothing from the report is silently dropped.
 */
export function findLeftovers(
  dsText: string | null,
  adminText: string | null,
  recipients: readonly RecipientOutcome[],
): string[] {
  const fromFields = dsText ? unknownFieldLines(dsText) : [];
  const room = MAX_LEFTOVERS - fromFields.length;
  const fromAdmin = adminText && room > 0 ? unusedErrorLines(adminText, recipients, room) : [];
  return [...fromFields, ...fromAdmin].map((line) => clip(stripInvisible(line.trim()), 300));
}
