/**
 * @module The SQL inside a `DO $$ … $$` block, which runs when the migration runs.
 *
 * The body is parsed with libpg-query's PL/pgSQL parser (wrapped as a function, the only form it
 * accepts); every embedded SQL statement is parsed again as SQL. `EXECUTE` of a computed string
 * cannot be known statically and is reported as `dynamic`.
 */
import type { Node } from 'libpg-query';
import { countNewlines, readParserError, type SqlStatement } from './sql-text.js';

type LibPgQuery = typeof import('libpg-query');

/** Statements inside a `DO` block whose statement text starts at 1-based `line` of the file. */
export function expandDoBlock(pg: LibPgQuery, node: Node, statementText: string, line: number): SqlStatement[] {
  const args = 'DoStmt' in node ? (node.DoStmt.args ?? []) : [];
  let body: string | undefined;
  let language = 'plpgsql';
  for (const arg of args) {
    if (!('DefElem' in arg)) continue;
    const value = arg.DefElem.arg && 'String' in arg.DefElem.arg ? arg.DefElem.arg.String.sval : undefined;
    if (arg.DefElem.defname === 'as') body = value;
    if (arg.DefElem.defname === 'language' && value) language = value.toLowerCase();
  }
  const endLine = line + countNewlines(statementText);
  if (body === undefined) return [{ kind: 'opaque', line, endLine, reason: 'no body found' }];
  if (language !== 'plpgsql') return [{ kind: 'opaque', line, endLine, reason: `language \`${language}\` is not analysed` }];
  const bodyAt = statementText.indexOf(body);
  const firstBodyLine = line + (bodyAt >= 0 ? countNewlines(statementText.slice(0, bodyAt)) : 0);
  let tag = 'tollgate';
  while (body.includes(`$${tag}$`)) tag += '_';
  const wrapped = `CREATE FUNCTION tollgate_do_block() RETURNS void LANGUAGE plpgsql AS $${tag}$${body}$${tag}$;`;
  let tree: unknown;
  try {
    tree = pg.parsePlPgSQLSync(wrapped);
  } catch (error) {
    return [{ kind: 'opaque', line, endLine, reason: readParserError(error).message }];
  }
  const found: SqlStatement[] = [];
  walkPlpgsql(tree, (kind, query, lineno) => {
    // PL/pgSQL line numbers count from the start of the body string.
    const at = firstBodyLine + Math.max(0, lineno - 1);
    if (kind === 'dynamic') {
      found.push({ kind: 'dynamic', line: at, endLine: at });
      return;
    }
    try {
      for (const inner of pg.parseSync(query).stmts ?? []) {
        // Each PL/pgSQL SQL statement holds exactly one SQL statement, so its text is the query.
        if (inner.stmt) found.push({ kind: 'statement', node: inner.stmt, text: query, line: at, endLine: at + countNewlines(query), inDoBlock: true, block: { line, endLine } });
      }
    } catch (error) {
      found.push({ kind: 'opaque', line: at, endLine: at, reason: readParserError(error).message });
    }
  });
  return found;
}

/**
 * Visits every SQL statement in a PL/pgSQL tree and every dynamic `EXECUTE`. SQL statements are the
 * expressions parsed as whole statements (`parseMode` 0): plain ones (`PLpgSQL_stmt_execsql`) and
 * those a loop, `PERFORM`, `RETURN QUERY` or a cursor runs (`FOR r IN DELETE … RETURNING … LOOP`).
 */
function walkPlpgsql(value: unknown, visit: (kind: 'sql' | 'dynamic', query: string, lineno: number) => void, lineno = 1): void {
  if (Array.isArray(value)) {
    for (const item of value) walkPlpgsql(item, visit, lineno);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const line = typeof record['lineno'] === 'number' ? (record['lineno'] as number) : lineno;
  const expr = record['PLpgSQL_expr'] as { query?: string; parseMode?: number } | undefined;
  if (expr?.query !== undefined && (expr.parseMode ?? 0) === 0) visit('sql', expr.query, line);
  if (record['PLpgSQL_stmt_dynexecute'] !== undefined) visit('dynamic', '', (record['PLpgSQL_stmt_dynexecute'] as { lineno?: number }).lineno ?? line);
  for (const child of Object.values(record)) walkPlpgsql(child, visit, line);
}
