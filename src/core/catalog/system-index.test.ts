import { describe, expect, it } from 'vitest';
import { catalogSchema } from './catalog-schema.js';
import { buildSystemIndex } from './system-index.js';

const catalog = catalogSchema.parse({
  version: 1,
  defaults: { tier: 3 },
  systems: [
    { id: 'checkout', tier: 1, paths: ['services/checkout/**'], critical: ['services/checkout/pricing/**'] },
    { id: 'shared-libs', tier: 2, paths: ['libs/**', 'services/checkout/vendor/**'] },
    { id: 'web', tier: 3, paths: ['services/checkout/ui/**', 'web/**'] },
    { id: 'config', tier: 2, paths: ['**/.config/**'] },
  ],
});
const index = buildSystemIndex(catalog);

describe('buildSystemIndex', () => {
  it.each([
    ['services/checkout/api.ts', ['checkout'], 1],
    ['services/checkout/vendor/lib.js', ['checkout', 'shared-libs'], 1],
    ['services/checkout/ui/button.tsx', ['checkout', 'web'], 1],
    ['libs/x/y.ts', ['shared-libs'], 2],
    ['web/index.html', ['web'], 3],
    ['web/.config/settings.json', ['web', 'config'], 2],
    ['README.md', [], 3],
    ['services/checkout-v2/a.ts', [], 3],
  ])('%s belongs to %j with tier %i', (path, systems, tier) => {
    expect(index.match(path).map((m) => m.system.id)).toEqual(systems);
    expect(index.tierOf(path)).toBe(tier);
  });

  it('marks critical paths only inside the critical globs', () => {
    expect(index.match('services/checkout/pricing/tax.ts')).toEqual([expect.objectContaining({ critical: true })]);
    expect(index.match('services/checkout/cart.ts')).toEqual([expect.objectContaining({ critical: false })]);
    expect(index.match('services/checkout/vendor/lib.js').map((m) => m.critical)).toEqual([false, false]);
  });

  it('uses the catalog default tier for unclaimed paths', () => {
    const strict = buildSystemIndex(catalogSchema.parse({ version: 1, defaults: { tier: 2 } }));
    expect(strict.defaultTier).toBe(2);
    expect(strict.tierOf('anything.txt')).toBe(2);
  });

  it('the strictest tier wins whatever the order of systems', () => {
    const reversed = buildSystemIndex({ ...catalog, systems: [...catalog.systems].reverse() });
    expect(reversed.tierOf('services/checkout/ui/button.tsx')).toBe(1);
  });
});
