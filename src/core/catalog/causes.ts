import { anyServerCauses } from './sections/anyServer';
import { catchAllCauses } from './sections/catchAll';
import { exchangeCauses } from './sections/exchange';
import { rfc3463Causes } from './sections/rfc3463';
import type { CauseEntry } from './types';

/*
 * The cause catalogue: what each bounce means and who must act. User-facing text lives in
 * src/i18n/<locale>/causes.json under `cause.<id>.*`; the section files hold only matching data
 * and sources.
 *
 * Order matters: the first matching entry wins (catalog/match.ts), and this array is that order.
 *   1. sections/exchange.ts: Exchange / Exchange Online replies keyed on status + text, NDR-subject
 *      tokens, and Microsoft's own extended codes (docs/ndr-notes.md §5, §4.5, §4.4).
 *   2. sections/anyServer.ts: well-known generic details from any server (RFC 3463 and later
 *      registries), text-only causes and, inside the same entries, the fallback for the Sisimai
 *      reason they explain.
 *   3. sections/rfc3463.ts: RFC 3463 class.subject fallbacks, class 5 then class 4.
 *   4. sections/catchAll.ts: catch-alls for delays and failures.
 *
 * Generic status matchers carry a `reasons` gate: the status alone is a weak hint (a 5.1.1 sometimes
 * says "mailbox full", a 5.7.1 may be a block list), so they only fire when the reason the engine
 * decided agrees, or when it could not decide (`undefined`, `onhold`). Any other reason then finds its
 * own entry. Microsoft entries are specific enough to need no gate.
 *
 * The engine defaults an undecided *delay* to `expired`, so fallbacks for `expired` are limited to
 * failed recipients and delays get their own entries.
 */
export const causes = [
  ...exchangeCauses,
  ...anyServerCauses,
  ...rfc3463Causes,
  ...catchAllCauses,
] as const satisfies readonly CauseEntry[];

/** The id of a catalogue entry: an id that is not in the catalogue does not compile. */
export type CauseId = (typeof causes)[number]['id'];
