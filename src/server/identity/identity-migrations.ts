/**
 * @module Versioned schema of the identity tables, the same SQL for SQLite and PostgreSQL.
 *
 * INVARIANT: migrations are append-only. A released version is never edited; a change of schema
 * is a new version. `identity_migrations` records which versions a database has.
 */

export interface IdentityMigration {
  version: number;
  description: string;
  /** Statements run in order inside one transaction. */
  statements: string[];
}

export const MIGRATIONS_TABLE = 'identity_migrations';

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Every version, in order. Times are ISO 8601 text in UTC, so they sort as strings on both databases. */
export const IDENTITY_MIGRATIONS: readonly IdentityMigration[] = [
  {
    version: 1,
    description: 'api tokens and browser sessions',
    statements: [
      `CREATE TABLE identity_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        person TEXT NOT NULL,
        role TEXT NOT NULL,
        label TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT
      )`,
      `CREATE TABLE identity_sessions (
        hash TEXT PRIMARY KEY,
        person TEXT NOT NULL,
        role TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        origin TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      'CREATE INDEX identity_sessions_expires_at ON identity_sessions (expires_at)',
    ],
  },
];

/** The versions of `IDENTITY_MIGRATIONS` not in `applied`, in order. */
export function pendingMigrations(applied: ReadonlySet<number>): IdentityMigration[] {
  return IDENTITY_MIGRATIONS.filter((migration) => !applied.has(migration.version));
}
