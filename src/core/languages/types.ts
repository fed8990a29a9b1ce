import type { Reason } from '../types';

/**
 * Literal text that Exchange and Exchange Online print in their NDRs in one language. Input
 * recognition, not UI text (docs/ndr-notes.md §6.2). Confidence: H real sample, M parser code built
 * from real samples, L documentation translation or synthetic fixture (unconfirmed wording). Every
 * string is matched case-insensitively at the start of a trimmed line unless noted.
 */
export interface ExchangeWording {
  readonly confidence: 'H' | 'M' | 'L';
  readonly subjectPrefixes: readonly string[];
  /** First line of the legacy layout. */
  readonly firstLines: readonly string[];
  /** "Diagnostic information for administrators:" */
  readonly diagnosticHeadings: readonly string[];
  readonly generatingServer: readonly string[];
  readonly receivingServer: readonly string[];
  readonly originalHeaders: readonly string[];
  /** Enhanced layout headline, e.g. "Your message to " … " couldn't be delivered". */
  readonly enhancedHeadline: readonly RegExp[];
  readonly enhancedAdminHeading: readonly string[];
  readonly enhancedErrorDetails: readonly string[];
  readonly enhancedOriginalDetails: readonly string[];
  readonly enhancedHops: readonly string[];
  /** Delay-notice first lines ("Delivery is delayed to these recipients or groups:"). */
  readonly delayLines: readonly string[];
}

/** Labels inside the details blocks of Exchange's enhanced layout. */
export interface ExchangeFieldWording {
  readonly error: readonly string[];
  readonly rejectedBy: readonly string[];
  readonly generatedBy: readonly string[];
  readonly remoteServer: readonly string[];
  readonly statusCode: readonly string[];
  readonly recipientAddress: readonly string[];
  readonly senderAddress: readonly string[];
  readonly subject: readonly string[];
  readonly createdDate: readonly string[];
}

/** Outlook's header block above an inline-forwarded message. */
export interface ForwardWording {
  readonly from: readonly string[];
  readonly sent: readonly string[];
  readonly to: readonly string[];
  readonly subject: readonly string[];
}

/**
 * Every input-side word the analyser knows for one language of bounces. The patterns have no
 * flags; they are combined case-insensitively (see languages/index.ts) and must stay linear-time:
 * no nested quantifiers, only bounded gaps between fixed phrases.
 */
export interface NdrLanguage {
  /** BCP 47 primary tag. */
  readonly tag: string;
  /** Common words of the language, counted to guess the language of a report (language.ts). */
  readonly functionWords: readonly string[];
  /** How a bounce's subject starts (after Fwd:/Re: prefixes). */
  readonly subjectOpenings: readonly RegExp[];
  /** Words that mark a bounce's subject wherever they stand (scripts without word spaces). */
  readonly subjectWords: readonly RegExp[];
  /** Failure wording in a bounce's own text. */
  readonly bouncePhrases: readonly RegExp[];
  /** Sentences mail servers open their reports with. */
  readonly reportOpeners: readonly RegExp[];
  /** "Delayed" in an Exchange headline or delay notice. */
  readonly delayWords: readonly RegExp[];
  /** Attachment names that hold a bounce (Outlook names an attached NDR after its subject). */
  readonly attachmentNames: readonly RegExp[];
  /**
   * The reasons mail servers write into a report without any SMTP code, in their documented
   * wording: a pasted line with one of these and nothing else is still a bounce (pipeline/detect.ts).
   */
  readonly serverErrorPhrases?: readonly RegExp[];
  /** How delay notices say the message is still being tried (a pasted delay notice has no header). */
  readonly retryStatements?: readonly RegExp[];
  /**
   * What phishing lures dressed as bounces ask the reader to do online (release held messages,
   * upgrade a full mailbox, verify an account): genuine reports never ask (suspicion.ts).
   */
  readonly lureWording: readonly RegExp[];
  /** Phrases in this language that name a Sisimai reason (reason/patterns.ts adds them). */
  readonly reasonPhrases: Readonly<Partial<Record<Reason, readonly RegExp[]>>>;
  /** Exchange's NDR wording, when we know it for this language. */
  readonly exchange: ExchangeWording | null;
  readonly exchangeFields: ExchangeFieldWording | null;
  readonly forward: ForwardWording | null;
}
