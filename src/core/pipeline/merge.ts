/**
 * The merge step: which source names the recipients, and which fills in what another left out.
 * The precedence, in the order the code below applies it:
 *
 * 1. The delivery-status fields (the MIME part, their text, SES JSON, or a disposition notification
 *    reporting a failure) name the recipients.
 * 2. Exchange's text names them when there are no delivery-status fields; with them, it only adds to
 *    the recipients it names — or, when each source names exactly one, to that one (an alias).
 * 3. The plain-text scan tells the SMTP command for the recipients it names. When a recipient so far
 *    has no error, the scan's errors fill in those it names (or the only one, named differently), and
 *    when no source so far named anyone, the scan names the recipients.
 * 4. A reason the subject gives next to an address fills in that recipient when it has no error yet,
 *    and names the recipient when no source so far did.
 * 5. When still no one is named: the X-Failed-Recipients header, else the returned original's only
 *    recipient, else the server's answer line without an address.
 *
 * The same address twice is one recipient: a later source adds what the earlier left empty.
 */
import type { Decoding, Finding, DecoderName } from '../decoders/types';
import { findReplyCode } from '../status';
import type { DeliveryStatusReport } from '../dsn/deliveryStatus';
import type { ExchangeText } from '../exchange/humanReadable';

/** A recipient while sources are merged into it. */
type Merging = { -readonly [K in keyof Finding]: Finding[K] } & { evidence: Finding['evidence'][number][] };

/** What the decoders found, by source. */
export interface Decoded {
  /** The delivery-status fields, from whichever decoder read them. */
  readonly deliveryStatus: Decoding | null;
  readonly exchange: Decoding | null;
  readonly plainText: Decoding | null;
  readonly subjectLine: Decoding | null;
  /**
   * The sources used only when no other names anyone, in order. Decoded only then: most reports
   * name their recipients, and the returned original's To (original-to) cost ~5% of a run.
   */
  readonly fallbacks: () => readonly Decoding[];
}

/** The decoders of the last rule above, in the order they are used. */
export const FALLBACKS: readonly DecoderName[] = ['x-failed-recipients', 'original-to', 'answer-line'];

/**
 * The decodings sorted into the roles the precedence above gives them; `fallbacks` decodes the
 * last rule's sources when merge() first needs them.
 */
export function byRole(
  decodings: readonly Decoding[],
  fallbacks: () => readonly Decoding[] = () => [],
): Decoded {
  const of = (name: DecoderName): Decoding | null => decodings.find((d) => d.decoder === name) ?? null;
  return {
    deliveryStatus: of('delivery-status') ?? of('ses-json') ?? of('disposition-notification'),
    exchange: of('exchange'),
    plainText: of('plain-text'),
    subjectLine: of('subject-line'),
    fallbacks,
  };
}

/** The report-wide facts of the sources that carry them. */
export function reportFacts(decoded: Decoded): {
  deliveryStatus: DeliveryStatusReport | null;
  exchange: ExchangeText | null;
} {
  return {
    deliveryStatus: decoded.deliveryStatus?.deliveryStatus ?? null,
    exchange: decoded.exchange?.exchange ?? null,
  };
}

/** Another source's finding adds what the recipient lacks; a fuller diagnostic replaces a bare one. */
function mergeInto(target: Merging, extra: Finding): void {
  if (!target.address && extra.address) target.address = extra.address;
  if (!target.displayName && extra.displayName) target.displayName = extra.displayName;
  if (!target.action && extra.action) target.action = extra.action;
  if (fullerDiagnostic(target, extra)) {
    target.diagnostic = extra.diagnostic;
    target.diagnosticField = extra.diagnosticField;
    target.diagnosticType = extra.diagnosticType;
    target.diagnosticSource = extra.diagnosticSource;
  }
  if (!target.remoteMta && extra.remoteMta) target.remoteMta = extra.remoteMta;
  if (!target.command && extra.command) target.command = extra.command;
  target.evidence.push(...extra.evidence);
}

/** Text from the human-readable part is often fuller than the DS part's (Exchange truncates). */
function fullerDiagnostic(target: Finding, extra: Finding): boolean {
  if (!extra.diagnostic) return false;
  if (!target.diagnostic) return true;
  return extra.diagnostic.length > target.diagnostic.length + 10 && findReplyCode(target.diagnostic) === null;
}

/** The recipients so far, one per address (findings without an address each stand alone). */
class Recipients {
  readonly list: Merging[] = [];
  private readonly byAddress = new Map<string, Merging>();

  get size(): number {
    return this.list.length;
  }

  /** The only recipient, when there is exactly one. */
  get only(): Merging | undefined {
    return this.list.length === 1 ? this.list[0] : undefined;
  }

  names(address: string | null): boolean {
    return address !== null && this.byAddress.has(address.toLowerCase());
  }

  /** A new recipient, or more about one already named. */
  add(found: Finding): void {
    const key = found.address?.toLowerCase();
    const existing = key ? this.byAddress.get(key) : undefined;
    if (existing) return mergeInto(existing, found);
    const copy: Merging = { ...found, evidence: [...found.evidence] };
    this.list.push(copy);
    if (key) this.byAddress.set(key, copy);
  }

  /** More about the only recipient from a source that names it differently. */
  addToOnly(found: Finding): void {
    const only = this.only;
    if (only) mergeInto(only, found);
  }

  find(address: string | null): Merging | undefined {
    return address ? this.byAddress.get(address.toLowerCase()) : undefined;
  }
}

/** Rule 2: Exchange's recipients, on their own or added to the delivery-status ones. */
function addExchange(recipients: Recipients, decoded: Decoded): void {
  const exchange = decoded.exchange?.findings ?? [];
  const hasDeliveryStatus = decoded.deliveryStatus !== null;
  for (const found of exchange) {
    if (!hasDeliveryStatus || recipients.names(found.address)) recipients.add(found);
    else if (exchange.length === 1 && recipients.only && !recipients.only.diagnostic)
      recipients.addToOnly(found);
  }
}

/** Rule 3, the command: the human-readable part often names the one the DS part leaves out. */
function addCommands(recipients: Recipients, scanned: readonly Finding[]): void {
  for (const recipient of recipients.list) {
    if (recipient.command) continue;
    const same =
      scanned.find((f) => f.address?.toLowerCase() === recipient.address?.toLowerCase()) ??
      (recipients.size === 1 && scanned.length === 1 ? scanned[0] : undefined);
    if (same?.command) recipient.command = same.command;
  }
}

/** Rule 3, the errors: for recipients the scan names, or all it names when no source named anyone. */
function addScannedErrors(recipients: Recipients, scanned: readonly Finding[]): void {
  const structured = recipients.size;
  for (const found of scanned) {
    if (structured === 0 || recipients.names(found.address)) recipients.add(found);
    else if (structured === 1 && !recipients.only?.diagnostic && found.diagnostic)
      // The DS part named the recipient differently (an alias, an x400 address): take the text's error.
      recipients.addToOnly({ ...found, address: null });
  }
}

/** Rule 4: the subject's reason, for its recipient when that one has none yet, or as the recipient. */
function addSubjectReason(recipients: Recipients, fromSubject: readonly Finding[]): void {
  for (const found of fromSubject) {
    const named = recipients.find(found.address);
    if (recipients.size === 0 || (named && !named.diagnostic)) recipients.add(found);
  }
}

export interface Merged {
  readonly findings: readonly Finding[];
  /** The bounce's own words around its recipients, when some recipient needed the text. */
  readonly textWasRead: boolean;
}

export function merge(decoded: Decoded): Merged {
  const recipients = new Recipients();
  for (const found of decoded.deliveryStatus?.findings ?? []) recipients.add(found);
  addExchange(recipients, decoded);
  const scanned = decoded.plainText?.findings ?? [];
  addCommands(recipients, scanned);
  const needsText = recipients.size === 0 || recipients.list.some((r) => !r.diagnostic);
  if (!needsText) return { findings: recipients.list, textWasRead: false };
  addScannedErrors(recipients, scanned);
  addSubjectReason(recipients, decoded.subjectLine?.findings ?? []);
  if (recipients.size === 0)
    for (const fallback of decoded.fallbacks()) {
      if (recipients.size > 0) break;
      for (const found of fallback.findings) recipients.add(found);
    }
  return { findings: recipients.list, textWasRead: true };
}
