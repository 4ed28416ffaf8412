import { expect, it } from 'vitest';
import { digestOf, shaOf } from '../../test/store-contract/build-evaluation.js';
import { describeEachAdapter } from '../../test/store-contract/each-adapter.js';
import { NOW, buildCatalog, checkoutChange, later } from '../../test/store-contract/workflow-fixtures.js';
import { breakGlass } from './break-glass.js';
import { recordChange } from './record-change.js';

const d1 = digestOf('d1');
const d2 = digestOf('d2');
const [a, b] = [shaOf('a'), shaOf('b')];

describeEachAdapter('recordChange', (open) => {
  it('is idempotent and audits only what changed', async () => {
    const { store } = await open();
    const v1 = checkoutChange({ digest: d1, commits: [{ sha: a, patchId: 'pa' }] });
    expect(await recordChange(store, v1, { now: NOW, actor: 'ci' })).toMatchObject({ created: true });
    expect(await recordChange(store, { ...v1, evaluatedAt: later(1) }, { now: later(1) })).toMatchObject({ created: false, superseded: [] });
    await recordChange(store, checkoutChange({ digest: d1, commits: [{ sha: shaOf('a2'), patchId: 'pa' }] }), { now: later(2) });
    await recordChange(store, { ...v1, verdict: 'blocked' }, { now: later(3) });
    await recordChange(store, checkoutChange({ digest: d2, commits: [{ sha: a, patchId: 'pa' }, { sha: b, patchId: 'pb' }] }), { now: later(4) });
    const events = await store.audit.list();
    expect(events.map((event) => [event.type, event.subject])).toEqual([
      ['change.recorded', d1],
      ['change.commits-added', d1],
      ['change.re-evaluated', d1],
      ['change.recorded', d2],
      ['change.superseded', d1],
    ]);
    expect(events[0]).toMatchObject({ actor: 'ci', payload: { verdict: 'needs-approval', systems: ['checkout'], commits: [a], unmet: ['approvals:checkout'] } });
    expect(events[4]?.payload).toMatchObject({ by: d2 });
  });

  it('closes a break-glass retro review when the recorded change is already allowed', async () => {
    const { store } = await open();
    const catalog = buildCatalog();
    await breakGlass(store, { env: 'production', commit: a, person: 'dana', reason: 'docs hotfix' }, catalog, NOW);
    const result = await recordChange(store, checkoutChange({ digest: d1, commits: [{ sha: a }], requirements: [], verdict: 'allow' }), { now: later(1), catalog });
    expect(result.reviewsClosed).toMatchObject([{ commit: a, reviewedDigest: d1 }]);
  });
});
