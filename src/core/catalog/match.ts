import type { Actor, DeliveryAction, EnhancedStatus, Reason } from '../types';
import { causes } from './causes';
import { escapeRegExp } from '../text';
import type { CauseEntry, CauseMatcher, RefusingSide } from './types';

export interface CauseQuery {
  readonly status: EnhancedStatus | null;
  readonly token: string | null;
  /** Diagnostic text (and any other error text), lower-cased and space-folded. */
  readonly text: string;
  readonly microsoft: boolean;
  readonly reason: Reason;
  readonly action: DeliveryAction;
  /** Whose organisation refused, when the report shows it; null when it does not. */
  readonly refusedBy: RefusingSide | null;
}

export interface CauseMatch {
  readonly entry: CauseEntry;
  readonly matcher: CauseMatcher;
  readonly confidence: 'catalogue' | 'status' | 'guess';
}

interface StatusRange {
  readonly cls: number;
  readonly subject: number;
  readonly from: number;
  readonly to: number;
}

/**
 * A catalogue matcher with its criteria prepared once at load: status patterns split into exact
 * codes and parsed detail ranges, tokens lower-cased, and every criterion present as a field (null
 * when the matcher does not give it). Every recipient is tried against all ~250 matchers; the
 * catalogue's own objects come in a score of shapes, which made each property read slow, and
 * re-parsing the patterns on each try cost as much again.
 */
interface PreparedMatcher {
  readonly entry: CauseEntry;
  readonly matcher: CauseMatcher;
  readonly confidence: CauseMatch['confidence'];
  readonly microsoft: boolean | null;
  readonly reasons: readonly Reason[] | null;
  readonly actions: readonly DeliveryAction[] | null;
  readonly refusedBy: RefusingSide | null;
  readonly classSubject: readonly string[] | null;
  readonly exactStatuses: ReadonlySet<string> | null;
  readonly statusRanges: readonly StatusRange[];
  readonly tokens: ReadonlySet<string> | null;
  readonly text: readonly string[] | null;
}

const STATUS_RANGE = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/;

/** Status patterns split into exact codes and parsed detail ranges (`5.7.606-649`). */
function splitStatuses(patterns: readonly string[]): { exact: Set<string>; ranges: StatusRange[] } {
  const exact = new Set<string>();
  const ranges: StatusRange[] = [];
  for (const pattern of patterns) {
    const range = STATUS_RANGE.exec(pattern);
    if (range)
      ranges.push({
        cls: Number(range[1]),
        subject: Number(range[2]),
        from: Number(range[3]),
        to: Number(range[4]),
      });
    else exact.add(pattern);
  }
  return { exact, ranges };
}

/** How sure a match of this matcher is: a status, token or text is specific, a class a fallback. */
function confidenceOf(matcher: CauseMatcher): CauseMatch['confidence'] {
  if (matcher.statuses !== undefined || matcher.tokens !== undefined || matcher.text !== undefined)
    return 'catalogue';
  return matcher.classSubject ? 'status' : 'guess';
}

function prepare(entry: CauseEntry, matcher: CauseMatcher): PreparedMatcher {
  const { exact, ranges } = splitStatuses(matcher.statuses ?? []);
  return {
    entry,
    matcher,
    confidence: confidenceOf(matcher),
    microsoft: matcher.microsoft ?? null,
    reasons: matcher.reasons ?? null,
    actions: matcher.actions ?? null,
    refusedBy: matcher.refusedBy ?? null,
    classSubject: matcher.classSubject ?? null,
    exactStatuses: matcher.statuses ? exact : null,
    statusRanges: ranges,
    tokens: matcher.tokens ? new Set(matcher.tokens.map((t) => t.toLowerCase())) : null,
    text: matcher.text ?? null,
  };
}

/** Every matcher of the catalogue in catalogue order; one with no criterion never matches and is left out. */
const PREPARED: readonly PreparedMatcher[] = (causes as readonly CauseEntry[]).flatMap((entry) =>
  entry.match
    .filter(
      (m) =>
        m.statuses ||
        m.classSubject ||
        m.tokens ||
        m.text ||
        m.microsoft !== undefined ||
        m.reasons ||
        m.actions ||
        m.refusedBy,
    )
    .map((m) => prepare(entry, m)),
);

/** What each matcher compares, worked out once per query. */
interface PreparedQuery {
  readonly query: CauseQuery;
  readonly code: string | null;
  /** Class, subject and detail of `code` as numbers (NaN where not a number, -1 for a missing detail). */
  readonly cls: number;
  readonly subject: number;
  readonly detail: number;
  readonly classSubjectPrefix: string | null;
  readonly classPrefix: string | null;
  readonly token: string | null;
  /** fragmentsIn(query.text), worked out when a matcher first asks. */
  fragments: Set<string> | null;
}

function statusMatches(prepared: PreparedMatcher, exact: ReadonlySet<string>, q: PreparedQuery): boolean {
  if (q.code === null) return false;
  if (exact.has(q.code)) return true;
  return prepared.statusRanges.some(
    (r) => q.cls === r.cls && q.subject === r.subject && q.detail >= r.from && q.detail <= r.to,
  );
}

/** Every distinct text fragment of the catalogue, longest first. */
const FRAGMENTS = [...new Set(PREPARED.flatMap((m) => m.text ?? []))].sort((a, b) => b.length - a.length);

/**
 * Finds, at each position of a text, the longest fragment starting there: one pass over the text
 * instead of one includes() per fragment (the catalogue has some 250).
 */
const FRAGMENT_AT = new RegExp(FRAGMENTS.map(escapeRegExp).join('|'), 'g');

const FRAGMENT_SET = new Set(FRAGMENTS);

/**
 * For each fragment, the shorter fragments it starts with (found at the same position). Each of
 * its beginnings is looked up, rather than each fragment compared with every other: that took
 * every thread of the command line most of a millisecond to start.
 */
const PREFIXES = new Map(
  FRAGMENTS.map((f) => {
    const prefixes: string[] = [];
    for (let length = 1; length < f.length; length++)
      if (FRAGMENT_SET.has(f.slice(0, length))) prefixes.push(f.slice(0, length));
    return [f, prefixes];
  }),
);

/** The catalogue's fragments that occur in the text. */
function fragmentsIn(text: string): Set<string> {
  const found = new Set<string>();
  FRAGMENT_AT.lastIndex = 0;
  for (let match = FRAGMENT_AT.exec(text); match; match = FRAGMENT_AT.exec(text)) {
    const [fragment] = match;
    found.add(fragment);
    for (const prefix of PREFIXES.get(fragment) ?? []) found.add(prefix);
    // Fragments may overlap: look again from the next character, not from the end of this one.
    FRAGMENT_AT.lastIndex = match.index + 1;
  }
  return found;
}

/** The criteria about the outcome as a whole: server, decided reason, refusing side, action. */
function contextHolds(prepared: PreparedMatcher, query: CauseQuery): boolean {
  if (prepared.microsoft !== null && prepared.microsoft !== query.microsoft) return false;
  if (prepared.reasons && !prepared.reasons.includes(query.reason)) return false;
  if (prepared.refusedBy !== null && prepared.refusedBy !== query.refusedBy) return false;
  if (!prepared.actions) return true;
  return (query.action === 'failed' || query.action === 'delayed') && prepared.actions.includes(query.action);
}

/** The criteria about the server's answer: status class or code, Exchange token, text. */
function answerHolds(prepared: PreparedMatcher, q: PreparedQuery): boolean {
  if (
    prepared.classSubject &&
    !prepared.classSubject.some((p) => p === q.classSubjectPrefix || p === q.classPrefix)
  )
    return false;
  if (prepared.exactStatuses && !statusMatches(prepared, prepared.exactStatuses, q)) return false;
  if (prepared.tokens && (!q.token || !prepared.tokens.has(q.token))) return false;
  if (!prepared.text) return true;
  const found = (q.fragments ??= fragmentsIn(q.query.text));
  return prepared.text.some((fragment) => found.has(fragment));
}

/** Every criterion the matcher gives must hold; the cheap comparisons are tried first. */
function matcherHolds(prepared: PreparedMatcher, q: PreparedQuery): boolean {
  return contextHolds(prepared, q.query) && answerHolds(prepared, q);
}

/** The first catalogue entry (in catalogue order) that explains the outcome. */
export function matchCause(query: CauseQuery): CauseMatch | null {
  const status = query.status;
  const code = status?.code || null;
  const [cls = NaN, subject = NaN, detail = -1] = code ? code.split('.').map(Number) : [];
  const prepared: PreparedQuery = {
    query,
    code,
    cls,
    subject,
    detail,
    classSubjectPrefix: status ? `${status.class}.${status.subject}` : null,
    classPrefix: status ? String(status.class) : null,
    token: query.token?.toLowerCase() || null,
    fragments: null,
  };
  for (const candidate of PREPARED) {
    if (matcherHolds(candidate, prepared))
      return { entry: candidate.entry, matcher: candidate.matcher, confidence: candidate.confidence };
  }
  return null;
}

export function causeById(id: string): CauseEntry | null {
  return (causes as readonly CauseEntry[]).find((c) => c.id === id) ?? null;
}

export type { Actor };
