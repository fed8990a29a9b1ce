/**
 * What the UI needs from wherever the bounce comes from: Outlook (src/office), a paste box, a
 * dropped file, or a test. The composition root injects one; components never touch Office.
 */

/** One thing that might be (or contain) a bounce. */
export type RawInput = (
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly label: string; readonly door: Door }
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly headers?: string;
      readonly label: string;
      readonly door: Door;
    }
) & {
  /** The reader's own address (Outlook's user profile), for telling backscatter from their own bounce. */
  readonly reader?: string;
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

/** The Outlook item a reading came from. */
export interface ItemRef {
  /** Outlook's item id in read mode; null for a draft, which has none until it is saved. */
  readonly id: string | null;
  /** Who sent the item (for a forwarded bounce: who forwarded it); null when unknown or a draft. */
  readonly from?: string | null;
  /**
   * The start of the item's own text, read when an attached report was found, so that the pane can
   * recognise a mail made by our "Send to my admin" (src/ui/adminReport.ts). Absent otherwise.
   */
  readonly text?: string;
}

export interface ReadResult {
  /** Candidates in the order they should be tried (an attached report before the body that carries it). */
  readonly inputs: readonly RawInput[];
  readonly attempts: readonly Attempt[];
  /** Host facts for support: client and highest Mailbox requirement set. */
  readonly host?: { readonly name: string; readonly mailboxVersion: string };
  /**
   * The item that was read; null when Outlook shows no item (a pinned pane with nothing selected).
   * Absent when the source cannot tell.
   */
  readonly item?: ItemRef | null;
}

export interface MessageSource {
  /**
   * Reads the current item afresh (pinned panes must not trust cached item state). After `signal`
   * aborts, the source stops at the next door and the caller ignores whatever it returns.
   */
  read(signal?: AbortSignal): Promise<ReadResult>;
  /**
   * Calls `listener` whenever Outlook shows another item under a pinned pane (or none); returns a
   * function that stops the calls. Absent when the source never changes item.
   */
  watchItem?(listener: () => void): () => void;
  /** The id of the item Outlook shows now (null: none, or a draft), checked before acting on a reading. */
  currentItemId?(): string | null;
}
