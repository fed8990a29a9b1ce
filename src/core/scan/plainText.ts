import { findEnhancedStatus, findReplyCode } from '../status';
import { anyOf, cleanAddress, findAddress, foldSpace, isAddress, cutAt, splitLines } from '../text';

/** A recipient and its error as read from a bounce written for people (no delivery-status part). */
export interface PlainRecipient {
  readonly address: string;
  readonly diagnostic: string | null;
  readonly remoteMta: string | null;
  readonly command: string | null;
  readonly field: string;
}

/**
 * Where the returned original begins in a text bounce. Everything after it is the sender's own
 * message and must not be mistaken for the error (its addresses, its words).
 */
const ORIGINAL_MARKERS: readonly RegExp[] = [
  /^-+\s*(?:original message|returned message|message text|the original message|below this line is a copy|this is a copy of (?:the|your) message|original message follows|unsent message below|forwarded message)/i,
  /^-+\s*(?:a copy of the original message|original mail|headers of the original message)/i,
  /^--- Below this line is a copy of the message\./i,
  /^------ This is a copy of the message, including all the headers\./i,
  /^(?:original message headers|original message follows|original-message|original message|returned mail follows|message headers follow\.?)\s*:?\s*$/i,
  /^Content-Type:\s*(?:message\/rfc822|text\/rfc822-headers)/i,
  /^Received: from/i,
];

/** The markers as one alternation (all case-insensitive, each anchored at the start). */
const ANY_ORIGINAL_MARKER = anyOf(ORIGINAL_MARKERS, 'i');

/** Index of the line where the returned original begins (never the first line); -1 if none. */
function originalStart(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (ANY_ORIGINAL_MARKER.test((lines[i] ?? '').trim())) return i;
  }
  return -1;
}

/**
 * A bounce's text with its lines and its own part (before the returned original), each worked
 * out once when first asked for. The analyser reads the same text many times (signals, language,
 * recipients, the original, forwarded blocks); splitting and cutting it again for each cost more
 * than some of the parsing. One is made per analysed text and dropped with the analysis.
 */
export class BounceText {
  private allLines: readonly string[] | null = null;
  /** Line where the returned original begins, -1 when it is not there; undefined until looked for. */
  private start: number | undefined;
  private cut: string | null = null;
  private cutLines: readonly string[] | null = null;
  private prefixCuts: Map<number, string> | null = null;

  constructor(readonly text: string) {}

  /** splitLines(text). */
  get lines(): readonly string[] {
    return (this.allLines ??= splitLines(this.text));
  }

  private originalStart(): number {
    return (this.start ??= originalStart(this.lines));
  }

  /** The text before the returned original (all of it when no marker is found). */
  get own(): string {
    if (this.cut === null) this.cut = this.originalStart() < 0 ? this.text : this.ownLines.join('\n');
    return this.cut;
  }

  /**
   * splitLines(own). The lines hold no line breaks, so joining the first ones with LF and splitting
   * that again gives the same lines: they are taken from the text's own lines.
   */
  get ownLines(): readonly string[] {
    if (this.cutLines === null) {
      const start = this.originalStart();
      this.cutLines = start < 0 ? this.lines : this.lines.slice(0, start);
    }
    return this.cutLines;
  }

  /** The own part of text.slice(0, max): the same as `own` unless the text is longer than `max`. */
  ownWithin(max: number): string {
    if (this.text.length <= max) return this.own;
    this.prefixCuts ??= new Map();
    let cut = this.prefixCuts.get(max);
    if (cut === undefined) {
      // A cut line can read as a marker that the whole line is not: cut the prefix itself.
      cut = new BounceText(this.text.slice(0, max)).own;
      this.prefixCuts.set(max, cut);
    }
    return cut;
  }

  /** splitLines(ownWithin(max)). */
  ownLinesWithin(max: number): readonly string[] {
    return this.text.length <= max ? this.ownLines : splitLines(this.ownWithin(max));
  }
}

const ERROR_WORDS =
  /(?:\b[245]\d\d\b|\b[245]\.\d{1,3}\.\d{1,3}\b|unknown|not found|no such|does(?:n't| not) exist|full|quota|rejected|refused|denied|blocked|invalid|unavailable|disabled|expired|timed? ?out|too (?:large|big|many)|spam|virus|failed|failure|error|unable|could not|cannot|not (?:permitted|allowed|accepted)|unroutable|unrouteable|loop|giving up|retry|exceed|no smtp service)/i;

const COMMAND =
  /(?:in reply to|after|while (?:talking|sending)|during|at)\s+(?:end of\s+)?(?:the\s+)?(RCPT(?: TO)?|MAIL(?: FROM)?|DATA|HELO|EHLO|STARTTLS|AUTH|CONNECT|BDAT|end of data|\bconnection)\b/i;

export function findCommand(text: string | null): string | null {
  if (!text) return null;
  const match = COMMAND.exec(text);
  if (!match) {
    // Other ways servers name the step: qmail ("does not like recipient", "most progress was RCPT
    // TO response"), "SMTP:RCPT host …" reports, Yahoo-style "[RCPT_TO]" tags.
    const other =
      /(?:does not like (recipient|sender)|most progress was (RCPT|MAIL|DATA)|\bSMTP:(RCPT|MAIL|DATA)\b|\[(RCPT_TO|MAIL_FROM|DATA)\]|failed after I sent the (message))/i.exec(
        text,
      );
    if (other) {
      const word = (other[1] ?? other[2] ?? other[3] ?? other[4] ?? other[5] ?? '').toUpperCase();
      if (word === 'RECIPIENT' || word.startsWith('RCPT')) return 'RCPT';
      if (word === 'SENDER' || word.startsWith('MAIL')) return 'MAIL';
      return 'DATA';
    }
    if (/>>>\s*RCPT/i.test(text)) return 'RCPT';
    if (/>>>\s*MAIL/i.test(text)) return 'MAIL';
    if (/>>>\s*DATA/i.test(text)) return 'DATA';
    return null;
  }
  const word = (match[1] ?? '').toUpperCase();
  if (word.startsWith('RCPT')) return 'RCPT';
  if (word.startsWith('MAIL')) return 'MAIL';
  if (word === 'END OF DATA' || word === 'DATA' || word === 'BDAT') return 'DATA';
  if (word === 'CONNECT' || word === 'CONNECTION') return 'CONN';
  return word;
}

const HOST_SAID =
  /host\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?:\s*\[[^\]]*\])?\s+(?:said|says|responded|replied)/i;
const REMOTE_HOST =
  /(?:remote host|mail server|host|server|mx)\s*[:=]?\s*\[?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.[A-Za-z]{2,})\]?/i;

export function findRemoteHost(text: string | null): string | null {
  if (!text) return null;
  const said = HOST_SAID.exec(text);
  if (said) return (said[1] ?? '').toLowerCase();
  const remote = REMOTE_HOST.exec(text);
  return remote ? (remote[1] ?? '').toLowerCase() : null;
}

/**
 * Finds recipients and their errors in a human-written bounce (qmail, Exim, Postfix text, Sendmail,
 * Gmail, Yahoo, …). Each block that starts with an address collects the lines that follow it until
 * the next address block or a blank line after error text. Addresses of the report itself (its
 * sender, postmaster, MAILER-DAEMON) are left out.
 */
export interface PlainScan {
  readonly recipients: readonly PlainRecipient[];
}

export interface PlainContext {
  /** The bounce's own words before the first recipient ("The following address(es) failed:", …). */
  readonly preamble: string | null;
  /** The text says the message is only delayed and will be retried. */
  readonly delayed: boolean;
  /**
   * The text says delivery is over: the message could not be delivered, is returned, the server
   * gave up. A temporary (4xx) last answer in such a report still means a failure.
   */
  readonly final: boolean;
}

const FINAL_WORDS =
  /(?:could not be delivered|couldn't be delivered|cannot be delivered|was not delivered|wasn't delivered|undeliverable|giving up|gave up|given up|permanent(?:ly)? (?:fatal )?error|returned to (?:the )?sender|has been returned|it's attached below|failed permanently|delivery (?:has )?failed|not able to deliver|unable to deliver)/i;

const DELAY_WORDS =
  /(?:has been delayed|is delayed|delivery (?:is )?delayed|will (?:be )?retr(?:y|ied)|warning message only|do not need to resend|not yet been delivered|still trying|delivery attempts will continue)/i;

/**
 * `exclude`: addresses of the report itself (its From and To). `own`: the report's sender only.
 * An address set out as a recipient line ("<a@b>:", "a@b... reason") is taken even when it is the
 * report's To (a sender writing to itself) or a postmaster; prose mentions are not.
 */
export function scanPlainBounce(
  body: BounceText,
  exclude: readonly string[],
  own: readonly string[] = exclude,
): PlainScan {
  const recipients = scanRecipients(body.own, body.ownLines, exclude, own);
  return { recipients };
}

/**
 * What the bounce says around its recipients. Only read when the delivery-status part leaves a
 * recipient without an error (a report that gives every recipient one uses only their commands).
 */
export function plainContext(body: BounceText): PlainContext {
  const lines = body.ownLines;
  const firstAddressLine = lines.findIndex(
    // The @ test first: most lines hold no address and need no regex.
    (l) =>
      l.includes('@') && findAddress(l) !== null && !/^\s*(?:from|to|cc|subject|date|reply-to)\s*:/i.test(l),
  );
  const preambleLines = (firstAddressLine >= 0 ? lines.slice(0, firstAddressLine) : lines).filter(
    (l) => l.trim() !== '',
  );
  const preamble =
    preambleLines.length > 0 ? cutAt(foldSpace(preambleLines.slice(-8).join(' ')), 1500) : null;
  const head = foldSpace(lines.slice(0, Math.max(10, firstAddressLine + 3)).join(' '));
  const delayed = DELAY_WORDS.test(head);
  return { preamble, delayed, final: !delayed && FINAL_WORDS.test(head) };
}

/** `lines`: the lines of `text`, split once by the caller. */
function scanRecipients(
  text: string,
  lines: readonly string[],
  exclude: readonly string[],
  own: readonly string[],
): PlainRecipient[] {
  const excluded = new Set(exclude.map((a) => a.toLowerCase()));
  const ownSet = new Set(own.map((a) => a.toLowerCase()));
  const isExcluded = (address: string): boolean => {
    const lower = address.toLowerCase();
    return (
      looksLikeMessageId(lower) ||
      excluded.has(lower) ||
      /^(?:postmaster|mailer-daemon|mail-daemon|mailerdaemon|no-?reply|bounces?)@/i.test(lower)
    );
  };
  const isExcludedStart = (start: { address: string; strict: boolean }): boolean => {
    const lower = start.address.toLowerCase();
    if (looksLikeMessageId(lower)) return true;
    if (start.strict) return ownSet.has(lower) || /^(?:mailer-daemon|mail-daemon|mailerdaemon)@/i.test(lower);
    return isExcluded(start.address);
  };

  type Block = {
    address: string;
    lines: string[];
    // Whether one of `lines` has error words, kept as lines are added: asking again at each blank
    // line re-read a long line once per blank line after it (20 KB, 20,000 blank lines: 17 s).
    hasError: boolean;
    field: string;
    command: string | null;
    reply: string | null;
  };
  const addLine = (block: Block, line: string): void => {
    if (block.lines.length >= 12) return;
    block.lines.push(line);
    block.hasError ||= ERROR_WORDS.test(line);
  };
  const blocks: Block[] = [];
  let current: Block | null = null;
  // A Sendmail transcript: "While talking to host:" opens an SMTP session whose ">>> CMD" and
  // "<<< reply" lines belong to the recipient line that follows them ("550 <a@b>... User unknown"),
  // not to the one before. A host-level line ("550 example.org (smtp)... 550 Host unknown") starts
  // the story of the next recipients. Without this, multi-recipient reports hand each recipient
  // the error of its neighbour.
  let session: { host: string; command: string | null; reply: string | null } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    // Each anchored test below is made only on lines that could match it (a header field needs a
    // colon, the others a given first character): most lines of a report match none.
    const first = line.charCodeAt(0);
    if (
      line.includes(':') &&
      /^(?:>\s*)*(?:from|to|cc|reply-to|return-path|sender|delivered-to|x-[\w-]+|message-id|in-reply-to|references)\s*:/i.test(
        line,
      )
    )
      continue;
    const talking =
      first === 0x2e || first === 0x57 || first === 0x77 // '.', 'W', 'w'
        ? /^(?:\.{3}\s*)?while talking to\s+\[?([A-Za-z0-9.-]{1,255})/i.exec(line)
        : null;
    if (talking) {
      session = { host: (talking[1] ?? '').toLowerCase().replace(/\.$/, ''), command: null, reply: null };
      current = null;
      continue;
    }
    if (session) {
      const sent = /^>>>\s*(RCPT|MAIL|DATA|EHLO|HELO|QUIT|STARTTLS|BDAT)\b/i.exec(line);
      if (sent) {
        const word = (sent[1] ?? '').toUpperCase();
        session.command = word === 'BDAT' ? 'DATA' : word;
        session.reply = null;
        current = null;
        continue;
      }
      const received = /^<<<\s*([45]\d\d\b.*)$/.exec(line);
      if (received) {
        session.reply ??= cutAt(foldSpace(received[1] ?? ''), 1000);
        current = null;
        continue;
      }
    }
    const hostLine =
      first === 0x34 || first === 0x35 // '4', '5'
        ? /^[45]\d\d\s+\[?([A-Za-z0-9.-]{1,255})\]?\s+\([A-Za-z]{1,20}\)\.{3}\s/.exec(line)
        : null;
    if (hostLine) {
      if (session && session.host !== (hostLine[1] ?? '').toLowerCase().replace(/\.$/, '')) session = null;
      current = null;
      continue;
    }
    const start = blockStart(line);
    // Postfix and Sendmail quote the recipient again inside its own reply ("said: 550 5.2.1\n
    // <user@example.com>... User unknown (in reply to RCPT TO command)"): that line continues the block.
    if (start && current && start.address.toLowerCase() === current.address.toLowerCase()) {
      addLine(current, line);
      continue;
    }
    if (start && !isExcludedStart(start)) {
      current = {
        address: start.address,
        lines: start.rest ? [start.rest] : [],
        hasError: start.rest ? ERROR_WORDS.test(start.rest) : false,
        field: start.field,
        command: session?.command ?? null,
        reply: session?.reply ?? null,
      };
      blocks.push(current);
      continue;
    }
    if (!current) continue;
    if (line === '') {
      // Keep collecting across one blank line until the block has error text.
      if (current.hasError) current = null;
      continue;
    }
    addLine(current, line);
  }

  const byAddress = new Map<string, PlainRecipient>();
  for (const block of blocks) {
    const key = block.address.toLowerCase();
    // A sentence that names the recipient ("… not a member of this mailing list <a@b>") is itself
    // the error when nothing after it reads like one.
    // The server's own reply from the transcript comes first; the reporter's summary line repeats
    // it ("<<< 550 … User unknown" then "550 <a@b>... User unknown") or adds its own words.
    const own = block.reply
      ? block.lines.filter((l) => !block.reply?.toLowerCase().includes(foldSpace(l).toLowerCase()))
      : block.lines;
    const diagnostic =
      pickDiagnostic(block.reply ? [block.reply, ...own] : own) ??
      (block.field === 'text' && block.lines[0] ? cutAt(foldSpace(block.lines[0]), 2000) : null);
    const existing = byAddress.get(key);
    if (existing && (existing.diagnostic || !diagnostic)) continue;
    byAddress.set(key, {
      address: block.address,
      diagnostic,
      remoteMta: findRemoteHost(block.lines.join(' ')),
      command: block.command ?? findCommand(block.lines.join(' ')),
      field: block.field,
    });
  }
  const found = [...byAddress.values()];
  if (found.length === 1 && found[0] && !hasSmtpCode(found[0].diagnostic)) {
    // One recipient whose own lines hold no SMTP reply ("RCPT TO: a@b" in a details list), while the
    // bounce quotes one elsewhere ("Error message below: 550 - … no such user here"): that is its error.
    const error = firstSmtpErrorLine(lines);
    if (error) found[0] = { ...found[0], diagnostic: error, command: found[0].command ?? findCommand(error) };
  }
  if (found.some((r) => r.diagnostic)) return found.filter((r) => r.diagnostic || found.length === 1);
  if (found.length > 0) return found;

  // No address block: take the first address in the bounce text with the first error line.
  for (const line of lines) {
    const address = findAddress(line);
    if (address && !isExcluded(address) && !/^(?:from|to|subject|date)\s*:/i.test(line.trim())) {
      const errorLine =
        lines.find((l) => findReplyCode(l) !== null || findEnhancedStatus(l) !== null) ?? null;
      // Without an SMTP line, the sentence that named the address is the best description we have.
      return [
        {
          address,
          diagnostic: cutAt(foldSpace(errorLine ?? line), 2000) || null,
          remoteMta: findRemoteHost(text),
          command: findCommand(text),
          field: 'text',
        },
      ];
    }
  }
  return [];
}

function hasSmtpCode(text: string | null): boolean {
  return !!text && (findEnhancedStatus(text) !== null || /(?:^|\s)[45]\d\d(?:[\s-]|$)/.test(text));
}

/** The first line that starts with an SMTP reply code (`550 …`, `550-…`, `550 - …`). */
function firstSmtpErrorLine(lines: readonly string[]): string | null {
  for (const raw of lines.slice(0, 400)) {
    const line = raw.trim();
    if (/^[45]\d\d(?:[ -]|$)/.test(line) && findReplyCode(line) !== null) return cutAt(foldSpace(line), 2000);
  }
  return null;
}

/** A Message-ID (`<20090429021000.12345@mx.example.jp>`) is address-shaped but names no mailbox. */
function looksLikeMessageId(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  return /^[\d.]{10,}$/.test(local) && local.includes('.');
}

/** A recipient line found in a bounce's own listing: the address and the words that came with it. */
function addressBlock(
  address: string,
  rest: string,
): { address: string; rest: string; field: string; strict: boolean } {
  return { address: cleanAddress(address), rest, field: 'address block', strict: true };
}

function blockStart(line: string): { address: string; rest: string; field: string; strict: boolean } | null {
  // Every form below contains an address; most lines of a bounce do not, and skip seven regexes.
  if (!line.includes('@')) return null;
  // A bullet before a listed address ("* user@example.com", "- user@example.com").
  const bare = line.replace(/^[*\u2022-]\s+/, '');
  // Postfix / qmail: "<user@example.com>: host ... said: 550 ..." or "<user@example.com>:"
  let match = /^<([^<>\s@]+@[^<>\s]+)>(?:\s*\(expanded from [^)]*\))?\s*:?\s*(.*)$/.exec(bare);
  if (match && isAddress(match[1] ?? '')) return addressBlock(match[1] ?? '', match[2] ?? '');
  // Sendmail: "user@example.com... User unknown", "554 <user@example.com>... 550 Host unknown"
  match = /^(?:[245]\d\d[ -])?<?([^<>\s@]+@[^<>\s@]+?)>?\.\.\.\s*(.*)$/.exec(bare);
  if (match && isAddress(match[1] ?? '')) return addressBlock(match[1] ?? '', match[2] ?? '');
  // Exim / many others: an address alone on its line, or "address: reason", or "address (reason)"
  match = /^(?:RCPT TO:\s*)?<?([^<>\s:;,()@]+@[^<>\s:;,()[\]@]+)>?\s*(?::\s*(.*)|\((.*)\)|\[(.*)\])?$/i.exec(
    bare,
  );
  if (match && isAddress(match[1] ?? ''))
    return addressBlock(match[1] ?? '', match[2] ?? match[3] ?? match[4] ?? '');
  // A display-name form with the reason after it (Exim: "name <user@example.com>: malformed address: …"):
  // the bracketed address is the recipient, not what precedes it.
  match = /^[^<>:]{1,200}<([^<>\s@]+@[^<>\s]+)>\s*:\s*(\S.*)$/.exec(bare);
  if (match && isAddress(match[1] ?? '')) return addressBlock(match[1] ?? '', match[2] ?? '');
  // "user@example.com Error, ERROR_CODE :550 …", "user@example.com on <date>" (Exchange 2003):
  // the address first, then words.
  match = /^<?([^<>\s:;,()@]+@[^<>\s:;,()[\]@]+)>?[\s,]+(\S.*)$/.exec(bare);
  if (match && isAddress(match[1] ?? '')) {
    const rest = match[2] ?? '';
    return addressBlock(match[1] ?? '', /^on\s/i.test(rest) ? '' : rest);
  }
  // The reason first: "Unknown user: user@example.com", "User's mailbox is full: <user@example.com>".
  match = /^([^:<>@]{3,160}):\s*<?([^<>\s:;,()@]+@[^<>\s:;,()@]+?)>?\.?$/.exec(bare);
  if (
    match &&
    isAddress(match[2] ?? '') &&
    ERROR_WORDS.test(match[1] ?? '') &&
    !/^(?:from|to|cc|bcc|sender|reply-to|return-path)$/i.test((match[1] ?? '').trim())
  ) {
    return addressBlock(match[2] ?? '', match[1] ?? '');
  }
  // Gmail and similar prose: "Your message wasn't delivered to user@example.com because ..."
  match =
    /(?:delivered to|delivery to|deliver(?:ed)? (?:your message )?to|message to|address|recipient|member of this mailing list)\s*:?\s*<?([^<>\s@]+@[^<>\s@]+?)>?(?:\s|[,;:]|\.(?![A-Za-z0-9-])|$)/i.exec(
      bare,
    );
  if (match && isAddress(match[1] ?? ''))
    return { address: cleanAddress(match[1] ?? ''), rest: bare, field: 'text', strict: false };
  return null;
}

/** The most telling lines of a block: from the first one with an SMTP reply or error words. */
function pickDiagnostic(lines: readonly string[]): string | null {
  const first = lines.findIndex((l) => findReplyCode(l) !== null || findEnhancedStatus(l) !== null);
  let from = first >= 0 ? first : lines.findIndex((l) => ERROR_WORDS.test(l));
  // A quoted reason without error words ("Sorry, you are sending to/from a blacklisted address").
  if (from < 0 && lines.length > 0 && lines.length <= 4) from = 0;
  if (from < 0) return null;
  // Exchange 5.5–2003 put the language-independent diagnostic code ("MSEXCH:IMS:… (000C05A6)") on
  // the line before the localised summary ("Unknown Recipient"); the code names the condition.
  const msexch = lines.findIndex((l) => /\bMSEXCH:/i.test(l));
  if (msexch >= 0 && msexch < from) from = msexch;
  const picked = lines.slice(from, from + 6).join(' ');
  const text = foldSpace(
    picked.replace(
      /^(?:remote host said|the (?:error|response) (?:that the other server returned|from the remote server) was)\s*:\s*/i,
      '',
    ),
  );
  return text === '' ? null : cutAt(text, 2000);
}
