/**
 * @module Versioned schema migrations, applied in order under the store's write lock.
 */
import { all, exec, first, run, type Dialect, type Script } from './sql-script.js';

export interface Migration {
  version: number;
  name: string;
  /** Parameterless DDL statements. */
  sql: string;
}

/** The highest applied version, 0 for a fresh database. A read: no lock, no transaction needed. */
export function* readSchemaVersion(dialect: Dialect): Script<number> {
  const table = yield* first<{ name: string }>(dialect.tableExistsSql, ['schema_migrations']);
  return table ? yield* appliedVersion() : 0;
}

/**
 * Applies the migrations the database lacks; returns the resulting version. Must run inside
 * `SqlDriver.write`, so two processes starting at once migrate one after the other. Refuses a
 * database migrated by a newer Tollgate rather than guessing at a schema it does not know.
 */
export function* migrate(migrations: readonly Migration[], at: string): Script<number> {
  yield* exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((yield* all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) throw new Error(`the store has schema version ${newest} but this tollgate knows up to ${known}: upgrade tollgate`);
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    yield* exec(migration.sql);
    yield* run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, at]);
  }
  return Math.max(newest, known);
}

/** The applied version; needs the `schema_migrations` table to exist (call after {@link migrate}). */
export function* appliedVersion(): Script<number> {
  const row = yield* first<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return Number(row?.version ?? 0);
}
