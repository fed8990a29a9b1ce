import MsgReader from '@kenjiuno/msgreader';
import { parseHeaderBlock } from '../core/headers';
import type { DecodedMessage, DecodedPart, Warning } from '../core/types';
import { compoundFileProblem } from './compoundFile';

/** Attached messages decoded below the top level (each level is one more attachment deep). */
const MAX_DEPTH = 4;
/** Attached messages decoded in all, at every level together. */
const MAX_ATTACHED_MESSAGES = 16;
/**
 * Bytes of attached messages decoded in all, as a multiple of the top-level file. msgreader writes
 * every attached message out as a file of its own (with a copy of the top level's named-property
 * tables) before it is read: a chain of forwards four deep fits, small attachments that each drag
 * along a copy of a large table do not.
 */
const ATTACHED_BYTES_PER_BYTE = 4;

type FileData = ReturnType<MsgReader['getFileData']>;

interface Budget {
  messages: number;
  bytes: number;
}

/**
 * Decodes an Outlook .msg (classic Outlook's drag-out format) with @kenjiuno/msgreader. The
 * transport headers, body text and attached .msg/.eml items are kept; an NDR's report item keeps
 * its text body (Outlook renders the DSN into it) and, for REPORT.* classes, its message class as
 * a header so the analyser can see it is a report.
 *
 * msgreader trusts the compound file's structure; a file whose chains loop or whose sizes lie is
 * refused first (see compoundFile.ts), with the warning `msg.unreadable`.
 */
export function decodeMsg(bytes: Uint8Array): DecodedMessage {
  return decodeAt(bytes, 0, {
    messages: MAX_ATTACHED_MESSAGES,
    bytes: ATTACHED_BYTES_PER_BYTE * bytes.length,
  });
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

function decodeAt(bytes: Uint8Array, depth: number, budget: Budget): DecodedMessage {
  const problem = compoundFileProblem(bytes);
  if (problem) return unreadable(problem);
  const warnings: Warning[] = [];
  let data: FileData;
  let reader: MsgReader;
  try {
    ({ reader, data } = read(bytes));
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
  let skipped = 0;
  for (const attachment of data.attachments ?? []) {
    if (!attachment.innerMsgContent) continue;
    if (depth >= MAX_DEPTH || budget.messages <= 0 || budget.bytes <= 0) {
      skipped++;
      continue;
    }
    try {
      budget.messages--;
      const inner = reader.getAttachment(attachment);
      budget.bytes -= inner.content.length;
      if (budget.bytes < 0) {
        skipped++;
        continue;
      }
      parts.push({
        mimeType: 'application/vnd.ms-outlook',
        filename: inner.fileName,
        text: null,
        message: decodeAt(inner.content, depth + 1, budget),
      });
    } catch {
      warnings.push({ code: 'msg.attachmentUnreadable', detail: attachment.fileName ?? '' });
    }
  }
  if (skipped > 0) warnings.push({ code: 'msg.attachmentsSkipped', detail: String(skipped) });
  const text = data.body ?? '';
  if (!text && !transport) warnings.push({ code: 'msg.noText' });
  return { headers, text, parts, raw: transport ? `${transport}\n\n${text}` : text, warnings };
}

/**
 * msgreader reads 8-bit (non-Unicode) strings as ISO-8859-1 unless told the code page. When the
 * message has such strings and names its code page (PidTagMessageCodepage, else
 * PidTagInternetCodepage), it is read again with that code page.
 */
function read(bytes: Uint8Array): { reader: MsgReader; data: FileData } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let hasAnsiStrings = false;
  const reader = new MsgReader(view);
  reader.parserConfig = {
    propertyObserver: (_fields, tag) => {
      if ((tag & 0xffff) === PT_STRING8) hasAnsiStrings = true;
    },
  };
  const data = reader.getFileData();
  if (!hasAnsiStrings || data.error) return { reader, data };
  const encoding = ansiEncoding(data.messageCodepage ?? data.internetCodepage);
  if (!encoding) return { reader, data };
  const again = new MsgReader(view);
  again.parserConfig = { ansiEncoding: encoding };
  return { reader: again, data: again.getFileData() };
}

const PT_STRING8 = 0x001e;

/**
 * Windows code pages by number, as names that both iconv-lite (Node) and TextDecoder (the pane,
 * through iconvShim.ts) know. ISO-8859-1 and US-ASCII are left out: that is msgreader's reading.
 */
const CODE_PAGES = new Map<number, string>([
  [874, 'windows-874'],
  [932, 'shift_jis'],
  [936, 'gbk'],
  [949, 'euc-kr'],
  [950, 'big5'],
  [1250, 'windows-1250'],
  [1251, 'windows-1251'],
  [1252, 'windows-1252'],
  [1253, 'windows-1253'],
  [1254, 'windows-1254'],
  [1255, 'windows-1255'],
  [1256, 'windows-1256'],
  [1257, 'windows-1257'],
  [1258, 'windows-1258'],
  [20866, 'koi8-r'],
  [21866, 'koi8-u'],
  [28592, 'iso-8859-2'],
  [28595, 'iso-8859-5'],
  [28597, 'iso-8859-7'],
  [28605, 'iso-8859-15'],
  [51932, 'euc-jp'],
  [54936, 'gb18030'],
  [65001, 'utf-8'],
]);

function ansiEncoding(codePage: number | undefined): string | null {
  return codePage === undefined ? null : (CODE_PAGES.get(codePage) ?? null);
}
