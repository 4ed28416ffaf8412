import { describe, expect, it } from 'vitest';
import { catalogSchema } from './catalog-schema.js';
import { digestPolicy } from './policy-digest.js';

describe('digestPolicy', () => {
  const catalog = (extra: Record<string, unknown> = {}) =>
    catalogSchema.parse({ version: 1, systems: [{ id: 'web', tier: 2, paths: ['web/**'] }], ...extra });

  it('is the same for equal content, whatever the key order or object identity', () => {
    const reordered = catalogSchema.parse({ systems: [{ paths: ['web/**'], tier: 2, id: 'web' }], version: 1 });
    expect(digestPolicy(catalog())).toBe(digestPolicy(reordered));
    expect(digestPolicy(catalog())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any policy change', () => {
    expect(digestPolicy(catalog({ freezes: [{ id: 'x', from: '2026-01-01', until: '2026-01-02' }] }))).not.toBe(digestPolicy(catalog()));
    expect(digestPolicy(catalog({ defaults: { tier: 2 } }))).not.toBe(digestPolicy(catalog()));
  });
});
