import { enhancedFieldLabels, exchangeLabels, type ExchangeLabels } from '../catalog/exchangeLabels';
import { DELAY_WORD_PATTERN } from '../languages';
import { parseHeaderBlock } from '../headers';
import type { HeaderField } from '../types';
import { anyOf, cleanAddress, escapeRegExp, findAddress, foldSpace, isAddress, splitLines } from '../text';

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
  /**
   * The indexes of the lines with text left after cleaning, in order. Only these can hold a label,
   * a headline, a recipient or a diagnostic, so every search below walks these alone: a pasted
   * section with 100 KB of blank lines was searched line by line a dozen times.
   */
  readonly filled: readonly number[];
  private loweredLines: readonly string[] | null = null;

  constructor(readonly raw: readonly string[]) {
    const cleaned: string[] = [];
    const filled: number[] = [];
    for (const [index, line] of raw.entries()) {
      const clean = line === '' ? '' : cleanLine(line);
      cleaned.push(clean);
      if (clean !== '') filled.push(index);
    }
    this.cleaned = cleaned;
    this.filled = filled;
  }

  /** The indexes of the lines with text in [from, to). */
  *filledIn(from = 0, to = this.raw.length): Generator<number> {
    for (const index of this.filled) {
      if (index >= to) return;
      if (index >= from) yield index;
    }
  }

  /** The cleaned lines, lower-cased. */
  get lowered(): readonly string[] {
    return (this.loweredLines ??= this.cleaned.map(lower));
  }
}

/** Index of the first line in [from, to) that starts with one of the labels; -1 if none. */
function findLabel(lines: LabelLines, labels: readonly string[], from = 0, to = lines.raw.length): number {
  const wanted = labels.map(lower);
  const lowered = lines.lowered;
  for (const i of lines.filledIn(from, to)) {
    const line = lowered[i] ?? '';
    if (wanted.some((label) => line.startsWith(label))) return i;
  }
  return -1;
}

const TRAILING = /[\s*_|]/;

/** Strips markdown/HTML-to-text decorations that clients add around headings. */
function cleanLine(line: string): string {
  const start = line.replace(/^[\s>*_#|]+/, '');
  // Trimmed by a loop: /[\s*_|]+$/ retries from every character of a long blank run (quadratic).
  let end = start.length;
  while (end > 0 && TRAILING.test(start.charAt(end - 1))) end--;
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

// All languages' headline patterns as one alternation (all are case-insensitive and anchored, with
// no back-references), so that only lines matching some headline are tried language by language.
const ANY_HEADLINE = anyOf(
  exchangeLabels.flatMap((l) => l.enhancedHeadline),
  'i',
);

const SUBJECT_PREFIXES = exchangeLabels.map((labels) => labels.subjectPrefixes.map(lower));

/**
 * Every language's labels of the groups that can anchor a report (GROUP: the first line, a delay
 * line, a diagnostic heading and the enhanced layout's two headings), lower-cased, as one
 * alternation. A line starting with one holds it, so a text without any (most texts) holds no
 * Exchange report, and one search over it says so.
 */
const ANCHOR_LABEL = new RegExp(
  exchangeLabels
    .flatMap((labels) => Object.values(GROUP).flatMap((group) => votingGroups(labels)[group] ?? []))
    .map((label) => escapeRegExp(lower(label)))
    .join('|'),
);

/**
 * Which voting groups of each language have a line starting with one of their labels; the same
 * answer as findLabel(lines, group) >= 0 for each group.
 */
function groupsFound(lines: LabelLines): Set<number>[] {
  const found = exchangeLabels.map(() => new Set<number>());
  for (const index of lines.filled) {
    const line = lines.lowered[index] ?? '';
    for (const { label, language, group } of VOTING_LABELS.get(line.slice(0, 2)) ?? []) {
      if (line.startsWith(label)) found[language]?.add(group);
    }
  }
  return found;
}

interface Detected {
  readonly labels: ExchangeLabels;
  readonly hits: number;
  readonly anchored: boolean;
}

/** How strongly the text shows one language's labels, and whether it shows an anchoring one. */
function languageScore(
  labels: ExchangeLabels,
  found: ReadonlySet<number>,
  headlines: readonly string[],
  subjectPrefixed: boolean,
): Detected {
  const headline = headlines.some((l) => labels.enhancedHeadline.some((r) => r.test(l)));
  const hits = found.size + (headline ? 2 : 0) + (subjectPrefixed ? 1 : 0);
  const anchored =
    (headline && (found.has(GROUP.enhancedAdminHeading) || found.has(GROUP.enhancedErrorDetails))) ||
    found.has(GROUP.firstLines) ||
    found.has(GROUP.delayLines) ||
    found.has(GROUP.diagnosticHeadings);
  return { labels, hits, anchored };
}

/**
 * The language whose labels the text (and subject) shows most; null when none shows any.
 * `anchored`: the text has that language's first line, delay line or administrators' heading, or
 * its headline with one of the enhanced layout's headings. Without these it is no Exchange NDR.
 */
function detectLanguage(lines: LabelLines, subject: string | null): Detected | null {
  const found = groupsFound(lines);
  const headlines = lines.filled.map((i) => lines.cleaned[i] ?? '').filter((l) => ANY_HEADLINE.test(l));
  const lowerSubject = subject ? lower(subject) : null;
  let best: Detected | null = null;
  for (const [language, labels] of exchangeLabels.entries()) {
    const prefixed =
      lowerSubject !== null && (SUBJECT_PREFIXES[language]?.some((p) => lowerSubject.startsWith(p)) ?? false);
    const score = languageScore(labels, found[language] ?? new Set<number>(), headlines, prefixed);
    if (score.hits > 0 && (!best || score.hits > best.hits)) best = score;
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

/**
 * Recipient lines of the legacy user section: `Name (addr)<mailto:addr>`, `addr<mailto:addr>`,
 * `addr`, as cleanLine left them.
 */
function recipientFromCleaned(cleaned: string): { address: string; displayName: string | null } | null {
  const trimmed = cleaned.replace(/(?<!\s)\s*<mailto:[^>]*>/gi, '').trim();
  if (!trimmed || trimmed.length > 320) return null;
  if (isAddress(trimmed)) return { address: cleanAddress(trimmed), displayName: null };
  const named = /^(.{1,120}?)\s*[(<[]\s*([^\s()<>[\]]+@[^\s()<>[\]]+)\s*[)>\]]$/.exec(trimmed);
  if (named && isAddress(named[2] ?? '')) {
    const name = (named[1] ?? '').replace(/^["']|["']$/g, '').trim();
    return { address: cleanAddress(named[2] ?? ''), displayName: name && !isAddress(name) ? name : null };
  }
  return null;
}

/** A recipient while the report is read; its fields are filled in as the admin section names them. */
interface Reading {
  address: string;
  displayName: string | null;
  diagnostic: string | null;
  diagnosticField: string | null;
  remoteMta: string | null;
}

/** The recipients named so far, one per address, in the order first named. */
class RecipientsRead {
  private readonly byAddress = new Map<string, Reading>();

  add(address: string, displayName: string | null): Reading {
    const key = address.toLowerCase();
    const existing = this.byAddress.get(key);
    if (!existing) {
      const added = { address, displayName, diagnostic: null, diagnosticField: null, remoteMta: null };
      this.byAddress.set(key, added);
      return added;
    }
    if (!existing.displayName && displayName) existing.displayName = displayName;
    return existing;
  }

  get(address: string): Reading | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  get first(): Reading | undefined {
    return this.byAddress.values().next().value;
  }

  get all(): Reading[] {
    return [...this.byAddress.values()];
  }
}

/** Where a report's parts begin in its lines, in the language it was detected in. */
interface Layout {
  readonly labels: ExchangeLabels;
  readonly lines: readonly string[];
  readonly labelLines: LabelLines;
  readonly headlineIndex: number;
  readonly adminIndex: number;
  readonly errorDetailsIndex: number;
  readonly firstIndex: number;
  readonly diagIndex: number;
  /** The line of the original headers' label, -1 when there is none. */
  readonly originalIndex: number;
  /** Where the report's own text ends: at that label, or the line count. */
  readonly end: number;
}

/** What both layouts have: the language, whether it is a delay, and the original's header block. */
type Common = Pick<ExchangeText, 'language' | 'delayed' | 'originalHeaders' | 'originalHeadersText'>;

/** "Delayed" in the headline, in every language we read (src/core/languages/). */
const DELAYED_HEADLINE = DELAY_WORD_PATTERN;

function commonParts(layout: Layout): Common {
  const { labels, lines, labelLines, headlineIndex, originalIndex } = layout;
  const delayed =
    findLabel(labelLines, labels.delayLines) >= 0 ||
    DELAYED_HEADLINE.test(headlineIndex >= 0 ? (lines[headlineIndex] ?? '') : '');
  // The original headers label may appear in either layout; everything after it is the header block.
  const originalHeadersText =
    originalIndex >= 0
      ? lines
          .slice(originalIndex + 1)
          .join('\n')
          .replace(/^\s*\n/, '')
      : null;
  const originalHeaders = originalHeadersText ? parseHeaderBlock(originalHeadersText).headers : [];
  return { language: labels.language, delayed, originalHeaders, originalHeadersText };
}

/** The enhanced layout's recipients: those its headline names, and its "Recipient Address" field. */
function enhancedRecipients(layout: Layout): RecipientsRead {
  const { labels, labelLines, end } = layout;
  const recipients = new RecipientsRead();
  for (const index of labelLines.filledIn(0, end)) {
    const line = labelLines.cleaned[index] ?? '';
    for (const headline of labels.enhancedHeadline) {
      const match = headline.exec(line);
      const address = match ? findAddress(match[1] ?? '') : null;
      if (address) recipients.add(address, null);
    }
  }
  const field = valueAfterLabel(labelLines, enhancedFieldLabels.recipientAddress, 0, end);
  const fromField = findAddress(field ?? '');
  if (fromField) recipients.add(fromField, null);
  return recipients;
}

/** The Error field is the first recipient's answer; the status line stands in for the others'. */
function fillEnhanced(
  recipients: RecipientsRead,
  answer: { error: string | null; statusLine: string | null; receivingServer: string | null },
): void {
  const { error, statusLine, receivingServer } = answer;
  const first = recipients.first;
  if (first && error) {
    first.diagnostic = foldSpace(error);
    first.diagnosticField = 'Error';
    first.remoteMta = receivingServer;
  }
  for (const recipient of recipients.all) {
    if (!recipient.diagnostic && statusLine) {
      recipient.diagnostic = foldSpace(statusLine);
      recipient.diagnosticField = 'Status code';
    }
    recipient.remoteMta ??= receivingServer;
  }
}

/** The enhanced layout (Exchange 2016+, Exchange Online): headline, fields, the admin section. */
function readEnhanced(layout: Layout, common: Common): ExchangeText {
  const { lines, labelLines, end } = layout;
  const adminStart = layout.adminIndex >= 0 ? layout.adminIndex : layout.errorDetailsIndex;
  const field = (names: readonly string[], from = adminStart): string | null =>
    valueAfterLabel(labelLines, names, from, end);
  const recipients = enhancedRecipients(layout);
  const receivingServer = firstToken(
    field(enhancedFieldLabels.rejectedBy) ?? field(enhancedFieldLabels.remoteServer),
  );
  const statusLine = field(enhancedFieldLabels.statusCode);
  fillEnhanced(recipients, { error: field(enhancedFieldLabels.error), statusLine, receivingServer });
  const userEnd = adminStart >= 0 ? adminStart : end;
  return {
    layout: 'exchange-enhanced',
    ...common,
    userInformation: sectionText(lines, 0, userEnd),
    adminInformation: adminStart >= 0 ? sectionText(lines, adminStart, end) : null,
    recipients: recipients.all,
    generatingServer: firstToken(field(enhancedFieldLabels.generatedBy)),
    receivingServer,
    statusLine,
    originalSubject: field(enhancedFieldLabels.subject, Math.max(0, adminStart)),
    originalSender: findAddress(field(enhancedFieldLabels.senderAddress, 0) ?? ''),
    originalDate: field(enhancedFieldLabels.createdDate, 0),
  };
}

/**
 * The diagnostic lines of the legacy admin section, each for the recipient line above it (or the
 * first recipient). Retry histories list several attempts; the last one is the final answer.
 */
function readDiagnostics(layout: Layout, recipients: RecipientsRead): void {
  let current: Reading | undefined;
  // A line with no text left after cleaning is neither a recipient nor a diagnostic.
  for (const i of layout.labelLines.filledIn(layout.diagIndex + 1, layout.end)) {
    const line = layout.lines[i] ?? '';
    const asRecipient = recipientFromCleaned(layout.labelLines.cleaned[i] ?? '');
    if (asRecipient) {
      current = recipients.add(asRecipient.address, asRecipient.displayName);
      continue;
    }
    const diagnostic = parseDiagnosticLine(line);
    const target = diagnostic ? (current ?? recipients.first) : undefined;
    if (!diagnostic || !target) continue;
    target.diagnostic = diagnostic.text;
    target.diagnosticField = diagnostic.field;
    if (diagnostic.host) target.remoteMta = diagnostic.host;
  }
}

/** A server named in the legacy admin section, under this language's label or the English one. */
function legacyServer(layout: Layout, which: 'generatingServer' | 'receivingServer'): string | null {
  if (layout.diagIndex < 0) return null;
  const names = layout.labels[which].concat(exchangeLabels[0]?.[which] ?? []);
  return firstToken(valueAfterLabel(layout.labelLines, names, layout.diagIndex, layout.end));
}

/** The legacy layout: recipients listed under the first line, diagnostics under the admin heading. */
function readLegacy(layout: Layout, common: Common): ExchangeText {
  const { lines, firstIndex, diagIndex, end } = layout;
  const recipients = new RecipientsRead();
  const userEnd = diagIndex >= 0 ? diagIndex : end;
  for (const i of layout.labelLines.filledIn(Math.max(0, firstIndex), userEnd)) {
    const recipient = recipientFromCleaned(layout.labelLines.cleaned[i] ?? '');
    if (recipient) recipients.add(recipient.address, recipient.displayName);
  }
  const generatingServer = legacyServer(layout, 'generatingServer');
  const receivingServer = legacyServer(layout, 'receivingServer');
  if (diagIndex >= 0) readDiagnostics(layout, recipients);
  for (const recipient of recipients.all) recipient.remoteMta ||= receivingServer;
  return {
    layout: 'exchange-legacy',
    ...common,
    userInformation: sectionText(lines, Math.max(0, firstIndex), userEnd),
    adminInformation: diagIndex >= 0 ? sectionText(lines, diagIndex, end) : null,
    recipients: recipients.all,
    generatingServer,
    receivingServer,
    statusLine: null,
    originalSubject: null,
    originalSender: null,
    originalDate: null,
  };
}

/** Where the report's parts begin, once its language is known. */
function locate(lines: readonly string[], labelLines: LabelLines, labels: ExchangeLabels): Layout {
  let headlineIndex = -1;
  for (const i of labelLines.filled) {
    const line = labelLines.cleaned[i] ?? '';
    if (labels.enhancedHeadline.some((r) => r.test(line))) {
      headlineIndex = i;
      break;
    }
  }
  const adminIndex = findLabel(labelLines, labels.enhancedAdminHeading);
  const errorDetailsIndex = findLabel(labelLines, labels.enhancedErrorDetails);
  const firstIndex = findLabel(labelLines, [...labels.firstLines, ...labels.delayLines]);
  const diagIndex = findLabel(labelLines, labels.diagnosticHeadings);
  const originalIndex = findLabel(
    labelLines,
    labels.originalHeaders.concat(exchangeLabels[0]?.originalHeaders ?? []),
    Math.max(0, firstIndex, headlineIndex),
  );
  const end = originalIndex >= 0 ? originalIndex : lines.length;
  return {
    originalIndex,
    labels,
    lines,
    labelLines,
    headlineIndex,
    adminIndex,
    errorDetailsIndex,
    firstIndex,
    diagIndex,
    end,
  };
}

function isEnhanced(layout: Layout): boolean {
  return layout.headlineIndex >= 0 && (layout.adminIndex >= 0 || layout.errorDetailsIndex >= 0);
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
  if (!ANCHOR_LABEL.test(lower(text))) return null;
  const labelLines = new LabelLines(lines);
  const detected = detectLanguage(labelLines, subject);
  // The same test as the one on the layout's headings below, answered from the language
  // detection's findings: most texts stop here without searching their lines again.
  if (!detected?.anchored) return null;
  const layout = locate(lines, labelLines, detected.labels);
  if (isEnhanced(layout)) return readEnhanced(layout, commonParts(layout));
  if (layout.firstIndex < 0 && layout.diagIndex < 0) return null;
  return readLegacy(layout, commonParts(layout));
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
