/**
 * Every regular-expression literal in src/core, found with the TypeScript parser, and inputs built
 * to make each one backtrack: long runs of the characters it repeats, after its literal prefix,
 * ending in a character that fails the match.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface RegexLiteral {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

const CORE = path.join(__dirname, '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
    });
}

export function regexLiterals(dir = CORE): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const slash = literal.lastIndexOf('/');
        found.push({
          file: path.relative(path.join(dir, '..', '..'), file),
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          source: literal.slice(1, slash),
          flags: literal.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Characters a pattern can repeat: its literal characters plus one representative per class escape. */
function repeatedCharacters(source: string): string[] {
  const chars = new Set<string>([' ', '\t', '\n', 'a', 'A', '5', '.', '@', '<', '-', '=', ':', '_', '"']);
  const stripped = source.replace(/\\u\{?[0-9a-fA-F]{4,6}\}?|\\x[0-9a-fA-F]{2}|\\[pP]\{[^}]*\}/g, '');
  for (let i = 0; i < stripped.length; i++) {
    const ch = stripped[i] as string;
    if (ch === '\\') {
      const next = stripped[++i] ?? '';
      if (next === 's') chars.add(' ');
      else if (next === 'd') chars.add('7');
      else if (next === 'w') chars.add('x');
      else if (!/[bBnrtfv0-9kSDW]/.test(next)) chars.add(next);
    } else if (!'()[]{}|?*+^$'.includes(ch)) chars.add(ch);
  }
  return [...chars];
}

/** The literal text a pattern starts with (after ^ and simple groups), so the input reaches the loop. */
function literalPrefix(source: string): string {
  const match = /^\^?(?:\(\?:)?((?:[A-Za-z0-9 _:@<>'",;!%&/=-]|\\[.\-/:<>@()[\]])*)/.exec(source);
  return (match?.[1] ?? '').replace(/\\(.)/g, '$1');
}

/** Adversarial inputs of `size` characters for one pattern. */
export function inputsFor(regex: RegexLiteral, size: number): string[] {
  const prefix = literalPrefix(regex.source);
  const inputs: string[] = [];
  for (const ch of repeatedCharacters(regex.source)) {
    const run = ch.repeat(size - prefix.length - 1);
    inputs.push(`${prefix}${run}\u0000`);
  }
  // Alternating pairs catch overlapping alternatives such as (\s|\s*-)+.
  inputs.push(`${prefix}${' -'.repeat(size / 2)}`.slice(0, size - 1) + '\u0000');
  inputs.push(`${prefix}${'a.'.repeat(size / 2)}`.slice(0, size - 1) + '\u0000');
  inputs.push(`${prefix}${'\r\n '.repeat(size / 3)}`.slice(0, size - 1) + '\u0000');
  return inputs;
}

/** Milliseconds to run the pattern over the input the way the code does (all matches when global). */
export function timeRegex(regex: RegexLiteral, input: string): number {
  let re: RegExp;
  try {
    re = new RegExp(regex.source, regex.flags);
  } catch {
    return 0;
  }
  const started = performance.now();
  if (re.global || re.sticky) input.replace(re, '');
  else re.exec(input);
  return performance.now() - started;
}
