import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { digestOf, shaOf } from '../../test/store-contract/build-evaluation.js';
import { describeEachAdapter } from '../../test/store-contract/each-adapter.js';
import { NOW, buildCatalog, checkoutChange, later } from '../../test/store-contract/workflow-fixtures.js';
import { signingKeyFromPem } from '../attest/read-keys.js';
import { verifyAttestation } from '../attest/verify-attestation.js';
import type { Store } from '../store/store.js';
import { approveChange } from './approve-change.js';
import { breakGlass } from './break-glass.js';
import { changeStatus } from './change-status.js';
import { recordChange } from './record-change.js';
import { rejectChange, withdrawRejection } from './reject-change.js';
import { listRetroReviews, reportOverdueRetroReviews } from './retro-reviews.js';
import { verifyDeploy } from './verify-deploy.js';

const key = signingKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
const catalog = buildCatalog();
const [a, b, c] = [shaOf('a'), shaOf('b'), shaOf('c')];
const d1 = digestOf('d1');
const d2 = digestOf('d2');
const v1 = checkoutChange({ digest: d1, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] });
const v2 = checkoutChange({ digest: d2, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }, { sha: c, patchId: 'pc' }] });

async function approvedD1(store: Store): Promise<void> {
  await recordChange(store, v1, { now: NOW, catalog, rangePatchId: 'range-d1' });
  for (const person of ['bob', 'erin']) expect(await approveChange(store, { digestOrPrefix: d1, person }, catalog, NOW)).toMatchObject({ ok: true });
}

const verify = (store: Store, commits: { sha: string; patchId?: string }[], now = NOW, extra: Partial<Parameters<typeof verifyDeploy>[1]> = {}) =>
  verifyDeploy(store, { env: 'production', commit: commits[commits.length - 1]!.sha, commits, catalog, now, signingKey: key, actor: 'ci', ...extra });

describeEachAdapter('the deploy gate end to end', (open) => {
  it('record, refused self-approval, two approvals, pass; a new commit makes them stale and fails; break-glass passes and is overdue until approved', async () => {
    const { store, sql, dropGuards } = await open();
    await recordChange(store, v1, { now: NOW, catalog });
    expect(await approveChange(store, { digestOrPrefix: d1.slice(0, 8), person: 'alice' }, catalog, NOW)).toMatchObject({ ok: false, code: 'author' });
    expect(await verify(store, [{ sha: a }, { sha: b }])).toMatchObject({ ok: false, unapproved: [{ sha: a }, { sha: b }] });
    for (const person of ['bob', 'erin']) expect(await approveChange(store, { digestOrPrefix: d1, person }, catalog, NOW)).toMatchObject({ ok: true });

    const passed = await verify(store, [{ sha: a }, { sha: b }]);
    if (!passed.ok) throw new Error(JSON.stringify(passed));
    expect(passed.changes).toEqual([d1]);
    const check = verifyAttestation(JSON.stringify(passed.attestation), key.publicKeyPem);
    expect(check).toMatchObject({ ok: true, statement: { subject: [{ digest: { gitCommit: b } }], predicate: { env: 'production', approvals: [{ person: 'bob' }, { person: 'erin' }] } } });
    expect((await store.audit.list({ types: ['deploy'] }))[0]).toMatchObject({ seq: passed.seq, subject: b, payload: { env: 'production', changes: [d1], systems: ['checkout'] } });

    // New commit c on the same branch: d2 supersedes d1, whose approvals become stale.
    const recorded = await recordChange(store, v2, { now: later(1), catalog });
    expect(recorded.superseded).toEqual([d1]);
    const status = await changeStatus(store, d2, catalog, later(1));
    expect(status).toMatchObject({ ok: true, current: true, verdict: 'needs-approval', approvals: [], stale: [{ person: 'bob', digest: d1 }, { person: 'erin', digest: d1 }] });
    expect(await changeStatus(store, d1, catalog, later(1))).toMatchObject({ ok: true, current: false, currentDigest: d2, verdict: 'needs-approval' });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'carol' }, catalog, later(1))).toMatchObject({ ok: false, code: 'superseded' });
    const failed = await verify(store, [{ sha: a }, { sha: b }, { sha: c }], later(1));
    expect(failed).toMatchObject({ ok: false, unapproved: [{ sha: a }, { sha: b }, { sha: c }] });
    if (!failed.ok) expect(failed.unapproved[2]!.missing).toEqual([expect.stringMatching(/needs 2 approvals, 1 from checkout-eng; has 0/)]);
    expect((await store.audit.list({ types: ['verify.failed'] })).length).toBe(2);

    // Break glass: verify passes for that commit only, loudly, and a retro review is owed.
    expect(await breakGlass(store, { env: 'production', commit: c, person: 'dana', reason: 'checkout is down', incident: 'INC-7' }, catalog, later(2))).toMatchObject({ ok: true });
    expect(await verify(store, [{ sha: a }, { sha: b }, { sha: c }], later(3))).toMatchObject({ ok: true, breakGlass: { person: 'dana', incident: 'INC-7' } });
    expect(await verify(store, [{ sha: a }, { sha: b }, { sha: c }], later(7))).toMatchObject({ ok: false });
    expect(await verify(store, [{ sha: c }], later(3), { env: 'staging' })).toMatchObject({ ok: false });
    expect((await listRetroReviews(store, catalog, later(30))).map((review) => review.state)).toEqual(['pending']);
    const overdue = await changeStatus(store, d2, catalog, later(51));
    expect(overdue).toMatchObject({ ok: true, retroReviews: [{ state: 'overdue', missing: [expect.stringContaining('needs 2 approvals')] }] });
    expect(await reportOverdueRetroReviews(store, catalog, later(51))).toBe(1);
    expect(await reportOverdueRetroReviews(store, catalog, later(52))).toBe(0);
    await approveChange(store, { digestOrPrefix: d2, person: 'bob' }, catalog, later(53));
    const second = await approveChange(store, { digestOrPrefix: d2, person: 'carol' }, catalog, later(53));
    expect(second).toMatchObject({ ok: true, reviewsClosed: [{ commit: c, reviewedDigest: d2 }] });
    expect(await listRetroReviews(store, catalog, later(54))).toEqual([]);
    expect((await store.audit.list({ types: ['break-glass.reviewed'] }))[0]?.payload).toMatchObject({ late: true, digest: d2 });

    // Tampering with the trail is detected.
    expect(await store.audit.verify()).toMatchObject({ ok: true });
    await dropGuards();
    await sql(`UPDATE audit_events SET actor = 'mallory' WHERE type = 'break-glass'`);
    const tampered = await store.audit.verify();
    const breakGlassSeq = (await store.audit.list({ types: ['break-glass'] }))[0]!.seq;
    expect(tampered).toMatchObject({ ok: false, firstBadSeq: breakGlassSeq });
  });

  it('recognises rebased commits and squash merges of approved content by patch id', async () => {
    const { store } = await open();
    await approvedD1(store);
    expect(await verify(store, [{ sha: shaOf('a9'), patchId: 'pa' }, { sha: shaOf('b9'), patchId: 'pb' }])).toMatchObject({ ok: true, changes: [d1] });
    expect(await verify(store, [{ sha: shaOf('squash'), patchId: 'range-d1' }])).toMatchObject({ ok: true, changes: [d1] });
    expect(await verify(store, [{ sha: shaOf('evil'), patchId: 'other' }])).toMatchObject({ ok: false, unapproved: [{ reason: expect.stringContaining('not part of any recorded change') }] });
  });

  it('passes only a complete approved state: never an intermediate commit of an approved change', async () => {
    const { store } = await open();
    await approvedD1(store);
    const middle = `commit ${a} is in the middle of approved change ${d1.slice(0, 12)}: deploy its last commit ${b}`;
    const cases: { name: string; commits: { sha: string; patchId?: string }[]; ok: boolean }[] = [
      { name: 'first commit of A..B, by sha', commits: [{ sha: a, patchId: 'pa' }], ok: false },
      { name: 'last commit, by sha', commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }], ok: true },
      { name: 'rebase merge: last commit by patch id', commits: [{ sha: shaOf('a9'), patchId: 'pa' }, { sha: shaOf('b9'), patchId: 'pb' }], ok: true },
      { name: 'rebase merge stopped at the first commit', commits: [{ sha: shaOf('a8'), patchId: 'pa' }], ok: false },
      { name: 'squash merge: range patch id', commits: [{ sha: shaOf('sq'), patchId: 'range-d1' }], ok: true },
    ];
    for (const testCase of cases) {
      const result = await verify(store, testCase.commits);
      expect(result.ok, testCase.name).toBe(testCase.ok);
    }
    const first = await verify(store, [{ sha: a, patchId: 'pa' }]);
    expect(first).toMatchObject({ ok: false, unapproved: [{ sha: a, reason: middle }] });
    // With `--since`, deploying the first commit still fails although every commit in the range is approved.
    expect(await verify(store, [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }], NOW, { commit: a })).toMatchObject({ ok: false, unapproved: [{ sha: a, reason: middle }] });
  });

  it('fails while a rejection stands, for later content of the line too, until it is withdrawn', async () => {
    const { store } = await open();
    await approvedD1(store);
    expect(await rejectChange(store, { digestOrPrefix: d1, person: 'carol', reason: 'no rollback plan' }, catalog, NOW)).toMatchObject({ ok: true });
    expect(await verify(store, [{ sha: a }, { sha: b }])).toMatchObject({ ok: false, unapproved: [{ missing: [expect.stringContaining('rejected by carol')] }, {}] });
    await recordChange(store, v2, { now: later(1), catalog });
    for (const person of ['bob', 'erin']) await approveChange(store, { digestOrPrefix: d2, person }, catalog, later(1));
    expect(await verify(store, [{ sha: c }], later(1))).toMatchObject({ ok: false });
    expect(await withdrawRejection(store, { digestOrPrefix: d2, person: 'bob' }, catalog, later(1))).toMatchObject({ ok: false });
    expect(await withdrawRejection(store, { digestOrPrefix: d2, person: 'carol' }, catalog, later(1))).toMatchObject({ ok: true });
    expect(await verify(store, [{ sha: c }], later(1))).toMatchObject({ ok: true, changes: [d2] });
  });

  it('fails during a freeze of the deployed systems, naming it, except outside production or with break-glass', async () => {
    const { store } = await open();
    const frozen = buildCatalog({
      freezes: [{ id: 'weekend', reason: 'no friday deploys', weekly: { start: 'FRI 16:00', end: 'MON 08:00' }, timezone: 'Europe/Berlin', scope: { tiers: [1] } }],
      environments: [{ name: 'staging', production: false }],
    });
    await approvedD1(store);
    const friday = '2026-03-06T17:00:00.000Z';
    const gate = (extra: Partial<Parameters<typeof verifyDeploy>[1]> = {}) => verify(store, [{ sha: a }, { sha: b }], friday, { catalog: frozen, ...extra });
    expect(await gate()).toMatchObject({ ok: false, unapproved: [], freezes: [{ id: 'weekend', systems: ['checkout'], until: '2026-03-09T07:00:00.000Z' }] });
    expect(await gate({ env: 'staging' })).toMatchObject({ ok: true });
    await breakGlass(store, { env: 'production', commit: b, person: 'dana', reason: 'payment outage fix' }, frozen, friday);
    expect(await gate()).toMatchObject({ ok: true });
    expect(await changeStatus(store, d1, frozen, '2026-03-05T10:00:00.000Z')).toMatchObject({ ok: true, verdict: 'allow', freezes: { active: [], upcoming: [{ id: 'weekend' }] } });
    expect(await changeStatus(store, d1, frozen, friday)).toMatchObject({ ok: true, verdict: 'blocked', missing: [expect.stringContaining('change freeze weekend')] });
  });

  it('fails closed on bad input and on store errors', async () => {
    const { store } = await open();
    await approvedD1(store);
    expect(await verifyDeploy(store, { env: 'production', commit: 'HEAD', commits: [{ sha: a }], catalog, now: NOW, signingKey: key })).toMatchObject({ ok: false, errors: [expect.stringContaining('not a commit sha')] });
    expect(await verifyDeploy(store, { env: 'production', commit: c, commits: [{ sha: a }], catalog, now: NOW, signingKey: key })).toMatchObject({ ok: false, errors: [expect.stringContaining('does not contain')] });
    expect(await verifyDeploy(store, { env: 'production', commit: c, commits: [], catalog, now: NOW, signingKey: key })).toMatchObject({ ok: false });
    await store.close();
    const broken = await verify(store, [{ sha: a }, { sha: b }]);
    expect(broken).toMatchObject({ ok: false, errors: [expect.stringContaining('failed closed'), expect.stringContaining('could not be audited')] });
  });
});
