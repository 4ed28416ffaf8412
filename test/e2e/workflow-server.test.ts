/**
 * The CLI as a client: with TOLLGATE_SERVER and TOLLGATE_TOKEN set, `check --record`, `approve`,
 * `status`, `verify`, `break-glass` and `audit …` go through a real server process, with the same
 * output and exit codes as in local mode; the acting person is the token's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitRepo } from '../helpers/git-repo.js';
import { createTestStore, createTokenCli, startTestServer, writeCatalog, type RunningTestServer, type StoreKind, type TestStore } from '../server/helpers/server-process.js';
import { requirePostgres } from '../store-contract/store-harness.js';
import { addShopCommit, createScratch, createShopRepo, expectCli, isolatedEnv, jsonOf, shopCatalog } from './workflow-fixtures.js';

const postgresUp = await requirePostgres();

for (const kind of ['sqlite', 'postgres'] as StoreKind[]) {
  describe.runIf(kind === 'sqlite' || postgresUp).sequential(`the workflow CLI against a server (${kind})`, () => {
    let server: RunningTestServer;
    let store: TestStore;
    let repo: GitRepo;
    let scratch: ReturnType<typeof createScratch>;
    const tokens: Record<string, string> = {};
    let digest: string;
    const cli = (code: number, token: string, args: string[]) =>
      expectCli(code, args, { cwd: repo.dir, env: isolatedEnv(scratch.dir, { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: tokens[token] ?? token }) });

    beforeAll(async () => {
      scratch = createScratch();
      store = await createTestStore(kind, 'cli');
      const catalog = writeCatalog(store, shopCatalog());
      for (const [name, person, role] of [['ana', 'ana', 'approver'], ['ben', 'ben', 'approver'], ['cho', 'cho', 'approver'], ['dee', 'dee', 'auditor'], ['ci', 'ana', 'ci']] as const) {
        tokens[name] = createTokenCli(store, person, role, [], catalog);
      }
      server = await startTestServer(store, ['--catalog', catalog]);
      repo = createShopRepo();
    });
    afterAll(async () => {
      await server?.stop();
      await store?.cleanup();
      repo?.cleanup();
      scratch?.cleanup();
    });

    it('records the change on the server, once', async () => {
      const first = jsonOf(await cli(1, 'ci', ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1');
      expect(first).toMatchObject({ verdict: 'needs-approval', recorded: { created: true } });
      digest = first.change.digest;
      const again = await cli(1, 'ci', ['check', '--record', '--doc', scratch.doc]);
      expect(again.stdout).toContain(`change ${digest.slice(0, 12)} was already recorded in ${server.url}`);
    });

    it('approves as the token person only: the author is refused, --as someone else is an error', async () => {
      const self = await cli(1, 'ana', ['approve', digest.slice(0, 8)]);
      expect(self.stdout).toContain('approval refused: `ana` wrote or operated this change');
      const other = await cli(2, 'ben', ['approve', digest, '--as', 'cho']);
      expect(other.stderr).toContain("the server acts as the token's person `ben`; `--as cho` does not match");
      const ci = await cli(1, 'ci', ['approve', digest]);
      expect(ci.stdout).toContain('approval refused: a `ci` token can never approve');
      await cli(0, 'ben', ['approve', digest, '--as', 'ben', '--comment', 'fine']);
      expect(jsonOf(await cli(0, 'cho', ['approve', digest, '--format', 'json']), 'tollgate.approve/v1')).toMatchObject({ ok: true, person: 'cho', alreadyRecorded: false });
      const status = jsonOf(await cli(0, 'cho', ['status', digest.slice(0, 6), '--format', 'json']), 'tollgate.status/v1');
      expect(status).toMatchObject({ verdict: 'allow', current: true });
      expect(status.approvals.map((approval: { person: string }) => approval.person)).toEqual(['ben', 'cho']);
      await cli(2, 'cho', ['status', 'f0f0f0f0']);
    });

    it('verify passes through the server and the attestation verifies offline with the server key', async () => {
      const head = repo.sha('feature');
      const pass = await cli(0, 'ci', ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main']);
      expect(pass.stdout).toContain(`verify passed: ${head.slice(0, 12)} to production`);
      const file = join(repo.dir, '.tollgate', 'attestations', `${head}-production.dsse.json`);
      expect(existsSync(file)).toBe(true);
      await cli(0, 'ci', ['attest', 'verify', file, '--key', join(store.dir, 'keys', 'attestation.pub'), '--commit', head]);
    });

    it('a new commit makes approvals stale; break-glass by a person (never a ci token) lets verify pass', async () => {
      const newHead = addShopCommit(repo, 'export const tax = 0;');
      const recorded = jsonOf(await cli(1, 'ci', ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1');
      expect(recorded.recorded.superseded).toEqual([digest]);
      const failed = jsonOf(await cli(1, 'ci', ['verify', '--env', 'production', '--commit', newHead, '--since', 'main', '--format', 'json']), 'tollgate.verify/v1');
      expect(failed.unapproved.map((commit: { sha: string }) => commit.sha)).toContain(newHead);
      const refused = await cli(1, 'ci', ['break-glass', '--env', 'production', '--commit', newHead, '--reason', 'outage']);
      expect(refused.stdout).toContain('break-glass refused: a `ci` token can never break glass');
      const glass = await cli(0, 'ben', ['break-glass', '--env', 'production', '--commit', newHead, '--reason', 'outage', '--for', '1h']);
      expect(glass.stdout).toMatch(/BREAK-GLASS #\d+/);
      const pass = jsonOf(await cli(0, 'ci', ['verify', '--env', 'production', '--commit', newHead, '--since', 'main', '--format', 'json']), 'tollgate.verify/v1');
      expect(pass).toMatchObject({ ok: true, breakGlass: { person: 'ben', reason: 'outage' } });
      const status = jsonOf(await cli(1, 'ben', ['status', recorded.change.digest, '--format', 'json']), 'tollgate.status/v1');
      expect(status.retroReviews).toEqual([expect.objectContaining({ state: 'pending' })]);
    });

    it('reads, verifies and checkpoints the audit log through the server', async () => {
      const deploys = jsonOf(await cli(0, 'dee', ['audit', 'log', '--type', 'deploy', '--format', 'json']), 'tollgate.audit-log/v1');
      expect(deploys.events).toHaveLength(2);
      const checkpointFile = join(scratch.dir, `checkpoint-${kind}.json`);
      await cli(0, 'dee', ['audit', 'checkpoint', '--out', checkpointFile]);
      const verified = await cli(0, 'dee', ['audit', 'verify', '--checkpoint', checkpointFile]);
      expect(verified.stdout).toMatch(/audit log intact: \d+ events/);
      const csv = await cli(0, 'dee', ['audit', 'log', '--format', 'csv', '--limit', '3']);
      expect(csv.stdout.trim().split('\r\n')).toHaveLength(4);
      await cli(1, 'ci', ['audit', 'verify']); // a ci token may not read the audit log
    });

    it('reports a bad token as a usage error', async () => {
      const result = await cli(2, 'tgt_000000000000_nope', ['status', digest]);
      expect(result.stderr).toContain('check TOLLGATE_TOKEN');
    });
  });
}
