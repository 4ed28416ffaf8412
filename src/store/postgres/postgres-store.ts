/**
 * @module The PostgreSQL adapter (pg): one store shared by any number of processes and servers.
 */
import type { Pool, PoolClient, PoolConfig, types as PgTypes } from 'pg';
import type { AuditSettings } from '../sql/audit-scripts.js';
import { createSqlStore } from '../sql/sql-store.js';
import type { Dialect, Query, Script, SqlDriver } from '../sql/sql-script.js';
import type { Store } from '../store.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  payloadListsSystem: (column) => `(${column}::jsonb -> 'systems') @> jsonb_build_array(?::text)`,
  tableExistsSql: 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?',
  // INVARIANT: equals hashedText() of core/audit/verify-chain.ts. pg_catalog.to_json(text) escapes
  // every storable string exactly as JSON.stringify does (a test checks all of the BMP); it is
  // schema-qualified so no function created in another schema can stand in for it.
  hashedTextSql:
    'prev_hash || \'{"actor":\' || pg_catalog.to_json(actor)::text || \',"at":\' || pg_catalog.to_json("at")::text || \',"payload":\' || payload || \',"seq":\' || seq::text || \',"subject":\' || pg_catalog.to_json(subject)::text || \',"type":\' || pg_catalog.to_json(type)::text || \'}\'',
};

/**
 * The store's write lock: a transaction-scoped advisory lock keyed by the schema, released by
 * COMMIT or ROLLBACK (also when the connection dies), so a crashed writer never holds it.
 */
const WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('tollgate.store:' || current_schema(), 0))";
const INT8_OID = 20;

export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db` */
  url: string;
  /** Schema to keep the tables in (created when missing); the connection's default schema otherwise. */
  schema?: string;
  /** Pool size; default 4. */
  maxConnections?: number;
}

/** Opens (and migrates when needed) the PostgreSQL store. */
export async function openPostgresStore(options: PostgresStoreOptions, settings: AuditSettings): Promise<Store> {
  const { default: pg } = await import('pg');
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name \`${options.schema}\``);
  const config: PoolConfig = {
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    application_name: 'tollgate',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool(config);
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    return await createSqlStore(createPostgresDriver(pool, pg.types), { kind: 'postgres', location: redact(options.url), migrations: POSTGRES_MIGRATIONS, settings });
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * Runs scripts on one pooled connection each; writes in a transaction holding {@link WRITE_LOCK}.
 * `pgTypes` is the `pg` module's `types` (the default parsers the driver extends).
 */
export function createPostgresDriver(pool: Pool, pgTypes: typeof PgTypes): SqlDriver {
  // Sequence numbers and ids are BIGINT; they stay far below 2^53, so numbers are safe. Set per
  // query so the driver works on any pool without touching pg's process-wide parsers.
  const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pgTypes.getTypeParser(oid, format))) as typeof pgTypes.getTypeParser };
  const numbered = new Map<string, string>();
  const toPostgres = (sql: string): string => {
    let text = numbered.get(sql);
    if (text === undefined) {
      let index = 0;
      text = sql.replace(/\?/g, () => `$${++index}`);
      numbered.set(sql, text);
    }
    return text;
  };
  const answer = async (client: PoolClient, query: Query): Promise<unknown> => {
    if (query.mode === 'exec') return void (await client.query(query.sql));
    const result = await client.query({ text: toPostgres(query.sql), values: [...query.params], types, ...(query.mode === 'arrays' ? { rowMode: 'array' as const } : {}) });
    return query.mode === 'run' ? (result.rowCount ?? 0) : result.rows;
  };
  const runScript = async <T>(client: PoolClient, script: Script<T>): Promise<T> => {
    let step = script.next();
    try {
      while (!step.done) step = script.next(await answer(client, step.value));
      return step.value;
    } finally {
      if (!step.done) script.return(undefined as T);
    }
  };
  const withClient = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      // Drop the connection: after a failure mid-transaction it may be in an unknown state.
      client.release(true);
      throw error;
    }
  };
  return {
    dialect: POSTGRES_DIALECT,
    read: (script) => withClient((client) => runScript(client, script)),
    write: (script) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          // INVARIANT: the lock is taken before the script reads the chain head; it serialises
          // every writer of this schema across processes and servers until COMMIT.
          await client.query(WRITE_LOCK);
          const result = await runScript(client, script);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    // Idempotent: a store may be closed by its owner and again by a cleanup path.
    close: async () => {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable url)';
  }
}
