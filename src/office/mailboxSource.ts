import { MAX_INPUT_BYTES } from '../ui/analyzeInput';
import type { Attempt, MessageSource, RawInput, ReadResult } from '../ui/messageSource';
import { BOUNCE_ATTACHMENT_PATTERN } from '../core/languages';
import { htmlToText } from '../mail/htmlToText';
import { cutAt } from '../core/text';
import { callOffice, describeError } from './officeAsync';
import { currentItemId, watchItemChanged } from './officeHost';

// A read that does not answer in this time is given up and the next door tried (office-js #5845).
// The pane offers Cancel and the paste box all the while, so these only bound the worst case; a
// healthy client answers in well under a second, a large attachment on a slow link in a few.
const READ_TIMEOUT_MS = 15_000;
const ATTACHMENT_TIMEOUT_MS = 20_000;
/** A saved message, or an attachment named after a bounce subject in a language we know. */
const BOUNCE_ATTACHMENT = BOUNCE_ATTACHMENT_PATTERN;
/** How much of an item's own text is kept to look for our admin report's marker (src/ui/adminReport.ts). */
const ITEM_TEXT_CHARS = 64 * 1024;

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('Mailbox', version);
}

function highestMailboxSet(): string {
  const versions = [
    '1.16',
    '1.15',
    '1.14',
    '1.13',
    '1.12',
    '1.11',
    '1.10',
    '1.9',
    '1.8',
    '1.7',
    '1.6',
    '1.5',
    '1.4',
    '1.3',
    '1.2',
    '1.1',
  ];
  return versions.find((v) => supports(v)) ?? '1.0';
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Read mode when the item exposes read-mode properties (subject is a string, not an object). */
function isComposeItem(item: Office.Item): item is Office.MessageCompose {
  const subject = (item as { subject?: unknown }).subject;
  return typeof subject === 'object' && subject !== null;
}

/**
 * Reads the current Outlook item through every door that is open (docs/office-notes.md §1.4, §2),
 * in order: attached bounces, the whole item as EML (Mailbox 1.14), headers plus body (1.8),
 * body alone (1.3); in compose mode the draft body (a Forward of a bounce). Each door is feature-
 * detected, and why a door was not used is recorded for the diagnostics panel. A cancelled read
 * stops before its next door. A pinned pane learns of another item through `watchItem` (§2.5).
 */
export function createMailboxSource(
  options: {
    readonly readTimeoutMs?: number;
    readonly attachmentTimeoutMs?: number;
    readonly maxFileBytes?: number;
  } = {},
): MessageSource {
  const readTimeout = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  const attachmentTimeout = options.attachmentTimeoutMs ?? ATTACHMENT_TIMEOUT_MS;
  const maxFileBytes = options.maxFileBytes ?? MAX_INPUT_BYTES;
  return {
    watchItem: (listener) => watchItemChanged(listener) ?? (() => undefined),
    currentItemId,
    async read(signal?: AbortSignal): Promise<ReadResult> {
      const attempts: Attempt[] = [];
      const inputs: RawInput[] = [];
      const diagnostics = Office.context.mailbox?.diagnostics;
      const host = {
        name: `${diagnostics?.hostName ?? 'Outlook'} ${diagnostics?.hostVersion ?? ''}`.trim(),
        mailboxVersion: highestMailboxSet(),
      };
      const current = Office.context.mailbox?.item as Office.Item | null | undefined;
      if (!current) {
        attempts.push({ door: 'body', outcome: 'skipped', detail: 'no item selected' });
        return { inputs, attempts, host, item: null };
      }
      const sender = (current as { from?: { emailAddress?: unknown } }).from?.emailAddress;
      const item: { id: string | null; from: string | null; text?: string } = {
        id: currentItemId(),
        from: typeof sender === 'string' ? sender : null,
      };
      const stopped = (): ReadResult | null => (signal?.aborted ? { inputs, attempts, host, item } : null);

      if (isComposeItem(current)) {
        const draft = current;
        if (signal?.aborted) return { inputs, attempts, host, item };
        try {
          const text = await callOffice<string>(
            (cb) => draft.body.getAsync(Office.CoercionType.Text, cb),
            readTimeout,
          );
          inputs.push({ kind: 'text', text, label: 'compose', door: 'compose' });
          attempts.push({ door: 'compose', outcome: 'ok' });
        } catch (error) {
          attempts.push({ door: 'compose', outcome: 'failed', detail: describeError(error) });
        }
        // Outlook on the web may mangle the Text rendering of a forwarded NDR's tables; the HTML
        // body, turned into text by us, is the second candidate (docs/office-notes.md §2.2).
        if (signal?.aborted) return { inputs, attempts, host, item };
        try {
          const html = await callOffice<string>(
            (cb) => draft.body.getAsync(Office.CoercionType.Html, cb),
            readTimeout,
          );
          if (html.trim())
            inputs.push({ kind: 'text', text: htmlToText(html), label: 'compose-html', door: 'compose' });
        } catch (error) {
          attempts.push({ door: 'compose', name: 'HTML', outcome: 'failed', detail: describeError(error) });
        }
        return { inputs, attempts, host, item };
      }
      const message = current as Office.MessageRead;

      // Attached bounces first: when the user forwarded an NDR as an attachment, that is the report.
      const attachments = (message.attachments ?? []).filter(
        (a) =>
          !a.isInline &&
          (a.attachmentType === Office.MailboxEnums.AttachmentType.Item ||
            BOUNCE_ATTACHMENT.test(a.name ?? '')),
      );
      for (const attachment of attachments) {
        const early = stopped();
        if (early) return early;
        if (!supports('1.8') || typeof message.getAttachmentContentAsync !== 'function') {
          attempts.push({
            door: 'attachment',
            name: attachment.name,
            outcome: 'skipped',
            detail: 'Mailbox 1.8',
          });
          continue;
        }
        try {
          const content = await callOffice<Office.AttachmentContent>(
            (cb) => message.getAttachmentContentAsync(attachment.id, cb),
            attachmentTimeout,
          );
          if (content.format === Office.MailboxEnums.AttachmentContentFormat.Eml) {
            inputs.push({
              kind: 'bytes',
              bytes: new TextEncoder().encode(content.content),
              label: attachment.name,
              door: 'attachment',
            });
          } else if (content.format === Office.MailboxEnums.AttachmentContentFormat.Base64) {
            inputs.push({
              kind: 'bytes',
              bytes: base64ToBytes(content.content),
              label: attachment.name,
              door: 'attachment',
            });
          } else {
            attempts.push({
              door: 'attachment',
              name: attachment.name,
              outcome: 'skipped',
              detail: String(content.format),
            });
            continue;
          }
          attempts.push({ door: 'attachment', name: attachment.name, outcome: 'ok' });
        } catch (error) {
          attempts.push({
            door: 'attachment',
            name: attachment.name,
            outcome: 'failed',
            detail: describeError(error),
          });
        }
      }

      // An item that carries a report may be our own "Send to my admin" mail: its text tells. The
      // text is kept for the body door below, should the whole-item door not answer.
      let ownText: string | null = null;
      if (attempts.some((a) => a.door === 'attachment' && a.outcome === 'ok')) {
        const early = stopped();
        if (early) return early;
        try {
          const text = await callOffice<string>(
            (cb) => message.body.getAsync(Office.CoercionType.Text, cb),
            readTimeout,
          );
          ownText = text;
          item.text = cutAt(text, ITEM_TEXT_CHARS);
        } catch (error) {
          attempts.push({
            door: 'body',
            name: 'admin report',
            outcome: 'failed',
            detail: describeError(error),
          });
        }
      }

      const beforeFile = stopped();
      if (beforeFile) return beforeFile;
      if (supports('1.14') && typeof message.getAsFileAsync === 'function') {
        try {
          const base64 = await callOffice<string>((cb) => message.getAsFileAsync(cb), readTimeout);
          // "Succeeded" with nothing in it happens too; then the next door may still have the text.
          // Over the size limit, the headers-and-body door gives a lighter analysis of the same bounce.
          if (base64.length > Math.ceil((maxFileBytes * 4) / 3)) {
            attempts.push({
              door: 'file',
              outcome: 'skipped',
              detail: `over ${Math.round(maxFileBytes / 1048576)} MB`,
            });
          } else if (base64.trim()) {
            inputs.push({ kind: 'bytes', bytes: base64ToBytes(base64), label: 'item', door: 'file' });
            attempts.push({ door: 'file', outcome: 'ok' });
            return { inputs, attempts, host, item };
          } else attempts.push({ door: 'file', outcome: 'failed', detail: 'empty' });
        } catch (error) {
          attempts.push({ door: 'file', outcome: 'failed', detail: describeError(error) });
        }
      } else {
        attempts.push({ door: 'file', outcome: 'skipped', detail: 'Mailbox 1.14' });
      }

      const beforeBody = stopped();
      if (beforeBody) return beforeBody;
      let body: string | null = ownText;
      try {
        body ??= await callOffice<string>(
          (cb) => message.body.getAsync(Office.CoercionType.Text, cb),
          readTimeout,
        );
      } catch (error) {
        attempts.push({ door: 'body', outcome: 'failed', detail: describeError(error) });
      }
      const beforeHeaders = stopped();
      if (beforeHeaders) return beforeHeaders;
      if (body !== null) {
        let headers = '';
        if (supports('1.8') && typeof message.getAllInternetHeadersAsync === 'function') {
          try {
            headers = await callOffice<string>((cb) => message.getAllInternetHeadersAsync(cb), readTimeout);
          } catch (error) {
            attempts.push({ door: 'headersBody', outcome: 'failed', detail: describeError(error) });
          }
        } else {
          attempts.push({ door: 'headersBody', outcome: 'skipped', detail: 'Mailbox 1.8' });
        }
        // An empty header string with "succeeded" happens for Sent Items (office-js #4773).
        if (headers.trim()) {
          inputs.push({ kind: 'text', text: body, headers, label: 'item', door: 'headersBody' });
          attempts.push({ door: 'headersBody', outcome: 'ok' });
        } else {
          inputs.push({ kind: 'text', text: body, label: 'item', door: 'body' });
          attempts.push({ door: 'body', outcome: 'ok' });
        }
      }
      return { inputs, attempts, host, item };
    },
  };
}
