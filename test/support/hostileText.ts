/**
 * Builders of the pathological pastes from issue 12, shared by the unit tests (test/core) and the
 * fuzz campaign (test/support/fuzzCases.ts, scripts/fuzz.ts): long chains of Outlook forward
 * blocks, ordinary reply threads, and every Exchange label followed by a long run of one kind of
 * character. Plain functions of their parameters, so a slow case can be rebuilt from its name.
 */
import { causes } from '../../src/core/catalog/causes';
import { enhancedFieldLabels, exchangeLabels, forwardLabels } from '../../src/core/catalog/exchangeLabels';
import { providers } from '../../src/core/catalog/providers';
import { reasonFamilies } from '../../src/core/reason/patterns';

/** A legacy Exchange NDR as Outlook shows it below a forward header (the report that must be found). */
export const FORWARDED_NDR = [
  'From: Microsoft Outlook <postmaster@contoso.example>',
  'Sent: Tuesday, November 3, 2026 9:12 AM',
  'To: Piet de Vries <piet@contoso.example>',
  'Subject: Undeliverable: Offerte',
  '',
  'Delivery has failed to these recipients or groups:',
  '',
  'Jan Jansen (jan@fabrikam.example)<mailto:jan@fabrikam.example>',
  "Your message wasn't delivered because the recipient's email provider rejected it.",
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: AM9PR04MB8412.eurprd04.prod.outlook.com',
  '',
  'jan@fabrikam.example',
  "Remote Server returned '550 5.4.1 Relay Access Denied'",
  '',
  'Original message headers:',
  '',
  'From: Piet de Vries <piet@contoso.example>',
  'To: Jan Jansen <jan@fabrikam.example>',
  'Subject: Offerte',
  'Date: Tue, 3 Nov 2026 09:11:52 +0000',
].join('\n');

/** The address, status and reply code FORWARDED_NDR reports. */
export const FORWARDED_NDR_RECIPIENT = { address: 'jan@fabrikam.example', status: '5.4.1', replyCode: '550' };

/** Outlook's forward header, in English or Dutch (every third block is Dutch). */
function forwardHeader(index: number, subject: string): string[] {
  const minute = String(index % 60).padStart(2, '0');
  return index % 3 === 1
    ? [
        `Van: Persoon ${index} <persoon${index}@contoso.example>`,
        `Verzonden: dinsdag 3 november 2026 10:${minute}`,
        'Aan: Team <team@contoso.example>',
        `Onderwerp: ${subject}`,
      ]
    : [
        `From: Person ${index} <person${index}@contoso.example>`,
        `Sent: Tuesday, November 3, 2026 9:${minute} AM`,
        'To: Team <team@contoso.example>',
        `Subject: ${subject}`,
      ];
}

/** The line Outlook puts above a forward header (plain-text and older clients differ). */
function separator(index: number): string {
  return index % 5 === 4 ? '-----Original Message-----' : '________________________________';
}

/**
 * A message forwarded `blocks` times: each forward adds a header block ("From:/Sent:/To:/Subject:",
 * every third one "Van:/Verzonden:/Aan:/Onderwerp:") and a line of its own, with the NDR at the
 * bottom when `bounce`.
 */
export function forwardChain(blocks: number, bounce: boolean): string {
  const lines = ['Kun je hiernaar kijken?', ''];
  for (let i = 0; i < blocks; i++)
    lines.push(separator(i), ...forwardHeader(i, `FW: Offerte ${i}`), '', `Zie hieronder (${i}).`, '');
  if (bounce) lines.push(separator(blocks), FORWARDED_NDR);
  return lines.join('\n');
}

const PARAGRAPH =
  'Thanks for the update. I have looked at the figures again and I think we can go ahead with the ' +
  'second option, provided that the delivery dates hold. Could you confirm with the supplier before ' +
  'Friday, and let me know if the 450 units can ship in one go? Nothing else changed. ';

/**
 * An ordinary reply thread of `messages` messages of about 1 KB each (60 make the 62 KB thread of
 * issue 12), newest first, each quoting the one before under an Outlook reply header; with the NDR
 * that started it at the bottom when `bounce`.
 */
export function replyThread(messages: number, bounce: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < messages; i++) {
    if (i > 0) lines.push('', separator(i), ...forwardHeader(i, `RE: Offerte ${messages - i}`), '');
    lines.push(`Hi all (${i}),`, '', PARAGRAPH + PARAGRAPH, PARAGRAPH, '', 'Best regards,', `Person ${i}`);
  }
  if (bounce) lines.push('', separator(messages), FORWARDED_NDR);
  return lines.join('\n');
}

/** A sample recipient for the enhanced layout's headline patterns ("Your message to … couldn't be delivered"). */
function headlineExample(pattern: RegExp): string {
  return pattern.source
    .replace(/^\^/, '')
    .replace(/\\\.\?.*$|\$$/, '')
    .replace('(.+?)', 'jan@fabrikam.example')
    .replace(/\(\?:'\|’\)/, "'")
    .replace(/\(\?:([^|)]*)\|[^)]*\)\??/g, '$1')
    .replace(/\\(.)/g, '$1');
}

/**
 * Every label the analyser recognises in pasted text: each language's Exchange labels and headline
 * examples, the enhanced layout's field labels, the forward-header labels and the subject prefixes.
 */
export function knownLabels(): string[] {
  const labels = new Set<string>();
  for (const language of exchangeLabels) {
    for (const value of Object.values(language)) {
      if (!Array.isArray(value)) continue;
      for (const label of value as readonly (string | RegExp)[])
        labels.add(typeof label === 'string' ? label : headlineExample(label));
    }
  }
  for (const group of Object.values(enhancedFieldLabels)) for (const label of group) labels.add(label);
  for (const language of forwardLabels)
    for (const label of [...language.from, ...language.sent, ...language.to, ...language.subject])
      labels.add(`${label}:`);
  return [...labels];
}

/**
 * The literal phrase a pattern starts with ("unable to relay" of /unable to relay/, "relay" of
 * /relay(?:ing)? denied/), or '' when it starts with something else than plain text.
 */
function leadingPhrase(pattern: RegExp): string {
  const head = /^(?:[\p{L}\p{N} '’,:;/-]|\\[.\-/ ])+/u.exec(pattern.source.replace(/\\b|^\^/g, ''));
  return (head?.[0] ?? '').replace(/\\(.)/g, '$1').trim();
}

/** Every string, and the leading phrase of every pattern, anywhere inside `value`. */
function phrasesIn(value: unknown, found: Set<string>): void {
  if (typeof value === 'string') found.add(value);
  else if (value instanceof RegExp) found.add(leadingPhrase(value));
  else if (Array.isArray(value)) for (const item of value) phrasesIn(item, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) phrasesIn(item, found);
}

/**
 * Every keyword the analyser looks for in a diagnostic, from its own lists: what the causes
 * catalogue matches on, the reason patterns and the providers' phrase rules (the leading literal
 * phrase of each pattern). Phrases under four characters are left out (they are in longer ones).
 */
export function knownKeywords(): string[] {
  const found = new Set<string>();
  for (const cause of causes) phrasesIn(cause.match, found);
  // The phrases of each family (not its `source`, which is prose about where they come from).
  for (const families of Object.values(reasonFamilies))
    for (const family of families ?? []) phrasesIn(family.phrases, found);
  for (const provider of providers) for (const rule of provider.rules) phrasesIn(rule.text, found);
  return [...found].filter((phrase) => phrase.trim().length >= 4);
}

/**
 * The labels that make the Exchange reader parse the whole text (first lines, administrators'
 * headings, delay lines, in every language): a run after one of them reaches every section scanner.
 */
export function anchoringLabels(): string[] {
  return exchangeLabels.flatMap((l) => [...l.firstLines, ...l.diagnosticHeadings, ...l.delayLines]);
}

/** What a run is made of: one class of character each, as pasted text repeats them. */
export const RUN_CLASSES: Readonly<Record<string, string>> = {
  'spaces-tabs': ' \t  \t\t   \t',
  spaces: ' ',
  tabs: '\t',
  'blank-lines': '\n',
  'crlf-blank-lines': ' \r\n',
  letters: 'abcdefghij',
  digits: '5504211',
  dots: '.',
  'at-signs': '@',
  angles: '<>',
  hyphens: '-',
  underscores: '_',
  equals: '=',
  hashes: '#',
  quotes: '\'"',
  colons: ':',
  'status-like': '5.1.1 ',
  'address-like': 'a.b@c-d.',
  // A long line, then many blank ones: what a scanner reading a block again at each line pays for.
  'long-line-blank-lines': `${'word '.repeat(400)}${'\n'.repeat(2000)}`,
};

/**
 * `label`, then `size` characters in total of `unit` repeated, ending in a letter (a run that
 * ends the text or its line lets a backtracking pattern succeed at once; one followed by text
 * makes it retry). `nextLine` puts the run on the line below the label, as a pasted section does.
 */
export function labelRun(label: string, unit: string, size: number, nextLine: boolean): string {
  const head = nextLine ? `${label}\n` : label;
  const room = Math.max(0, size - head.length - 2);
  return `${head}${unit.repeat(Math.ceil(room / unit.length)).slice(0, room)}x\n`;
}

/** How Exchange's diagnostic lines start; they are read only in its administrators' section. */
export const DIAGNOSTIC_LINE_STARTS = [
  '#550 ',
  '#< #5.1.1 ',
  'RemoteHost.example #550 ',
  "Remote Server returned '",
  "Remote Server at mx.fabrikam.example (192.0.2.1) returned '",
  "11/3/2026 10:00:00 AM - Server at mx.fabrikam.example (192.0.2.1) returned '",
];

/** `text` as the diagnostic lines of a legacy Exchange NDR's administrators' section. */
export function inExchangeAdminSection(text: string): string {
  return [
    'Delivery has failed to these recipients or groups:',
    '',
    'jan@fabrikam.example',
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: EX01.contoso.example',
    '',
    'jan@fabrikam.example',
    text,
  ].join('\n');
}

/** How the recipient lines of text bounces (Postfix, Sendmail, Exim) start. */
export const RECIPIENT_LINE_STARTS = [
  '<jan@fabrikam.example>: ',
  'jan@fabrikam.example... ',
  'jan@fabrikam.example\n',
  'Your message to jan@fabrikam.example ',
];

/** `text` as the recipient lines of a text bounce, where the plain-text scanner reads them. */
export function inTextBounce(text: string): string {
  return [
    'This is the mail system at host mail.contoso.example.',
    '',
    "I'm sorry to have to inform you that your message could not be delivered: 550 5.1.1.",
    '',
    text,
  ].join('\n');
}
