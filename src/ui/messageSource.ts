/**
 * What the UI needs from wherever the bounce comes from: Outlook (src/office), a paste box, a
 * dropped file, or a test. The composition root injects one; components never touch Office.
 */

/** One thing that might be (or contain) a bounce. */
export type RawInput =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly label: string; readonly door: Door }
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly headers?: string;
      readonly label: string;
      readonly door: Door;
    };

export type Door = 'file' | 'headersBody' | 'body' | 'attachment' | 'compose' | 'paste';

/** What happened at one door, for the diagnostics disclosure. */
export interface Attempt {
  readonly door: Door;
  readonly name?: string;
  readonly outcome: 'ok' | 'failed' | 'skipped';
  /** Error code or reason (never shown without the door). */
  readonly detail?: string;
}

export interface ReadResult {
  /** Candidates in the order they should be tried (an attached report before the body that carries it). */
  readonly inputs: readonly RawInput[];
  readonly attempts: readonly Attempt[];
  /** Host facts for support: client and highest Mailbox requirement set. */
  readonly host?: { readonly name: string; readonly mailboxVersion: string };
}

export interface MessageSource {
  /** Reads the current item afresh (pinned panes must not trust cached item state). */
  read(): Promise<ReadResult>;
}
