/**
 * @module The SQLite adapter of the identity port (better-sqlite3), on the store's database file.
 */
import Database from 'better-sqlite3';
import { CREATE_MIGRATIONS_TABLE, MIGRATIONS_TABLE, pendingMigrations } from './identity-migrations.js';
import type { IdentityStore, NewToken, SessionRecord, TokenRecord } from './identity-store.js';
import { SESSION_COLUMNS, TOKEN_COLUMNS, toSessionRecord, toTokenRecord, type SessionRow, type TokenRow } from './map-identity-rows.js';

/**
 * Opens the identity tables in the SQLite file at `path` (created if missing) and migrates them.
 *
 * @example
 * const identities = openSqliteIdentityStore('.tollgate/tollgate.db');
 */
export function openSqliteIdentityStore(path: string, now: () => string = () => new Date().toISOString()): IdentityStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrateSqliteIdentity(db, now());
  return new SqliteIdentityStore(db);
}

/** Applies pending identity migrations; `BEGIN IMMEDIATE` makes concurrent servers take turns. */
export function migrateSqliteIdentity(db: Database.Database, appliedAt: string): void {
  db.exec(CREATE_MIGRATIONS_TABLE);
  const migrate = db.transaction(() => {
    const applied = new Set(db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).pluck().all() as number[]);
    for (const migration of pendingMigrations(applied)) {
      for (const statement of migration.statements) db.exec(statement);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, description, applied_at) VALUES (?, ?, ?)`).run(
        migration.version,
        migration.description,
        appliedAt,
      );
    }
  });
  migrate.immediate();
}

export class SqliteIdentityStore implements IdentityStore {
  /** Prepared once: tokens and sessions are looked up on every request. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async createToken(token: NewToken): Promise<void> {
    this
      .statement(
        'INSERT INTO identity_tokens (id, hash, person, role, label, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(token.id, token.hash, token.person, token.role, token.label ?? null, token.createdAt, token.createdBy, token.expiresAt ?? null);
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const row = this.statement(`SELECT ${TOKEN_COLUMNS} FROM identity_tokens WHERE hash = ?`).get(hash) as TokenRow | undefined;
    return row ? toTokenRecord(row) : undefined;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const rows = this.statement(`SELECT ${TOKEN_COLUMNS} FROM identity_tokens ORDER BY created_at, id`).all() as TokenRow[];
    return rows.map(toTokenRecord);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return this.statement('UPDATE identity_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this
      .statement(`INSERT INTO identity_sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(session.hash, session.person, session.role, session.csrfToken, session.origin, session.createdAt, session.expiresAt);
  }

  async findSession(hash: string): Promise<SessionRecord | undefined> {
    const row = this.statement(`SELECT ${SESSION_COLUMNS} FROM identity_sessions WHERE hash = ?`).get(hash) as SessionRow | undefined;
    return row ? toSessionRecord(row) : undefined;
  }

  async deleteSession(hash: string): Promise<void> {
    this.statement('DELETE FROM identity_sessions WHERE hash = ?').run(hash);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return this.statement('DELETE FROM identity_sessions WHERE expires_at < ?').run(now).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
