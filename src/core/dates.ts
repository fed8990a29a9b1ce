/** Dates from a bounce, read strictly: only what is plainly a date becomes one. */

// The shapes a date in a report takes: RFC 5322 date-time (day name and seconds
// optional, numeric or obsolete zone) or ISO 8601. Date.parse alone also accepts "ACTION 1 2 3".
const RFC5322_DATE =
  /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:[+-]\d{4}|[A-Za-z]{1,5}))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 for a date that parses; null otherwise (the raw text is kept as evidence only). */
export function toIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.replace(/\s*\([^)]{0,100}\)\s*$/, '').trim();
  if (text.length > 100 || !(RFC5322_DATE.test(text) || ISO_DATE.test(text))) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
