import { validAddressIn } from '../core/safeValues';
import { cutAt } from '../core/text';
import { supportedLocale, type Locale } from '../i18n';

/**
 * Our own "Send to my admin" mail, recognised when the admin opens it: a marker line we write at
 * its end, in ASCII so that no mail client's character set mangles it, with the language the mail
 * was written in (the user's), plus the bounce attached to it. Anyone can write the marker; it
 * only chooses the admin layout, and the attached bounce is analysed as untrusted as ever.
 */
const MARKER_PREFIX = '[bounce-explainer:admin-report:1:';
const MARKER = /^[ \t]*\[bounce-explainer:admin-report:1:([a-z]{2})\][ \t]*$/m;
/** Our part of the mail comes first (in a Forward draft, above the forwarded bounce); its end is well inside this. */
const SEARCH_CHARS = 64 * 1024;

/** The marker line for a mail written in `locale`. */
export function adminReportMarker(locale: Locale): string {
  return `${MARKER_PREFIX}${locale}]`;
}

export interface AdminReport {
  /** The language the user wrote the mail in, for the admin's reply; null when we do not speak it. */
  readonly locale: Locale | null;
  /** Who sent it to the admin (the item's sender), when that is a valid address. */
  readonly user: string | null;
}

/** The admin report an Outlook item's text carries, or null. */
export function findAdminReport(
  text: string | null | undefined,
  from: string | null | undefined,
): AdminReport | null {
  if (!text) return null;
  const match = MARKER.exec(cutAt(text, SEARCH_CHARS));
  const tag = match?.[1];
  if (!tag) return null;
  // A language we do not speak (a newer version wrote it): the reply is in the admin's own.
  return { locale: supportedLocale(tag), user: validAddressIn(from) };
}
