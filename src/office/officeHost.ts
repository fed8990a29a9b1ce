/**
 * Outlook's host events and the signed-in mailbox (docs/office-notes.md §2.5, §9): the selected
 * item changing under a pinned pane (ItemChanged, Mailbox 1.5), the Office theme changing
 * (OfficeThemeChanged, Mailbox 1.14) and the user's own address (userProfile, Mailbox 1.1).
 */

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('Mailbox', version);
  } catch {
    return false;
  }
}

/**
 * One Office handler per event type, fanned out to any number of listeners. Outlook's
 * removeHandlerAsync removes every handler of a type at once, so the Office handler stays and a
 * listener leaves by dropping out of the set.
 */
const registry = new WeakMap<object, Map<Office.EventType, Set<(args: unknown) => void>>>();

function watch(
  type: Office.EventType,
  requirement: string,
  listener: (args: unknown) => void,
): (() => void) | null {
  const mailbox = Office.context.mailbox;
  if (!supports(requirement) || typeof mailbox?.addHandlerAsync !== 'function') return null;
  let listeners = registry.get(mailbox);
  if (!listeners) {
    listeners = new Map();
    registry.set(mailbox, listeners);
  }
  const byType = listeners;
  let set = byType.get(type);
  if (!set) {
    const created = new Set<(args: unknown) => void>();
    set = created;
    byType.set(type, created);
    try {
      mailbox.addHandlerAsync(
        type,
        (args: unknown) => {
          for (const each of [...created]) each(args);
        },
        (result) => {
          // Refused (an old client, a host without the event): nothing will ever fire.
          if (result.status === Office.AsyncResultStatus.Failed) byType.delete(type);
        },
      );
    } catch {
      byType.delete(type);
      return null;
    }
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Calls `listener` when a pinned pane is shown another item, or none. Returns the unsubscribe, or
 * null when this Outlook cannot tell (before Mailbox 1.5); then the pane keeps the item it opened on.
 * ItemChanged does not fire for every kind of item (office-js #974, #3470, #5965), so callers also
 * compare `currentItemId()` before acting on what they read.
 */
export function watchItemChanged(listener: () => void): (() => void) | null {
  return watch(Office.EventType.ItemChanged, '1.5', () => listener());
}

/** The item Outlook shows now: its id in read mode, null for none or for a draft. */
export function currentItemId(): string | null {
  const item = Office.context.mailbox?.item as { itemId?: unknown } | null | undefined;
  return typeof item?.itemId === 'string' && item.itemId ? item.itemId : null;
}

/** Office's theme colours; the composition root maps them to a light or dark Fluent theme. */
export interface ThemeColours {
  readonly bodyBackgroundColor?: string;
}

/** The current Office theme (Mailbox 1.14), or null when this Outlook does not give one. */
export function currentOfficeTheme(): ThemeColours | null {
  try {
    const theme = Office.context.officeTheme as ThemeColours | undefined;
    return theme?.bodyBackgroundColor ? theme : null;
  } catch {
    return null;
  }
}

/** Calls `listener` with the new colours when the user switches the Office theme (Mailbox 1.14). */
export function watchOfficeTheme(listener: (theme: ThemeColours) => void): (() => void) | null {
  return watch(Office.EventType.OfficeThemeChanged, '1.14', (args) => {
    const theme = (args as { officeTheme?: ThemeColours } | null)?.officeTheme ?? currentOfficeTheme();
    if (theme?.bodyBackgroundColor) listener(theme);
  });
}

/**
 * The signed-in user's address (`userProfile.emailAddress`), to tell whether the reader sent the
 * bounced message; null when Outlook does not say.
 */
export function readerAddress(): string | null {
  try {
    const address = Office.context.mailbox?.userProfile?.emailAddress;
    return typeof address === 'string' && address.trim() ? address.trim() : null;
  } catch {
    return null;
  }
}
