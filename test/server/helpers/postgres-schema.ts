/**
 * @module A throwaway PostgreSQL schema per test run, so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server on the project's machines: 127.0.0.1:5432, trust auth, database `test`. */
export const TEST_DATABASE_URL = process.env.TOLLGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  name: string;
  /** `TEST_DATABASE_URL` with `search_path` set to this schema. */
  url: string;
  drop(): Promise<void>;
}

/** Creates `tg_<prefix>_<random>` and returns a URL whose connections use it. */
export async function createTestSchema(prefix: string): Promise<TestSchema> {
  const name = `tg_${prefix.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
