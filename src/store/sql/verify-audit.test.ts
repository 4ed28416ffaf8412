import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeEachAdapter } from '../../../test/store-contract/each-adapter.js';
import type { StoreHarness } from '../../../test/store-contract/store-harness.js';
import { sha256Hex } from '../../core/audit/hash-event.js';
import { createPostgresDriver } from '../postgres/postgres-store.js';
import { createSqliteDriver } from '../sqlite/sqlite-store.js';
import { workerHashChecker } from './hash-check-pool.js';
import type { SqlDriver } from './sql-script.js';
import { verifyAudit } from './verify-audit.js';

/** A second driver onto the harness's store, as another process would open it. */
function driverFor(target: StoreHarness['target']): SqlDriver {
  if (target.kind === 'sqlite') return createSqliteDriver(new Database(target.path));
  return createPostgresDriver(new pg.Pool({ connectionString: target.url, options: `-c search_path=${target.schema}`, max: 1 }), pg.types);
}

describe('workerHashChecker', () => {
  it('digests exactly as the core does', async () => {
    const checker = workerHashChecker(2);
    try {
      const texts = ['', 'é\u2028"x"', '0'.repeat(64) + '{"a":1}'];
      expect(await checker.check(texts, texts.map(sha256Hex))).toBe(-1);
      expect(await checker.check(texts, [sha256Hex(''), 'x'.repeat(64), 'y'.repeat(64)])).toBe(1);
    } finally {
      await checker.close();
    }
  });
});

describeEachAdapter('verifyAudit in small batches with hashing on worker threads', (open) => {
  const cases: { name: string; sql: string; seq: number; reason: RegExp }[] = [
    { name: 'an edit in a later batch', sql: `UPDATE audit_events SET payload = '{"index":0}' WHERE seq = 23`, seq: 23, reason: /altered/ },
    { name: 'a deletion', sql: 'DELETE FROM audit_events WHERE seq = 30', seq: 30, reason: /missing/ },
    { name: 'a hash made one digit longer', sql: "UPDATE audit_events SET hash = hash || '0' WHERE seq = 16", seq: 16, reason: /altered/ },
    { name: 'an edit before a deletion (the earlier wins)', sql: `UPDATE audit_events SET actor = 'x' WHERE seq = 9; DELETE FROM audit_events WHERE seq = 12`, seq: 9, reason: /altered/ },
  ];
  for (const testCase of cases) {
    it(`names the first bad seq after ${testCase.name}`, async () => {
      const harness = await open();
      for (let index = 0; index < 40; index += 1) await harness.store.audit.append({ type: 't', actor: 'a', subject: `s${index}`, payload: { index, text: 'é "q" \u2028' } });
      const driver = driverFor(harness.target);
      try {
        const verify = () => verifyAudit(driver, {}, { batchSize: 7, workerThreshold: 0 });
        expect(await verify()).toEqual({ ok: true, count: 40, head: expect.objectContaining({ seq: 40 }), checkpointsChecked: 0 });
        await harness.dropGuards();
        await harness.sql(testCase.sql);
        const result = await verify();
        expect(result).toMatchObject({ ok: false, firstBadSeq: testCase.seq });
        if (!result.ok) expect(result.reason).toMatch(testCase.reason);
      } finally {
        await driver.close();
      }
    });
  }
});
