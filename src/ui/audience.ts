import { validAddressIn } from '../core/safeValues';
import type { Analysis } from '../core/types';

/** Who reads the explanation: the person who sent the bounced message, or someone else (a helpdesk). */
export type Audience = 'sender' | 'other';

/** The address in a From value such as `Jan <jan@contoso.com>` or `jan@contoso.com`, if well-formed. */
const addressIn = (value: string | null | undefined): string | null =>
  validAddressIn(value)?.toLowerCase() ?? null;

/**
 * 'other' only when we are sure the reader did not send the bounced message: Outlook gave the
 * reader's address (userProfile), the bounce names the original sender, the two differ, and the
 * reader did not forward the bounce themselves (someone sending under an alias forwards their own
 * bounce to themselves; a helpdesk opens a forward from someone else). Anything unknown keeps the
 * default, the sender, who is who opens a bounce nearly always.
 */
export function audienceFor(
  analysis: Analysis,
  reader: string | null | undefined,
  forwardedBy: string | null = null,
): Audience {
  const me = addressIn(reader);
  const sender = addressIn(analysis.original.from);
  if (!me || !sender || me === sender) return 'sender';
  return addressIn(forwardedBy) === me ? 'sender' : 'other';
}
