import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../test/store-contract/workflow-fixtures.js';
import { digestPolicy } from '../core/evaluate-change.js';
import { policyDigestOf } from './policy-digest.js';

describe('policyDigestOf', () => {
  it('equals the policy digest evaluations record, and changes with the catalog', () => {
    const catalog = buildCatalog();
    expect(policyDigestOf(catalog)).toBe(digestPolicy(catalog));
    expect(policyDigestOf(buildCatalog({ freezes: [{ id: 'x', from: '2026-01-01', until: '2026-01-02' }] }))).not.toBe(policyDigestOf(catalog));
  });
});
