import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../../../test/server/helpers/postgres-schema.js';
import type { IdentityStore } from './identity-store.js';
import { hashSecret, issueToken, parseDuration, tokenIdOf } from './issue-token.js';
import { openPostgresIdentityStore } from './postgres-identity-store.js';
import { openSqliteIdentityStore } from './sqlite-identity-store.js';

interface Adapter {
  name: string;
  open(): Promise<IdentityStore>;
  /** Rows of `identity_migrations`, read with a raw connection. */
  migrations(): Promise<number[]>;
  /** Every text column of identity_tokens, to prove no token text is stored. */
  tokenTable(): Promise<string>;
  cleanup(): Promise<void>;
}

const sqliteDir = mkdtempSync(join(tmpdir(), 'tollgate-identity-'));
let schema: TestSchema;

const adapters: Adapter[] = [
  {
    name: 'sqlite',
    open: async () => openSqliteIdentityStore(join(sqliteDir, 'tollgate.db')),
    migrations: async () => {
      const db = new Database(join(sqliteDir, 'tollgate.db'));
      const rows = db.prepare('SELECT version FROM identity_migrations').pluck().all() as number[];
      db.close();
      return rows;
    },
    tokenTable: async () => {
      const db = new Database(join(sqliteDir, 'tollgate.db'));
      const rows = db.prepare('SELECT * FROM identity_tokens').all();
      db.close();
      return JSON.stringify(rows);
    },
    cleanup: async () => rmSync(sqliteDir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    open: () => openPostgresIdentityStore(schema.url),
    migrations: async () => rawPg('SELECT version FROM identity_migrations').then((rows) => rows.map((r) => Number(r.version))),
    tokenTable: async () => JSON.stringify(await rawPg('SELECT * FROM identity_tokens')),
    cleanup: () => schema.drop(),
  },
];

async function rawPg(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  schema = await createTestSchema('identity');
});
afterAll(async () => {
  for (const adapter of adapters) await adapter.cleanup();
});

describe.each(adapters)('identity store contract: $name', (adapter) => {
  it('migrates once, even when opened concurrently', async () => {
    const stores = await Promise.all([adapter.open(), adapter.open(), adapter.open()]);
    expect(await adapter.migrations()).toEqual([1]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('stores tokens only as hashes and finds them by the hash of their text', async () => {
    const store = await adapter.open();
    const issued = await issueToken(store, { person: 'dave', role: 'approver', createdBy: 'cli', now: '2026-03-01T10:00:00.000Z', ttlMs: parseDuration('90d')! });
    expect(tokenIdOf(issued.token)).toBe(issued.record.id);
    // The secret is everything after `tgt_<id>_` (base64url: it may hold `_` itself).
    expect(await adapter.tokenTable()).not.toContain(issued.token.slice(`tgt_${issued.record.id}_`.length));
    const found = await store.findToken(hashSecret(issued.token));
    expect(found).toEqual({ id: issued.record.id, person: 'dave', role: 'approver', createdAt: '2026-03-01T10:00:00.000Z', createdBy: 'cli', expiresAt: '2026-05-30T10:00:00.000Z' });
    expect(await store.findToken(hashSecret(`${issued.token}x`))).toBeUndefined();
    await store.close();
  });

  it('revokes a token once and lists it as revoked', async () => {
    const store = await adapter.open();
    const issued = await issueToken(store, { person: 'ci-bot', role: 'ci', createdBy: 'admin', label: 'deploys', now: '2026-03-02T00:00:00.000Z' });
    expect(await store.revokeToken(issued.record.id, '2026-03-03T00:00:00.000Z')).toBe(true);
    expect(await store.revokeToken(issued.record.id, '2026-03-04T00:00:00.000Z')).toBe(false);
    expect(await store.revokeToken('000000000000', '2026-03-04T00:00:00.000Z')).toBe(false);
    const listed = (await store.listTokens()).find((t) => t.id === issued.record.id);
    expect(listed).toMatchObject({ revokedAt: '2026-03-03T00:00:00.000Z', label: 'deploys', role: 'ci' });
    await store.close();
  });

  it('keeps sessions until they expire or are deleted', async () => {
    const store = await adapter.open();
    const base = { person: 'dana', role: 'approver' as const, csrfToken: 'c', origin: 'demo' as const, createdAt: '2026-03-01T00:00:00.000Z' };
    await store.createSession({ ...base, hash: 'a'.repeat(64), expiresAt: '2026-03-01T08:00:00.000Z' });
    await store.createSession({ ...base, hash: 'b'.repeat(64), expiresAt: '2026-03-02T08:00:00.000Z' });
    expect(await store.findSession('a'.repeat(64))).toEqual({ ...base, hash: 'a'.repeat(64), expiresAt: '2026-03-01T08:00:00.000Z' });
    expect(await store.deleteExpiredSessions('2026-03-01T12:00:00.000Z')).toBe(1);
    expect(await store.findSession('a'.repeat(64))).toBeUndefined();
    await store.deleteSession('b'.repeat(64));
    expect(await store.findSession('b'.repeat(64))).toBeUndefined();
    await store.close();
  });
});

describe('parseDuration', () => {
  it.each([
    ['90d', 90 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['30m', 1_800_000],
    ['2w', 2 * 604_800_000],
    ['0d', undefined],
    ['90', undefined],
    ['1y', undefined],
    ['-3d', undefined],
  ])('%s', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });
});
