import { expect, it } from 'vitest';
import { shaOf } from '../../test/store-contract/build-evaluation.js';
import { describeEachAdapter } from '../../test/store-contract/each-adapter.js';
import { NOW, buildCatalog } from '../../test/store-contract/workflow-fixtures.js';
import { breakGlass, type BreakGlassInput } from './break-glass.js';

const catalog = buildCatalog();
const base: BreakGlassInput = { env: 'production', commit: shaOf('fix'), person: 'dana', reason: 'checkout down' };

describeEachAdapter('breakGlass', (open) => {
  it('refuses unknown people, ai identities, missing reasons, bad shas and long windows — audited', async () => {
    const { store } = await open();
    const cases: { input: Partial<BreakGlassInput>; reason: RegExp }[] = [
      { input: { person: 'zed' }, reason: /not a person in the catalog/ },
      { input: { person: 'claude' }, reason: /only a human can break glass/ },
      { input: { reason: '  ' }, reason: /needs a reason/ },
      { input: { commit: 'main' }, reason: /not a commit sha/ },
      { input: { durationMinutes: 25 * 60 }, reason: /at most 24 h/ },
    ];
    for (const testCase of cases) {
      const result = await breakGlass(store, { ...base, ...testCase.input }, catalog, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(testCase.reason);
    }
    expect((await store.audit.list({ types: ['break-glass.refused'] })).length).toBe(cases.length);
    expect(await store.breakGlass.openReviews()).toEqual([]);
  });

  it('records a time-boxed override with a retro review due in 48 h', async () => {
    const { store } = await open();
    const result = await breakGlass(store, { ...base, incident: 'INC-9', durationMinutes: 90 }, catalog, NOW);
    expect(result).toMatchObject({ ok: true, record: { expiresAt: '2026-03-04T11:30:00.000Z', reviewDueAt: '2026-03-06T10:00:00.000Z', incident: 'INC-9' } });
    expect((await store.audit.list({ types: ['break-glass'] }))[0]).toMatchObject({ actor: 'dana', subject: base.commit, payload: { env: 'production', incident: 'INC-9' } });
  });
});
