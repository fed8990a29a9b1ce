import type { Actor, Reason } from '../types';

/**
 * One way a recipient outcome can match a catalogue entry. Every criterion that is given must hold;
 * a matcher with no criterion never matches.
 */
export interface CauseMatcher {
  /**
   * Enhanced status codes, exact (`5.4.1`) or a detail range (`5.7.606-649`). Give 4.x and 5.x
   * forms separately where both occur.
   */
  readonly statuses?: readonly string[];
  /** Status class and subject prefixes for RFC 3463 fallbacks, e.g. `5.1`, `4.4`. */
  readonly classSubject?: readonly string[];
  /** Exchange NDR-subject tokens, compared case-insensitively (`RESOLVER.ADR.RecipNotFound`). */
  readonly tokens?: readonly string[];
  /**
   * Lower-case fragments; at least one must occur in the diagnostic text (lower-cased, runs of
   * white space folded to one space).
   */
  readonly text?: readonly string[];
  /** True: only when a Microsoft server rejected or wrote the report (Exchange Online guidance applies). */
  readonly microsoft?: boolean;
  /** The Sisimai reason already decided for the recipient, for reason-based fallbacks. */
  readonly reasons?: readonly Reason[];
  /** The recipient's action, e.g. only `delayed`. */
  readonly actions?: readonly ('failed' | 'delayed')[];
  /**
   * Whose organisation the refusing server belongs to, when the report shows it (a tenant's own
   * `<domain-with-dashes>.mail.protection.outlook.com` host): the same answer can mean a fault on
   * either side.
   */
  readonly refusedBy?: RefusingSide;
}

export type RefusingSide = 'sender-organisation' | 'recipient-organisation';

export interface CauseEntry {
  /** Stable id, dotted lower camel case (`exo.relayAccessDenied`). Locale keys hang off it. */
  readonly id: string;
  /** Who must act. */
  readonly actor: Actor;
  /** The Sisimai reason this cause implies; null when the cause does not decide the reason. */
  readonly reason: Reason | null;
  /** Microsoft Learn page or RFC for admins; null where none exists. */
  readonly docUrl: string | null;
  /** False for entries seen only in real mail or secondary sources (undocumented by the vendor). */
  readonly documented: boolean;
  /** Short note on where the knowledge comes from (e.g. `MS NDR table`, `RFC 3463`, `set-of-emails`). */
  readonly source: string;
  /** Tried in order; the first entry (in catalogue order) with a matching matcher wins. */
  readonly match: readonly CauseMatcher[];
}
