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
import { closeBlockComment, createStatementEnds, type StatementEnds } from './sql-statement-ends.js';
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
  parseSegment({ pg, file: sql, ends: createStatementEnds(sql), out: result }, sql, 1);
  return result;
}

/** Earlier `;` tried as the end of the parseable text before an error (a `;` may sit inside a string). */
const MAX_SPLIT_TRIES = 8;

/** One file being parsed: the parser, the whole text, where its statements end, and what was found. */
interface ParseContext {
  pg: LibPgQuery;
  file: string;
  ends: StatementEnds;
  out: SqlParseResult;
}

/**
 * Parses `text`, a part of the file starting at its 1-based `firstLine`, recovering around
 * errors. `quiet`: record nothing when the text does not parse (used for the text before an
 * error). INVARIANT: a part that is not quiet runs to the end of the file.
 */
function parseSegment(context: ParseContext, text: string, firstLine: number, quiet = false): boolean {
  const { pg, file, out } = context;
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
    out.errors.push({ message, line, statement: failingStatement(context, cursor === undefined ? undefined : offset + cursor, offset, stops) });
    if (stops) return false;
    // Statements end at `;`: parse what precedes the failing statement, then what follows it.
    let before = text.lastIndexOf(';', cursor - 1);
    for (let tries = 0; before > 0 && tries < MAX_SPLIT_TRIES; tries++) {
      if (parseSegment(context, text.slice(0, before + 1), firstLine, true)) break;
      before = text.lastIndexOf(';', before - 1);
    }
    const after = text.indexOf(';', cursor);
    if (after >= 0 && after + 1 < text.length) parseSegment(context, text.slice(after + 1), firstLine + countNewlines(text.slice(0, after + 1)));
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
 * The statement of the file the parser's cursor is in, from the end of the statement before it
 * (which may lie before the part being parsed: a `;` in a comment ends nothing) to the `;` after
 * the cursor, and the lines it spans. PostgreSQL's and MySQL's lexical rules may put that end in
 * different places (`\'` in a string, `#`): the nearer start gives `text`, the earlier `wider`.
 * Without a cursor, from the start of the part being parsed (`partStart`). `rest`: through the
 * end of the file, from no later than the part's start, when nothing after it will be parsed.
 */
function failingStatement(context: ParseContext, cursor: number | undefined, partStart: number, rest: boolean): NonNullable<SqlSyntaxError['statement']> {
  const { file, ends } = context;
  const starts = cursor === undefined ? [partStart] : [ends.lastBefore(cursor, 'postgresql') + 1, ends.lastBefore(cursor, 'mysql') + 1];
  if (rest) starts.push(partStart);
  const next = rest || cursor === undefined ? -1 : file.indexOf(';', cursor);
  const end = next < 0 ? file.length : next;
  const nearStart = rest ? Math.min(...starts) : Math.max(...starts);
  const near = skipSpaceAndComments(file, nearStart, cursor ?? end);
  const line = 1 + countNewlines(file.slice(0, near));
  const text = file.slice(near, end);
  const statement = { text, line, endLine: line + countNewlines(text), ...(rest ? { rest } : {}) };
  if (Math.min(...starts) === nearStart) return statement;
  // The other reading's comments may hold the cursor itself (a MySQL `#` line PostgreSQL stopped at).
  const far = skipSpaceAndComments(file, Math.min(...starts), end);
  return { ...statement, wider: { text: file.slice(far, end), line: 1 + countNewlines(file.slice(0, far)) } };
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
      // PostgreSQL's block comments nest: the first `*/` may close only an inner one.
      at = closeBlockComment(text, at, true);
    } else break;
  }
  return Math.min(at, limit);
}
