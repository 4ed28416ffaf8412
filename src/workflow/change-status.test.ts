import { expect, it } from 'vitest';
import { digestOf, shaOf } from '../../test/store-contract/build-evaluation.js';
import { describeEachAdapter } from '../../test/store-contract/each-adapter.js';
import { NOW, buildCatalog, checkoutChange } from '../../test/store-contract/workflow-fixtures.js';
import { policyDigestOf } from './policy-digest.js';
import { changeStatus } from './change-status.js';
import { recordChange } from './record-change.js';
import { rejectChange } from './reject-change.js';

const d1 = digestOf('d1');

describeEachAdapter('changeStatus', (open) => {
  it('shows every requirement with who approved, rejections, and policy drift', async () => {
    const { store } = await open();
    const catalog = buildCatalog();
    await recordChange(store, { ...checkoutChange({ digest: d1, commits: [{ sha: shaOf('a') }] }), policyDigest: policyDigestOf(catalog) }, { now: NOW });
    const clean = await changeStatus(store, d1.slice(0, 8), catalog, NOW);
    expect(clean).toMatchObject({ ok: true, current: true, currentDigest: d1, verdict: 'needs-approval', notices: [], requirements: [{ id: 'approvals:checkout', satisfied: false }] });
    expect(await rejectChange(store, { digestOrPrefix: d1, person: 'erin', reason: '' }, catalog, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('needs a reason') });
    await rejectChange(store, { digestOrPrefix: d1, person: 'erin', reason: 'breaks refunds' }, catalog, NOW);
    expect(await rejectChange(store, { digestOrPrefix: d1, person: 'erin', reason: 'again' }, catalog, NOW)).toMatchObject({ ok: true, alreadyRecorded: true });
    const rejected = await changeStatus(store, d1, buildCatalog({ defaults: { tier: 2 } }), NOW);
    expect(rejected).toMatchObject({
      ok: true,
      verdict: 'blocked',
      rejections: [{ person: 'erin', comment: 'breaks refunds' }],
      missing: [expect.stringContaining('rejected by erin'), expect.stringContaining('needs 2 approvals')],
      notices: [expect.stringContaining('different catalog')],
    });
    expect(await changeStatus(store, 'abcdef', catalog, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('no recorded change') });
  });
});
