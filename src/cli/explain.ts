/**
 * Command line over the analysis core.
 *
 *   npm run explain -- [--json] [--lang en|nl] FILE...     (FILE may be - for standard input)
 *
 * Prints a plain-language explanation per file, or with --json one JSON object per line. A file
 * that cannot be read is reported on stderr; the others are still processed, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { pickLocale } from '../i18n';
import { createTranslator } from '../i18n/static';
import { analyzeBytes, InputTooLargeError } from '../mail/readInput';
import { jsonLine, terminalSafe, toJson, toText } from './format';
import { Output } from './output';

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

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    (parsed === USAGE ? console.log : console.error)(parsed);
    return parsed === USAGE ? 0 : 2;
  }
  const t = createTranslator(pickLocale(parsed.lang));
  const out = new Output(process.stdout);
  const complain = (file: string, message: string): void => {
    out.flush();
    console.error(terminalSafe(`explain: ${file}: ${message}`));
  };
  let failures = 0;
  for (const file of parsed.files) {
    if (out.closed) break;
    let bytes: Uint8Array;
    try {
      // Synchronous on purpose: read-ahead through fs/promises made a run over 4,000 files slower
      // (each open, stat, read and close waits for the event loop, which the analysis keeps busy).
      bytes = new Uint8Array(readFileSync(file === '-' ? 0 : file));
    } catch (error) {
      failures++;
      complain(file, `cannot read: ${reason(error)}`);
      continue;
    }
    try {
      const analysis = await analyzeBytes(bytes);
      if (out.line(parsed.json ? jsonLine(toJson(file, analysis)) : toText(file, analysis, t)))
        await out.settle();
    } catch (error) {
      failures++;
      complain(
        file,
        error instanceof InputTooLargeError
          ? `too large (${error.size} bytes; limit ${error.limit})`
          : reason(error),
      );
    }
  }
  out.flush();
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
