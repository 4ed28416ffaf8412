import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { criticalPathRule } from './critical-path.js';
import { addedFile, buildCatalog, buildChange, buildRuleInput, deletedFile, modifiedFile, renamedFile } from './test-builders.js';

const catalog = buildCatalog({
  systems: [
    { id: 'checkout', tier: 1, paths: ['services/checkout/**'], critical: ['services/checkout/pricing/**', 'services/checkout/payments/**'] },
    { id: 'search', tier: 2, paths: ['services/search/**'], critical: [] },
    { id: 'shared-libs', tier: 2, paths: ['libs/**'], critical: ['libs/money/**'] },
  ],
});
const edit = (path: string): ChangedFile => modifiedFile(path, '@@ -1,1 +1,1 @@\n-a\n+b');
const run = (files: ChangedFile[]) => criticalPathRule.evaluate(buildRuleInput(buildChange(files), catalog));

describe('critical-path', () => {
  it('aggregates per critical glob, naming the system and tier, with the first file', async () => {
    const findings = await run([
      edit('services/checkout/pricing/price.ts'),
      addedFile('services/checkout/pricing/tax.ts', ['x']),
      edit('services/checkout/pricing/rules/eu.ts'),
      edit('services/checkout/payments/card.ts'),
      edit('services/checkout/cart/cart.ts'),
    ]);
    expect(findings.map((f) => [f.severity, f.message, f.file])).toEqual([
      ['medium', '3 files under services/checkout/pricing/** (checkout, tier 1)', 'services/checkout/pricing/price.ts'],
      ['medium', '1 file under services/checkout/payments/** (checkout, tier 1)', 'services/checkout/payments/card.ts'],
    ]);
    expect(findings[0]?.evidence).toBe('services/checkout/pricing/price.ts, services/checkout/pricing/tax.ts, services/checkout/pricing/rules/eu.ts');
  });

  it.each([
    ['a non-critical path of a system', 'services/checkout/cart/cart.ts'],
    ['a system without critical paths', 'services/search/index.ts'],
    ['a path no system claims', 'docs/pricing/README.md'],
  ])('reports nothing for %s', async (_name, path) => {
    expect(await run([edit(path)])).toEqual([]);
  });

  it('counts deletions and files renamed out of a critical path', async () => {
    const findings = await run([deletedFile('libs/money/round.ts', 10), renamedFile('libs/money/fx.ts', 'libs/legacy/fx.ts')]);
    expect(findings.map((f) => f.message)).toEqual(['2 files under libs/money/** (shared-libs, tier 2)']);
  });

  it('lists at most five files in the evidence', async () => {
    const findings = await run(Array.from({ length: 8 }, (_, i) => edit(`libs/money/f${i}.ts`)));
    expect(findings[0]?.evidence).toBe('libs/money/f0.ts, libs/money/f1.ts, libs/money/f2.ts, libs/money/f3.ts, libs/money/f4.ts, and 3 more');
  });
});
