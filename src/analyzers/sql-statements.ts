/**
 * @module SQL files split into statements with the real PostgreSQL grammar (libpg-query, WebAssembly).
 *
 * Each statement comes with the lines it spans, so a rule can look only at statements a change
 * added. Statements inside `DO` blocks are included (see `sql-do-block.ts`). A syntax error does
 * not hide the rest of the file: the text before the failing statement and after it is parsed on
 * its own, so a stray error cannot smuggle a `DROP TABLE` past the rules.
 */
import type { ParseResult } from 'libpg-query';
import { expandDoBlock } from './sql-do-block.js';
import { ByteLines, countNewlines, readParserError, type SqlStatement, type SqlSyntaxError } from './sql-text.js';

export type { SqlStatement, SqlSyntaxError } from './sql-text.js';

/** Every statement that parsed, and every syntax error met (empty when the file is valid). */
export interface SqlParseResult {
  statements: SqlStatement[];
  errors: SqlSyntaxError[];
}

/** Syntax errors recovered from per file before the rest is left unparsed (each costs a re-parse). */
const MAX_ERRORS = 20;

type LibPgQuery = typeof import('libpg-query');
let loading: Promise<LibPgQuery> | undefined;

/** Loads the parser's WebAssembly once per process. */
function loadParser(): Promise<LibPgQuery> {
  loading ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    return module;
  });
  return loading;
}

/**
 * Parses a whole SQL file. Never throws for bad SQL: syntax errors come back in `errors`, with the
 * statements that could be parsed around them.
 *
 * @example (await parseSqlStatements('SELECT 1;\nDROP TABLE users;')).statements[1]?.line // => 2
 */
export async function parseSqlStatements(sql: string): Promise<SqlParseResult> {
  const pg = await loadParser();
  const result: SqlParseResult = { statements: [], errors: [] };
  parseSegment(pg, sql, sql, 1, result);
  return result;
}

/** Earlier `;` tried as the end of the parseable text before an error (a `;` may sit inside a string). */
const MAX_SPLIT_TRIES = 8;

/**
 * Parses `text`, a part of `file` starting at its 1-based `firstLine`, into `out`, recovering
 * around errors. `quiet`: record nothing when the text does not parse (used for the text before an
 * error). INVARIANT: a part that is not quiet runs to the end of the file.
 */
function parseSegment(pg: LibPgQuery, file: string, text: string, firstLine: number, out: SqlParseResult, quiet = false): boolean {
  let parsed: ParseResult;
  try {
    parsed = pg.parseSync(text);
  } catch (error) {
    if (quiet) return false;
    const { message, cursor } = readParserError(error);
    const line = firstLine + (cursor === undefined ? 0 : countNewlines(text.slice(0, cursor)));
    // Where parsing stops for good, the rest of the text is left to be read by its words.
    const stops = cursor === undefined || out.errors.length + 1 >= MAX_ERRORS;
    const offset = file.length - text.length;
    out.errors.push({ message, line, statement: failingStatement(file, cursor === undefined ? undefined : offset + cursor, offset, stops) });
    if (stops) return false;
    // Statements end at `;`: parse what precedes the failing statement, then what follows it.
    let before = text.lastIndexOf(';', cursor - 1);
    for (let tries = 0; before > 0 && tries < MAX_SPLIT_TRIES; tries++) {
      if (parseSegment(pg, file, text.slice(0, before + 1), firstLine, out, true)) break;
      before = text.lastIndexOf(';', before - 1);
    }
    const after = text.indexOf(';', cursor);
    if (after >= 0 && after + 1 < text.length) parseSegment(pg, file, text.slice(after + 1), firstLine + countNewlines(text.slice(0, after + 1)), out);
    return false;
  }
  const lines = new ByteLines(text);
  for (const raw of parsed.stmts ?? []) {
    if (!raw.stmt) continue;
    const start = raw.stmt_location ?? 0;
    // INVARIANT: libpg-query reports statement locations in UTF-8 bytes; `stmt_len` 0 means "to the end".
    const end = raw.stmt_len ? start + raw.stmt_len : lines.byteLength;
    const line = firstLine - 1 + lines.lineAt(start);
    // The span ends at the statement's `;` (libpg-query leaves it out), so an edit to the line
    // holding only the `;` still belongs to the statement.
    const endLine = firstLine - 1 + lines.lineAt(lines.terminatorAt(end) ?? Math.max(start, end - 1));
    const statementText = lines.slice(start, end);
    out.statements.push({ kind: 'statement', node: raw.stmt, text: statementText, line, endLine, inDoBlock: false });
    if ('DoStmt' in raw.stmt) out.statements.push(...expandDoBlock(pg, raw.stmt, statementText, line));
  }
  return true;
}

/**
 * The statement of `file` the parser's cursor is in, from the end of the statement before it
 * (which may lie before the part being parsed: a `;` in a comment is not an end) to the `;` after
 * the cursor, and the lines it spans. Without a cursor, from the start of the part being parsed
 * (`partStart`). `rest`: through the end of the file instead, when nothing after it will be
 * parsed (too many errors, or no cursor to recover at).
 */
function failingStatement(file: string, cursor: number | undefined, partStart: number, rest: boolean): NonNullable<SqlSyntaxError['statement']> {
  const from = cursor === undefined ? partStart : statementStart(file, cursor);
  const start = skipSpaceAndComments(file, from, cursor ?? file.length);
  const next = rest || cursor === undefined ? -1 : file.indexOf(';', cursor);
  const end = next < 0 ? file.length : next;
  const line = 1 + countNewlines(file.slice(0, start));
  return { text: file.slice(start, end), line, endLine: line + countNewlines(file.slice(start, end)), ...(rest ? { rest } : {}) };
}

/**
 * Where the statement holding `cursor` starts: after the last `;` before it that ends a statement,
 * not one inside a comment, a string or a quoted name. Dialects disagree on `#` (a comment in
 * MySQL) and on `\'` in strings: the earlier of the two readings is taken, since reading too much
 * of the text before a statement loses nothing (its words are split into statements again).
 */
function statementStart(text: string, cursor: number): number {
  return Math.min(lastStatementEnd(text, cursor, false), lastStatementEnd(text, cursor, true)) + 1;
}

/** The offset of the last statement-ending `;` before `cursor` (-1 when none), under PostgreSQL's lexical rules or MySQL's. */
function lastStatementEnd(text: string, cursor: number, mysql: boolean): number {
  let last = -1;
  for (let at = 0; at < cursor; ) {
    const char = text[at]!;
    const skipTo = (end: number, length: number): number => (end < 0 ? cursor : end + length);
    if (char === ';') {
      last = at;
      at++;
    } else if (text.startsWith('--', at) || (mysql && char === '#')) {
      at = skipTo(text.indexOf('\n', at), 1);
    } else if (text.startsWith('/*', at)) {
      at = skipTo(text.indexOf('*/', at + 2), 2);
    } else if (char === "'" || char === '"' || char === '`') {
      at = closeQuote(text, at, mysql && char !== '`');
    } else if (char === '$') {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(text.slice(at, at + 64))?.[0];
      at = tag ? skipTo(text.indexOf(tag, at + tag.length), tag.length) : at + 1;
    } else {
      at++;
    }
  }
  return last;
}

/** Just past the quote that closes the one at `start` (doubled quotes, and backslashes where allowed, escape). */
function closeQuote(text: string, start: number, backslashEscapes: boolean): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    if (backslashEscapes && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (text[at + 1] !== quote) return at + 1;
      at++;
    }
  }
  return text.length;
}

/** Where the first word after `from` starts: blanks, line comments (`--`, `#`) and block comments skipped, never past `limit`. */
function skipSpaceAndComments(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    if (/\s/.test(text[at]!)) at++;
    // `#` starts a comment in MySQL; in PostgreSQL it is an operator, which never starts a statement.
    else if (text.startsWith('--', at) || text[at] === '#') {
      const newline = text.indexOf('\n', at);
      at = newline < 0 ? limit : newline + 1;
    } else if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? limit : close + 2;
    } else break;
  }
  return Math.min(at, limit);
}
