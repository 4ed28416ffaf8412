import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { digestOf, shaOf } from '../../test/store-contract/build-evaluation.js';
import { describeEachAdapter } from '../../test/store-contract/each-adapter.js';
import { NOW, buildCatalog, checkoutChange, directorSignOff, tier1Approvals } from '../../test/store-contract/workflow-fixtures.js';
import { approvalStatement } from '../attest/approval-statement.js';
import { generateSshKey, signWithSshKey } from '../attest/sign-with-ssh-key.js';
import { approveChange, type ApproveInput } from './approve-change.js';
import { changeStatus } from './change-status.js';
import { recordChange } from './record-change.js';

const d1 = digestOf('d1');
const d2 = digestOf('d2');
const catalog = buildCatalog();
const change = checkoutChange({
  digest: d1,
  commits: [{ sha: shaOf('a'), author: 'Alice <ALICE@example.com>' }],
  operators: ['erin@example.com'],
  requirements: [tier1Approvals({ excluded: [] }), directorSignOff()],
  verdict: 'blocked',
});

let ssh: { danaKey: string; danaPub: string; bobPub: string };
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-approve-'));
  ssh = { danaKey: join(dir, 'dana'), danaPub: await generateSshKey(join(dir, 'dana')), bobPub: await generateSshKey(join(dir, 'bob')) };
});

describeEachAdapter('approveChange', (open) => {
  const refusals: { name: string; input: ApproveInput; code: string; reason: RegExp }[] = [
    { name: 'unknown person', input: { digestOrPrefix: d1, person: 'zed' }, code: 'unknown-person', reason: /`zed` is not a person in the catalog/ },
    { name: 'ai identity', input: { digestOrPrefix: d1, person: 'claude' }, code: 'ai-identity', reason: /ai can never approve/ },
    { name: 'commit author (by email, any case)', input: { digestOrPrefix: d1, person: 'alice' }, code: 'author', reason: /`alice` wrote or operated/ },
    { name: 'operator of the agent', input: { digestOrPrefix: d1, person: 'erin@example.com' }, code: 'author', reason: /`erin` wrote or operated/ },
    { name: 'unknown digest', input: { digestOrPrefix: 'ffffff', person: 'bob' }, code: 'not-found', reason: /no recorded change matches `ffffff`/ },
    { name: 'not a digest', input: { digestOrPrefix: 'main', person: 'bob' }, code: 'invalid', reason: /not a change digest/ },
    { name: 'superseded content', input: { digestOrPrefix: d2, person: 'bob' }, code: 'superseded', reason: /no longer the change's current content/ },
    { name: 'sign-off by an owner', input: { digestOrPrefix: d1, person: 'bob', signOff: true }, code: 'not-a-signer', reason: /not the director or vp of `checkout`/ },
    { name: 'signature by someone else’s key', input: { digestOrPrefix: d1, person: 'bob', signature: 'SIGNED-BY-DANA' }, code: 'bad-signature', reason: /signature/ },
  ];

  it('refuses with a reason, and audits every refusal', async () => {
    const { store } = await open();
    await recordChange(store, checkoutChange({ digest: d2, commits: [{ sha: shaOf('x'), patchId: 'px' }] }), { now: NOW });
    await recordChange(store, change, { now: NOW });
    await recordChange(store, checkoutChange({ digest: digestOf('d3'), commits: [{ sha: shaOf('x2'), patchId: 'px' }, { sha: shaOf('y') }] }), { now: NOW });
    const withKeys = buildCatalog({ people: [] });
    withKeys.people.find((person) => person.id === 'bob')!.keys.push(ssh.bobPub);
    const danaSignature = await signWithSshKey({ message: approvalStatement({ kind: 'approve', digest: d1, person: 'bob' }), privateKeyPath: ssh.danaKey });
    for (const refusal of refusals) {
      const input = refusal.input.signature ? { ...refusal.input, signature: danaSignature } : refusal.input;
      const result = await approveChange(store, input, withKeys, NOW);
      expect(result, refusal.name).toMatchObject({ ok: false, code: refusal.code });
      if (!result.ok) expect(result.reason, refusal.name).toMatch(refusal.reason);
    }
    const audited = await store.audit.list({ types: ['approval.refused'] });
    expect(audited.map((event) => event.payload.code)).toEqual(refusals.map((refusal) => refusal.code));
    expect(audited[0]).toMatchObject({ actor: 'zed', subject: d1, payload: { systems: ['checkout'] } });
    expect(await store.approvals.list(d1)).toEqual([]);
  });

  it('lists candidates for an ambiguous prefix', async () => {
    const { store } = await open();
    for (const digest of [`abcd1${'0'.repeat(59)}`, `abcd2${'0'.repeat(59)}`]) await recordChange(store, checkoutChange({ digest }), { now: NOW });
    expect(await approveChange(store, { digestOrPrefix: 'abcd', person: 'bob' }, catalog, NOW)).toMatchObject({ ok: false, code: 'ambiguous', candidates: [expect.any(String), expect.any(String)] });
  });

  it('records approvals and a director sign-off, idempotently, and status counts them', async () => {
    const { store } = await open();
    await recordChange(store, change, { now: NOW });
    expect(await approveChange(store, { digestOrPrefix: d1.slice(0, 10), person: 'bob@example.com', comment: 'looks right' }, catalog, NOW)).toMatchObject({ ok: true, person: 'bob', kind: 'approve', alreadyRecorded: false });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'bob' }, catalog, NOW)).toMatchObject({ ok: true, alreadyRecorded: true });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'carol' }, catalog, NOW)).toMatchObject({ ok: true });
    expect(await changeStatus(store, d1, catalog, NOW)).toMatchObject({ ok: true, verdict: 'blocked', missing: [expect.stringContaining('needs sign-off by director dana')] });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'victor', signOff: true }, catalog, NOW)).toMatchObject({ ok: true, kind: 'sign-off', role: 'vp' });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'dana', signOff: true }, catalog, NOW)).toMatchObject({ ok: true, kind: 'sign-off', role: 'director' });
    expect(await changeStatus(store, d1, catalog, NOW)).toMatchObject({ ok: true, verdict: 'allow', missing: [] });
    const events = await store.audit.list({ types: ['approval.recorded', 'sign-off.recorded'] });
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ['approval.recorded', 'bob'],
      ['approval.recorded', 'carol'],
      ['sign-off.recorded', 'victor'],
      ['sign-off.recorded', 'dana'],
    ]);
    expect(events[0]?.payload).toMatchObject({ comment: 'looks right', signed: false, systems: ['checkout'] });
  });

  it('requires approvals signed with a key the catalog lists when the tier says so', async () => {
    const { store } = await open();
    const strict = buildCatalog({ policy: { tiers: { 1: { signedApprovals: true } } } });
    strict.people.find((person) => person.id === 'dana')!.keys.push(ssh.danaPub);
    await recordChange(store, checkoutChange({ digest: d1, requirements: [tier1Approvals({ signaturesRequired: true })] }), { now: NOW });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'dana' }, strict, NOW)).toMatchObject({ ok: false, code: 'signature-required' });
    const signature = await signWithSshKey({ message: approvalStatement({ kind: 'approve', digest: d1, person: 'dana' }), privateKeyPath: ssh.danaKey });
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'dana', signature }, strict, NOW)).toMatchObject({ ok: true });
    expect(await store.approvals.list(d1)).toEqual([expect.objectContaining({ person: 'dana', signature })]);
    expect(await approveChange(store, { digestOrPrefix: d1, person: 'bob', signature }, strict, NOW)).toMatchObject({ ok: false, code: 'bad-signature', reason: expect.stringContaining('no ssh keys') });
  });
});
