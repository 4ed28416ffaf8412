/**
 * @module The PostgreSQL adapter of the identity port (pg), on the store's database.
 */
import pg from 'pg';
import { CREATE_MIGRATIONS_TABLE, MIGRATIONS_TABLE, pendingMigrations } from './identity-migrations.js';
import type { IdentityStore, NewToken, SessionRecord, TokenRecord } from './identity-store.js';
import { SESSION_COLUMNS, TOKEN_COLUMNS, toSessionRecord, toTokenRecord, type SessionRow, type TokenRow } from './map-identity-rows.js';

/** Advisory lock key that serialises identity migrations across servers sharing one database. */
const MIGRATION_LOCK = 0x7011_6a7e;

export interface PostgresIdentityOptions {
  /** Schema holding the tables (created when missing), as the change store's `schema`. */
  schema?: string;
  now?: () => string;
}

/** Connects to `databaseUrl` (a `postgres://` URL) and migrates the identity tables. */
export async function openPostgresIdentityStore(databaseUrl: string, options: PostgresIdentityOptions = {}): Promise<IdentityStore> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name \`${options.schema}\``);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'tollgate-identity',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await migratePostgresIdentity(pool, (options.now ?? (() => new Date().toISOString()))());
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresIdentityStore(pool);
}

/** Applies pending identity migrations under a transaction-scoped advisory lock. */
export async function migratePostgresIdentity(pool: pg.Pool, appliedAt: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`);
    for (const migration of pendingMigrations(new Set(rows.map((row) => Number(row.version))))) {
      for (const statement of migration.statements) await client.query(statement);
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, description, applied_at) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.description,
        appliedAt,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export class PostgresIdentityStore implements IdentityStore {
  constructor(private readonly pool: pg.Pool) {}

  async createToken(token: NewToken): Promise<void> {
    await this.pool.query(
      'INSERT INTO identity_tokens (id, hash, person, role, label, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [token.id, token.hash, token.person, token.role, token.label ?? null, token.createdAt, token.createdBy, token.expiresAt ?? null],
    );
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM identity_tokens WHERE hash = $1`, [hash]);
    return rows[0] ? toTokenRecord(rows[0]) : undefined;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM identity_tokens ORDER BY created_at, id`);
    return rows.map(toTokenRecord);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE identity_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return result.rowCount === 1;
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.pool.query(`INSERT INTO identity_sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      session.hash,
      session.person,
      session.role,
      session.csrfToken,
      session.origin,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  async findSession(hash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM identity_sessions WHERE hash = $1`, [hash]);
    return rows[0] ? toSessionRecord(rows[0]) : undefined;
  }

  async deleteSession(hash: string): Promise<void> {
    await this.pool.query('DELETE FROM identity_sessions WHERE hash = $1', [hash]);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM identity_sessions WHERE expires_at < $1', [now]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
