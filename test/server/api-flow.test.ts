/**
 * The whole approval flow over real HTTP against a real server process, on SQLite and PostgreSQL:
 * record, refused self-approval, two approvals, verify with a signed attestation, a new commit
 * making approvals stale, break-glass, and an audit chain that verifies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAttestation } from '../../src/attest/verify-attestation.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { addShopCommit, createShopRepo, featureCommits, FULL_DOCS, readShopChange, TEST_CATALOG } from './helpers/sample-org.js';
import { createTestStore, createTokenCli, startTestServer, writeCatalog, type RunningTestServer, type StoreKind, type TestStore } from './helpers/server-process.js';

describe.each<StoreKind>(['sqlite', 'postgres'])('api flow on %s', (kind) => {
  let store: TestStore;
  let server: RunningTestServer;
  let repo: GitRepo;
  const tokens: Record<string, string> = {};

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    store = await createTestStore(kind, 'flow');
    const catalog = writeCatalog(store, TEST_CATALOG);
    for (const [person, role] of [['ana', 'engineer'], ['ben', 'approver'], ['cho', 'approver'], ['aud', 'auditor'], ['ci-bot', 'ci']] as const) {
      tokens[person] = createTokenCli(store, person, role, [], catalog);
    }
    server = await startTestServer(store, ['--catalog', catalog]);
    repo = createShopRepo();
  });
  afterAll(async () => {
    await server?.stop();
    repo?.cleanup();
    await store?.cleanup();
  });

  let digest: string;

  it('records a change read from git, evaluated under the server catalog, idempotently', async () => {
    const change = await readShopChange(repo);
    const first = await call(tokens['ci-bot']!, 'POST', '/api/changes', { change, documentation: FULL_DOCS, lineKey: 'branch:feature' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ schema: 'tollgate.check/v1', verdict: 'needs-approval', recorded: { created: true } });
    expect(first.body.systems.map((s: { id: string }) => s.id)).toEqual(['shop']);
    digest = first.body.change.digest;
    const again = await call(tokens['ci-bot']!, 'POST', '/api/changes', { change, documentation: FULL_DOCS, lineKey: 'branch:feature' });
    expect(again.status).toBe(200);
    expect(again.body.recorded.created).toBe(false);
  });

  it('never trusts a client digest, and refuses (audited) a known commit claimed with another patch id', async () => {
    const change = await readShopChange(repo);
    const forged = await call(tokens['ci-bot']!, 'POST', '/api/changes', { change: { ...change, digest: 'f'.repeat(64) }, documentation: FULL_DOCS });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('is not the digest of the submitted files');
    const commits = change.commits.map((commit, index) => (index === 0 ? { ...commit, patchId: 'e'.repeat(40) } : commit));
    const lying = await call(tokens['ci-bot']!, 'POST', '/api/changes', { change: { ...change, commits }, documentation: FULL_DOCS, lineKey: 'branch:feature' });
    expect(lying.status).toBe(409);
    expect(lying.body.error).toMatchObject({ code: 'refused', message: expect.stringContaining('patch id') });
    const events = await call(tokens.aud!, 'GET', '/api/audit/events?type=change.record-refused');
    expect(events.body.events).toHaveLength(1);
  });

  it('refuses the author and counts two owners, after which the status is allow', async () => {
    const self = await call(tokens.ana!, 'POST', `/api/changes/${digest}/approvals`, {});
    expect(self.status).toBe(403); // ana is an engineer: no decisions at all
    const status0 = await call(tokens.ana!, 'GET', `/api/changes/${digest.slice(0, 10)}`);
    expect(status0.body).toMatchObject({ verdict: 'needs-approval', current: true });

    const ben = await call(tokens.ben!, 'POST', `/api/changes/${digest}/approvals`, { comment: 'looks right' });
    expect(ben.status).toBe(201);
    expect(ben.body).toEqual({ digest, person: 'ben', kind: 'approve', alreadyRecorded: false });
    const benAgain = await call(tokens.ben!, 'POST', `/api/changes/${digest}/approvals`, {});
    expect(benAgain).toMatchObject({ status: 200, body: { alreadyRecorded: true } });
    const cho = await call(tokens.cho!, 'POST', `/api/changes/${digest}/approvals`, {});
    expect(cho.status).toBe(201);
    const status = await call(tokens.aud!, 'GET', `/api/changes/${digest}`);
    expect(status.body).toMatchObject({ schema: 'tollgate.status/v1', verdict: 'allow', missing: [] });
    expect(status.body.approvals.map((a: { person: string }) => a.person).sort()).toEqual(['ben', 'cho']);
  });

  it('passes the deploy gate with an attestation that verifies offline against the server key', async () => {
    const commits = featureCommits(repo);
    const verify = await call(tokens['ci-bot']!, 'POST', '/api/verify', { env: 'production', commit: commits.at(-1)!.sha, commits });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, env: 'production', changes: [digest] });
    const publicKey = readFileSync(join(store.dir, 'keys', 'attestation.pub'), 'utf8');
    const checked = verifyAttestation(JSON.stringify(verify.body.attestation), publicKey);
    expect(checked).toMatchObject({ ok: true });
  });

  it('makes approvals stale when new commits change the content, and the gate then refuses', async () => {
    addShopCommit(repo, 'export const tax = 0;');
    const change = await readShopChange(repo);
    const recorded = await call(tokens['ci-bot']!, 'POST', '/api/changes', { change, documentation: FULL_DOCS, lineKey: 'branch:feature' });
    expect(recorded.body.recorded.superseded).toEqual([digest]);
    const old = await call(tokens.aud!, 'GET', `/api/changes/${digest}`);
    expect(old.body).toMatchObject({ current: false, currentDigest: recorded.body.change.digest });
    const fresh = await call(tokens.aud!, 'GET', `/api/changes/${recorded.body.change.digest}`);
    expect(fresh.body.verdict).toBe('needs-approval');
    expect(fresh.body.stale.map((a: { person: string }) => a.person).sort()).toEqual(['ben', 'cho']);
    const commits = featureCommits(repo);
    const verify = await call(tokens['ci-bot']!, 'POST', '/api/verify', { env: 'production', commit: commits.at(-1)!.sha, commits });
    expect(verify.status).toBe(409);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.unapproved.map((u: { sha: string }) => u.sha)).toContain(commits.at(-1)!.sha);
  });

  it('lets break-glass through for one commit, as the caller, and shows it in the audit log', async () => {
    const commits = featureCommits(repo);
    const head = commits.at(-1)!.sha;
    const refused = await call(tokens['ci-bot']!, 'POST', '/api/break-glass', { env: 'production', commit: head, reason: 'outage' });
    expect(refused.status).toBe(403);
    const glass = await call(tokens.ben!, 'POST', '/api/break-glass', { env: 'production', commit: head, reason: 'checkout outage', incident: 'INC-1' });
    expect(glass.status).toBe(201);
    expect(glass.body).toMatchObject({ person: 'ben', env: 'production', commit: head });
    const verify = await call(tokens['ci-bot']!, 'POST', '/api/verify', { env: 'production', commit: head, commits });
    expect(verify.status).toBe(200);
    expect(verify.body.breakGlass.person).toBe('ben');
    const events = await call(tokens.aud!, 'GET', '/api/audit/events?type=break-glass');
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0]).toMatchObject({ actor: 'ben', subject: head });
  });

  it('pages audit events, verifies the chain and signs checkpoints', async () => {
    const first = await call(tokens.aud!, 'GET', '/api/audit/events?limit=3');
    expect(first.body.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    const next = await call(tokens.aud!, 'GET', `/api/audit/events?limit=3&afterSeq=${first.body.nextAfterSeq}`);
    expect(next.body.events[0].seq).toBe(4);
    const types = new Set((await call(tokens.aud!, 'GET', '/api/audit/events?limit=1000')).body.events.map((e: { type: string }) => e.type));
    for (const type of ['change.recorded', 'approval.recorded', 'deploy', 'verify.failed', 'change.superseded', 'break-glass', 'access.denied', 'token.created']) expect(types).toContain(type);
    const checkpoint = await call(tokens.aud!, 'POST', '/api/audit/checkpoints');
    expect(checkpoint.status).toBe(201);
    const latest = await call(tokens.aud!, 'GET', '/api/audit/checkpoints/latest');
    expect(latest.body.seq).toBe(checkpoint.body.seq);
    const verified = await call(tokens.aud!, 'GET', '/api/audit/verify');
    expect(verified.body).toMatchObject({ ok: true, checkpointsChecked: 1 });
    const { seq, hash, at, keyId, signature } = latest.body;
    const kept = await call(tokens.aud!, 'POST', '/api/audit/verify', { checkpoint: { seq, hash, at, keyId, signature } });
    expect(kept.body).toMatchObject({ ok: true });
    // A kept checkpoint that the log does not match (altered here) fails verification.
    const truncated = await call(tokens.aud!, 'POST', '/api/audit/verify', { checkpoint: { seq: seq + 1000, hash, at, keyId, signature } });
    expect(truncated.body).toMatchObject({ ok: false });
  });

  it('reports the period as JSON and CSV', async () => {
    const report = await call(tokens.aud!, 'GET', '/api/audit/report?scope=system:shop');
    expect(report.body).toMatchObject({ schema: 'tollgate.audit-report/v1', scope: 'system:shop' });
    expect(report.body.metrics).toMatchObject({ productionDeploys: 2, unapprovedDeploys: 1, breakGlassUses: 1, refusedDeploys: 1, changesRecorded: 2 });
    expect(report.body.anomalies[0].severity).toBe('high');
    const csv = await fetch(`${server.url}/api/audit/report?format=csv`, { headers: { Authorization: `Bearer ${tokens.aud}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^digest,recorded_at,subject/);
    expect(lines).toHaveLength(3);
  });
});
