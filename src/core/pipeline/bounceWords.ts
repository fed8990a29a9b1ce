/**
 * The words that make a message read as a bounce: subjects, senders, phrases and the sentences
 * mail servers open their reports with (used by pipeline/detect.ts). The words of each language
 * live in that language's file (src/core/languages/); these are the patterns built from them.
 */
import {
  BOUNCE_PHRASE_PATTERN,
  BOUNCE_SUBJECT_PATTERN,
  REPORT_OPENER_PATTERN,
  RETRY_STATEMENT_PATTERN,
  SERVER_ERROR_PATTERN,
} from '../languages';
export const BOUNCE_SUBJECT = BOUNCE_SUBJECT_PATTERN;

/** A report's sender (lower-cased From). */
export const DAEMON_SENDER =
  /(?:mailer-daemon|post_?master|mail delivery (?:system|subsystem)|mail-daemon|mailerdaemon|microsoftexchange329e71ec88ae4615bbc36ab6ce41109e)/;

export const BOUNCE_PHRASES = BOUNCE_PHRASE_PATTERN;

/** The sentences mail servers open their reports with, in every language we read. */
export const REPORT_OPENER = REPORT_OPENER_PATTERN;

/**
 * A mailing-list manager refusing a post (fml, Mailman, Google Groups): sent as a notice, not as a
 * DSN. Counted only together with a list manager's own header, so a newsletter (List-Id alone, no
 * refusal words) stays a newsletter.
 */
export const LIST_REFUSAL =
  /(?:you are not a member of this (?:mailing )?list|are not (?:a )?member|not allowed to post|only members (?:can|may) post|duplicated message-id|posting (?:was )?(?:rejected|refused))/i;

/** The reasons servers write without any SMTP code (languages/en.ts says where each comes from). */
export const SERVER_ERROR_PHRASES = SERVER_ERROR_PATTERN;

/** How delay notices say the message is still being tried (languages/en.ts). */
export const DELAY_STATEMENT = RETRY_STATEMENT_PATTERN;
