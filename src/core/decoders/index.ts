/**
 * Every report layout the analyser reads, in the order they are tried. Each is one file in this
 * folder returning the same Decoding; pipeline/merge.ts says which source wins for what. A new
 * layout is one new decoder here, one entry in this list (and its role in merge.ts if it is a new
 * kind of source), and its fixtures (CONTRIBUTING.md, "A new mail-server layout").
 */
import { answerLineDecoder } from './answerLine';
import { deliveryStatusDecoder } from './deliveryStatus';
import { dispositionNotificationDecoder } from './dispositionNotification';
import { exchangeDecoder } from './exchange';
import { failedRecipientsDecoder } from './failedRecipients';
import { originalToDecoder } from './originalTo';
import { plainTextDecoder } from './plainText';
import { sesJsonDecoder } from './sesJson';
import { subjectLineDecoder } from './subjectLine';
import type { ReportInput } from '../pipeline/input';
import { plainContext, type PlainContext } from '../scan/plainText';
import type { Decoder, DecoderInput, Decoding } from './types';

export const DECODERS: readonly Decoder[] = [
  // RFC 3464 fields: the delivery-status part, or the fields written into the text.
  deliveryStatusDecoder,
  // Amazon SES notifications: RFC 3464 values in JSON.
  sesJsonDecoder,
  // A rejection sent as a read receipt (RFC 8098 disposition notification with a failure).
  dispositionNotificationDecoder,
  // Exchange's human-readable report, legacy and enhanced, in every language we read.
  exchangeDecoder,
  // Bounces written for people: Postfix, Exim, Sendmail, qmail, Gmail, Courier, …
  plainTextDecoder,
  // A reason in the subject next to the address ("Warning: a@b - User unknown!").
  subjectLineDecoder,
  // Used only when none of the above names a recipient:
  failedRecipientsDecoder,
  originalToDecoder,
  answerLineDecoder,
];

/** The layouts found in the input by the decoders `which` picks, in the order of DECODERS. */
export function decode(input: DecoderInput, which: (decoder: Decoder) => boolean): Decoding[] {
  return DECODERS.filter(which)
    .map((decoder) => decoder.decode(input))
    .filter((d): d is Decoding => d !== null);
}

/** The input as decoders read it; the bounce's words around its recipients are read when first asked for. */
export function decoderInput(input: ReportInput): DecoderInput {
  let context: PlainContext | undefined;
  return {
    ...input,
    get context() {
      return (context ??= plainContext(input.body));
    },
  };
}
