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
  parseSegment(pg, sql, 1, result);
  return result;
}

/** Earlier `;` tried as the end of the parseable text before an error (a `;` may sit inside a string). */
const MAX_SPLIT_TRIES = 8;

/**
 * Parses `text` (starting at 1-based `firstLine` of the file) into `out`, recovering around errors.
 * `quiet`: record nothing when the text does not parse (used for the text before an error).
 */
function parseSegment(pg: LibPgQuery, text: string, firstLine: number, out: SqlParseResult, quiet = false): boolean {
  let parsed: ParseResult;
  try {
    parsed = pg.parseSync(text);
  } catch (error) {
    if (quiet) return false;
    const { message, cursor } = readParserError(error);
    const line = firstLine + (cursor === undefined ? 0 : countNewlines(text.slice(0, cursor)));
    out.errors.push({ message, line, ...(cursor === undefined ? {} : { statement: failingStatement(text, cursor, firstLine) }) });
    if (cursor === undefined || out.errors.length >= MAX_ERRORS) return false;
    // Statements end at `;`: parse what precedes the failing statement, then what follows it.
    let before = text.lastIndexOf(';', cursor - 1);
    for (let tries = 0; before > 0 && tries < MAX_SPLIT_TRIES; tries++) {
      if (parseSegment(pg, text.slice(0, before + 1), firstLine, out, true)) break;
      before = text.lastIndexOf(';', before - 1);
    }
    const after = text.indexOf(';', cursor);
    if (after >= 0 && after + 1 < text.length) parseSegment(pg, text.slice(after + 1), firstLine + countNewlines(text.slice(0, after + 1)), out);
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

/** The text between the `;` before the parser's cursor and the `;` after it, and the lines it spans. */
function failingStatement(text: string, cursor: number, firstLine: number): NonNullable<SqlSyntaxError['statement']> {
  const start = skipSpaceAndComments(text, text.lastIndexOf(';', cursor - 1) + 1, cursor);
  const next = text.indexOf(';', cursor);
  const end = next < 0 ? text.length : next;
  const line = firstLine + countNewlines(text.slice(0, start));
  return { text: text.slice(start, end), line, endLine: line + countNewlines(text.slice(start, end)) };
}

/** Where the first word after `from` starts: blanks, line comments and block comments skipped, never past `limit`. */
function skipSpaceAndComments(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    if (/\s/.test(text[at]!)) at++;
    else if (text.startsWith('--', at)) {
      const newline = text.indexOf('\n', at);
      at = newline < 0 ? limit : newline + 1;
    } else if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? limit : close + 2;
    } else break;
  }
  return Math.min(at, limit);
}
