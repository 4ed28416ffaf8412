import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { addedFile, binaryFile, buildArtifact, buildCatalog, buildChange, buildRuleInput, deletedFile, modifiedFile } from './test-builders.js';
import { unreadableContentRule } from './unreadable-content.js';

const catalog = buildCatalog({ systems: [{ id: 'checkout', tier: 1, paths: ['services/checkout/**'], critical: ['services/checkout/pricing/**'] }] });
const run = (files: ChangedFile[], settings: Record<string, unknown> = {}, artifacts = buildChange([]).artifacts) =>
  unreadableContentRule.evaluate(buildRuleInput(buildChange(files, { artifacts }), catalog, settings));
const unreadable = (path: string, reason: ChangedFile['unreadable']): ChangedFile => ({ ...modifiedFile(path, []), unreadable: reason });

describe('unreadable-content', () => {
  it.each([
    ['binary in a source file', binaryFile('src/pricing.ts'), 'high', 'rules could not read this file (binary content); it needs a human look'],
    ['binary SQL', binaryFile('db/001.sql', 'modified'), 'high', 'rules could not read this file (binary content); it needs a human look'],
    ['a binary environment file', binaryFile('config/.env.production'), 'high', 'rules could not read this file (binary content); it needs a human look'],
    ['a binary local environment file', binaryFile('config/prod.env.local'), 'high', 'rules could not read this file (binary content); it needs a human look'],
    ['an executable', binaryFile('tools/deploy.exe'), 'medium', 'rules could not read this file (binary content); it needs a human look'],
    ['a jar', binaryFile('lib/client.jar'), 'medium', 'rules could not read this file (binary content); it needs a human look'],
    ['an image in a critical path', binaryFile('services/checkout/pricing/table.png'), 'medium', 'rules could not read this file (binary content); it needs a human look'],
    ['not UTF-8', unreadable('src/legacy.txt', 'not-utf8'), 'medium', 'rules could not read this file (not valid UTF-8); it needs a human look'],
    ['not UTF-8 in a critical path', unreadable('services/checkout/pricing/eu.csv', 'not-utf8'), 'high', 'rules could not read this file (not valid UTF-8); it needs a human look'],
    ['an overlong line', unreadable('public/app.min.js', 'line-too-long'), 'medium', 'rules could not read this file (lines too long to read); it needs a human look'],
    ['a too-large Terraform file', unreadable('infra/main.tf', 'too-large'), 'high', 'rules could not read this file (too large to read); it needs a human look'],
  ])('%s -> %s', async (_name, file, severity, message) => {
    expect((await run([file])).map((f) => [f.severity, f.message, f.file])).toEqual([[severity, message, file.path]]);
  });

  it.each([
    ['an image', binaryFile('docs/logo.png')],
    ['a font', binaryFile('web/fonts/inter.woff2')],
    ['a deleted binary', binaryFile('tools/old.exe', 'deleted')],
    ['a deleted unreadable file', { ...deletedFile('a.txt', 3), unreadable: 'not-utf8' as const }],
    ['patch input that lacks unchanged lines', unreadable('src/a.ts', 'incomplete')],
    ['an ordinary text file', addedFile('src/a.ts', ['x'])],
  ])('ignores %s', async (_name, file) => {
    expect(await run([file])).toEqual([]);
  });

  it('reports lines the reader did not keep, as too long to read', async () => {
    const file = { ...addedFile('src/data.ts', ['x']), unstored: { lines: 2, sha256: 'f'.repeat(64) } };
    const findings = await run([file]);
    expect(findings.map((f) => [f.severity, f.evidence])).toEqual([['medium', '2 changed lines were not kept for checking']]);
  });

  it('treats files carried as artifacts as high', async () => {
    const findings = await run([unreadable('deploy/prod.plan.json', 'too-large')], {}, [buildArtifact('terraform-plan', 'deploy/prod.plan.json', undefined, undefined, { unreadable: 'too-large' })]);
    expect(findings.map((f) => f.severity)).toEqual(['high']);
  });

  it('skips ignored paths', async () => {
    expect(await run([binaryFile('vendor/tool.exe')], { ignorePaths: ['vendor/**'] })).toEqual([]);
  });
});
