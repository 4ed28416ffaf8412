/**
 * @module Looks into an awk program for the commands it hands to a shell: `system("…")`,
 * `print … | "cmd"`, `print … |& "cmd"` and `"cmd" | getline`.
 *
 * awk runs each of those strings with `sh -c`, so a literal string is shell to read and anything
 * built at run time (a variable, a concatenation) means the guard cannot tell what runs.
 */
import type { InlineCodeReading } from './read-inline-code.js';

type AwkToken = { kind: 'string'; text: string } | { kind: 'word'; text: string } | { kind: 'op'; text: string };

/** Reads an awk program; pure. */
export function readAwkProgram(program: string): InlineCodeReading {
  const reading: InlineCodeReading = { shellTexts: [], removedPaths: [] };
  const tokens = tokenizeAwk(program);
  const computed = (what: string): void => {
    reading.uncertain = `the awk program ${what} a command built at run time`;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as AwkToken;
    if (token.kind === 'word' && token.text === 'system' && isOp(tokens[i + 1], '(')) {
      const argument = tokens[i + 2];
      if (argument?.kind === 'string' && isOp(tokens[i + 3], ')')) reading.shellTexts.push(argument.text);
      else computed('passes `system()`');
      continue;
    }
    if (!isOp(token, '|') && !isOp(token, '|&')) continue;
    const next = tokens[i + 1];
    if (next?.kind === 'word' && next.text === 'getline') {
      // `"cmd" | getline`: the command is what stands right before the pipe, alone.
      const source = tokens[i - 1];
      if (source?.kind === 'string' && !isOperand(tokens[i - 2])) reading.shellTexts.push(source.text);
      else computed('reads from');
      continue;
    }
    // `print … | "cmd"`: the command is what follows the pipe, alone.
    if (next?.kind === 'string' && !isOperand(tokens[i + 2]) && !isOp(tokens[i + 2], '(')) reading.shellTexts.push(next.text);
    else computed('pipes output to');
  }
  return reading;
}

function isOp(token: AwkToken | undefined, text: string): boolean {
  return token?.kind === 'op' && token.text === text;
}

/** A token that can stand next to a string and concatenate with it. */
function isOperand(token: AwkToken | undefined): boolean {
  return token !== undefined && (token.kind !== 'op' || token.text === ')' || token.text === ']' || token.text === '$');
}

/** Strings (decoded), regex literals (dropped), comments (dropped), words and operators. */
function tokenizeAwk(program: string): AwkToken[] {
  const tokens: AwkToken[] = [];
  let i = 0;
  while (i < program.length) {
    const char = program[i] as string;
    if (/\s/.test(char) || (char === '\\' && program[i + 1] === '\n')) {
      i += char === '\\' ? 2 : 1;
      continue;
    }
    if (char === '#') {
      while (i < program.length && program[i] !== '\n') i++;
      continue;
    }
    if (char === '"') {
      let text = '';
      i++;
      while (i < program.length && program[i] !== '"') {
        if (program[i] === '\\' && i + 1 < program.length) {
          const escaped = program[i + 1] as string;
          text += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[escaped] ?? escaped;
          i += 2;
        } else text += program[i++];
      }
      i++;
      tokens.push({ kind: 'string', text });
      continue;
    }
    // A slash where an operand is expected opens a regex literal (`/a|b/` holds no pipe).
    if (char === '/' && !isOperand(tokens[tokens.length - 1])) {
      i++;
      while (i < program.length && program[i] !== '/' && program[i] !== '\n') i += program[i] === '\\' ? 2 : 1;
      i++;
      tokens.push({ kind: 'word', text: '/regex/' });
      continue;
    }
    const word = /^[A-Za-z_0-9.]+/.exec(program.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const op = /^(\|\||\|&|&&|[^\s])/.exec(program.slice(i))?.[0] ?? char;
    tokens.push({ kind: 'op', text: op });
    i += op.length;
  }
  return tokens;
}
