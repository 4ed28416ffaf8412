/**
 * @module The store a CLI process uses in the end-to-end tests (SQLite in a temp folder, or a
 * throwaway PostgreSQL schema), with raw SQL access the way someone with database rights has it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { POSTGRES_TEST_URL } from '../store-contract/store-harness.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface E2eStore {
  /** Environment that points `tollgate` at this store. */
  env: Record<string, string>;
  /** Runs raw SQL against the store's tables. */
  sql(statement: string): Promise<void>;
  /** Removes the append-only triggers of `audit_events`, as a table owner could. */
  dropGuards(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createE2eStore(kind: StoreKind, scratchDir: string): Promise<E2eStore> {
  if (kind === 'sqlite') {
    const dataDir = join(scratchDir, 'data');
    const { default: Database } = await import('better-sqlite3');
    const run = async (statement: string): Promise<void> => {
      const db = new Database(join(dataDir, 'tollgate.db'), { timeout: 30_000 });
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    };
    return {
      env: { TOLLGATE_DATA_DIR: dataDir },
      sql: run,
      dropGuards: () => run('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;'),
      cleanup: async () => undefined,
    };
  }
  const schema = `tollgate_e2e_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string, searchPath = true): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, ...(searchPath ? { options: `-c search_path=${schema}` } : {}) });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    env: { TOLLGATE_DATABASE_URL: POSTGRES_TEST_URL, TOLLGATE_DATABASE_SCHEMA: schema },
    sql: (statement) => run(statement),
    dropGuards: () => run('DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events; DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;'),
    cleanup: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, false),
  };
}
