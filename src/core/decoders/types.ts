import type { DeliveryStatusReport } from '../dsn/deliveryStatus';
import type { ExchangeText } from '../exchange/humanReadable';
import type { BounceText, PlainContext } from '../scan/plainText';
import { clip, foldSpace, stripInvisible } from '../text';
import type { DecodedMessage, DecodedPart, DeliveryAction, Evidence, Reason, Warning } from '../types';

/**
 * What one decoder read about one recipient: the same shape from every report layout, so that the
 * merge step can weigh them against each other. Fields a layout does not carry stay null.
 */
export interface Finding {
  readonly address: string | null;
  readonly originalAddress: string | null;
  readonly displayName: string | null;
  readonly action: DeliveryAction | null;
  /** The Status field as written (RFC 3464), parsed later. */
  readonly statusText: string | null;
  readonly diagnostic: string | null;
  readonly diagnosticField: string | null;
  /** RFC 3464 diagnostic type (`smtp`, `x-unix`, …), lower-case; null for text bounces. */
  readonly diagnosticType: string | null;
  readonly diagnosticSource: Evidence['source'];
  readonly remoteMta: string | null;
  readonly lastAttempt: string | null;
  readonly retryUntil: string | null;
  readonly command: string | null;
  /** A reason the reporting MTA states in a field of its own (X-PowerMTA-BounceCategory). */
  readonly category: Reason | null;
  readonly evidence: readonly Evidence[];
}

/** A finding with only what the caller knows; everything else empty. */
export function finding(known: Partial<Finding> & Pick<Finding, 'address' | 'diagnosticSource'>): Finding {
  return {
    originalAddress: null,
    displayName: null,
    action: null,
    statusText: null,
    diagnostic: null,
    diagnosticField: null,
    diagnosticType: null,
    remoteMta: null,
    lastAttempt: null,
    retryUntil: null,
    command: null,
    category: null,
    evidence: [],
    ...known,
  };
}

const EVIDENCE_MAX = 400;

/** One piece of evidence: the text folded, cleaned of invisible characters, and clipped. */
export function ev(source: Evidence['source'], field: string, text: string): Evidence {
  return { source, field, text: clip(stripInvisible(foldSpace(text)), EVIDENCE_MAX) };
}

/** Everything a decoder may read: the message, its text (capped), and what detection found. */
export interface DecoderInput {
  readonly message: DecodedMessage;
  /** The analysed text: the message's text, or its raw body when the text is empty; capped. */
  readonly text: string;
  readonly body: BounceText;
  readonly subject: string | null;
  /** The message/delivery-status part, if the message has one. */
  readonly dsPart: DecodedPart | undefined;
  /** That part parsed, when it holds at least one recipient group. */
  readonly dsFromPart: DeliveryStatusReport | null;
  /** What the bounce's own words say around its recipients (delayed, final, the preamble). */
  readonly context: PlainContext;
}

/** The names of the decoders; the merge step refers to the sources by them. */
export type DecoderName =
  | 'delivery-status'
  | 'ses-json'
  | 'disposition-notification'
  | 'exchange'
  | 'plain-text'
  | 'subject-line'
  | 'x-failed-recipients'
  | 'original-to'
  | 'answer-line';

/** What a decoder found in a report: its recipients, and the report-wide facts its layout carries. */
export interface Decoding {
  readonly decoder: DecoderName;
  /** The layout's name in the Analysis, when the decoder knows it (otherwise assemble.ts names it). */
  readonly layout?: string;
  readonly findings: readonly Finding[];
  /** Problems met while reading this layout. */
  readonly warnings?: readonly Warning[];
  /** RFC 3464 fields (per message and per recipient), for layouts that carry or produce them. */
  readonly deliveryStatus?: DeliveryStatusReport;
  /** Exchange's human-readable report, for that layout. */
  readonly exchange?: ExchangeText;
  /** The report is a complaint (feedback), not a bounce (Amazon SES). */
  readonly complaint?: boolean;
}

/** A report layout's reader: null when the layout is not there. */
export interface Decoder {
  readonly name: DecoderName;
  /**
   * Finding this layout makes the message a report by itself (a delivery-status part, Exchange's
   * report). Such decoders run before the bounce signals are weighed; the others only for reports.
   */
  readonly marksReport: boolean;
  decode(input: DecoderInput): Decoding | null;
}
