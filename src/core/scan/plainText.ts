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
  /^\|?-+\s*(?:original message|returned message|message text|the original message|below this line is a copy|this is a copy of (?:the|your) message|original message follows|unsent message below|forwarded message)/i,
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
  /** The texts' first `max` characters, by `max`, each with its own lines and own part. */
  private prefixes: Map<number, BounceText> | null = null;

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
    return this.text.length <= max ? this.own : this.prefix(max).own;
  }

  /** splitLines(ownWithin(max)). */
  ownLinesWithin(max: number): readonly string[] {
    return this.text.length <= max ? this.ownLines : this.prefix(max).ownLines;
  }

  /**
   * The first `max` characters as a text of their own, kept: the decoders ask for the same prefix
   * several times, and splitting it again for each cost more than reading its lines.
   */
  private prefix(max: number): BounceText {
    this.prefixes ??= new Map();
    let prefix = this.prefixes.get(max);
    if (prefix === undefined) {
      // A cut line can read as a marker that the whole line is not: cut the prefix itself.
      prefix = new BounceText(this.text.slice(0, max));
      this.prefixes.set(max, prefix);
    }
    return prefix;
  }
}

const ERROR_WORDS =
  /(?:\b[245]\d\d\b|\b[245]\.\d{1,3}\.\d{1,3}\b|unknown|not found|no such|does(?:n't| not) exist|full|quota|rejected|refused|denied|blocked|invalid|unavailable|disabled|expired|timed? ?out|too (?:large|big|many)|spam|virus|failed|failure|error|unable|could not|cannot|not (?:permitted|allowed|accepted)|unroutable|unrouteable|loop|giving up|retry|exceed|no smtp service)/i;

// The word ends there: "Remote Server at mail.fabrikam.example" names a host, not the MAIL command.
const COMMAND =
  /(?:in reply to|after|while (?:talking|sending)|during|at)\s+(?:end of\s+)?(?:the\s+)?(RCPT(?: TO)?|MAIL(?: FROM)?|DATA|HELO|EHLO|STARTTLS|AUTH|CONNECT|BDAT|end of data|\bconnection)(?![\w-]|\.[A-Za-z0-9])/i;

/** The command names servers use, as the one this report gives (`RCPT`, `MAIL`, `DATA`, `CONN`). */
const COMMAND_NAMES: ReadonlyMap<string, string> = new Map([
  ['RCPT', 'RCPT'],
  ['RCPT TO', 'RCPT'],
  ['RCPT_TO', 'RCPT'],
  ['RECIPIENT', 'RCPT'],
  ['MAIL', 'MAIL'],
  ['MAIL FROM', 'MAIL'],
  ['MAIL_FROM', 'MAIL'],
  ['SENDER', 'MAIL'],
  ['DATA', 'DATA'],
  ['BDAT', 'DATA'],
  ['END OF DATA', 'DATA'],
  ['MESSAGE', 'DATA'],
  ['CONNECT', 'CONN'],
  ['CONNECTION', 'CONN'],
]);

/**
 * Other ways servers name the step: qmail ("does not like recipient", "most progress was RCPT TO
 * response"), "SMTP:RCPT host …" reports, Yahoo-style "[RCPT_TO]" tags.
 */
const OTHER_COMMAND =
  /(?:does not like (recipient|sender)|most progress was (RCPT|MAIL|DATA)|\bSMTP:(RCPT|MAIL|DATA)\b|\[(RCPT_TO|MAIL_FROM|DATA)\]|failed after I sent the (message))/i;

/** A Sendmail transcript line sending the command: RCPT before MAIL before DATA, wherever each is. */
const SENT_COMMANDS: readonly RegExp[] = [/>>>\s*(RCPT)/i, />>>\s*(MAIL)/i, />>>\s*(DATA)/i];

function sentCommand(text: string): RegExpExecArray | null {
  for (const pattern of SENT_COMMANDS) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}

export function findCommand(text: string | null): string | null {
  if (!text) return null;
  const match = COMMAND.exec(text) ?? OTHER_COMMAND.exec(text) ?? sentCommand(text);
  if (!match) return null;
  const word = match.slice(1).find((group) => group !== undefined) ?? '';
  return COMMAND_NAMES.get(word.toUpperCase()) ?? word.toUpperCase();
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
  /(?:has been delayed|is delayed|delivery (?:is )?delayed|will (?:be )?retr(?:y|ied)|warning message only|do not need to resend|not yet been delivered|still trying|delivery attempts will continue|will keep trying until|message still undelivered after|warning only)/i;

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

/** A line where a recipient's story starts: its address, the words after it, and how it was found. */
interface BlockStart {
  readonly address: string;
  readonly rest: string;
  readonly field: string;
  /** Set out as a recipient line (not named in prose): taken even when it is the report's To. */
  readonly strict: boolean;
}

/** A recipient line and the lines after it, while they are read. */
interface Block {
  readonly address: string;
  readonly lines: string[];
  // Whether one of `lines` has error words, kept as lines are added: asking again at each blank
  // line re-read a long line once per blank line after it (20 KB, 20,000 blank lines: 17 s).
  hasError: boolean;
  readonly field: string;
  readonly command: string | null;
  readonly reply: string | null;
}

/** A Sendmail SMTP session: the host, the last command sent and the first error it answered. */
interface Session {
  readonly host: string;
  command: string | null;
  reply: string | null;
}

const HEADER_LINE =
  /^(?:>\s*)*(?:from|to|cc|reply-to|return-path|sender|delivered-to|x-[\w-]+|message-id|in-reply-to|references)\s*:/i;
const TALKING = /^(?:\.{3}\s*)?while talking to\s+\[?([A-Za-z0-9.-]{1,255})/i;
const SENT = /^>>>\s*(RCPT|MAIL|DATA|EHLO|HELO|QUIT|STARTTLS|BDAT)\b/i;
const RECEIVED = /^<<<\s*([45]\d\d\b.*)$/;
/** A host-level line ("550 example.org (smtp)... 550 Host unknown"): the story of the next recipients. */
const HOST_LINE = /^[45]\d\d\s+\[?([A-Za-z0-9.-]{1,255})\]?\s+\([A-Za-z]{1,20}\)\.{3}\s/;
const REPORT_ADDRESS = /^(?:postmaster|mailer-daemon|mail-daemon|mailerdaemon|no-?reply|bounces?)@/i;
const DAEMON_ADDRESS = /^(?:mailer-daemon|mail-daemon|mailerdaemon)@/i;

/**
 * Words right before an address that make it the sender ("A message sent by <a@b> to …", "from
 * a@b") or an example in help text ("should look like user@example.net", "e.g. name@domain"):
 * neither is the recipient.
 */
const NOT_RECIPIENT_CUE =
  /(?:\bsent by|\bsender|\bfrom|\boriginator|e\.g\.|\bfor (?:example|instance)|\bsuch as|\blooks? like|\bin the form(?: of)?|\bexample)\s*[:=,]?\s*["'<([]?\s*$/i;

/**
 * A reply that refuses the sender, quoted with the sender's address at the start of a line:
 * Postfix's "<a@b>: Sender address rejected: …" (smtpd's reject_* restrictions) and the like.
 * Inside a recipient's block it is that recipient's error, not a recipient of its own.
 */
const SENDER_REFUSAL = /^(?:sender address|sender|mail from|envelope sender)\b/i;

const hostName = (name: string): string => name.toLowerCase().replace(/\.$/, '');

/**
 * Reads a bounce's lines into recipient blocks. A Sendmail transcript: "While talking to host:"
 * opens an SMTP session whose ">>> CMD" and "<<< reply" lines belong to the recipient line that
 * follows them ("550 <a@b>... User unknown"), not to the one before. A host-level line starts the
 * story of the next recipients. Without this, multi-recipient reports hand each recipient the error
 * of its neighbour.
 */
class BlockReader {
  readonly blocks: Block[] = [];
  private current: Block | null = null;
  private session: Session | null = null;
  /** The last line read, for the words that lead up to an address on the next. */
  private previous = '';

  constructor(
    private readonly isExcludedStart: (start: BlockStart) => boolean,
    /** The sender of the returned message (the report's To). */
    private readonly isSender: (address: string) => boolean,
  ) {}

  read(raw: string): void {
    const line = raw.trim();
    const previous = this.previous;
    this.previous = line;
    if (line.includes(':') && HEADER_LINE.test(line)) return;
    if (this.readSession(line)) return;
    const start = blockStart(line);
    // Postfix and Sendmail quote the recipient again inside its own reply ("said: 550 5.2.1\n
    // <user@example.com>... User unknown (in reply to RCPT TO command)"), and servers quote the
    // sender they refuse ("550 5.7.1\n<sender@example.com>: Sender address rejected"): inside a
    // recipient's block, such a line continues it.
    if (start && this.current && this.continues(this.current, start)) return addLine(this.current, line);
    // An address that a sentence on the line before names as the sender or as an example is neither.
    if (start && !this.isExcludedStart(start) && !NOT_RECIPIENT_CUE.test(previous.slice(-60)))
      return this.open(start);
    if (this.current) this.extend(this.current, line);
  }

  /** A line after a block's start: more of its story, or (a blank line, a rule) its end. */
  private extend(block: Block, line: string): void {
    // Keep collecting across one blank line until the block has error text. A sentence that only
    // names the recipient ("Your message could not be delivered to a@b.") is followed by the
    // paragraph that says why: that paragraph is its error too, unless a rule of stars or dashes
    // ends the sentence.
    const ends = line === '' ? block.hasError && !namesOnly(block) : namesOnly(block) && !/\p{L}/u.test(line);
    if (ends) this.current = null;
    else if (line !== '') addLine(block, line);
  }

  private continues(block: Block, start: BlockStart): boolean {
    return (
      start.address.toLowerCase() === block.address.toLowerCase() ||
      this.isSender(start.address) ||
      SENDER_REFUSAL.test(start.rest)
    );
  }

  /** Session lines: "while talking to", ">>> CMD", "<<< reply", a host line. True when `line` was one. */
  private readSession(line: string): boolean {
    const session = this.session;
    const handled =
      this.opensSession(line) ||
      (session !== null && (sendsCommand(session, line) || receivesReply(session, line))) ||
      this.endsSession(line);
    if (handled) this.current = null;
    return handled;
  }

  private opensSession(line: string): boolean {
    const talking = TALKING.exec(line);
    if (talking) this.session = { host: hostName(talking[1] ?? ''), command: null, reply: null };
    return talking !== null;
  }

  /** A host line for another host than the session's ends the session. */
  private endsSession(line: string): boolean {
    const hostLine = HOST_LINE.exec(line);
    if (hostLine && this.session && this.session.host !== hostName(hostLine[1] ?? '')) this.session = null;
    return hostLine !== null;
  }

  private open(start: BlockStart): void {
    this.current = {
      address: start.address,
      lines: start.rest ? [start.rest] : [],
      hasError: start.rest ? ERROR_WORDS.test(start.rest) : false,
      field: start.field,
      command: this.session?.command ?? null,
      reply: this.session?.reply ?? null,
    };
    this.blocks.push(this.current);
  }
}

function sendsCommand(session: Session, line: string): boolean {
  const sent = SENT.exec(line);
  if (!sent) return false;
  const word = (sent[1] ?? '').toUpperCase();
  session.command = word === 'BDAT' ? 'DATA' : word;
  session.reply = null;
  return true;
}

/** The first error the server answered since the last command. */
function receivesReply(session: Session, line: string): boolean {
  const received = RECEIVED.exec(line);
  if (received) session.reply ??= cutAt(foldSpace(received[1] ?? ''), 1000);
  return received !== null;
}

/** A prose block that is still only the sentence naming its recipient, without a server's reply. */
function namesOnly(block: Block): boolean {
  return block.field === 'text' && block.lines.length === 1 && !hasSmtpCode(block.lines[0] ?? null);
}

function addLine(block: Block, line: string): void {
  if (block.lines.length >= 12) return;
  block.lines.push(line);
  block.hasError ||= ERROR_WORDS.test(line);
}

/**
 * A block's error. The server's own reply from the transcript comes first; the reporter's summary
 * line repeats it ("<<< 550 … User unknown" then "550 <a@b>... User unknown") or adds its own words.
 * A sentence that names the recipient ("… not a member of this mailing list <a@b>") is itself the
 * error when nothing after it reads like one.
 */
function blockDiagnostic(block: Block): string | null {
  const reply = block.reply;
  const own = reply
    ? block.lines.filter((l) => !reply.toLowerCase().includes(foldSpace(l).toLowerCase()))
    : block.lines;
  const fromLines = pickDiagnostic(reply ? [reply, ...own] : own);
  if (fromLines) return fromLines;
  return block.field === 'text' && block.lines[0] ? cutAt(foldSpace(block.lines[0]), 2000) : null;
}

/** One recipient per address: the first block with an error, else the first block. */
function blockRecipients(blocks: readonly Block[]): PlainRecipient[] {
  const byAddress = new Map<string, PlainRecipient>();
  for (const block of blocks) {
    const key = block.address.toLowerCase();
    const diagnostic = blockDiagnostic(block);
    const existing = byAddress.get(key);
    if (existing && (existing.diagnostic || !diagnostic)) continue;
    const joined = block.lines.join(' ');
    byAddress.set(key, {
      address: block.address,
      diagnostic,
      remoteMta: findRemoteHost(joined),
      command: block.command ?? findCommand(joined),
      field: block.field,
    });
  }
  return [...byAddress.values()];
}

/**
 * One recipient whose own lines hold no SMTP reply ("RCPT TO: a@b" in a details list), while the
 * bounce quotes one elsewhere ("Error message below: 550 - … no such user here"): that is its error.
 */
function withQuotedError(found: PlainRecipient[], lines: readonly string[]): PlainRecipient[] {
  const only = found.length === 1 ? found[0] : undefined;
  if (!only || hasSmtpCode(only.diagnostic)) return found;
  const error = firstSmtpErrorLine(lines);
  return error ? [{ ...only, diagnostic: error, command: only.command ?? findCommand(error) }] : found;
}

/** The first address on the line that is neither left out nor named as the sender or an example. */
function namedRecipient(
  line: string,
  previous: string,
  isExcluded: (address: string) => boolean,
): string | null {
  if (!line.includes('@')) return null;
  // Each address with the 60 characters before it (the previous line's end when it starts the line).
  // The line is cut into tokens between delimiters, each read once (linear in the line).
  for (const match of line.matchAll(/[^\s<>()[\]"',;:]+/g)) {
    const address = match[0].includes('@') ? findAddress(match[0]) : null;
    if (!address || isExcluded(address)) continue;
    const before = `${previous.slice(-60)} ${line.slice(0, match.index)}`.slice(-60);
    if (!NOT_RECIPIENT_CUE.test(before)) return address;
  }
  return null;
}

/** The line at `index` and the lines of its paragraph after it (at most three). */
function paragraphFrom(lines: readonly string[], index: number): string {
  const paragraph = [lines[index] ?? ''];
  for (const line of lines.slice(index + 1, index + 4)) {
    if (line.trim() === '') break;
    paragraph.push(line);
  }
  return paragraph.join(' ');
}

/** No address block: the first address in the bounce text, with the first error line. */
function firstNamed(
  text: string,
  lines: readonly string[],
  isExcluded: (address: string) => boolean,
): PlainRecipient[] {
  for (const [index, line] of lines.entries()) {
    // Most lines name no address: they are passed over before anything else is done with them.
    if (!line.includes('@') || /^\s*(?:from|to|subject|date)\s*:/i.test(line)) continue;
    const address = namedRecipient(line, lines[index - 1] ?? '', isExcluded);
    if (!address) continue;
    const errorLine = lines.find((l) => findReplyCode(l) !== null || findEnhancedStatus(l) !== null) ?? null;
    // Without an SMTP line, the sentence that named the address and the rest of its paragraph are
    // the best description we have.
    return [
      {
        address,
        diagnostic: cutAt(foldSpace(errorLine ?? paragraphFrom(lines, index)), 2000) || null,
        remoteMta: findRemoteHost(text),
        command: findCommand(text),
        field: 'text',
      },
    ];
  }
  return [];
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
    return looksLikeMessageId(lower) || excluded.has(lower) || REPORT_ADDRESS.test(lower);
  };
  const isExcludedStart = (start: BlockStart): boolean => {
    const lower = start.address.toLowerCase();
    if (looksLikeMessageId(lower)) return true;
    if (start.strict) return ownSet.has(lower) || DAEMON_ADDRESS.test(lower);
    return isExcluded(start.address);
  };
  const senders = new Set([...excluded].filter((address) => !ownSet.has(address)));
  const reader = new BlockReader(isExcludedStart, (address) => senders.has(address.toLowerCase()));
  for (const line of lines) reader.read(line);
  const found = withQuotedError(blockRecipients(reader.blocks), lines);
  if (found.some((r) => r.diagnostic)) return found.filter((r) => r.diagnostic || found.length === 1);
  if (found.length > 0) return found;
  return firstNamed(text, lines, isExcluded);
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

const HEADER_NAME = /^(?:from|to|cc|bcc|sender|reply-to|return-path)$/i;

/**
 * The forms a recipient line takes, tried in order; each reads the address and the words with it,
 * or returns null when its pattern matched something that is not a recipient line.
 */
const LINE_FORMS: readonly {
  readonly pattern: RegExp;
  readonly read: (
    match: RegExpExecArray,
    bare: string,
  ) => { address: string; rest: string } | BlockStart | null;
}[] = [
  // Postfix / qmail: "<user@example.com>: host ... said: 550 ..." or "<user@example.com>:"
  {
    pattern: /^<([^<>\s@]+@[^<>\s]+)>(?:\s*\(expanded from [^)]*\))?\s*:?\s*(.*)$/,
    read: (m) => ({ address: m[1] ?? '', rest: m[2] ?? '' }),
  },
  // Sendmail: "user@example.com... User unknown", "554 <user@example.com>... 550 Host unknown"
  {
    pattern: /^(?:[245]\d\d[ -])?<?([^<>\s@]+@[^<>\s@]+?)>?\.\.\.\s*(.*)$/,
    read: (m) => ({ address: m[1] ?? '', rest: m[2] ?? '' }),
  },
  // Exim / many others: an address alone on its line, or "address: reason", or "address (reason)"
  {
    pattern: /^(?:RCPT TO:\s*)?<?([^<>\s:;,()@]+@[^<>\s:;,()[\]@]+)>?\s*(?::\s*(.*)|\((.*)\)|\[(.*)\])?$/i,
    read: (m) => ({ address: m[1] ?? '', rest: m[2] ?? m[3] ?? m[4] ?? '' }),
  },
  // A display-name form with the reason after it (Exim: "name <user@example.com>: malformed address: …"):
  // the bracketed address is the recipient, not what precedes it.
  {
    pattern: /^[^<>:]{1,200}<([^<>\s@]+@[^<>\s]+)>\s*:\s*(\S.*)$/,
    read: (m) => ({ address: m[1] ?? '', rest: m[2] ?? '' }),
  },
  // "user@example.com Error, ERROR_CODE :550 …", "user@example.com on <date>" (Exchange 2003):
  // the address first, then words.
  {
    pattern: /^<?([^<>\s:;,()@]+@[^<>\s:;,()[\]@]+)>?[\s,]+(\S.*)$/,
    read: (m) => ({ address: m[1] ?? '', rest: /^on\s/i.test(m[2] ?? '') ? '' : (m[2] ?? '') }),
  },
  // The reason first: "Unknown user: user@example.com", "User's mailbox is full: <user@example.com>".
  {
    pattern: /^([^:<>@]{3,160}):\s*<?([^<>\s:;,()@]+@[^<>\s:;,()@]+?)>?\.?$/,
    read: (m) =>
      ERROR_WORDS.test(m[1] ?? '') && !HEADER_NAME.test((m[1] ?? '').trim())
        ? { address: m[2] ?? '', rest: m[1] ?? '' }
        : null,
  },
  // Gmail and similar prose: "Your message wasn't delivered to user@example.com because ..."
  {
    pattern:
      /(?:delivered to|delivery to|deliver(?:ed)? (?:your message )?to|message to|address|recipient|member of this mailing list)\s*:?\s*<?([^<>\s@]+@[^<>\s@]+?)>?(?:\s|[,;:]|\.(?![A-Za-z0-9-])|$)/i,
    read: (m, bare) => ({ address: m[1] ?? '', rest: bare, field: 'text', strict: false }),
  },
];

function blockStart(line: string): BlockStart | null {
  // Every form contains an address; most lines of a bounce do not, and skip seven regexes.
  if (!line.includes('@')) return null;
  // A bullet before a listed address ("* user@example.com", "- user@example.com").
  const bare = line.replace(/^[*\u2022-]\s+/, '');
  for (const { pattern, read } of LINE_FORMS) {
    const match = pattern.exec(bare);
    const found = match ? read(match, bare) : null;
    if (!found || !isAddress(found.address)) continue;
    // A recipient line found in a bounce's own listing: the address and the words that came with it.
    return { field: 'address block', strict: true, ...found, address: cleanAddress(found.address) };
  }
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
