/**
 * @module The fast lexer's tokens: words (with their quoting), operators, redirects and heredocs,
 * read with character codes so a 100 KB command costs milliseconds.
 */
import type { WordPart } from './shell-syntax.js';

const REDIRECT_OPERATORS = ['&>>', '&>', '>>', '>&', '<&', '>', '<'];

// Characters by code that stand for themselves in a word: letters, digits and `_-./=:,@%+^*?~`.
const SAFE = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./=:,@%+^*?~') SAFE[char.charCodeAt(0)] = 1;
const isSafe = (code: number): boolean => code < 128 && SAFE[code] === 1;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

export type Token =
  | { kind: 'word'; parts: WordPart[]; unquotedPrefix: string; start: number; end: number }
  | { kind: 'operator'; op: '&&' | '||' | ';' | '&' | '|' | '\n'; start: number }
  | { kind: 'redirect'; op: string; descriptor?: number; start: number }
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; body?: string; start: number };

/** Splits a plain command into tokens, or returns undefined at the first thing the fast path does not read. */
export function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  const heredocs: Array<Extract<Token, { kind: 'heredoc' }>> = [];
  let i = 0;
  const length = source.length;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === 32 || code === 9) {
      i += 1;
      continue;
    }
    const start = i;
    const next = i + 1 < length ? source.charCodeAt(i + 1) : -1;
    if (code === 35 /* # */) {
      // A comment runs to the end of the line (only where a word could start, as here).
      const newline = source.indexOf('\n', i);
      i = newline < 0 ? length : newline;
      continue;
    }
    if (code === 10) {
      tokens.push({ kind: 'operator', op: '\n', start });
      i += 1;
      if (heredocs.length > 0) {
        const after = readHeredocBodies(source, i, heredocs);
        if (after === undefined) return undefined;
        i = after;
        heredocs.length = 0;
      }
      continue;
    }
    if (code === 38 /* & */ || code === 124 /* | */) {
      if (next === code) {
        tokens.push({ kind: 'operator', op: code === 38 ? '&&' : '||', start });
        i += 2;
        continue;
      }
      if (code === 124 && next === 38) return undefined; // |&
      if (code === 38 && next === 62) {
        const redirect = readRedirect(source, i);
        if (!redirect) return undefined;
        tokens.push({ kind: 'redirect', op: redirect.op, start });
        i = redirect.end;
        continue;
      }
      tokens.push({ kind: 'operator', op: code === 38 ? '&' : '|', start });
      i += 1;
      continue;
    }
    if (code === 59 /* ; */) {
      if (next === 59) return undefined; // ;;
      tokens.push({ kind: 'operator', op: ';', start });
      i += 1;
      continue;
    }
    if (code === 60 /* < */ && next === 60) {
      const heredoc = readHeredocStart(source, i);
      if (!heredoc || heredocs.length > 0) return undefined;
      tokens.push(heredoc.token);
      heredocs.push(heredoc.token);
      i = heredoc.end;
      continue;
    }
    if (code === 60 || code === 62 || isDigit(code)) {
      const redirect = readRedirect(source, i);
      if (redirect) {
        tokens.push({ kind: 'redirect', op: redirect.op, start, ...(redirect.descriptor !== undefined ? { descriptor: redirect.descriptor } : {}) });
        i = redirect.end;
        continue;
      }
      if (!isDigit(code)) return undefined;
    }
    const word = readWord(source, i);
    if (!word) return undefined;
    tokens.push({ kind: 'word', parts: word.parts, unquotedPrefix: word.unquotedPrefix, start, end: word.end });
    i = word.end;
  }
  // Heredocs whose bodies never came (no newline after them) are left to the full parser.
  return heredocs.length > 0 ? undefined : tokens;
}

function readRedirect(source: string, at: number): { op: string; descriptor?: number; end: number } | undefined {
  let i = at;
  while (i < source.length && isDigit(source.charCodeAt(i))) i += 1;
  const digits = source.slice(at, i);
  const op = REDIRECT_OPERATORS.find((candidate) => source.startsWith(candidate, i));
  if (!op || (digits && op.startsWith('&'))) return undefined;
  const after = source.charCodeAt(i + op.length);
  if (after === 124 /* >| */ || after === 40 /* >( */ || (op === '<' && after === 62) /* <> */) return undefined;
  // A redirect glued to the end of a word (`a>b`) is left to the full parser.
  if (at > 0 && isSafe(source.charCodeAt(at - 1))) return undefined;
  return { op, ...(digits ? { descriptor: Number(digits) } : {}), end: i + op.length };
}

function readHeredocStart(source: string, at: number): { token: Extract<Token, { kind: 'heredoc' }>; end: number } | undefined {
  let i = at + 2;
  const follower = source.charCodeAt(i);
  if (follower === 45 /* <<- */ || follower === 60 /* <<< */) return undefined;
  while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i += 1;
  const quote = source.charCodeAt(i);
  let delimiter: string;
  let quoted = false;
  if (quote === 39 || quote === 34) {
    const close = source.indexOf(String.fromCharCode(quote), i + 1);
    if (close < 0) return undefined;
    delimiter = source.slice(i + 1, close);
    quoted = true;
    i = close + 1;
  } else {
    const begin = i;
    while (i < source.length && isSafe(source.charCodeAt(i))) i += 1;
    delimiter = source.slice(begin, i);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(delimiter)) return undefined;
  const after = source.charCodeAt(i);
  if (i < source.length && after !== 32 && after !== 9 && after !== 10 && after !== 59 && after !== 38 && after !== 124 && after !== 62) return undefined;
  return { token: { kind: 'heredoc', delimiter, quoted, start: at }, end: i };
}

/** Reads the bodies of pending heredocs from `at` (the start of the next line); returns where reading resumes. */
function readHeredocBodies(source: string, at: number, heredocs: Array<Extract<Token, { kind: 'heredoc' }>>): number | undefined {
  let i = at;
  for (const heredoc of heredocs) {
    let body = '';
    for (;;) {
      if (i >= source.length) return undefined;
      const newline = source.indexOf('\n', i);
      const line = source.slice(i, newline < 0 ? source.length : newline);
      i = newline < 0 ? source.length : newline + 1;
      if (line === heredoc.delimiter) break;
      body += `${line}\n`;
    }
    // An unquoted delimiter lets the body expand `$…`, backticks and backslashes: not plain.
    if (!heredoc.quoted && /[$`\\]/.test(body)) return undefined;
    heredoc.body = body;
  }
  return i;
}

function readWord(source: string, at: number): { parts: WordPart[]; unquotedPrefix: string; end: number } | undefined {
  const parts: WordPart[] = [];
  let unquotedPrefix = '';
  let prefixOpen = true;
  let i = at;
  const length = source.length;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === 39 /* ' */) {
      const close = source.indexOf("'", i + 1);
      if (close < 0 || !printable(source, i + 1, close)) return undefined;
      parts.push({ kind: 'text', text: source.slice(i + 1, close), quoted: true });
      prefixOpen = false;
      i = close + 1;
      continue;
    }
    if (code === 34 /* " */) {
      const end = readDoubleQuoted(source, i, parts);
      if (end === undefined) return undefined;
      prefixOpen = false;
      i = end;
      continue;
    }
    if (code === 36 /* $ */) {
      const variable = readVariable(source, i);
      if (!variable) return undefined;
      parts.push({ kind: 'variable', name: variable.name });
      prefixOpen = false;
      i = variable.end;
      continue;
    }
    if (code === 92 /* \ */) {
      const escaped = source.charCodeAt(i + 1);
      // `\<newline>` continues the line and a non-ASCII escape needs normalising: both for the full parser.
      if (Number.isNaN(escaped) || escaped === 10 || escaped > 126 || escaped < 32) return undefined;
      parts.push({ kind: 'text', text: source[i + 1] as string, quoted: true });
      prefixOpen = false;
      i += 2;
      continue;
    }
    if (!isSafe(code)) break;
    let end = i + 1;
    while (end < length && isSafe(source.charCodeAt(end))) end += 1;
    const text = source.slice(i, end);
    parts.push({ kind: 'text', text, quoted: false });
    if (prefixOpen) unquotedPrefix += text;
    i = end;
  }
  if (i === at) return undefined;
  if (i < length) {
    const next = source.charCodeAt(i);
    // The word must end at a blank or an operator we read; `<`/`>` right after it is left to the full parser.
    if (next !== 32 && next !== 9 && next !== 10 && next !== 38 && next !== 124 && next !== 59) return undefined;
  }
  return { parts, unquotedPrefix, end: i };
}

/** Reads `"…"` with plain `$NAME` variables inside; undefined for `$( )`, backticks, escapes or `!`. */
function readDoubleQuoted(source: string, at: number, parts: WordPart[]): number | undefined {
  parts.push({ kind: 'text', text: '', quoted: true });
  let i = at + 1;
  let textStart = i;
  for (;;) {
    if (i >= source.length) return undefined;
    const code = source.charCodeAt(i);
    if (code === 34 || code === 36) {
      if (i > textStart) parts.push({ kind: 'text', text: source.slice(textStart, i), quoted: true });
      if (code === 34) return i + 1;
      const variable = readVariable(source, i);
      if (!variable) return undefined;
      parts.push({ kind: 'variable', name: variable.name });
      i = variable.end;
      textStart = i;
      continue;
    }
    if (code > 126 || (code < 32 && code !== 9 && code !== 10) || code === 92 || code === 96 || code === 33) return undefined;
    i += 1;
  }
}

/** `$NAME` or `${NAME}`; anything else after `$` is left to the full parser. */
function readVariable(source: string, at: number): { name: string; end: number } | undefined {
  const braced = source.charCodeAt(at + 1) === 123;
  const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(at + (braced ? 2 : 1), at + 200));
  if (!match) return undefined;
  const end = at + (braced ? 2 : 1) + match[0].length;
  if (braced) return source.charCodeAt(end) === 125 ? { name: match[0], end: end + 1 } : undefined;
  return { name: match[0], end };
}

function printable(source: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const code = source.charCodeAt(j);
    if (code > 126 || (code < 32 && code !== 9 && code !== 10)) return false;
  }
  return true;
}
