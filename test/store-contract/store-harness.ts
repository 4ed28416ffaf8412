/** Real stores for tests: SQLite in a temp folder, PostgreSQL in a schema of its own that is dropped after. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CheckpointSigner } from '../../src/core/audit/checkpoint-statement.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

export interface HarnessOptions {
  signer?: CheckpointSigner;
  checkpointEvery?: number;
  clock?: () => string;
}

/** A store plus raw SQL access to it, the way an attacker with database access would have. */
export interface StoreHarness {
  store: Store;
  /** Runs raw SQL against the store's tables. */
  sql(statement: string): Promise<void>;
  /** Removes the append-only triggers, as someone with table-owner rights could. */
  dropGuards(): Promise<void>;
  /** What another process would pass to open the same store. */
  target: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string };
  /** Closes the store and deletes its data. */
  cleanup(): Promise<void>;
}

export type HarnessFactory = (options?: HarnessOptions) => Promise<StoreHarness>;

export const POSTGRES_TEST_URL = process.env.TOLLGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const settingsOf = (options: HarnessOptions) => ({
  checkpointEvery: options.checkpointEvery ?? 1000,
  clock: options.clock ?? (() => new Date().toISOString()),
  ...(options.signer ? { signer: options.signer } : {}),
});

export const sqliteHarness: HarnessFactory = async (options = {}) => {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-store-'));
  const path = join(dir, 'tollgate.db');
  const store = await openSqliteStore(path, settingsOf(options));
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path, { timeout: 30_000 });
  return {
    store,
    target: { kind: 'sqlite', path },
    sql: async (statement) => void raw.exec(statement),
    dropGuards: async () => void raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;'),
    cleanup: async () => {
      try {
        raw.close();
        await store.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
};

export const postgresHarness: HarnessFactory = async (options = {}) => {
  const schema = `tollgate_test_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({ url: POSTGRES_TEST_URL, schema }, settingsOf(options));
  const raw = new pg.Client({ connectionString: POSTGRES_TEST_URL, options: `-c search_path=${schema}` });
  await raw.connect();
  return {
    store,
    target: { kind: 'postgres', url: POSTGRES_TEST_URL, schema },
    sql: async (statement) => void (await raw.query(statement)),
    dropGuards: async () => void (await raw.query('DROP TRIGGER audit_events_no_change ON audit_events; DROP TRIGGER audit_events_no_truncate ON audit_events;')),
    cleanup: async () => {
      try {
        await store.close();
      } finally {
        // Dropped even when closing failed: a test run never leaves its schema behind.
        await raw.query(`DROP SCHEMA ${schema} CASCADE`);
        await raw.end();
      }
    },
  };
};

/** True when the test PostgreSQL answers within two seconds. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether to run the PostgreSQL tests. In CI an unreachable server is an error, never a silent
 * skip; elsewhere the tests are reported as skipped.
 */
export async function requirePostgres(): Promise<boolean> {
  const reachable = await postgresReachable();
  if (!reachable && process.env.CI) {
    throw new Error(`PostgreSQL is unreachable at ${POSTGRES_TEST_URL} and CI is set: start it (pg_ctlcluster … main start); the PostgreSQL store tests must not be skipped in CI`);
  }
  return reachable;
}
