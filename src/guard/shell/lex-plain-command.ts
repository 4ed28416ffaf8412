/**
 * @module A fast reader for plain commands, so the common case needs no WebAssembly parser.
 *
 * It accepts only text where bash's reading is beyond doubt: words of safe characters, `*`, `?`,
 * `~`, backslash escapes, plain `$NAME`/`${NAME}` variables and quotes, joined by `&&`, `||`, `;`,
 * `&`, `|` and newlines, with comments, trailing redirects and heredocs whose bodies expand nothing.
 * Anything else (`$( )`, backticks, `${x:-y}`, `$1`, braces, brackets, parentheses, reserved words,
 * `export`/`declare`/`local`, non-ASCII, `<<-`) returns undefined and the full parser takes over. The result has the shape the
 * tree walker produces, and tests hold the two to the same answers.
 */
import { makeWord } from './decode-word.js';
import { type Token, tokenize } from './lex-plain-tokens.js';
import type { ShellAssignment, ShellRedirect, ShellScript, SimpleCommand, WordPart } from './shell-syntax.js';

const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done',
  'in', 'function', 'time', 'coproc', '[[', ']]', '{', '}', '!',
]);
// `export NAME=…` and friends (and `unset`) set variables for later commands (`GIT_SSH_COMMAND`, `AWS_PROFILE`): the
// tree walker reads them as assignments, so the lexer leaves them to it.
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'readonly', 'local', 'unset']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Reads a plain command line (or a few), or returns undefined when it needs the full parser. */
export function lexPlainCommand(source: string): ShellScript | undefined {
  const tokens = tokenize(source);
  return tokens ? assemble(tokens, source) : undefined;
}

function assemble(tokens: Token[], source: string): ShellScript | undefined {
  const script: ShellScript = { commands: [], assignments: [], problems: [] };
  let current: { command: SimpleCommand; start: number; end: number } | undefined;
  let previousStage: SimpleCommand | undefined;
  let pendingPipe = false;
  // After `&&`, `||` or `|` a command must follow.
  let needsCommand = false;

  const finish = (): boolean => {
    if (!current) return !pendingPipe;
    const { command } = current;
    if (command.words.length === 0) {
      if (command.redirects.length > 0 || command.stdin || pendingPipe) return false;
      script.assignments.push(...command.assignments);
    } else {
      command.text = source.slice(current.start, current.end);
      if (pendingPipe && previousStage && !command.stdin) command.stdin = { kind: 'pipe', from: [previousStage] };
      script.commands.push(command);
    }
    previousStage = command;
    current = undefined;
    pendingPipe = false;
    return true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'operator') {
      if (token.op === '\n') {
        if (needsCommand || (current && !finish())) return undefined;
        previousStage = undefined;
        continue;
      }
      if (!current || !finish()) return undefined;
      if (token.op === '|') pendingPipe = true;
      needsCommand = token.op === '|' || token.op === '&&' || token.op === '||';
      continue;
    }
    needsCommand = false;
    current ??= { command: { words: [], assignments: [], redirects: [], text: '' }, start: token.start, end: token.start };
    const { command } = current;
    if (token.kind === 'heredoc') {
      if (token.body === undefined || command.stdin) return undefined;
      command.stdin = { kind: 'heredoc', body: token.body, expands: !token.quoted };
      continue;
    }
    if (token.kind === 'redirect') {
      const target = tokens[i + 1];
      if (target?.kind !== 'word') return undefined;
      const redirect: ShellRedirect = { operator: token.op, target: makeWord(target.parts) };
      if (token.descriptor !== undefined) redirect.descriptor = token.descriptor;
      command.redirects.push(redirect);
      current.end = target.end;
      i += 1;
      continue;
    }
    current.end = token.end;
    if (command.words.length === 0 && ASSIGNMENT.test(token.unquotedPrefix)) {
      command.assignments.push(assignmentOf(token.parts));
      continue;
    }
    if (command.words.length === 0 && token.parts.length === 1 && (RESERVED.has(token.unquotedPrefix) || DECLARATIONS.has(token.unquotedPrefix))) return undefined;
    // A word after a redirect or heredoc would be read by bash as an argument but by tree-sitter as
    // a second destination; keep the fast path out of that corner.
    if (command.redirects.length > 0 || command.stdin) return undefined;
    command.words.push(makeWord(token.parts));
  }
  if (needsCommand || !finish()) return undefined;
  return script;
}

function assignmentOf(parts: WordPart[]): ShellAssignment {
  const first = parts[0] as Extract<WordPart, { kind: 'text' }>;
  const equals = first.text.indexOf('=');
  const rest: WordPart[] = [{ kind: 'text', text: first.text.slice(equals + 1), quoted: false }, ...parts.slice(1)];
  return { name: first.text.slice(0, equals), value: makeWord(rest) };
}

