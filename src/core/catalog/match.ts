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

// Catalogue status patterns are few and fixed: parse each range once.
const ranges = new Map<string, RegExpExecArray | null>();

function statusMatches(pattern: string, code: string): boolean {
  let range = ranges.get(pattern);
  if (range === undefined) {
    range = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(pattern);
    ranges.set(pattern, range);
  }
  if (!range) return pattern === code;
  const [cls, subject, detail] = code.split('.').map(Number);
  return (
    cls === Number(range[1]) &&
    subject === Number(range[2]) &&
    (detail ?? -1) >= Number(range[3]) &&
    (detail ?? -1) <= Number(range[4])
  );
}

function matcherHolds(matcher: CauseMatcher, query: CauseQuery): boolean {
  let criteria = 0;
  if (matcher.statuses) {
    criteria++;
    const code = query.status?.code;
    if (!code || !matcher.statuses.some((s) => statusMatches(s, code))) return false;
  }
  if (matcher.classSubject) {
    criteria++;
    const prefix = query.status ? `${query.status.class}.${query.status.subject}` : null;
    const cls = query.status ? String(query.status.class) : null;
    if (!matcher.classSubject.some((p) => p === prefix || p === cls)) return false;
  }
  if (matcher.tokens) {
    criteria++;
    const token = query.token?.toLowerCase();
    if (!token || !matcher.tokens.some((t) => t.toLowerCase() === token)) return false;
  }
  if (matcher.text) {
    criteria++;
    if (!matcher.text.some((fragment) => query.text.includes(fragment))) return false;
  }
  if (matcher.microsoft !== undefined) {
    criteria++;
    if (matcher.microsoft !== query.microsoft) return false;
  }
  if (matcher.reasons) {
    criteria++;
    if (!matcher.reasons.includes(query.reason)) return false;
  }
  if (matcher.actions) {
    criteria++;
    if (query.action !== 'failed' && query.action !== 'delayed') return false;
    if (!matcher.actions.includes(query.action)) return false;
  }
  return criteria > 0;
}

/** The first catalogue entry (in catalogue order) that explains the outcome. */
export function matchCause(query: CauseQuery): CauseMatch | null {
  for (const entry of causes as readonly CauseEntry[]) {
    for (const matcher of entry.match) {
      if (!matcherHolds(matcher, query)) continue;
      const specific =
        matcher.statuses !== undefined || matcher.tokens !== undefined || matcher.text !== undefined;
      const confidence = specific ? 'catalogue' : matcher.classSubject ? 'status' : 'guess';
      return { entry, matcher, confidence };
    }
  }
  return null;
}

export function causeById(id: string): CauseEntry | null {
  return (causes as readonly CauseEntry[]).find((c) => c.id === id) ?? null;
}

export type { Actor };
