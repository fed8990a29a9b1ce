/**
 * Amazon SES notifications delivered by e-mail (through SNS): the body is a JSON document
 * (`"notificationType":"Bounce"`, or `"eventType":"Bounce"` for event publishing) with a
 * `bouncedRecipients` array whose entries carry RFC 3464 values (`emailAddress`, `action`,
 * `status`, `diagnosticCode`). See the SES developer guide, "Amazon SNS notification contents".
 *
 * The JSON is often re-wrapped by mail software (line breaks inside strings), so it is not parsed
 * as a whole: the fields are read with bounded patterns and turned into delivery-status text, which
 * the ordinary RFC 3464 reader then handles.
 */

const MAX_SCAN = 200_000;

export type SesKind = 'bounce' | 'delivery' | 'complaint';

export interface SesNotification {
  readonly kind: SesKind;
  /** RFC 3464-style text (per-message group, then one group per recipient); empty for complaints. */
  readonly deliveryStatus: string;
}

/** Reads a JSON string value; tolerant of the line breaks that wrapping inserted. */
function field(object: string, name: string): string | null {
  const match = new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,2000})"`).exec(object);
  if (!match) return null;
  return (match[1] ?? '')
    .replace(/\r?\n[ \t]?/g, '')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\(["\\/])/g, '$1')
    .replace(/\\[nrt]/g, ' ')
    .trim();
}

/** The JSON array that starts at `start`, up to its closing bracket (at most 20,000 characters). */
function arrayAt(head: string, start: number): string {
  const end = head.indexOf(']', start);
  return head.slice(start, end < 0 ? start + 20_000 : Math.min(end, start + 20_000));
}

/** The per-message group: the reporting MTA the notification names, else Amazon SES itself. */
function reportingLine(notification: string): string {
  const reporter = field(notification, 'reportingMTA') ?? field(notification, 'remoteMtaIp');
  return `Reporting-MTA: ${reporter && reporter.includes(';') ? reporter : `dns; ${reporter ?? 'amazonses.com'}`}`;
}

/** One group per bounced recipient. Recipient objects hold only string values: each ends at the first `}`. */
function bouncedGroups(array: string): string[] {
  const lines: string[] = [];
  for (const object of array.split('}').slice(0, 1000)) {
    const address = field(object, 'emailAddress');
    if (!address) continue;
    lines.push(`Final-Recipient: rfc822; ${address}`, `Action: ${field(object, 'action') ?? 'failed'}`);
    const status = field(object, 'status');
    if (status) lines.push(`Status: ${status}`);
    const diagnostic = field(object, 'diagnosticCode');
    if (diagnostic)
      lines.push(`Diagnostic-Code: ${diagnostic.includes(';') ? diagnostic : `smtp; ${diagnostic}`}`);
    lines.push('');
  }
  return lines;
}

/** One group per delivered recipient, each with the notification's SMTP response. */
function deliveredGroups(array: string, notification: string): string[] {
  const smtp = /"smtpResponse"\s*:\s*"([^"]{0,500})"/.exec(notification)?.[1] ?? null;
  const lines: string[] = [];
  for (const match of array.matchAll(/"([^"\s@]{1,64}@[^"\s@]{1,255})"/g)) {
    lines.push(`Final-Recipient: rfc822; ${match[1] ?? ''}`, 'Action: delivered', 'Status: 2.0.0');
    if (smtp) lines.push(`Diagnostic-Code: smtp; ${smtp}`);
    lines.push('');
  }
  return lines;
}

export function findSesNotification(text: string): SesNotification | null {
  const head = text.slice(0, MAX_SCAN);
  const type = /"(?:notificationType|eventType)"\s*:\s*"(Bounce|Delivery|Complaint)"/.exec(head);
  if (!type) return null;
  const kind = (type[1] ?? '').toLowerCase() as SesKind;
  if (kind === 'complaint') return { kind, deliveryStatus: '' };
  const start = head.indexOf(kind === 'bounce' ? '"bouncedRecipients"' : '"recipients"', type.index);
  if (start < 0) return null;
  const notification = head.slice(type.index, type.index + 20_000);
  const array = arrayAt(head, start);
  const groups = kind === 'bounce' ? bouncedGroups(array) : deliveredGroups(array, notification);
  const lines = [reportingLine(notification), '', ...groups];
  return lines.some((l) => l.startsWith('Final-Recipient:'))
    ? { kind, deliveryStatus: lines.join('\n') }
    : null;
}
