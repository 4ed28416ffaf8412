/**
 * @module Benchmark of the store: durable audit appends, `audit verify` over 1,000,000 events against
 * raw sha256 of the same bytes, and the deploy gate over a 500-commit range — SQLite and PostgreSQL.
 */
import * as crypto from 'node:crypto';
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { signingKeyFromPem } from '../src/attest/read-keys.js';
import { GENESIS_HASH } from '../src/core/audit/audit-event.js';
import { canonicalEventText, canonicalPayload, chainHash } from '../src/core/audit/hash-event.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { approveChange } from '../src/workflow/approve-change.js';
import { recordChange } from '../src/workflow/record-change.js';
import { verifyDeploy } from '../src/workflow/verify-deploy.js';
import { buildEvaluation } from '../test/store-contract/build-evaluation.js';
import { buildCatalog, tier1Approvals } from '../test/store-contract/workflow-fixtures.js';

const APPENDS = 2000;
const VERIFY_EVENTS = 1_000_000;
const CHUNK = 10_000;
const RANGE_COMMITS = 500;
const POSTGRES_URL = process.env.TOLLGATE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const settings = { checkpointEvery: 1000, clock: () => new Date().toISOString() };

export interface StoreBenchResult {
  [figure: string]: number;
}

/** Runs every store figure; PostgreSQL figures are NaN when the server is unreachable. */
export async function benchStore(): Promise<StoreBenchResult> {
  const result: StoreBenchResult = {};
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-store-'));
  try {
    const sqlite = (name: string): Promise<Store> => openSqliteStore(join(dir, `${name}.db`), settings);
    result.sqliteAppendPerSec = await appendRate(await sqlite('append'));
    Object.assign(result, prefixed('sqlite', await verifyRate(await sqlite('verify'), (rows) => insertSqlite(join(dir, 'verify.db'), rows))));
    result.sqliteVerifyDeployMs = await verifyDeployMs(await sqlite('deploy'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `tollgate_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return { ...result, postgresAppendPerSec: NaN, postgresVerifyPerSec: NaN, postgresRawHashPerSec: NaN, postgresVerifyRatio: NaN, postgresStreamHashPerSec: NaN, postgresVerifyStreamRatio: NaN, postgresVerifyDeployMs: NaN };
  }
  try {
    const postgres = async (suffix: string): Promise<Store> => openPostgresStore({ url: POSTGRES_URL, schema: `${schema}_${suffix}` }, settings);
    result.postgresAppendPerSec = await appendRate(await postgres('a'));
    Object.assign(result, prefixed('postgres', await verifyRate(await postgres('v'), (rows) => insertPostgres(`${schema}_v`, rows))));
    result.postgresVerifyDeployMs = await verifyDeployMs(await postgres('d'));
  } finally {
    for (const suffix of ['a', 'v', 'd']) await admin.query(`DROP SCHEMA IF EXISTS ${schema}_${suffix} CASCADE`);
    await admin.end();
  }
  return result;
}

/** Durable appends, one transaction (and one fsync) each. */
async function appendRate(store: Store): Promise<number> {
  try {
    const start = performance.now();
    for (let index = 0; index < APPENDS; index += 1) {
      await store.audit.append({ type: 'approval.recorded', actor: 'dana', subject: 'd'.repeat(64), payload: { index, systems: ['checkout'] } });
    }
    return APPENDS / ((performance.now() - start) / 1000);
  } finally {
    await store.close();
  }
}

/** The fastest sha256 Node offers for one short message: one-shot `crypto.hash` where it exists. */
const rawSha256: (bytes: Buffer) => string =
  typeof crypto.hash === 'function' ? (bytes) => crypto.hash('sha256', bytes, 'hex') : (bytes) => createHash('sha256').update(bytes).digest('hex');

type Row = [number, string, string, string, string, string, string, string];

/**
 * Builds a 1,000,000-event chain in chunks, bulk-loads it, then times `store.audit.verify()`.
 * The baseline hashes exactly the bytes the verifier hashes (prev hash || canonical event), one
 * sha256 per event, from memory, on one thread: with the fastest primitive available (one-shot
 * `crypto.hash`), and with the streaming `createHash` API for comparison.
 */
async function verifyRate(store: Store, insert: (rows: Row[]) => Promise<void>): Promise<Record<string, number>> {
  let prevHash = GENESIS_HASH;
  let rawMs = 0;
  let streamMs = 0;
  const at = '2026-03-04T10:00:00.000Z';
  try {
    for (let base = 0; base < VERIFY_EVENTS; base += CHUNK) {
      const rows: Row[] = [];
      const bytes: Buffer[] = [];
      for (let seq = base + 1; seq <= base + CHUNK; seq += 1) {
        const payload = canonicalPayload({ id: seq, kind: 'approve', person: 'dana', comment: 'reviewed the rollback plan and the migration', signed: false, systems: ['checkout', 'payments'] });
        const text = canonicalEventText(seq, at, 'dana', 'approval.recorded', 'd'.repeat(64), payload);
        const hash = chainHash(prevHash, text);
        rows.push([seq, at, 'dana', 'approval.recorded', 'd'.repeat(64), payload, prevHash, hash]);
        bytes.push(Buffer.from(prevHash + text, 'utf8'));
        prevHash = hash;
      }
      let start = performance.now();
      for (const buffer of bytes) rawSha256(buffer);
      rawMs += performance.now() - start;
      start = performance.now();
      for (const buffer of bytes) createHash('sha256').update(buffer).digest('hex');
      streamMs += performance.now() - start;
      await insert(rows);
    }
    const start = performance.now();
    const verified = await store.audit.verify();
    const verifyMs = performance.now() - start;
    if (!verified.ok) throw new Error(`bench chain failed to verify: ${verified.reason}`);
    const verifyPerSec = verified.count / (verifyMs / 1000);
    const rawPerSec = VERIFY_EVENTS / (rawMs / 1000);
    const streamPerSec = VERIFY_EVENTS / (streamMs / 1000);
    return { VerifyPerSec: verifyPerSec, RawHashPerSec: rawPerSec, VerifyRatio: verifyPerSec / rawPerSec, StreamHashPerSec: streamPerSec, VerifyStreamRatio: verifyPerSec / streamPerSec, VerifyCount: verified.count };
  } finally {
    await store.close();
  }
}

let sqliteLoader: ((rows: Row[]) => void) | undefined;
async function insertSqlite(path: string, rows: Row[]): Promise<void> {
  if (!sqliteLoader) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    const insert = db.prepare('INSERT INTO audit_events (seq, at, actor, type, subject, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    sqliteLoader = db.transaction((chunk: Row[]) => {
      for (const row of chunk) insert.run(...row);
    });
  }
  sqliteLoader(rows);
}

let postgresLoader: pg.Client | undefined;
async function insertPostgres(schema: string, rows: Row[]): Promise<void> {
  if (!postgresLoader) {
    postgresLoader = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
    await postgresLoader.connect();
  }
  const columns = rows[0]!.map((_, column) => rows.map((row) => row[column]));
  await postgresLoader.query(
    'INSERT INTO audit_events (seq, at, actor, type, subject, payload, prev_hash, hash) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])',
    columns,
  );
  if (rows[rows.length - 1]![0] === VERIFY_EVENTS) {
    await postgresLoader.end();
    postgresLoader = undefined;
  }
}

/** 50 approved changes of 10 commits each, then the gate over all 500 commits (best of 3). */
async function verifyDeployMs(store: Store): Promise<number> {
  const catalog = buildCatalog();
  const key = signingKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const now = '2026-03-04T10:00:00.000Z';
  const commits: { sha: string; patchId: string }[] = [];
  try {
    for (let change = 0; change < RANGE_COMMITS / 10; change += 1) {
      const own = Array.from({ length: 10 }, (_, index) => ({ sha: createHash('sha1').update(`c${change}-${index}`).digest('hex'), patchId: createHash('sha1').update(`p${change}-${index}`).digest('hex') }));
      commits.push(...own);
      const digest = createHash('sha256').update(`change-${change}`).digest('hex');
      const evaluation = buildEvaluation({ digest, commits: own, systems: [{ id: 'checkout', tier: 1, owners: ['checkout-eng'] }], requirements: [tier1Approvals()], verdict: 'needs-approval' });
      await recordChange(store, evaluation, { now });
      for (const person of ['bob', 'erin']) await approveChange(store, { digestOrPrefix: digest, person }, catalog, now);
    }
    let best = Infinity;
    for (let round = 0; round < 3; round += 1) {
      const start = performance.now();
      const result = await verifyDeploy(store, { env: 'production', commit: commits[commits.length - 1]!.sha, commits, catalog, now, signingKey: key });
      best = Math.min(best, performance.now() - start);
      if (!result.ok) throw new Error(`bench deploy did not pass: ${JSON.stringify(result).slice(0, 300)}`);
    }
    return best;
  } finally {
    await store.close();
  }
}

function prefixed<T extends Record<string, number>>(prefix: string, figures: T): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key}`, value]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  console.log(await benchStore());
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
