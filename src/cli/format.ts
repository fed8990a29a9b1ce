/** How the command line prints an analysis: JSON for tools, text for people. */
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import { explain, quoted, type DetailRow, type ExplanationView, type StepsView } from '../i18n/explain';

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// Escape sequences as a whole, so that no "[2J" is left behind: CSI (ESC [ or 0x9B), OSC (ESC ] or
// 0x9D, up to BEL or ST), DCS, SOS, PM and APC strings, and two-character ones such as ESC c (reset).
const TERMINAL_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]/g;
// Then every other character a terminal acts on or that reorders what it shows: C0 controls except
// tab and line feed (so also CR, which lets a line overwrite another), DEL, C1, and bidi controls.
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Text as it may reach a terminal: no escape sequences, no control or bidi characters. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(TERMINAL_CONTROL, '');
}

/**
 * One JSON line that a terminal shows as text: JSON.stringify escapes C0 controls but not DEL, C1
 * or bidi controls, so those are escaped here (still the same JSON value).
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function toJson(file: string, analysis: Analysis): Record<string, unknown> {
  return {
    file,
    verdict: analysis.verdict,
    language: analysis.language,
    input: analysis.input,
    layout: analysis.layout,
    recipients: analysis.recipients.map((r) => ({
      address: r.address,
      action: r.action,
      status: r.status?.code ?? null,
      replyCode: r.replyCode,
      diagnostic: r.diagnostic,
      remoteMta: r.remoteMta,
      reportingMta: r.reportingMta,
      command: r.command,
      reason: r.reason,
      cause: r.cause,
      actor: r.actor,
      docUrl: r.docUrl,
    })),
    original: {
      messageId: analysis.original.messageId,
      subject: analysis.original.subject,
      from: analysis.original.from,
      date: analysis.original.date,
    },
    suspicion: analysis.suspicion,
    warnings: analysis.warnings.map((w) => (w.detail ? `${w.code}: ${w.detail}` : w.code)),
    unparsed: analysis.unparsed,
  };
}

/**
 * The explanation for people, from the same model as the pane and the admin mail (`explain`).
 * Everything in it passes terminalSafe, whatever the bounce held; text from the bounce is quoted
 * (“…”, or "> " before each line of a block), never part of our sentences.
 */
export function toText(file: string, analysis: Analysis, t: Translator): string {
  return terminalSafe(textLines(file, explain(analysis, t)).join('\n'));
}

function steps(view: StepsView): string[] {
  return view.items.length === 0
    ? []
    : ['', `${view.title}:`, ...view.items.map((s, i) => `  ${i + 1}. ${s}`)];
}

/** A value from the bounce on one line: a line break in it would start a line that looks like ours. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function rows(details: readonly DetailRow[], indent: string, marks: ExplanationView['marks']): string[] {
  return details.flatMap((row) => {
    if (row.block)
      return [
        `${indent}${row.label}:`,
        ...row.value.split(/\r\n|\r|\n/).map((line) => `${indent}  > ${line}`),
      ];
    const value = row.quoted ? quoted(marks, oneLine(row.value)) : oneLine(row.value);
    return [`${indent}${row.label}: ${value}${row.meaning ? ` (${row.meaning})` : ''}`];
  });
}

function textLines(file: string, view: ExplanationView): string[] {
  const lines: string[] = [`== ${file}`];
  if (view.state) {
    lines.push(view.state.title, view.state.body);
    return lines;
  }
  lines.push('', view.headline);
  if (view.recipientLine) lines.push(view.recipientLine);
  if (view.suspicion) {
    lines.push('', `!! ${view.suspicion.title}`, `!! ${view.suspicion.intro}`);
    for (const advice of view.suspicion.advice) lines.push(`!! ${advice}`);
    lines.push(`!! ${view.suspicion.signsTitle}:`);
    for (const item of view.suspicion.items)
      lines.push(
        `!! ${item.text}`,
        ...item.evidence.map((e) => `!!   ${e.label} ${quoted(view.marks, oneLine(e.text))}`),
      );
  }
  const first = view.causes[0];
  if (first && !view.list && first.sentence)
    lines.push(first.sentence, ...(first.confidence ? [first.confidence] : []));
  if (view.multipleCauses) lines.push(view.multipleCauses);
  if (view.who) lines.push(`${view.who.text}.`, ...view.who.detail);
  if (view.route) lines.push(view.route.caption);
  for (const cause of view.causes) {
    if (view.list)
      lines.push(
        '',
        `-- ${cause.names.join(', ')}`,
        cause.sentence,
        ...(cause.confidence ? [cause.confidence] : []),
        `${cause.who.text}.`,
        ...cause.who.detail,
      );
    lines.push('', cause.summary, ...steps(cause.userSteps));
    if (cause.adminSteps) {
      lines.push(...steps(cause.adminSteps));
      if (cause.adminSteps.passOn) lines.push(cause.adminSteps.passOn);
      if (cause.adminSteps.codeNote) lines.push(cause.adminSteps.codeNote);
    }
    if (cause.doc) lines.push('', `${cause.doc.label}: ${cause.doc.url}`);
  }
  lines.push('', `${view.titles.details}:`);
  const several = view.recipients.length > 1;
  for (const r of view.recipients) {
    if (several) lines.push(`  -- ${r.name}`);
    lines.push(...rows(r.details, '  ', view.marks));
    if (r.evidence.length > 0)
      lines.push(
        `  ${view.titles.evidence}:`,
        ...r.evidence.map(
          (e) => `    ${e.where}: ${e.quoted ? quoted(view.marks, oneLine(e.text)) : e.text}`,
        ),
      );
  }
  lines.push(...rows(view.original, '  ', view.marks));
  for (const note of view.notes)
    lines.push(`  ${note.text}${note.quoted ? ` ${quoted(view.marks, oneLine(note.quoted))}` : ''}`);
  return lines;
}
