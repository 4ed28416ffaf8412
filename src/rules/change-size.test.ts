import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { changeSizeRule } from './change-size.js';
import { addedFile, buildCatalog, buildChange, buildRuleInput, deletedFile } from './test-builders.js';

const catalog = buildCatalog({
  systems: [
    { id: 'checkout', tier: 1, paths: ['services/checkout/**'] },
    { id: 'search', tier: 2, paths: ['services/search/**'] },
  ],
});
const lines = (n: number): string[] => Array.from({ length: n }, (_, i) => `line ${i}`);
const run = (files: ChangedFile[], settings: Record<string, unknown> = {}, cat = catalog) =>
  changeSizeRule.evaluate(buildRuleInput(buildChange(files), cat, settings));

describe('change-size', () => {
  it.each([
    ['tier 1 at its limit', [addedFile('services/checkout/a.ts', lines(400))], []],
    ['tier 1 over its limit', [addedFile('services/checkout/a.ts', lines(401))], [['medium', '401 changed lines (+401 −0) exceed the tier 1 limit of 400: split it into smaller changes']]],
    ['tier 1 over 4× its limit', [addedFile('services/checkout/a.ts', lines(1601))], [['high', '1601 changed lines (+1601 −0) exceed the tier 1 limit of 400: split it into smaller changes']]],
    ['tier 2 under its limit', [addedFile('services/search/a.ts', lines(900))], []],
    ['tier 3 (default) under its limit', [addedFile('docs/a.md', lines(3999))], []],
    ['tier 3 over its limit', [addedFile('docs/a.md', lines(3000)), deletedFile('docs/b.md', 1001)], [['medium', '4001 changed lines (+3000 −1001) exceed the tier 3 limit of 4000: split it into smaller changes']]],
    [
      'the strictest touched tier, applied to the whole change',
      [addedFile('services/checkout/a.ts', lines(10)), addedFile('docs/a.md', lines(500))],
      [['medium', '510 changed lines (+510 −0) exceed the tier 1 limit of 400: split it into smaller changes']],
    ],
  ])('%s', async (_name, files, expected) => {
    expect((await run(files)).map((f) => [f.severity, f.message])).toEqual(expected);
  });

  it('does not count lock files, generated or vendored code', async () => {
    const findings = await run([
      addedFile('services/checkout/package-lock.json', lines(5000)),
      addedFile('services/checkout/go.sum', lines(900)),
      addedFile('services/checkout/dist/bundle.js', lines(900)),
      addedFile('vendor/github.com/x/y.go', lines(900)),
      addedFile('services/checkout/api/orders.pb.go', lines(900)),
      addedFile('services/checkout/src/__snapshots__/a.test.ts.snap', lines(900)),
      addedFile('services/checkout/a.ts', lines(100)),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports the largest files and what it left out', async () => {
    const findings = await run([addedFile('services/checkout/a.ts', lines(300)), addedFile('services/checkout/b.ts', lines(200)), addedFile('yarn.lock', lines(50))]);
    expect(findings[0]?.evidence).toBe('largest: services/checkout/a.ts (300), services/checkout/b.ts (200); 50 lines in lock/generated files not counted');
  });

  it('takes the limit from the catalog policy first, then settings, then the default', async () => {
    const files = [addedFile('services/checkout/a.ts', lines(300))];
    expect(await run(files)).toEqual([]);
    expect((await run(files, { maxChangedLines: { 1: 200 } })).map((f) => f.message)).toEqual(['300 changed lines (+300 −0) exceed the tier 1 limit of 200: split it into smaller changes']);
    const strict = buildCatalog({ ...catalogSections(), policy: { tiers: { 1: { maxChangedLines: 100 } } } });
    expect((await run(files, { maxChangedLines: { 1: 200 } }, strict)).map((f) => [f.severity, f.message])).toEqual([
      ['medium', '300 changed lines (+300 −0) exceed the tier 1 limit of 100: split it into smaller changes'],
    ]);
    expect((await run(files, { highFactor: 2 }, strict)).map((f) => f.severity)).toEqual(['high']);
  });

  it('honours extra exclude globs and reports bad settings', async () => {
    expect(await run([addedFile('services/checkout/fixtures/big.json', lines(2000))], { exclude: ['**/fixtures/**'] })).toEqual([]);
    const bad = await run([], { maxChangedLines: { 4: 10 } });
    expect(bad.map((f) => f.message)).toEqual(['invalid `rules.settings.change-size.maxChangedLines.4`: unknown setting; using the defaults']);
  });

  it('reports nothing for an empty change', async () => {
    expect(await run([])).toEqual([]);
  });
});

function catalogSections() {
  return { systems: catalog.systems };
}
