/**
 * @module The embedded SQLite adapter (better-sqlite3, WAL): zero set-up, one file per repository.
 */
import type Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSqlStore } from '../sql/sql-store.js';
import type { AuditSettings } from '../sql/audit-scripts.js';
import type { Dialect, Query, Script, SqlDriver } from '../sql/sql-script.js';
import type { Store } from '../store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  payloadListsSystem: (column) => `EXISTS (SELECT 1 FROM json_each(${column}, '$.systems') WHERE value = ?)`,
  tableExistsSql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
  // INVARIANT: equals hashedText() of core/audit/verify-chain.ts. SQLite's json_quote() escapes
  // every well-formed string exactly as JSON.stringify does (a test checks all of the BMP), and
  // appends refuse strings that are not well-formed.
  hashedTextSql:
    'prev_hash || \'{"actor":\' || json_quote(actor) || \',"at":\' || json_quote(at) || \',"payload":\' || payload || \',"seq":\' || seq || \',"subject":\' || json_quote(subject) || \',"type":\' || json_quote(type) || \'}\'',
};

/** How long a writer waits for another process's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 30_000;
const STATEMENT_CACHE_LIMIT = 256;

/** Opens (creating and migrating when needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string, settings: AuditSettings): Promise<Store> {
  await mkdir(dirname(path), { recursive: true });
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const db = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before `append` returns (WAL's NORMAL could lose the last commits on power loss).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return await createSqlStore(createSqliteDriver(db), { kind: 'sqlite', location: path, migrations: SQLITE_MIGRATIONS, settings });
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs scripts synchronously on one connection; writes inside `BEGIN IMMEDIATE`. */
export function createSqliteDriver(db: Database.Database): SqlDriver {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string, raw: boolean): Database.Statement => {
    const key = raw ? `raw:${sql}` : sql;
    let statement = statements.get(key);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = db.prepare(sql);
      if (raw) statement.raw(true);
      statements.set(key, statement);
    }
    return statement;
  };
  const answer = (query: Query): unknown => {
    switch (query.mode) {
      case 'exec':
        return void db.exec(query.sql);
      case 'run':
        return prepare(query.sql, false).run(...query.params).changes;
      default:
        return prepare(query.sql, query.mode === 'arrays').all(...query.params);
    }
  };
  const runScript = <T>(script: Script<T>): T => {
    let step = script.next();
    try {
      while (!step.done) step = script.next(answer(step.value));
      return step.value;
    } finally {
      if (!step.done) script.return(undefined as T);
    }
  };
  // Made once: wrapping a function in a transaction costs about as much as a point query.
  const inTransaction = db.transaction((script: Script<unknown>) => runScript(script));
  return {
    dialect: SQLITE_DIALECT,
    // A deferred transaction gives multi-query reads one snapshot; WAL lets them run beside writers.
    read: async <T>(script: Script<T>) => inTransaction(script) as T,
    // INVARIANT: BEGIN IMMEDIATE takes SQLite's write lock before the script reads the chain head.
    write: async <T>(script: Script<T>) => inTransaction.immediate(script) as T,
    close: async () => {
      db.close();
    },
  };
}
