import MsgReader from '@kenjiuno/msgreader';
import { parseHeaderBlock } from '../core/headers';
import type { DecodedMessage, DecodedPart, Warning } from '../core/types';
import { compoundFileProblem } from './compoundFile';

/**
 * Decodes an Outlook .msg (classic Outlook's drag-out format) with @kenjiuno/msgreader. The
 * transport headers, body text and attached .msg/.eml items are kept; an NDR's report item keeps
 * its text body (Outlook renders the DSN into it) and, for REPORT.* classes, its message class as
 * a header so the analyser can see it is a report.
 *
 * msgreader trusts the compound file's structure; a file whose chains loop or whose sizes lie is
 * refused first (see compoundFile.ts), with the warning `msg.unreadable`.
 */
export function decodeMsg(bytes: Uint8Array, depth = 0): DecodedMessage {
  const problem = compoundFileProblem(bytes);
  if (problem) return unreadable(problem);
  const warnings: Warning[] = [];
  let data: ReturnType<MsgReader['getFileData']>;
  let reader: MsgReader;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : 'unknown');
  }
  if (data.error) return unreadable(String(data.error));
  const transport = data.headers ?? '';
  const parsed = transport ? parseHeaderBlock(transport).headers : [];
  const headers = [...parsed];
  const add = (name: string, value: string | undefined): void => {
    if (value && !headers.some((h) => h.name === name))
      headers.push({ name, originalName: name.replace(/(^|-)\w/g, (s) => s.toUpperCase()), value });
  };
  add('subject', data.subject);
  add('from', data.senderEmail ? `${data.senderName ?? ''} <${data.senderEmail}>`.trim() : data.senderName);
  add('x-ms-message-class', data.messageClass);
  const parts: DecodedPart[] = [];
  for (const attachment of data.attachments ?? []) {
    try {
      if (attachment.innerMsgContent && depth < 4) {
        const inner = reader.getAttachment(attachment);
        parts.push({
          mimeType: 'application/vnd.ms-outlook',
          filename: inner.fileName,
          text: null,
          message: decodeMsg(inner.content, depth + 1),
        });
      }
    } catch {
      warnings.push({ code: 'msg.attachmentUnreadable', detail: attachment.fileName ?? '' });
    }
  }
  const text = data.body ?? '';
  if (!text && !transport) warnings.push({ code: 'msg.noText' });
  return { headers, text, parts, raw: transport ? `${transport}\n\n${text}` : text, warnings };
}

function unreadable(detail: string): DecodedMessage {
  return {
    headers: [],
    text: '',
    parts: [],
    raw: null,
    warnings: [{ code: 'msg.unreadable', detail: detail.slice(0, 200) }],
  };
}
