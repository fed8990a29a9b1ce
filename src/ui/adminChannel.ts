import { hasHiddenCharacters } from '../core/safeValues';

/** Where "Send to my admin" goes: Outlook (src/office) or, without Outlook, nowhere but copy/mailto. */

export interface AdminMail {
  readonly to: string;
  readonly subject: string;
  /** HTML body, every NDR-derived string escaped, at most MAX_HTML_BYTES. */
  readonly html: string;
  /** The same content as plain text (for copying and mailto:). */
  readonly text: string;
}

export type SendOutcome =
  | { readonly ok: true; readonly via: 'newMessageForm' | 'composeDraft' | 'replyForm' }
  | { readonly ok: false; readonly reason: 'unsupported' | 'failed'; readonly detail?: string };

export interface AdminChannel {
  /** True when the pane runs in a compose window (the summary goes into this draft). */
  readonly composeMode: boolean;
  /** True when Outlook can open or fill a message for us; false means copy/mailto only. */
  readonly canSend: boolean;
  send(mail: AdminMail, options: { readonly attachCurrentItem: boolean }): Promise<SendOutcome>;
  /** True when Outlook can open a reply to the item on screen (the admin view's "Reply to the user"). */
  readonly canReply?: boolean;
  /** Opens a reply to the item on screen with `html` as its text; absent where Outlook cannot. */
  reply?(html: string): Promise<SendOutcome>;
}

export interface AdminSettings {
  /** The user's own choice, or null. */
  readonly userAddress: string | null;
  /** The organisation default from the deployment (task-pane URL `?admin=`), or null. */
  readonly organisationAddress: string | null;
}

export interface SettingsStore {
  load(): AdminSettings;
  /** Saves the user's address; resolves false with a code when it could not be stored for later. */
  save(address: string): Promise<{ readonly ok: boolean; readonly detail?: string }>;
}

/**
 * RFC 5321-ish check, strict enough to catch typos, lenient enough for real addresses, and blind to
 * nothing: an address with an invisible, bidi or control character is refused, since what the user
 * sees is then not where the mail goes.
 */
export function isValidAdminAddress(address: string): boolean {
  const trimmed = address.trim();
  return (
    trimmed.length <= 254 &&
    !hasHiddenCharacters(trimmed) &&
    /^[^\s@<>()[\]\\,;:"]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(
      trimmed,
    )
  );
}

/** A stored address as it may be used: valid, or none (then the user is asked again). */
export function storedAdminAddress(value: unknown): string | null {
  return typeof value === 'string' && isValidAdminAddress(value) ? value.trim() : null;
}

/** The organisation default passed as `?admin=` on the task-pane URL, when valid. */
export function organisationAddressFromQuery(search: string): string | null {
  return storedAdminAddress(new URLSearchParams(search).get('admin'));
}
