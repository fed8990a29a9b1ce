import { causes } from '../../src/core/catalog/causes';
import type { CauseEntry, CauseMatcher } from '../../src/core/catalog/types';

/**
 * No catalogue matcher is unreachable: none is shadowed by an earlier matcher (in catalogue order)
 * that matches every outcome it matches. "Earlier matches everything later matches" is shown
 * statically, criterion by criterion: each criterion the earlier matcher gives must be implied by
 * the later matcher's own criteria (a status inside the earlier's statuses or class, a text
 * fragment that contains one of the earlier's fragments, a subset of its reasons …). A later
 * matcher that passes this test has an input the earlier one does not catch.
 */

interface Located {
  readonly id: string;
  readonly index: number;
  readonly matcher: CauseMatcher;
}

const RANGE = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/;

/** A status pattern as class, subject and an inclusive detail range. */
function span(pattern: string): { cls: string; subject: string; from: number; to: number } {
  const range = RANGE.exec(pattern);
  if (range)
    return { cls: range[1] ?? '', subject: range[2] ?? '', from: Number(range[3]), to: Number(range[4]) };
  const [cls = '', subject = '', detail = ''] = pattern.split('.');
  return { cls, subject, from: Number(detail), to: Number(detail) };
}

function statusWithin(pattern: string, outer: readonly string[]): boolean {
  const inner = span(pattern);
  return outer.some((o) => {
    const s = span(o);
    return s.cls === inner.cls && s.subject === inner.subject && s.from <= inner.from && inner.to <= s.to;
  });
}

/** A class.subject prefix (`5.1`) or class (`5`) that covers the status or the prefix. */
function prefixCovers(prefix: string, codeOrPrefix: string): boolean {
  return codeOrPrefix === prefix || codeOrPrefix.startsWith(`${prefix}.`);
}

function subset<T>(inner: readonly T[] | undefined, outer: readonly T[]): boolean {
  return inner !== undefined && inner.every((value) => outer.includes(value));
}

/** Every outcome `later` matches, `earlier` matches too. */
export function shadows(earlier: CauseMatcher, later: CauseMatcher): boolean {
  const checks: boolean[] = [];
  if (earlier.microsoft !== undefined) checks.push(later.microsoft === earlier.microsoft);
  if (earlier.refusedBy !== undefined) checks.push(later.refusedBy === earlier.refusedBy);
  if (earlier.reasons) checks.push(subset(later.reasons, earlier.reasons));
  if (earlier.actions) checks.push(subset(later.actions, earlier.actions));
  if (earlier.tokens) {
    const outer = earlier.tokens.map((t) => t.toLowerCase());
    checks.push(
      subset(
        later.tokens?.map((t) => t.toLowerCase()),
        outer,
      ),
    );
  }
  if (earlier.text) {
    const outer = earlier.text;
    checks.push(later.text !== undefined && later.text.every((f) => outer.some((o) => f.includes(o))));
  }
  if (earlier.statuses) {
    const outer = earlier.statuses;
    checks.push(later.statuses !== undefined && later.statuses.every((p) => statusWithin(p, outer)));
  }
  if (earlier.classSubject) {
    const outer = earlier.classSubject;
    const covered = (value: string): boolean => outer.some((prefix) => prefixCovers(prefix, value));
    checks.push(
      (later.statuses !== undefined && later.statuses.every((p) => covered(p.replace(/-\d+$/, '')))) ||
        (later.classSubject !== undefined && later.classSubject.every(covered)),
    );
  }
  return checks.length > 0 && checks.every(Boolean);
}

/** Each matcher shadowed by an earlier one, as "later ← earlier". */
export function unreachable(entries: readonly CauseEntry[]): string[] {
  const all: Located[] = entries.flatMap((entry) =>
    entry.match.map((matcher, index) => ({ id: entry.id, index, matcher })),
  );
  const found: string[] = [];
  all.forEach((later, position) => {
    const earlier = all.slice(0, position).find((candidate) => shadows(candidate.matcher, later.matcher));
    if (earlier) found.push(`${later.id}#${later.index} <- ${earlier.id}#${earlier.index}`);
  });
  return found;
}

function moved(entries: readonly CauseEntry[], id: string, below: string): CauseEntry[] {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  const rest = entries.filter((e) => e.id !== id);
  const at = rest.findIndex((e) => e.id === below);
  return [...rest.slice(0, at + 1), entry, ...rest.slice(at + 1)];
}

describe('cause catalogue: reachability', () => {
  const entries: readonly CauseEntry[] = causes;

  it('has no matcher that an earlier matcher shadows', () => {
    expect(unreachable(entries)).toEqual([]);
  });

  it('finds a specific entry moved below the general one that catches all its outcomes', () => {
    // The tenant-side meaning of 5.4.1 "relay access denied" needs the refusing side as well.
    expect(unreachable(moved(entries, 'exo.relayAccessDeniedOutbound', 'exo.relayAccessDenied'))).toEqual([
      'exo.relayAccessDeniedOutbound#0 <- exo.relayAccessDenied#0',
    ]);
  });

  it('reads a status range, a class prefix and a longer text fragment as covered', () => {
    expect(shadows({ statuses: ['5.7.600-699'] }, { statuses: ['5.7.606-649'] })).toBe(true);
    expect(shadows({ classSubject: ['5.7'] }, { statuses: ['5.7.1'], text: ['relay'] })).toBe(true);
    expect(shadows({ text: ['relay'] }, { text: ['relay access denied'] })).toBe(true);
    expect(shadows({ text: ['relay access denied'] }, { text: ['relay'] })).toBe(false);
    expect(shadows({ statuses: ['5.7.1'], microsoft: true }, { statuses: ['5.7.1'] })).toBe(false);
  });
});
