/**
 * Command line over the analysis core.
 *
 *   npm run explain -- [--json] [--lang en|nl] FILE...     (FILE may be - for standard input)
 *
 * Prints a plain-language explanation per file, or with --json one JSON object per line. A file
 * that cannot be read is reported on stderr; the others are still processed, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import type { Analysis } from '../core/types';
import { createTranslator, pickLocale, type Translator } from '../i18n';
import { analyzeBytes, InputTooLargeError } from '../mail/readInput';

interface Options {
  json: boolean;
  lang: string;
  files: string[];
}

const USAGE = 'usage: npm run explain -- [--json] [--lang en|nl] FILE... (use - for standard input)';

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { json: false, lang: process.env['LANG'] ?? 'en', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--lang') {
      const value = argv[++i];
      if (value !== 'en' && value !== 'nl') return `--lang takes en or nl\n${USAGE}`;
      options.lang = value;
    } else if (arg.startsWith('--lang=')) options.lang = arg.slice(7);
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else options.files.push(arg);
  }
  if (options.files.length === 0) return USAGE;
  return options;
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
  };
}

export function toText(file: string, analysis: Analysis, t: Translator): string {
  const lines: string[] = [`== ${file}`];
  if (analysis.verdict !== 'bounce' && analysis.verdict !== 'delay') {
    const key = {
      'auto-reply': 'autoReply',
      feedback: 'feedback',
      'delivery-report': 'deliveryReport',
      'not-a-bounce': 'notBounce',
    }[analysis.verdict];
    lines.push(t.t(`state.${key}.title`), t.t(`state.${key}.body`));
    return lines.join('\n');
  }
  for (const r of analysis.recipients) {
    const params = {
      recipient: r.address ?? '',
      domain: r.address?.split('@')[1] ?? '',
      status: r.status?.code ?? '',
      remoteMta: r.remoteMta ?? '',
    };
    const key = `cause.${r.cause}`;
    const title = t.t(`${key}.title`, params);
    lines.push(
      '',
      analysis.verdict === 'delay'
        ? t.t('verdict.delay.headline', { recipient: r.address ?? '?', title })
        : r.address
          ? t.t('verdict.bounce.headline', { recipient: r.address, title })
          : t.t('verdict.bounce.headlineNoRecipient', { title }),
      `${t.t('actor.label')}: ${t.t(`actor.${r.actor}`)}`,
      '',
      t.t(`${key}.summary`, params),
    );
    const userSteps = t.list(`${key}.userSteps`, params);
    if (userSteps.length)
      lines.push('', `${t.t('section.userSteps')}:`, ...userSteps.map((s, i) => `  ${i + 1}. ${s}`));
    const adminSteps = t.list(`${key}.adminSteps`, params);
    if (adminSteps.length)
      lines.push('', `${t.t('section.adminSteps')}:`, ...adminSteps.map((s, i) => `  ${i + 1}. ${s}`));
    if (r.docUrl) lines.push('', `${t.t('section.docsOther')}: ${r.docUrl}`);
    lines.push('', `${t.t('section.details')}:`);
    const facts: [string, string | null][] = [
      ['field.status', r.status?.code ?? null],
      ['field.replyCode', r.replyCode],
      ['field.diagnostic', r.diagnostic],
      ['field.remoteMta', r.remoteMta],
      ['field.reportingMta', r.reportingMta],
      ['field.command', r.command],
      ['field.reason', r.reason],
      ['field.cause', r.cause],
    ];
    for (const [label, value] of facts) if (value) lines.push(`  ${t.t(label)}: ${value}`);
  }
  const o = analysis.original;
  if (o.subject || o.messageId)
    lines.push(
      `  ${t.t('field.subject')}: ${o.subject ?? '-'}`,
      `  ${t.t('field.messageId')}: ${o.messageId ?? '-'}`,
    );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    (parsed === USAGE ? console.log : console.error)(parsed);
    return parsed === USAGE ? 0 : 2;
  }
  const t = createTranslator(pickLocale(parsed.lang));
  let failures = 0;
  for (const file of parsed.files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file === '-' ? 0 : file));
    } catch (error) {
      failures++;
      console.error(
        `explain: ${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    try {
      const analysis = await analyzeBytes(bytes);
      console.log(parsed.json ? JSON.stringify(toJson(file, analysis)) : toText(file, analysis, t));
    } catch (error) {
      failures++;
      const message =
        error instanceof InputTooLargeError
          ? `too large (${error.size} bytes; limit ${error.limit})`
          : error instanceof Error
            ? error.message
            : String(error);
      console.error(`explain: ${file}: ${message}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
