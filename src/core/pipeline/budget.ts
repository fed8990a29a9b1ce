/**
 * What one analysis may spend on the messages inside the one it was given (attached and forwarded
 * messages, at every level together). Each nested text is read once, so the characters stay within
 * about twice the input; the counts are a backstop against inputs built to have thousands of them.
 */
import type { Analysis, Warning } from '../types';
import { MAX_TEXT } from './input';

export interface Budget {
  /** Nested analyses still allowed. */
  analyses: number;
  /** Characters of nested text still allowed. */
  chars: number;
  /** What ran out, if something did (then the analysis says so in a warning). */
  exhausted: 'analyses' | 'chars' | 'blocks' | null;
}

const MAX_NESTED_ANALYSES = 64;
const MAX_NESTED_CHARS = 2 * MAX_TEXT;

export function newBudget(): Budget {
  return { analyses: MAX_NESTED_ANALYSES, chars: MAX_NESTED_CHARS, exhausted: null };
}

/** Takes one nested analysis of `chars` characters from the budget; false when it cannot pay. */
export function spend(budget: Budget, chars: number): boolean {
  if (budget.analyses <= 0) budget.exhausted ??= 'analyses';
  else if (chars > budget.chars) budget.exhausted ??= 'chars';
  else {
    budget.analyses--;
    budget.chars -= chars;
    return true;
  }
  return false;
}

export function dedupeWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function withBudgetWarning(analysis: Analysis, budget: Budget): Analysis {
  if (budget.exhausted === null) return analysis;
  const warning: Warning = { code: 'analysis.budgetExhausted', detail: budget.exhausted };
  return { ...analysis, warnings: dedupeWarnings([...analysis.warnings, warning]) };
}

/**
 * NUL characters from the bounce never reach the UI or Office (a NUL truncates strings in some
 * hosts and hides text from the reader): removed from every string of the result. Almost no result
 * has one, so a walk that only looks comes first; copying the whole result every time cost more
 * than some of the parsing.
 */
export function withoutNul<T>(value: T): T {
  return hasNul(value) ? copyWithoutNul(value) : value;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') {
    for (const key in value) if (hasNul((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function copyWithoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(copyWithoutNul) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyWithoutNul(v)])) as T;
  return value;
}
