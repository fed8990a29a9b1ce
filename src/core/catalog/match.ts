import type { Actor, DeliveryAction, EnhancedStatus, Reason } from '../types';
import { causes } from './causes';
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
  /** The text fragments as indexes into FRAGMENTS. */
  readonly text: readonly number[] | null;
}

/**
 * Every distinct text fragment of the catalogue. A query's text is searched for all of them in one
 * pass (see fragmentsIn) instead of once per matcher with includes(): the ~200 includes() calls a
 * recipient cost were almost half of matchCause's time.
 */
const FRAGMENTS: string[] = [];
const FRAGMENT_INDEX = new Map<string, number>();

function fragmentId(fragment: string): number {
  let id = FRAGMENT_INDEX.get(fragment);
  if (id === undefined) {
    id = FRAGMENTS.length;
    FRAGMENTS.push(fragment);
    FRAGMENT_INDEX.set(fragment, id);
  }
  return id;
}

const STATUS_RANGE = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/;

function prepare(entry: CauseEntry, matcher: CauseMatcher): PreparedMatcher {
  const exactStatuses = new Set<string>();
  const statusRanges: StatusRange[] = [];
  for (const pattern of matcher.statuses ?? []) {
    const range = STATUS_RANGE.exec(pattern);
    if (range)
      statusRanges.push({
        cls: Number(range[1]),
        subject: Number(range[2]),
        from: Number(range[3]),
        to: Number(range[4]),
      });
    else exactStatuses.add(pattern);
  }
  const specific =
    matcher.statuses !== undefined || matcher.tokens !== undefined || matcher.text !== undefined;
  return {
    entry,
    matcher,
    confidence: specific ? 'catalogue' : matcher.classSubject ? 'status' : 'guess',
    microsoft: matcher.microsoft ?? null,
    reasons: matcher.reasons ?? null,
    actions: matcher.actions ?? null,
    refusedBy: matcher.refusedBy ?? null,
    classSubject: matcher.classSubject ?? null,
    exactStatuses: matcher.statuses ? exactStatuses : null,
    statusRanges,
    tokens: matcher.tokens ? new Set(matcher.tokens.map((t) => t.toLowerCase())) : null,
    text: matcher.text ? matcher.text.map(fragmentId) : null,
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

const BUCKETS = 4096;
/** Fragments are filed by their first KEY characters; the catalogue's are all at least this long. */
const KEY = 4;

/** The bucket of the KEY characters at `i`; which characters share one does not matter. */
function bucketAt(text: string, i: number): number {
  const key =
    ((text.charCodeAt(i) * 31 + text.charCodeAt(i + 1)) * 31 + text.charCodeAt(i + 2)) * 31 +
    text.charCodeAt(i + 3);
  return key & (BUCKETS - 1);
}

/** Fragments of KEY or more characters, filed under the bucket of their first KEY. */
const FRAGMENTS_BY_START: (number[] | undefined)[] = new Array<number[] | undefined>(BUCKETS);
/** Shorter fragments (the catalogue has none), searched for with includes(). */
const SHORT_FRAGMENTS: number[] = [];
FRAGMENTS.forEach((fragment, id) => {
  if (fragment.length < KEY) {
    SHORT_FRAGMENTS.push(id);
    return;
  }
  const bucket = bucketAt(fragment, 0);
  (FRAGMENTS_BY_START[bucket] ??= []).push(id);
});

/**
 * Which fragments occur in the text (1 at the fragment's index): the same answers as
 * text.includes(fragment) for each, from one look at every position with the few fragments that
 * could start there.
 */
function fragmentsIn(text: string): number[] {
  const found = new Array<number>(FRAGMENTS.length).fill(0);
  for (let i = 0; i + KEY <= text.length; i++) {
    const candidates = FRAGMENTS_BY_START[bucketAt(text, i)];
    if (candidates === undefined) continue;
    for (const id of candidates) {
      if (found[id] === 0 && text.startsWith(FRAGMENTS[id] ?? '', i)) found[id] = 1;
    }
  }
  for (const id of SHORT_FRAGMENTS) if (text.includes(FRAGMENTS[id] ?? '')) found[id] = 1;
  return found;
}

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
  fragments: number[] | null;
}

function statusMatches(prepared: PreparedMatcher, exact: ReadonlySet<string>, q: PreparedQuery): boolean {
  if (q.code === null) return false;
  if (exact.has(q.code)) return true;
  return prepared.statusRanges.some(
    (r) => q.cls === r.cls && q.subject === r.subject && q.detail >= r.from && q.detail <= r.to,
  );
}

/** Every criterion the matcher gives must hold; the cheap comparisons are tried first. */
function matcherHolds(prepared: PreparedMatcher, q: PreparedQuery): boolean {
  const { query } = q;
  if (prepared.microsoft !== null && prepared.microsoft !== query.microsoft) return false;
  if (prepared.reasons && !prepared.reasons.includes(query.reason)) return false;
  if (prepared.refusedBy !== null && prepared.refusedBy !== query.refusedBy) return false;
  if (
    prepared.actions &&
    ((query.action !== 'failed' && query.action !== 'delayed') || !prepared.actions.includes(query.action))
  )
    return false;
  if (
    prepared.classSubject &&
    !prepared.classSubject.some((p) => p === q.classSubjectPrefix || p === q.classPrefix)
  )
    return false;
  if (prepared.exactStatuses && !statusMatches(prepared, prepared.exactStatuses, q)) return false;
  if (prepared.tokens && (!q.token || !prepared.tokens.has(q.token))) return false;
  if (prepared.text) {
    const found = (q.fragments ??= fragmentsIn(query.text));
    if (!prepared.text.some((id) => found[id] === 1)) return false;
  }
  return true;
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
