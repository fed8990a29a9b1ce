import { enhancedFieldLabels, exchangeLabels, type ExchangeLabels } from '../catalog/exchangeLabels';
import { DELAY_WORD_PATTERN } from '../languages';
import { parseHeaderBlock } from '../headers';
import type { HeaderField } from '../types';
import { anyOf, cleanAddress, findAddress, foldSpace, isAddress, splitLines } from '../text';

export interface ExchangeRecipient {
  readonly address: string;
  readonly displayName: string | null;
  readonly diagnostic: string | null;
  readonly diagnosticField: string | null;
  readonly remoteMta: string | null;
}

export interface ExchangeText {
  readonly layout: 'exchange-legacy' | 'exchange-enhanced';
  readonly language: string;
  readonly delayed: boolean;
  readonly userInformation: string | null;
  readonly adminInformation: string | null;
  readonly originalHeaders: readonly HeaderField[];
  readonly originalHeadersText: string | null;
  readonly recipients: readonly ExchangeRecipient[];
  readonly generatingServer: string | null;
  readonly receivingServer: string | null;
  readonly statusLine: string | null;
  readonly originalSubject: string | null;
  readonly originalSender: string | null;
  readonly originalDate: string | null;
}

const lower = (s: string): string => s.toLowerCase();

/**
 * A text's lines, cleaned once (every language's labels and headlines are compared with them), and
 * lower-cased once when a label is first looked for: re-cleaning each line for each label group
 * made 100 KB of short lines take seconds. One is made per parsed text.
 */
class LabelLines {
  readonly cleaned: readonly string[];
  private loweredLines: readonly string[] | null = null;

  constructor(readonly raw: readonly string[]) {
    this.cleaned = raw.map(cleanLine);
  }

  /** The cleaned lines, lower-cased. */
  get lowered(): readonly string[] {
    return (this.loweredLines ??= this.cleaned.map(lower));
  }
}

/** Index of the first line in [from, to) that starts with one of the labels; -1 if none. */
function findLabel(lines: LabelLines, labels: readonly string[], from = 0, to = lines.raw.length): number {
  const wanted = labels.map(lower);
  const cleaned = lines.lowered;
  for (let i = from; i < Math.min(to, cleaned.length); i++) {
    const line = cleaned[i] ?? '';
    if (line && wanted.some((label) => line.startsWith(label))) return i;
  }
  return -1;
}

const TRAILING = /[\s*_|]/;

/**
 * A printable ASCII character other than the decorations `>*_#|`: neither white space nor
 * anything cleanLine strips. Most lines start and end with one, and need no regex.
 */
function isPlainAscii(code: number): boolean {
  return (
    code > 0x20 &&
    code < 0x7f &&
    code !== 0x3e &&
    code !== 0x2a &&
    code !== 0x5f &&
    code !== 0x23 &&
    code !== 0x7c
  );
}

/** Strips markdown/HTML-to-text decorations that clients add around headings. */
function cleanLine(line: string): string {
  const start = isPlainAscii(line.charCodeAt(0)) ? line : line.replace(/^[\s>*_#|]+/, '');
  // Trimmed by hand: /[\s*_|]+$/ retries from every character of a long blank run (quadratic).
  let end = start.length;
  while (end > 0 && !isPlainAscii(start.charCodeAt(end - 1)) && TRAILING.test(start[end - 1] ?? '')) end--;
  return start.slice(0, end);
}

/** The value after a label on the same line, or on the next non-empty line when the label stands alone. */
function valueAfterLabel(
  lines: LabelLines,
  labels: readonly string[],
  from: number,
  to: number,
): string | null {
  const index = findLabel(lines, labels, from, to);
  if (index < 0) return null;
  const line = lines.cleaned[index] ?? '';
  const lowered = lines.lowered[index] ?? '';
  const label = labels.find((l) => lowered.startsWith(lower(l))) ?? '';
  const rest = line.slice(label.length).trim();
  if (rest) return rest;
  for (let i = index + 1; i < Math.min(to, index + 4); i++) {
    const next = lines.cleaned[i] ?? '';
    if (next) return next;
  }
  return null;
}

/** The label groups whose presence votes for a language (each group counts once), in GROUP order. */
function votingGroups(labels: ExchangeLabels): readonly (readonly string[])[] {
  return [
    labels.firstLines,
    labels.diagnosticHeadings,
    labels.generatingServer,
    labels.originalHeaders,
    labels.enhancedAdminHeading,
    labels.enhancedErrorDetails,
    labels.delayLines,
  ];
}

const GROUP = {
  firstLines: 0,
  diagnosticHeadings: 1,
  enhancedAdminHeading: 4,
  enhancedErrorDetails: 5,
  delayLines: 6,
} as const;

interface VotingLabel {
  /** Lower-cased, as the lines it is compared with. */
  readonly label: string;
  readonly language: number;
  readonly group: number;
}

// Every voting label of every language, filed under its first two (lower-case) characters: a line
// is compared only with the few labels that could start it, instead of with all of them for each
// language and group in turn (the label search was the analyser's single largest cost). Labels
// are whole phrases, never shorter than the two-character key.
const VOTING_LABELS = new Map<string, VotingLabel[]>();
exchangeLabels.forEach((labels, language) => {
  votingGroups(labels).forEach((group, index) => {
    for (const label of group.map(lower)) {
      const key = label.slice(0, 2);
      VOTING_LABELS.set(key, [...(VOTING_LABELS.get(key) ?? []), { label, language, group: index }]);
    }
  });
});

/** ASCII code lower-cased (only A-Z change). */
function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

// The same filing for keys of two ASCII characters, by their codes: most lines start with two
// ASCII characters, and looking them up by number spares cutting and lower-casing a key per line.
const VOTING_LABELS_ASCII = new Array<VotingLabel[] | undefined>(128 * 128);
for (const [key, labels] of VOTING_LABELS) {
  const first = key.charCodeAt(0);
  const second = key.charCodeAt(1);
  if (key.length === 2 && first < 0x80 && second < 0x80) VOTING_LABELS_ASCII[first * 128 + second] = labels;
}

/** The voting labels that could start a (cleaned) line. */
function votingCandidates(line: string): readonly VotingLabel[] | undefined {
  if (line.length >= 2) {
    const first = line.charCodeAt(0);
    const second = line.charCodeAt(1);
    // Lower-casing ASCII gives ASCII, so the key of a line starting with two ASCII characters is
    // those two lower-cased; other lines are lower-cased whole (a non-ASCII capital can lower-case
    // to more than one character).
    if (first < 0x80 && second < 0x80)
      return VOTING_LABELS_ASCII[lowerAscii(first) * 128 + lowerAscii(second)];
  }
  return VOTING_LABELS.get(lower(line).slice(0, 2));
}

// All languages' headline patterns as one alternation (all are case-insensitive and anchored, with
// no back-references), so that only lines matching some headline are tried language by language.
const ANY_HEADLINE = anyOf(
  exchangeLabels.flatMap((l) => l.enhancedHeadline),
  'i',
);

const SUBJECT_PREFIXES = exchangeLabels.map((labels) => labels.subjectPrefixes.map(lower));

/**
 * The language whose labels the text (and subject) shows most; null when none shows any.
 * `anchored`: the text has that language's first line, delay line or administrators' heading, or
 * its headline with one of the enhanced layout's headings. Without these it is no Exchange NDR.
 */
function detectLanguage(
  lines: LabelLines,
  subject: string | null,
): { labels: ExchangeLabels; hits: number; anchored: boolean } | null {
  // Which voting groups of each language have a line starting with one of their labels; the same
  // answer as findLabel(lines, group) >= 0 for each group.
  const groupsFound = exchangeLabels.map(() => new Set<number>());
  for (const line of lines.cleaned) {
    // The whole line is lower-cased only if a label could start it.
    const candidates = votingCandidates(line);
    if (!candidates) continue;
    const lowered = lower(line);
    for (const { label, language, group } of candidates) {
      if (lowered.startsWith(label)) groupsFound[language]?.add(group);
    }
  }
  const headlines = lines.cleaned.filter((l) => ANY_HEADLINE.test(l));
  const lowerSubject = subject ? lower(subject) : null;
  let best: { labels: ExchangeLabels; hits: number; anchored: boolean } | null = null;
  for (const [language, labels] of exchangeLabels.entries()) {
    const found = groupsFound[language] ?? new Set<number>();
    const headline = headlines.some((l) => labels.enhancedHeadline.some((r) => r.test(l)));
    let hits = found.size;
    if (headline) hits += 2;
    if (lowerSubject !== null && SUBJECT_PREFIXES[language]?.some((p) => lowerSubject.startsWith(p))) hits++;
    const anchored =
      (headline && (found.has(GROUP.enhancedAdminHeading) || found.has(GROUP.enhancedErrorDetails))) ||
      found.has(GROUP.firstLines) ||
      found.has(GROUP.delayLines) ||
      found.has(GROUP.diagnosticHeadings);
    if (hits > 0 && (!best || hits > best.hits)) best = { labels, hits, anchored };
  }
  return best;
}

/**
 * Whether lines carry an Exchange NDR's own wording (its first line, a delay line, the
 * administrators' heading, or the headline with a details heading) in any language we read: the
 * test parseExchangeText starts with, without parsing the rest.
 */
export function showsExchangeReport(lines: readonly string[]): boolean {
  return detectLanguage(new LabelLines(lines), null)?.anchored ?? false;
}

/**
 * Exchange's diagnostic lines that quote the remote server's reply: the pattern reads up to the
 * opening quote, and parseDiagnosticLine takes the rest of the line up to the closing quote that
 * ends it. One regex with `(.*)['"]\s*$` after an unanchored start ran to the end of the line from
 * every "Remote Server" in it: quadratic on a long line that repeats the words.
 */
const QUOTED_REPLY = [
  // Remote Server returned '550 5.4.1 …'  /  Remote Server at host (ip) returned '…'
  {
    field: 'Remote Server returned',
    opening: /Remote Server(?: at (\S+)(?: \([^)]{0,300}\))?)? returned\s+['‘’"]/i,
  },
  // 11/3/2026 10:00:00 AM - Server at host (ip) returned '…'
  { field: 'Server returned', opening: /- Server at (\S+)(?: \([^)]{0,300}\))? returned\s+['‘’"]/i },
];
const QUOTES = '\'‘’"';

/**
 * #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##. The reply ends in a non-space character
 * (or is the bare code): a lazy `.*?` followed by `\s*` retried the rest of a blank run from each
 * of its characters, 4 s per 100 KB of spaces. The shortest reply is the same either way.
 */
const HASH_REPLY =
  /^(?:(\S+)\s+)?#(?:<\s*#)?([245]\d\d[ -](?:.*?\S)??|[245]\.\d{1,3}\.\d{1,3}(?:.*?\S)??)\s*(?:>\s*)?#(?:#|SMTP#)?\s*$/i;

function parseDiagnosticLine(line: string): { text: string; host: string | null; field: string } | null {
  const trimmed = line.trim();
  for (const { field, opening } of QUOTED_REPLY) {
    const match = opening.exec(trimmed);
    if (!match) continue;
    const reply = trimmed.slice(match.index + match[0].length);
    // `.` of the old pattern stopped at U+2028 and U+2029, so a reply holding one was not taken.
    if (reply === '' || !QUOTES.includes(reply.charAt(reply.length - 1)) || /[\u2028\u2029]/.test(reply))
      continue;
    return { text: foldSpace(reply.slice(0, -1)), host: hostOf(match), field };
  }
  const match = HASH_REPLY.exec(trimmed);
  return match
    ? { text: foldSpace(match[2] ?? ''), host: hostOf(match), field: 'Exchange diagnostic' }
    : null;
}

function hostOf(match: RegExpExecArray): string | null {
  return match[1] && !match[1].startsWith('#') ? match[1] : null;
}

/** Recipient lines of the legacy user section: `Name (addr)<mailto:addr>`, `addr<mailto:addr>`, `addr`. */
function recipientFromLine(line: string): { address: string; displayName: string | null } | null {
  const trimmed = cleanLine(line)
    .replace(/(?<!\s)\s*<mailto:[^>]*>/gi, '')
    .trim();
  if (!trimmed || trimmed.length > 320) return null;
  if (isAddress(trimmed)) return { address: cleanAddress(trimmed), displayName: null };
  const named = /^(.{1,120}?)\s*[(<[]\s*([^\s()<>[\]]+@[^\s()<>[\]]+)\s*[)>\]]$/.exec(trimmed);
  if (named && isAddress(named[2] ?? '')) {
    const name = (named[1] ?? '').replace(/^["']|["']$/g, '').trim();
    return { address: cleanAddress(named[2] ?? ''), displayName: name && !isAddress(name) ? name : null };
  }
  return null;
}

/**
 * Reads Exchange's human-readable NDR text (legacy or enhanced layout, in any language we know).
 * Returns null when the text is not an Exchange NDR.
 */
export function parseExchangeText(
  text: string,
  subject: string | null,
  /** splitLines(text), when the caller has them. */
  lines: readonly string[] = splitLines(text),
): ExchangeText | null {
  const labelLines = new LabelLines(lines);
  const detected = detectLanguage(labelLines, subject);
  // The same test as the one on enhanced, firstIndex and diagIndex below, answered from the
  // language detection's findings: most texts stop here without searching their lines again.
  if (!detected?.anchored) return null;
  const { labels } = detected;
  const headlineIndex = labelLines.cleaned.findIndex((l) => labels.enhancedHeadline.some((r) => r.test(l)));
  const adminIndex = findLabel(labelLines, labels.enhancedAdminHeading);
  const errorDetailsIndex = findLabel(labelLines, labels.enhancedErrorDetails);
  const enhanced = headlineIndex >= 0 && (adminIndex >= 0 || errorDetailsIndex >= 0);
  const firstIndex = findLabel(labelLines, [...labels.firstLines, ...labels.delayLines]);
  const diagIndex = findLabel(labelLines, labels.diagnosticHeadings);
  if (!enhanced && firstIndex < 0 && diagIndex < 0) return null;
  const delayed =
    findLabel(labelLines, labels.delayLines) >= 0 ||
    DELAY_WORD_PATTERN.test(headlineIndex >= 0 ? (lines[headlineIndex] ?? '') : '');

  // The original headers label may appear in either layout; everything after it is the header block.
  const origIndex = findLabel(
    labelLines,
    labels.originalHeaders.concat(exchangeLabels[0]?.originalHeaders ?? []),
    Math.max(0, firstIndex, headlineIndex),
  );
  const end = origIndex >= 0 ? origIndex : lines.length;
  const originalHeadersText =
    origIndex >= 0
      ? lines
          .slice(origIndex + 1)
          .join('\n')
          .replace(/^\s*\n/, '')
      : null;
  const originalHeaders = originalHeadersText ? parseHeaderBlock(originalHeadersText).headers : [];

  const recipients = new Map<
    string,
    {
      address: string;
      displayName: string | null;
      diagnostic: string | null;
      diagnosticField: string | null;
      remoteMta: string | null;
    }
  >();
  const addRecipient = (address: string, displayName: string | null): void => {
    const key = address.toLowerCase();
    const existing = recipients.get(key);
    if (existing) {
      if (!existing.displayName && displayName) existing.displayName = displayName;
    } else
      recipients.set(key, { address, displayName, diagnostic: null, diagnosticField: null, remoteMta: null });
  };

  if (enhanced) {
    const adminStart = adminIndex >= 0 ? adminIndex : errorDetailsIndex;
    for (const line of labelLines.cleaned.slice(0, end)) {
      for (const headline of labels.enhancedHeadline) {
        const match = headline.exec(line);
        const address = match ? findAddress(match[1] ?? '') : null;
        if (address) addRecipient(address, null);
      }
    }
    const recipientAddress = valueAfterLabel(labelLines, enhancedFieldLabels.recipientAddress, 0, end);
    const fromField = recipientAddress ? findAddress(recipientAddress) : null;
    if (fromField) addRecipient(fromField, null);
    const error = valueAfterLabel(labelLines, enhancedFieldLabels.error, adminStart, end);
    const rejectedBy = valueAfterLabel(labelLines, enhancedFieldLabels.rejectedBy, adminStart, end);
    const remoteServer = valueAfterLabel(labelLines, enhancedFieldLabels.remoteServer, adminStart, end);
    const generatedBy = valueAfterLabel(labelLines, enhancedFieldLabels.generatedBy, adminStart, end);
    const statusLine = valueAfterLabel(labelLines, enhancedFieldLabels.statusCode, adminStart, end);
    const first = recipients.values().next().value;
    if (first && error) {
      first.diagnostic = foldSpace(error);
      first.diagnosticField = 'Error';
      first.remoteMta = firstToken(rejectedBy ?? remoteServer);
    }
    for (const recipient of recipients.values()) {
      if (!recipient.diagnostic && statusLine) {
        recipient.diagnostic = foldSpace(statusLine);
        recipient.diagnosticField = 'Status code';
      }
      if (!recipient.remoteMta) recipient.remoteMta = firstToken(rejectedBy ?? remoteServer);
    }
    return {
      layout: 'exchange-enhanced',
      language: labels.language,
      delayed,
      userInformation: sectionText(lines, 0, adminStart >= 0 ? adminStart : end),
      adminInformation: adminStart >= 0 ? sectionText(lines, adminStart, end) : null,
      originalHeaders,
      originalHeadersText,
      recipients: [...recipients.values()],
      generatingServer: firstToken(generatedBy),
      receivingServer: firstToken(rejectedBy ?? remoteServer),
      statusLine,
      originalSubject: valueAfterLabel(
        labelLines,
        enhancedFieldLabels.subject,
        adminStart >= 0 ? adminStart : 0,
        end,
      ),
      originalSender: findAddress(
        valueAfterLabel(labelLines, enhancedFieldLabels.senderAddress, 0, end) ?? '',
      ),
      originalDate: valueAfterLabel(labelLines, enhancedFieldLabels.createdDate, 0, end),
    };
  }

  // Legacy layout: recipients listed under the first line, diagnostics under the admin heading.
  const userEnd = diagIndex >= 0 ? diagIndex : end;
  for (let i = Math.max(0, firstIndex); i < userEnd; i++) {
    const recipient = recipientFromLine(lines[i] ?? '');
    if (recipient) addRecipient(recipient.address, recipient.displayName);
  }
  let generatingServer: string | null = null;
  let receivingServer: string | null = null;
  if (diagIndex >= 0) {
    generatingServer = firstToken(
      valueAfterLabel(
        labelLines,
        labels.generatingServer.concat(exchangeLabels[0]?.generatingServer ?? []),
        diagIndex,
        end,
      ),
    );
    receivingServer = firstToken(
      valueAfterLabel(
        labelLines,
        labels.receivingServer.concat(exchangeLabels[0]?.receivingServer ?? []),
        diagIndex,
        end,
      ),
    );
    let current: string | null = null;
    for (let i = diagIndex + 1; i < end; i++) {
      const line = lines[i] ?? '';
      const asRecipient = recipientFromLine(line);
      if (asRecipient) {
        addRecipient(asRecipient.address, asRecipient.displayName);
        current = asRecipient.address.toLowerCase();
        continue;
      }
      const diagnostic = parseDiagnosticLine(line);
      if (!diagnostic) continue;
      const target = current ? recipients.get(current) : recipients.values().next().value;
      if (!target) continue;
      // Retry histories list several attempts; the last one is the final answer.
      target.diagnostic = diagnostic.text;
      target.diagnosticField = diagnostic.field;
      if (diagnostic.host) target.remoteMta = diagnostic.host;
    }
  }
  for (const recipient of recipients.values())
    if (!recipient.remoteMta && receivingServer) recipient.remoteMta = receivingServer;
  return {
    layout: 'exchange-legacy',
    language: labels.language,
    delayed,
    userInformation: sectionText(lines, Math.max(0, firstIndex), userEnd),
    adminInformation: diagIndex >= 0 ? sectionText(lines, diagIndex, end) : null,
    originalHeaders,
    originalHeadersText,
    recipients: [...recipients.values()],
    generatingServer,
    receivingServer,
    statusLine: null,
    originalSubject: null,
    originalSender: null,
    originalDate: null,
  };
}

function sectionText(lines: readonly string[], from: number, to: number): string | null {
  const text = lines
    .slice(from, to)
    // trimEnd, not /\s+$/: the regex retries from every character of a blank run that is followed
    // by text, so a pasted label with long runs of spaces and tabs took seconds per 100 KB.
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}

function firstToken(value: string | null): string | null {
  if (!value) return null;
  const token = value.trim().split(/\s+/)[0] ?? '';
  return token.replace(/[,;]$/, '') || null;
}
