import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { massDeletionRule } from './mass-deletion.js';
import { buildCatalog, buildChange, buildRuleInput, deletedFile, modifiedFile } from './test-builders.js';

const catalog = buildCatalog({ systems: [{ id: 'checkout', tier: 1, paths: ['services/checkout/**'] }] });
const run = (files: ChangedFile[], settings: Record<string, unknown> = {}) => massDeletionRule.evaluate(buildRuleInput(buildChange(files), catalog, settings));

/** A modification that removes `removed` of `base` lines and adds `added`. */
const shrink = (path: string, base: number, removed: number, added = 0): ChangedFile =>
  modifiedFile(path, [{ oldStart: 1, removed: Array.from({ length: removed }, (_, i) => `old ${i}`), added: Array.from({ length: added }, (_, i) => `new ${i}`) }], { baseLineCount: base });

describe('mass-deletion', () => {
  it.each([
    ['deletes 90 of 100 lines', shrink('src/a.ts', 100, 90), 'deletes 90 of its 100 lines (90%)'],
    ['deletes 80 of 100 lines and adds some', shrink('src/a.ts', 100, 80, 5), 'deletes 80 of its 100 lines (80%) and adds 5'],
    ['deletes a whole 50-line file', deletedFile('src/a.ts', 50), 'deletes the whole file (50 lines)'],
  ])('%s -> medium', async (_name, file, message) => {
    expect((await run([file])).map((f) => [f.severity, f.message, f.file])).toEqual([['medium', message, 'src/a.ts']]);
  });

  it.each([
    ['79% of a file', shrink('src/a.ts', 100, 79)],
    ['most of a small file', shrink('src/a.ts', 40, 40)],
    ['a whole 49-line file', deletedFile('src/a.ts', 49)],
    ['a modification of unknown size', modifiedFile('src/a.ts', [{ removed: Array.from({ length: 90 }, () => 'x') }])],
  ])('ignores deleting %s', async (_name, file) => {
    expect(await run([file])).toEqual([]);
  });

  it('reports most of a system as high, folding in its per-file findings', async () => {
    const files = [
      ...Array.from({ length: 10 }, (_, i) => deletedFile(`services/checkout/f${i}.ts`, 60)),
      ...Array.from({ length: 9 }, (_, i) => modifiedFile(`services/checkout/g${i}.ts`, '@@ -1 +1 @@\n-a\n+b')),
      deletedFile('src/other.ts', 70),
    ];
    const findings = await run(files);
    expect(findings.map((f) => [f.severity, f.message, f.file])).toEqual([
      ['high', 'deletes 10 of the 19 changed files in system `checkout` (tier 1)', 'services/checkout/f0.ts'],
      ['medium', 'deletes the whole file (70 lines)', 'src/other.ts'],
    ]);
  });

  it('groups unclaimed files by top-level folder', async () => {
    const findings = await run(Array.from({ length: 12 }, (_, i) => deletedFile(`legacy/module${i}.py`, 5)));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['high', 'deletes 12 of the 12 changed files in `legacy/` (no system)']]);
  });

  it('ignores a system where deletions are under half of its changed files, or fewer than 10', async () => {
    const mixed = [
      ...Array.from({ length: 10 }, (_, i) => deletedFile(`services/checkout/f${i}.ts`, 5)),
      ...Array.from({ length: 11 }, (_, i) => modifiedFile(`services/checkout/g${i}.ts`, '@@ -1 +1 @@\n-a\n+b')),
    ];
    expect(await run(mixed)).toEqual([]);
    expect(await run(Array.from({ length: 9 }, (_, i) => deletedFile(`services/checkout/f${i}.ts`, 5)))).toEqual([]);
  });

  it('caps per-file findings and sums up the rest', async () => {
    const files = Array.from({ length: 4 }, (_, i) => deletedFile(`src/d${i}/a.ts`, 60));
    const findings = await run(files, { maxFileFindings: 2 });
    expect(findings.map((f) => f.message)).toEqual(['deletes the whole file (60 lines)', 'deletes the whole file (60 lines)', '2 more files lose most of their lines']);
    expect(findings[2]?.evidence).toBe('src/d2/a.ts, src/d3/a.ts');
  });

  it('uses threshold settings and reports bad ones', async () => {
    expect((await run([shrink('src/a.ts', 100, 60)], { fileRatio: 0.5 })).map((f) => f.severity)).toEqual(['medium']);
    expect((await run([deletedFile('src/a.ts', 20)], { fileMinLines: 10 })).map((f) => f.severity)).toEqual(['medium']);
    const bad = await run([], { fileRatio: 2 });
    expect(bad.map((f) => f.message)).toEqual(['invalid `rules.settings.mass-deletion.fileRatio`: too big: expected number to be <=1; using the defaults']);
  });
});
