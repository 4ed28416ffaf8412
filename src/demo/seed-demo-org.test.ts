import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointSignerFromKey } from '../attest/checkpoint-signer.js';
import { initKeys, readSigningKey, type SigningKey } from '../attest/read-keys.js';
import { parseCatalog } from '../core/catalog/parse-catalog.js';
import { openSqliteIdentityStore } from '../server/identity/sqlite-identity-store.js';
import type { IdentityStore } from '../server/identity/identity-store.js';
import { readChangeViews } from '../server/read/read-change-views.js';
import { readRecordedChanges } from '../server/read/read-recorded-changes.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { listRetroReviews } from '../workflow/retro-reviews.js';
import { DEMO_ORG_CATALOG } from './demo-org-catalog.js';
import { seedDemoOrg, type DemoSeedResult } from './seed-demo-org.js';

describe('seedDemoOrg', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-seed-'));
  const catalog = parseCatalog(DEMO_ORG_CATALOG, 'demo').catalog!;
  const now = new Date('2026-06-15T12:00:00.000Z');
  let store: Store;
  let identities: IdentityStore;
  let key: SigningKey;
  let result: DemoSeedResult;

  beforeAll(async () => {
    await initKeys(join(dir, 'keys'));
    key = await readSigningKey(join(dir, 'keys', 'attestation.key'));
    store = await openStore({ dataDir: dir, signer: checkpointSignerFromKey(key), env: {} });
    identities = openSqliteIdentityStore(join(dir, 'tollgate.db'));
    result = await seedDemoOrg({ store, identities, catalog, signingKey: key, now });
  });
  afterAll(async () => {
    await store.close();
    await identities.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds about fifty changes, most deployed, through the real workflow', async () => {
    expect(result.changes).toBe(48);
    expect(result.deploys).toBeGreaterThanOrEqual(40);
    const views = await readChangeViews(store, catalog, await readRecordedChanges(store));
    const levels = new Set(views.map((v) => v.change.evaluation.provenance.level));
    expect(levels).toEqual(new Set(['human', 'ai-assisted', 'ai-authored']));
    expect(new Set(views.map((v) => v.change.evaluation.systems[0]?.tier))).toEqual(new Set([1, 2, 3]));
    expect(views.filter((v) => v.current && v.verdict !== 'allow').length).toBeGreaterThanOrEqual(6);
  });

  it('keeps a history in time order that verifies, with one overdue break-glass', async () => {
    const events = await store.audit.list({ limit: 10_000 });
    const times = events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(times.at(-1)! <= now.toISOString()).toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const type of ['change.recorded', 'approval.recorded', 'sign-off.recorded', 'change.rejected', 'change.superseded', 'approval.refused', 'deploy', 'verify.failed', 'break-glass']) expect(types).toContain(type);
    expect(events.filter((e) => e.type === 'break-glass')).toHaveLength(1);
    expect(await store.audit.verify({ publicKey: key.publicKeyPem })).toMatchObject({ ok: true, checkpointsChecked: 1 });
    expect((await store.audit.latestCheckpoint())?.seq).toBe(events.at(-1)!.seq);
    const reviews = await listRetroReviews(store, catalog, now.toISOString());
    expect(reviews.map((r) => r.state)).toEqual(['overdue']);
  });

  it('leaves the loyalty discount waiting for exactly one more approval from checkout', async () => {
    const views = await readChangeViews(store, catalog, await readRecordedChanges(store));
    const loyalty = views.find((v) => v.change.evaluation.change.commits[0]?.subject.startsWith('pricing: loyalty'))!;
    expect(loyalty.verdict).toBe('needs-approval');
    expect(loyalty.missing).toEqual(['needs 2 approvals, 1 from checkout-eng; has 1 (tier 1)']);
  });

  it('makes a ci token and an approver token for the printed cli example', async () => {
    expect(result.tokens.map((t) => `${t.person}:${t.role}`)).toEqual(['deploy-bot:ci', 'dave:approver']);
    expect((await identities.listTokens()).map((t) => t.expiresAt)).toEqual(['2026-07-15T12:00:00.000Z', '2026-07-15T12:00:00.000Z']);
  });
});
