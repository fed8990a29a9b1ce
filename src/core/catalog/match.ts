import type { Actor, DeliveryAction, EnhancedStatus, Reason } from '../types';
import { causes } from './causes';
import type { CauseEntry, CauseMatcher } from './types';

export interface CauseQuery {
  readonly status: EnhancedStatus | null;
  readonly token: string | null;
  /** Diagnostic text (and any other error text), lower-cased and space-folded. */
  readonly text: string;
  readonly microsoft: boolean;
  readonly reason: Reason;
  readonly action: DeliveryAction;
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
 * codes and parsed detail ranges, tokens lower-cased. Every recipient is tried against all ~250
 * matchers, and re-parsing the patterns for each try was a tenth of the analysis.
 */
interface PreparedMatcher {
  readonly entry: CauseEntry;
  readonly matcher: CauseMatcher;
  readonly confidence: CauseMatch['confidence'];
  readonly exactStatuses: ReadonlySet<string>;
  readonly statusRanges: readonly StatusRange[];
  readonly tokens: ReadonlySet<string>;
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
    exactStatuses,
    statusRanges,
    tokens: new Set((matcher.tokens ?? []).map((t) => t.toLowerCase())),
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
        m.actions,
    )
    .map((m) => prepare(entry, m)),
);

/** What each matcher compares, worked out once per query. */
interface PreparedQuery {
  readonly query: CauseQuery;
  readonly code: string | null;
  /** Class, subject and detail of `code` (NaN where a part is missing). */
  readonly parts: readonly number[];
  readonly classSubject: string | null;
  readonly cls: string | null;
  readonly token: string | null;
}

function statusMatches(prepared: PreparedMatcher, q: PreparedQuery): boolean {
  if (q.code === null) return false;
  if (prepared.exactStatuses.has(q.code)) return true;
  const [cls, subject, detail = -1] = q.parts;
  return prepared.statusRanges.some(
    (r) => cls === r.cls && subject === r.subject && detail >= r.from && detail <= r.to,
  );
}

/** Every criterion the matcher gives must hold; the cheap comparisons are tried first. */
function matcherHolds(prepared: PreparedMatcher, q: PreparedQuery): boolean {
  const { matcher } = prepared;
  const { query } = q;
  if (matcher.microsoft !== undefined && matcher.microsoft !== query.microsoft) return false;
  if (matcher.reasons && !matcher.reasons.includes(query.reason)) return false;
  if (
    matcher.actions &&
    ((query.action !== 'failed' && query.action !== 'delayed') || !matcher.actions.includes(query.action))
  )
    return false;
  if (matcher.classSubject && !matcher.classSubject.some((p) => p === q.classSubject || p === q.cls))
    return false;
  if (matcher.statuses && !statusMatches(prepared, q)) return false;
  if (matcher.tokens && (!q.token || !prepared.tokens.has(q.token))) return false;
  if (matcher.text && !matcher.text.some((fragment) => query.text.includes(fragment))) return false;
  return true;
}

/** The first catalogue entry (in catalogue order) that explains the outcome. */
export function matchCause(query: CauseQuery): CauseMatch | null {
  const status = query.status;
  const code = status?.code ?? null;
  const prepared: PreparedQuery = {
    query,
    code: code || null,
    parts: code ? code.split('.').map(Number) : [],
    classSubject: status ? `${status.class}.${status.subject}` : null,
    cls: status ? String(status.class) : null,
    token: query.token?.toLowerCase() || null,
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
