/**
 * @module The contract every Store adapter must pass; each adapter's test file runs it once.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEvaluation, digestOf, shaOf } from '../../test/store-contract/build-evaluation.js';
import type { HarnessFactory, HarnessOptions, StoreHarness } from '../../test/store-contract/store-harness.js';
import { checkpointSignerFromKey } from '../attest/checkpoint-signer.js';
import { signingKeyFromPem } from '../attest/read-keys.js';
import { GENESIS_HASH } from '../core/audit/audit-event.js';
import { hashEvent } from '../core/audit/hash-event.js';
import { isRecordRefusal, type AuditEventInput, type RecordChangeOutcome, type RecordChangeRefusal, type Store } from './store.js';

const T0 = '2026-03-01T10:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const recordedEvent = (outcome: RecordChangeOutcome | RecordChangeRefusal): AuditEventInput[] => {
  if (isRecordRefusal(outcome)) return [{ type: 'change.record-refused', actor: 'ci', subject: outcome.digest, payload: { reason: outcome.reason }, at: T0 }];
  return outcome.created ? [{ type: 'change.recorded', actor: 'ci', subject: outcome.change.digest, payload: { systems: outcome.change.systems }, at: T0 }] : [];
};
/** The outcome of a record that must not have been refused. */
const accepted = (result: RecordChangeOutcome | RecordChangeRefusal): RecordChangeOutcome => {
  if (isRecordRefusal(result)) throw new Error(`unexpected refusal: ${result.reason}`);
  return result;
};

/** A fresh ed25519 key as PEM pair plus a checkpoint signer. */
export function testSigningKey(): { signer: ReturnType<typeof checkpointSignerFromKey>; publicKeyPem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const key = signingKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  return { signer: checkpointSignerFromKey(key), publicKeyPem: key.publicKeyPem };
}

async function appendMany(store: Store, count: number, start = 0): Promise<void> {
  for (let index = start; index < start + count; index += 1) {
    await store.audit.append({ type: index % 2 ? 'approval.recorded' : 'change.recorded', actor: index % 3 ? 'dana' : 'erin', subject: `s${index}`, payload: { index, systems: [index % 2 ? 'checkout' : 'wiki'] }, at: at(index) });
  }
}

/** Registers the shared contract tests for one adapter. */
export function describeStoreContract(name: string, factory: HarnessFactory, enabled = true): void {
  describe.runIf(enabled)(`Store contract: ${name}`, () => {
    const open: StoreHarness[] = [];
    const harness = async (options?: HarnessOptions): Promise<StoreHarness> => {
      const created = await factory(options);
      open.push(created);
      return created;
    };
    afterEach(async () => {
      for (const created of open.splice(0)) await created.cleanup();
    });

    describe('audit log', () => {
      it('appends a hash chain: seq 1, 2, 3…, linked hashes, canonical payload round trip', async () => {
        const { store } = await harness();
        expect(await store.audit.head()).toBeNull();
        const first = await store.audit.append({ type: 'change.recorded', actor: 'ci', subject: 'd1', payload: { b: 1, a: [true, null, 'é'] }, at: '2026-03-01T11:00:00+01:00' });
        const second = await store.audit.append({ type: 'approval.recorded', actor: 'dana', subject: 'd1', payload: {} });
        expect(first).toMatchObject({ seq: 1, at: T0, prevHash: GENESIS_HASH, payload: { a: [true, null, 'é'], b: 1 } });
        expect(first.hash).toBe(hashEvent(GENESIS_HASH, first));
        expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
        expect(Date.parse(second.at)).not.toBeNaN();
        expect(await store.audit.head()).toEqual({ seq: 2, hash: second.hash });
        expect(await store.audit.list()).toEqual([first, second]);
        expect(await store.audit.verify()).toEqual({ ok: true, count: 2, head: { seq: 2, hash: second.hash }, checkpointsChecked: 0 });
        await expect(store.audit.append({ type: 'x', actor: 'a', subject: '', payload: {}, at: 'yesterday' })).rejects.toThrow(/not an iso 8601 time/);
      });

      it('filters the log by type, time, subject, actor, system, seq and limit', async () => {
        const { store } = await harness();
        await appendMany(store, 10);
        const seqs = async (query: Parameters<Store['audit']['list']>[0]): Promise<number[]> => (await store.audit.list(query)).map((event) => event.seq);
        expect(await seqs({ types: ['approval.recorded'] })).toEqual([2, 4, 6, 8, 10]);
        expect(await seqs({ since: at(3), until: at(6) })).toEqual([4, 5, 6]);
        expect(await seqs({ subject: 's4' })).toEqual([5]);
        expect(await seqs({ actor: 'erin' })).toEqual([1, 4, 7, 10]);
        expect(await seqs({ system: 'wiki', afterSeq: 4 })).toEqual([5, 7, 9]);
        expect(await seqs({ limit: 3, afterSeq: 8 })).toEqual([9, 10]);
      });

      it('is append-only at the database level until someone drops the guards', async () => {
        const h = await harness();
        await appendMany(h.store, 3);
        await expect(h.sql("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2")).rejects.toThrow(/append-only/);
        await expect(h.sql('DELETE FROM audit_events WHERE seq = 2')).rejects.toThrow(/append-only/);
        expect((await h.store.audit.verify()).ok).toBe(true);
      });

      const tampering: { name: string; sql: string; firstBadSeq: number; reason: RegExp }[] = [
        { name: 'UPDATE of a payload', sql: `UPDATE audit_events SET payload = '{"index":99}' WHERE seq = 4`, firstBadSeq: 4, reason: /altered/ },
        { name: 'UPDATE of an actor', sql: "UPDATE audit_events SET actor = 'mallory' WHERE seq = 2", firstBadSeq: 2, reason: /altered/ },
        { name: 'DELETE of a row', sql: 'DELETE FROM audit_events WHERE seq = 5', firstBadSeq: 5, reason: /missing/ },
        {
          name: 'INSERT of a forged row after the end',
          sql: `INSERT INTO audit_events (seq, at, actor, type, subject, payload, prev_hash, hash) VALUES (9, '${T0}', 'mallory', 'deploy', 'x', '{}', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`,
          firstBadSeq: 9,
          reason: /does not link/,
        },
        {
          name: 'INSERT of a row before the first',
          sql: `INSERT INTO audit_events (seq, at, actor, type, subject, payload, prev_hash, hash) VALUES (0, '${T0}', 'mallory', 'deploy', 'x', '{}', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`,
          firstBadSeq: 0,
          reason: /inserted/,
        },
        {
          name: 'reordering two rows (seq numbers swapped)',
          sql: 'UPDATE audit_events SET seq = -3 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 6; UPDATE audit_events SET seq = 6 WHERE seq = -3;',
          firstBadSeq: 3,
          reason: /does not link/,
        },
      ];
      for (const tamper of tampering) {
        it(`verify names the first bad seq after ${tamper.name}`, async () => {
          const h = await harness();
          await appendMany(h.store, 8);
          await h.dropGuards();
          await h.sql(tamper.sql);
          const result = await h.store.audit.verify();
          expect(result).toMatchObject({ ok: false, firstBadSeq: tamper.firstBadSeq });
          if (!result.ok) expect(result.reason).toMatch(tamper.reason);
        });
      }

      it('signs checkpoints every N events and on demand; they catch truncation and rewrites', async () => {
        const { signer, publicKeyPem } = testSigningKey();
        const h = await harness({ signer, checkpointEvery: 5 });
        await appendMany(h.store, 12);
        const latest = await h.store.audit.latestCheckpoint();
        expect(latest).toMatchObject({ seq: 10, keyId: signer.keyId });
        const exported = await h.store.audit.checkpoint();
        expect(exported).toMatchObject({ seq: 12, hash: (await h.store.audit.head())!.hash });
        expect(await h.store.audit.checkpoint()).toEqual(exported);
        expect(await h.store.audit.verify({ checkpoint: exported, publicKey: publicKeyPem })).toMatchObject({ ok: true, count: 12, checkpointsChecked: 4 });

        // Truncation of the tail with the stored checkpoints deleted too: only the exported one notices.
        await h.dropGuards();
        await h.sql('DELETE FROM audit_events WHERE seq > 8; DELETE FROM audit_checkpoints WHERE seq > 8;');
        expect((await h.store.audit.verify()).ok).toBe(true);
        expect(await h.store.audit.verify({ checkpoint: exported })).toMatchObject({ ok: false, firstBadSeq: 9, reason: expect.stringMatching(/truncated/) });
        // A checkpoint file whose content was changed no longer carries a valid signature.
        expect(await h.store.audit.verify({ checkpoint: { ...exported, hash: 'a'.repeat(64) }, publicKey: publicKeyPem })).toMatchObject({
          ok: false,
          firstBadSeq: 12,
          reason: expect.stringMatching(/checkpoint file .* no valid signature/),
        });
        // Stored checkpoints are checked against the key too: another key's holder cannot vouch for them.
        expect(await h.store.audit.verify({ publicKey: testSigningKey().publicKeyPem })).toMatchObject({ ok: false, firstBadSeq: 5 });
      });

      it('refuses an on-demand checkpoint without a signing key', async () => {
        const { store } = await harness();
        await appendMany(store, 1);
        await expect(store.audit.checkpoint()).rejects.toThrow(/no signing key/);
      });
    });

    describe('changes', () => {
      const d1 = digestOf('d1');
      const d2 = digestOf('d2');
      const [a, b, c] = [shaOf('a'), shaOf('b'), shaOf('c')];

      it('records idempotently by digest and finds by digest, prefix, commit and patch id', async () => {
        const { store } = await harness();
        const evaluation = buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] });
        const first = accepted(await store.changes.record({ evaluation, at: T0, rangePatchId: 'range1' }, recordedEvent));
        expect(first).toMatchObject({ created: true, superseded: [], addedCommits: [a, b] });
        expect(first.change).toMatchObject({ digest: d1, lineId: d1, systems: ['checkout'], commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }], rangePatchId: 'range1' });
        const again = await store.changes.record({ evaluation: { ...evaluation, evaluatedAt: at(5) }, at: at(5) }, recordedEvent);
        expect(again).toMatchObject({ created: false, evaluationUpdated: false, addedCommits: [], superseded: [] });
        expect((await store.audit.list()).map((event) => event.type)).toEqual(['change.recorded']);

        expect((await store.changes.find(d1)).ok).toBe(true);
        expect(await store.changes.find(d1.slice(0, 6).toUpperCase())).toMatchObject({ ok: true, change: { digest: d1 } });
        expect(await store.changes.find('ffff')).toMatchObject({ ok: false, reason: 'not-found' });
        expect(await store.changes.find('xyz')).toMatchObject({ ok: false, reason: 'invalid' });
        expect((await store.changes.findByCommits([b, c])).map((change) => change.digest)).toEqual([d1]);
        expect((await store.changes.findHolding([], ['pb'])).map((change) => change.digest)).toEqual([d1]);
        expect((await store.changes.findHolding([], ['range1'])).map((change) => change.digest)).toEqual([d1]);
        // Found by a sha and by patch ids at once, the change comes back once.
        expect((await store.changes.findHolding([b, c], ['pb', 'range1'])).map((change) => change.digest)).toEqual([d1]);
        expect(await store.changes.findByCommits([c])).toEqual([]);
        expect(await store.changes.get(d2)).toBeNull();
        expect((await store.changes.getMany([d2, d1, d1.replace(/.$/, 'x')])).map((change) => change.digest)).toEqual([d1]);
      });

      it('lists candidates for an ambiguous prefix', async () => {
        const { store } = await harness();
        const x1 = `abcd1${'0'.repeat(59)}`;
        const x2 = `abcd2${'0'.repeat(59)}`;
        for (const digest of [x1, x2]) await store.changes.record({ evaluation: buildEvaluation({ digest }), at: T0 }, recordedEvent);
        expect(await store.changes.find('abcd')).toMatchObject({ ok: false, reason: 'ambiguous', candidates: [x1, x2], message: expect.stringContaining('matches 2 changes') });
        expect(await store.changes.find('abcd2')).toMatchObject({ ok: true, change: { digest: x2 } });
      });

      it('supersedes content when new commits arrive, keeps it through a rebase, reinstates re-recorded content', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] }), at: T0 }, recordedEvent);
        // A rebase: new shas, same patch ids and digest: nothing is superseded, the new shas are learnt.
        const [a2, b2] = [shaOf('a2'), shaOf('b2')];
        const rebased = await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a2, patchId: 'pa' }, { sha: b2, patchId: 'pb' }] }), at: at(1) }, recordedEvent);
        expect(rebased).toMatchObject({ created: false, addedCommits: [a2, b2], superseded: [] });
        expect((await store.changes.findByCommits([b2])).map((change) => change.digest)).toEqual([d1]);
        // A new commit on top of the rebased branch: found through the first commit's patch id.
        const next = await store.changes.record(
          { evaluation: buildEvaluation({ digest: d2, commits: [{ sha: shaOf('a3'), patchId: 'pa' }, { sha: shaOf('b3'), patchId: 'pb' }, { sha: c, patchId: 'pc' }] }), at: at(2) },
          recordedEvent,
        );
        expect(next).toMatchObject({ created: true, superseded: [d1], change: { lineId: d1 } });
        expect(await store.changes.get(d1)).toMatchObject({ supersededBy: d2 });
        expect((await store.changes.line(d1)).map((change) => change.digest)).toEqual([d1, d2]);
        expect((await store.changes.getMany([d2, d1])).map((change) => [change.digest, change.supersededBy])).toEqual([[d2, undefined], [d1, d2]]);
        // Recording the old content again (the branch was reset to it) makes it current again.
        const back = await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] }), at: at(3) }, recordedEvent);
        expect(back).toMatchObject({ created: false, reinstated: true, superseded: [d2] });
        expect((await store.changes.get(d1))?.supersededBy).toBeUndefined();
        expect(await store.changes.get(d2)).toMatchObject({ supersededBy: d1 });
      });

      it('links amended content through the line key, and keeps different line keys apart', async () => {
        const { store } = await harness();
        const d3 = digestOf('d3');
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }] }), at: T0, lineKey: 'branch:feature/x' }, recordedEvent);
        const amended = await store.changes.record({ evaluation: buildEvaluation({ digest: d2, commits: [{ sha: b, patchId: 'pb' }] }), at: at(1), lineKey: 'branch:feature/x' }, recordedEvent);
        expect(amended).toMatchObject({ superseded: [d1], change: { lineId: d1, lineKey: 'branch:feature/x' } });
        // A cherry-pick of the same commit on another branch is other work, not new content of this line.
        const picked = await store.changes.record({ evaluation: buildEvaluation({ digest: d3, commits: [{ sha: c, patchId: 'pb' }] }), at: at(2), lineKey: 'branch:release' }, recordedEvent);
        expect(picked).toMatchObject({ superseded: [], change: { lineId: d3 } });
      });

      it('updates a known digest’s evaluation when it was re-evaluated differently', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1 }), at: T0 }, recordedEvent);
        const stricter = buildEvaluation({ digest: d1, verdict: 'blocked', findings: [{ rule: 'infra-destroy', severity: 'critical', message: 'destroys a database' }] });
        expect(await store.changes.record({ evaluation: stricter, at: at(1) }, recordedEvent)).toMatchObject({ created: false, evaluationUpdated: true });
        expect((await store.changes.get(d1))?.evaluation.verdict).toBe('blocked');
      });

      it('keeps the stored evaluation of decided content; a rebase still adds its commits', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }] }), at: T0 }, recordedEvent);
        await store.approvals.append({ kind: 'approve', digest: d1, person: 'dana', at: at(1) }, () => []);
        // A laxer evaluation of approved content (no finding, allow) must not replace what was approved.
        const laxer = buildEvaluation({ digest: d1, verdict: 'allow', commits: [{ sha: c, patchId: 'pa' }], findings: [] });
        const strict = (await store.changes.get(d1))!.evaluation;
        const again = await store.changes.record({ evaluation: laxer, at: at(2) }, recordedEvent);
        expect(again).toMatchObject({ created: false, evaluationUpdated: false, evaluationKept: true, addedCommits: [c] });
        expect((await store.changes.get(d1))?.evaluation).toEqual(strict);
        expect((await store.changes.findByCommits([c])).map((change) => change.digest)).toEqual([d1]);
        // The same evaluation again is plain idempotence, not a kept evaluation.
        expect(await store.changes.record({ evaluation: strict, at: at(3) }, recordedEvent)).not.toHaveProperty('evaluationKept');
      });

      it('refuses a commit sha claimed with another patch id than recorded, writing only the refusal event', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }] }), at: T0 }, recordedEvent);
        const cases: { name: string; digest: string; commits: { sha: string; patchId?: string }[]; refused: boolean }[] = [
          { name: 'other change, other patch id', digest: d2, commits: [{ sha: a, patchId: 'px' }], refused: true },
          { name: 'same change, other patch id', digest: d1, commits: [{ sha: a, patchId: 'px' }], refused: true },
          { name: 'one record, one sha twice', digest: d2, commits: [{ sha: b, patchId: 'p1' }, { sha: b, patchId: 'p2' }], refused: true },
          { name: 'same patch id in another change', digest: digestOf('d3'), commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }], refused: false },
        ];
        for (const testCase of cases) {
          const before = (await store.audit.list()).length;
          const result = await store.changes.record({ evaluation: buildEvaluation({ digest: testCase.digest, commits: testCase.commits }), at: at(1) }, recordedEvent);
          expect(isRecordRefusal(result), testCase.name).toBe(testCase.refused);
          if (!isRecordRefusal(result)) continue;
          expect(result).toMatchObject({ code: 'patch-id-conflict', digest: testCase.digest, reason: expect.stringContaining('patch id') });
          const events = (await store.audit.list()).slice(before);
          expect(events.map((event) => event.type), testCase.name).toEqual(['change.record-refused']);
        }
        expect(await store.changes.get(d2)).toBeNull();
        expect((await store.changes.get(d1))?.commits).toEqual([{ sha: a, patchId: 'pa' }]);
      });

      it('knows the last commits of a change, one per rebase', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] }), at: T0 }, recordedEvent);
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: shaOf('a2'), patchId: 'pa' }, { sha: shaOf('b2'), patchId: 'pb' }] }), at: at(1) }, recordedEvent);
        expect((await store.changes.get(d1))?.lastCommits).toEqual(expect.arrayContaining([{ sha: b, patchId: 'pb' }, { sha: shaOf('b2'), patchId: 'pb' }]));
        expect((await store.changes.get(d1))?.lastCommits).toHaveLength(2);
      });
    });

    describe('approvals', () => {
      const d1 = digestOf('d1');
      const d2 = digestOf('d2');

      it('appends decisions with their audit events in one transaction', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: shaOf('a') }] }), at: T0 }, recordedEvent);
        const stored = await store.approvals.append({ kind: 'approve', digest: d1, person: 'dana', at: at(1), comment: 'lgtm' }, (decision) => [
          { type: 'approval.recorded', actor: decision.person, subject: decision.digest, payload: { id: decision.id }, at: decision.at },
        ]);
        expect(stored).toMatchObject({ id: expect.any(Number), person: 'dana' });
        expect(await store.approvals.list(d1)).toEqual([{ kind: 'approve', person: 'dana', digest: d1, at: at(1), comment: 'lgtm' }]);
        expect((await store.audit.list({ types: ['approval.recorded'] }))[0]?.payload).toEqual({ id: stored.id });
        // When the audit event cannot be built, the decision is not stored either.
        await expect(
          store.approvals.append({ kind: 'approve', digest: d1, person: 'erin', at: at(2) }, () => {
            throw new Error('audit failure');
          }),
        ).rejects.toThrow('audit failure');
        expect((await store.approvals.list(d1)).map((record) => record.person)).toEqual(['dana']);
        await expect(store.approvals.append({ kind: 'approve', digest: d2, person: 'dana', at: at(3) }, () => [])).rejects.toThrow(/unrecorded change/);
      });

      it('folds withdrawals into the line’s rejections and groups decisions by line', async () => {
        const { store } = await harness();
        await store.changes.record({ evaluation: buildEvaluation({ digest: d1, commits: [{ sha: shaOf('a') }] }), at: T0 }, recordedEvent);
        await store.approvals.append({ kind: 'reject', digest: d1, person: 'erin', at: at(1), comment: 'no rollback plan' }, () => []);
        await store.changes.record({ evaluation: buildEvaluation({ digest: d2, commits: [{ sha: shaOf('a') }, { sha: shaOf('b') }] }), at: at(2) }, recordedEvent);
        await store.approvals.append({ kind: 'approve', digest: d2, person: 'dana', at: at(3), signature: 'sig' }, () => []);
        await store.approvals.append({ kind: 'withdraw', digest: d2, person: 'erin', at: at(4) }, () => []);
        const lines = await store.approvals.listForLines([d1]);
        expect(lines.get(d1)).toEqual([
          { kind: 'reject', person: 'erin', digest: d1, at: at(1), comment: 'no rollback plan', withdrawn: true },
          { kind: 'approve', person: 'dana', digest: d2, at: at(3), signature: 'sig' },
        ]);
        expect(await store.approvals.list(d1)).toEqual([{ kind: 'reject', person: 'erin', digest: d1, at: at(1), comment: 'no rollback plan', withdrawn: true }]);
      });
    });

    describe('break-glass', () => {
      it('is active for its environment and commit within its window, then owes a retro review', async () => {
        const { store } = await harness();
        const commit = shaOf('hotfix');
        const record = await store.breakGlass.create(
          { env: 'production', commit, person: 'dana', reason: 'checkout down', incident: 'INC-1', at: T0, expiresAt: at(240), reviewDueAt: at(48 * 60) },
          (created) => [{ type: 'break-glass', actor: created.person, subject: `production@${commit}`, payload: { id: created.id }, at: created.at }],
        );
        expect(record).toMatchObject({ id: expect.any(Number), incident: 'INC-1' });
        expect(await store.breakGlass.active('production', commit, at(10))).toEqual([record]);
        expect(await store.breakGlass.active('production', commit, at(240))).toEqual([]);
        expect(await store.breakGlass.active('staging', commit, at(10))).toEqual([]);
        expect(await store.breakGlass.overdue(at(47 * 60))).toEqual([]);
        expect(await store.breakGlass.overdue(at(49 * 60))).toEqual([record]);
        const closed = await store.breakGlass.closeReview(record.id, { at: at(50 * 60), digest: digestOf('d1') }, () => [
          { type: 'break-glass.reviewed', actor: 'tollgate', subject: `production@${commit}`, payload: {}, at: at(50 * 60) },
        ]);
        expect(closed).toMatchObject({ reviewedAt: at(50 * 60), reviewedDigest: digestOf('d1') });
        expect(await store.breakGlass.closeReview(record.id, { at: at(51 * 60), digest: digestOf('d1') }, () => [])).toBeNull();
        expect(await store.breakGlass.openReviews()).toEqual([]);
        expect((await store.audit.list()).map((event) => event.type)).toEqual(['break-glass', 'break-glass.reviewed']);
      });
    });

    it('reports its schema version', async () => {
      const { store } = await harness();
      expect(await store.schemaVersion()).toBe(1);
    });
  });
}
