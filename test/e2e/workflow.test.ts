/**
 * The whole approval workflow through the real built CLI, on SQLite and on PostgreSQL: record,
 * refused self-approval, two approvals, verify with an attestation that `attest verify` accepts,
 * a new commit making approvals stale so verify fails, break-glass and its overdue retro review,
 * the audit log, and tampering with `audit_events` detected by `audit verify`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitRepo } from '../helpers/git-repo.js';
import { requirePostgres } from '../store-contract/store-harness.js';
import { addShopCommit, createScratch, createShopRepo, expectCli, hoursFromNow, isolatedEnv, jsonOf } from './workflow-fixtures.js';
import { createE2eStore, type E2eStore, type StoreKind } from './workflow-stores.js';

const postgresUp = await requirePostgres();
const ADAPTERS: { kind: StoreKind; enabled: boolean }[] = [
  { kind: 'sqlite', enabled: true },
  { kind: 'postgres', enabled: postgresUp },
];

for (const { kind, enabled } of ADAPTERS) {
  describe.runIf(enabled).sequential(`the approval workflow from the CLI (${kind})`, () => {
    let repo: GitRepo;
    let scratch: ReturnType<typeof createScratch>;
    let store: E2eStore;
    let digest: string;
    let newDigest: string;
    let firstHead: string;
    let newHead: string;
    const env = (extra: Record<string, string | undefined> = {}) => isolatedEnv(scratch.dir, { ...store.env, ...extra });
    const cli = (code: number, args: string[], extra: Record<string, string | undefined> = {}) => expectCli(code, args, { cwd: repo.dir, env: env(extra) });

    beforeAll(async () => {
      scratch = createScratch();
      store = await createE2eStore(kind, scratch.dir);
      repo = createShopRepo();
      firstHead = repo.sha('feature');
    });
    afterAll(async () => {
      await store?.cleanup();
      repo?.cleanup();
      scratch?.cleanup();
    });

    it('makes the attestation key once, inside an ignored .tollgate folder', async () => {
      const first = jsonOf(await cli(0, ['keys', 'init', '--format', 'json']), 'tollgate.keys/v1');
      expect(first).toMatchObject({ created: true, privateKeyPath: join(repo.dir, '.tollgate', 'keys', 'attestation.key') });
      const again = jsonOf(await cli(0, ['keys', 'init', '--format', 'json']), 'tollgate.keys/v1');
      expect(again).toMatchObject({ created: false, keyId: first.keyId });
      expect(readFileSync(join(repo.dir, '.tollgate', '.gitignore'), 'utf8')).toContain('*');
      expect(repo.git('status', '--porcelain')).toBe('');
    });

    it('records the change with check --record, once', async () => {
      const first = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1');
      expect(first).toMatchObject({ verdict: 'needs-approval', recorded: { created: true, superseded: [] } });
      digest = first.change.digest;
      const again = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1');
      expect(again.recorded).toMatchObject({ created: false, evaluationUpdated: false, addedCommits: [] });
      const text = await cli(1, ['check', '--record', '--doc', scratch.doc]);
      expect(text.stdout).toContain(`change ${digest.slice(0, 12)} was already recorded`);
      const recorded = jsonOf(await cli(0, ['audit', 'log', '--type', 'change.recorded', '--format', 'json']), 'tollgate.audit-log/v1');
      expect(recorded.events).toHaveLength(1);
    });

    it('refuses the author (known from git user.email), an ai identity and an unknown person, with exit 1', async () => {
      repo.git('config', 'user.email', 'ana@example.com');
      const self = await cli(1, ['approve', digest.slice(0, 8)]);
      expect(self.stdout).toContain('approval refused: `ana` wrote or operated this change and cannot approve it');
      for (const [as, code] of [['bot', 'ai-identity'], ['mallory', 'unknown-person'], ['ana@example.com', 'author']]) {
        const refused = jsonOf(await cli(1, ['approve', digest, '--as', as!, '--format', 'json']), 'tollgate.approve/v1');
        expect(refused).toMatchObject({ ok: false, code });
      }
      const refusals = jsonOf(await cli(0, ['audit', 'log', '--type', 'approval.refused', '--format', 'json']), 'tollgate.audit-log/v1');
      expect(refusals.events.map((event: { payload: { code: string } }) => event.payload.code)).toEqual(['author', 'ai-identity', 'unknown-person', 'author']);
    });

    it('records two approvals ($TOLLGATE_USER and --as) after which status is allow', async () => {
      const ben = await cli(0, ['approve', digest.slice(0, 10), '--comment', 'looks right'], { TOLLGATE_USER: 'ben@example.com' });
      expect(ben.stdout).toContain(`ben approved ${digest.slice(0, 12)}`);
      expect(jsonOf(await cli(1, ['status', digest, '--format', 'json']), 'tollgate.status/v1').verdict).toBe('needs-approval');
      await cli(0, ['approve', digest, '--as', 'cho']);
      const twice = jsonOf(await cli(0, ['approve', digest, '--as', 'cho', '--format', 'json']), 'tollgate.approve/v1');
      expect(twice).toMatchObject({ ok: true, person: 'cho', alreadyRecorded: true });
      const status = jsonOf(await cli(0, ['status', digest.slice(0, 6), '--format', 'json']), 'tollgate.status/v1');
      expect(status).toMatchObject({ verdict: 'allow', current: true, missing: [], stale: [] });
      expect(status.approvals.map((approval: { person: string }) => approval.person)).toEqual(['ben', 'cho']);
      const text = await cli(0, ['status', digest]);
      expect(text.stdout).toMatch(/✓ 2 approvals from people other than ana .*approved by ben, cho/);
      expect(text.stdout).toContain('approved by: ben at');
    });

    it('verify passes, records a deploy and writes an attestation that attest verify accepts', async () => {
      const pass = await cli(0, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main']);
      expect(pass.stdout).toContain(`verify passed: ${firstHead.slice(0, 12)} to production`);
      expect(pass.stdout).toContain('approved by ben, cho');
      const file = join(repo.dir, '.tollgate', 'attestations', `${firstHead}-production.dsse.json`);
      expect(existsSync(file)).toBe(true);
      const accepted = await cli(0, ['attest', 'verify', file, '--commit', firstHead, '--env', 'production']);
      expect(accepted.stdout).toContain(`commit ${firstHead} to production`);
      expect(accepted.stdout).toContain('approvals: ben, cho');
      await cli(1, ['attest', 'verify', file, '--env', 'staging']);
      const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
      const forged = Buffer.from(Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"production"', '"producti0n"')).toString('base64');
      writeFileSync(join(scratch.dir, 'forged.json'), JSON.stringify({ ...envelope, payload: forged }));
      const rejected = await cli(1, ['attest', 'verify', join(scratch.dir, 'forged.json'), '--key', join(repo.dir, '.tollgate', 'keys', 'attestation.pub')]);
      expect(rejected.stdout).toContain('no signature in the envelope verifies');
      const deploys = jsonOf(await cli(0, ['audit', 'log', '--type', 'deploy', '--format', 'json']), 'tollgate.audit-log/v1');
      expect(deploys.events).toEqual([expect.objectContaining({ subject: firstHead, payload: expect.objectContaining({ env: 'production', changes: [digest] }) })]);
    });

    it('a new commit makes the approvals stale: approving old content is refused and verify fails', async () => {
      newHead = addShopCommit(repo, 'export const tax = 0;');
      const recorded = jsonOf(await cli(1, ['check', '--record', '--doc', scratch.doc, '--format', 'json']), 'tollgate.check/v1');
      newDigest = recorded.change.digest;
      expect(newDigest).not.toBe(digest);
      expect(recorded.recorded).toMatchObject({ created: true, superseded: [digest] });
      const old = jsonOf(await cli(1, ['status', digest, '--format', 'json']), 'tollgate.status/v1');
      expect(old).toMatchObject({ current: false, currentDigest: newDigest, approvals: [] });
      expect(old.stale.map((approval: { person: string }) => approval.person)).toEqual(['ben', 'cho']);
      const text = await cli(1, ['status', newDigest]);
      expect(text.stdout).toContain('stale approvals (earlier content; they no longer count):');
      expect(jsonOf(await cli(1, ['approve', digest, '--as', 'ben', '--format', 'json']), 'tollgate.approve/v1')).toMatchObject({ ok: false, code: 'superseded' });
      const failed = await cli(1, ['verify', '--env', 'production', '--commit', 'feature', '--since', 'main', '--format', 'json']);
      const verdict = jsonOf(failed, 'tollgate.verify/v1');
      expect(verdict.ok).toBe(false);
      expect(verdict.unapproved.map((commit: { sha: string }) => commit.sha)).toEqual([firstHead, newHead]);
      const failedText = await cli(1, ['verify', '--env', 'production', '--commit', newHead, '--since', 'main']);
      expect(failedText.stdout).toContain(`${newHead.slice(0, 12)}  change \`${newDigest.slice(0, 12)}\` is needs-approval`);
      expect(failedText.stdout).toContain('needs 2 approvals, 1 from shop-eng; has 0');
    });

    it('break-glass lets verify pass for its window; its retro review shows as overdue after 48 h', async () => {
      const glass = await cli(0, ['break-glass', '--env', 'production', '--commit', newHead.slice(0, 10), '--as', 'ben', '--reason', 'checkout is down', '--incident', 'INC-7', '--for', '2h']);
      expect(glass.stdout).toContain('BREAK-GLASS #1');
      expect(glass.stdout).toContain('checkout is down (incident INC-7)');
      const pass = jsonOf(await cli(0, ['verify', '--env', 'production', '--commit', newHead, '--since', 'main', '--format', 'json']), 'tollgate.verify/v1');
      expect(pass).toMatchObject({ ok: true, breakGlass: { id: 1, person: 'ben' } });
      await cli(1, ['verify', '--env', 'staging', '--commit', newHead, '--since', 'main']); // another environment: no override
      await cli(1, ['verify', '--env', 'production', '--commit', newHead, '--since', 'main'], { TOLLGATE_NOW: hoursFromNow(3) }); // the window closed
      const pending = jsonOf(await cli(1, ['status', newDigest, '--format', 'json']), 'tollgate.status/v1');
      expect(pending.retroReviews).toEqual([expect.objectContaining({ state: 'pending' })]);
      const overdue = await cli(1, ['status', newDigest], { TOLLGATE_NOW: hoursFromNow(49) });
      expect(overdue.stdout).toMatch(/OVERDUE retro review of break-glass #1 \(\w+ to production by ben/);
      expect(overdue.stderr).toContain('TOLLGATE_NOW is set');
      const json = jsonOf(await cli(1, ['status', newDigest, '--format', 'json'], { TOLLGATE_NOW: hoursFromNow(49) }), 'tollgate.status/v1');
      expect(json.retroReviews).toEqual([expect.objectContaining({ state: 'overdue', breakGlass: expect.objectContaining({ id: 1, reason: 'checkout is down' }) })]);
    });

    it('lists the audit log as text, json and csv, filtered by system and type', async () => {
      const all = jsonOf(await cli(0, ['audit', 'log', '--system', 'shop', '--format', 'json']), 'tollgate.audit-log/v1');
      const types = new Set(all.events.map((event: { type: string }) => event.type));
      for (const type of ['change.recorded', 'approval.refused', 'approval.recorded', 'change.superseded', 'deploy']) expect(types).toContain(type);
      const glass = await cli(0, ['audit', 'log', '--type', 'break-glass']);
      expect(glass.stdout).toMatch(new RegExp(`^#\\d+  \\S+  ben  break-glass  ${newHead}  \\{.*"incident":"INC-7"`, 'm'));
      const csv = await cli(0, ['audit', 'log', '--type', 'verify.failed', '--format', 'csv']);
      const lines = csv.stdout.trim().split('\r\n');
      expect(lines[0]).toBe('seq,at,actor,type,subject,payload,prev_hash,hash');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines[1]).toContain('"verify.failed"');
    });

    it('detects truncation against an exported checkpoint, and an edited event by its seq', async () => {
      const checkpointFile = join(scratch.dir, 'checkpoint.json');
      await cli(0, ['audit', 'checkpoint', '--out', checkpointFile]);
      await cli(2, ['audit', 'checkpoint', '--out', checkpointFile]); // never overwritten
      const intact = jsonOf(await cli(0, ['audit', 'verify', '--checkpoint', checkpointFile, '--format', 'json']), 'tollgate.audit-verify/v1');
      expect(intact).toMatchObject({ ok: true, checkpointsChecked: 2 });
      const count = intact.count as number;
      expect((await cli(0, ['audit', 'verify'])).stdout).toContain(`audit log intact: ${count} events`);

      await store.dropGuards();
      await store.sql(`DELETE FROM audit_checkpoints; DELETE FROM audit_events WHERE seq >= ${count - 1}`);
      await cli(0, ['audit', 'verify']); // a shorter chain is still a chain …
      const truncated = await cli(1, ['audit', 'verify', '--checkpoint', checkpointFile]); // … which the exported checkpoint exposes
      expect(truncated.stdout).toMatch(/audit log tampered: first bad seq \d+/);

      await store.sql(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 3`);
      const edited = await cli(1, ['audit', 'verify']);
      expect(edited.stdout).toContain('audit log tampered: first bad seq 3');
      expect(jsonOf(await cli(1, ['audit', 'verify', '--format', 'json']), 'tollgate.audit-verify/v1')).toMatchObject({ ok: false, firstBadSeq: 3 });
    });
  });
}
