import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_TEST_URL, requirePostgres } from '../../test/store-contract/store-harness.js';
import { initKeys } from '../attest/read-keys.js';
import { openStore, resolveStoreLocation } from './open-store.js';

const PROBE = fileURLToPath(new URL('../../test/store-contract/probe-open-store.ts', import.meta.url));
const postgresUp = await requirePostgres();

describe('resolveStoreLocation', () => {
  const cases: { name: string; options: Parameters<typeof resolveStoreLocation>[0]; expected: ReturnType<typeof resolveStoreLocation> }[] = [
    { name: 'repository default', options: { repoDir: '/r', env: {} }, expected: { kind: 'sqlite', dir: '/r/.tollgate', path: '/r/.tollgate/tollgate.db' } },
    { name: 'TOLLGATE_DATA_DIR over the repository', options: { repoDir: '/r', env: { TOLLGATE_DATA_DIR: '/data' } }, expected: { kind: 'sqlite', dir: '/data', path: '/data/tollgate.db' } },
    { name: 'TOLLGATE_DATABASE_URL over TOLLGATE_DATA_DIR', options: { repoDir: '/r', env: { TOLLGATE_DATA_DIR: '/data', TOLLGATE_DATABASE_URL: 'postgres://h/db', TOLLGATE_DATABASE_SCHEMA: 'tg' } }, expected: { kind: 'postgres', url: 'postgres://h/db', schema: 'tg' } },
    { name: 'an explicit data folder over the environment', options: { dataDir: '/mine', env: { TOLLGATE_DATABASE_URL: 'postgres://h/db' } }, expected: { kind: 'sqlite', dir: '/mine', path: '/mine/tollgate.db' } },
    { name: 'an explicit url over everything', options: { databaseUrl: 'postgres://x/y', repoDir: '/r', env: { TOLLGATE_DATA_DIR: '/data' } }, expected: { kind: 'postgres', url: 'postgres://x/y' } },
    { name: 'empty variables are ignored', options: { repoDir: '/r', env: { TOLLGATE_DATABASE_URL: ' ', TOLLGATE_DATA_DIR: '' } }, expected: { kind: 'sqlite', dir: '/r/.tollgate', path: '/r/.tollgate/tollgate.db' } },
  ];
  for (const testCase of cases) it(testCase.name, () => expect(resolveStoreLocation(testCase.options)).toEqual(testCase.expected));

  it('says what to configure when nothing is', () => {
    expect(() => resolveStoreLocation({ env: {} })).toThrow(/set TOLLGATE_DATA_DIR or TOLLGATE_DATABASE_URL/);
  });
});

describe('openStore', () => {
  it('creates .tollgate/tollgate.db in WAL mode with a .gitignore, and signs checkpoints with the repository key', async () => {
    const repoDir = await mkdtemp(join(tmpdir(), 'tollgate-repo-'));
    const keys = await initKeys(join(repoDir, '.tollgate', 'keys'));
    const store = await openStore({ repoDir, env: {}, checkpointEvery: 2 });
    try {
      expect(store).toMatchObject({ kind: 'sqlite', location: join(repoDir, '.tollgate', 'tollgate.db') });
      await store.audit.append({ type: 'test', actor: 'a', subject: '', payload: {} });
      expect(existsSync(join(repoDir, '.tollgate', 'tollgate.db-wal'))).toBe(true);
      await store.audit.append({ type: 'test', actor: 'a', subject: '', payload: {} });
      expect(await store.audit.latestCheckpoint()).toMatchObject({ seq: 2, keyId: keys.ok ? keys.keyId : '' });
    } finally {
      await store.close();
    }
    expect(await readFile(join(repoDir, '.tollgate', '.gitignore'), 'utf8')).toContain('*');
  });

  it('uses TOLLGATE_DATA_DIR, refuses a file there, and fails on an unreadable TOLLGATE_SIGNING_KEY', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-data-'));
    const store = await openStore({ env: { TOLLGATE_DATA_DIR: join(dir, 'nested') } });
    expect(store.location).toBe(join(dir, 'nested', 'tollgate.db'));
    await store.close();
    await writeFile(join(dir, 'file'), 'x');
    await expect(openStore({ env: { TOLLGATE_DATA_DIR: join(dir, 'file') } })).rejects.toThrow(/is a file, not a folder/);
    await expect(openStore({ env: { TOLLGATE_DATA_DIR: dir, TOLLGATE_SIGNING_KEY: join(dir, 'missing.key') } })).rejects.toThrow(/missing\.key/);
  });

  it('loads only the driver it needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-probe-'));
    const probe = (options: object): Record<string, unknown> =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', PROBE, JSON.stringify(options)], { encoding: 'utf8', env: { ...process.env, TOLLGATE_DATABASE_URL: '' } }));
    expect(probe({ dataDir: dir })).toEqual({ kind: 'sqlite', pg: false, betterSqlite3: true });
    if (!postgresUp) return;
    const schema = `tollgate_test_${randomBytes(6).toString('hex')}`;
    try {
      expect(probe({ databaseUrl: POSTGRES_TEST_URL, schema })).toEqual({ kind: 'postgres', pg: true, betterSqlite3: false });
    } finally {
      const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
