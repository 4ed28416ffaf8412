import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo, type GitIdentity } from '../../test/helpers/git-repo.js';
import { readChange } from '../git/read-change.js';
import { catalogSchema, type Catalog } from './catalog/catalog-schema.js';
import type { Change, Commit } from './change.js';
import { detectProvenance } from './detect-provenance.js';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/provenance');

interface Case {
  id: string;
  author: string;
  committer?: string;
  branch?: string;
  expect: { level: string; tools: string[]; operators: string[]; markers: string[] };
}

const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { cases: Case[] };

const catalog: Catalog = catalogSchema.parse({
  version: 1,
  people: [{ id: 'carol', emails: ['carol@example.com'], github: 'carol' }],
});

function identity(text: string): GitIdentity {
  const match = /^(.*) <(.*)>$/.exec(text);
  if (!match) throw new Error(`bad identity in fixture: ${text}`);
  return { name: match[1]!, email: match[2]! };
}

describe('detectProvenance on real commits (test/fixtures/provenance)', () => {
  const repo = createGitRepo();
  afterAll(() => repo.cleanup());
  repo.write('README.md', '# shop\n').commit('base');

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, fixture) => {
    repo.checkout('main').branch(fixture.branch ?? `case/${fixture.id}`);
    repo.write(`${fixture.id}.txt`, `${fixture.id}\n`).commit({
      message: readFileSync(join(FIXTURES, 'messages', `${fixture.id}.txt`), 'utf8'),
      author: identity(fixture.author),
      committer: identity(fixture.committer ?? fixture.author),
    });
    const change = await readChange({ repoDir: repo.dir, base: 'main' });
    const provenance = detectProvenance(change, catalog);
    expect({
      level: provenance.level,
      tools: provenance.tools,
      operators: provenance.operators,
      markers: [...new Set(provenance.evidence.map((e) => e.marker))].sort(),
    }).toEqual({ ...fixture.expect, markers: [...fixture.expect.markers].sort() });
    for (const item of provenance.evidence) {
      if (item.marker !== 'branch-prefix') expect(item.commit).toBe(change.commits[0]!.sha);
    }
  });
});

const commit = (overrides: Partial<Commit> = {}): Commit => ({
  sha: 'c'.repeat(40),
  author: { name: 'Carol Example', email: 'carol@example.com' },
  committer: { name: 'Carol Example', email: 'carol@example.com' },
  authoredAt: '2026-01-05T09:00:00Z',
  subject: 'change',
  message: 'change\n',
  trailers: [],
  ...overrides,
});

const change = (commits: Commit[], branch?: string): Change => ({
  source: 'range',
  base: 'b'.repeat(40),
  head: 'c'.repeat(40),
  ...(branch ? { branch } : {}),
  files: [],
  commits,
  artifacts: [],
  digest: '0'.repeat(64),
  stats: { files: 0, additions: 0, deletions: 0 },
});

describe('detectProvenance (pure)', () => {
  const withCatalogMarkers = catalogSchema.parse({
    version: 1,
    people: [
      { id: 'carol', emails: ['carol@example.com'] },
      { id: 'buildbot', emails: ['agent@internal.example.com'], ai: true },
    ],
    ai: { emails: ['*@agents.example.com'], branchPrefixes: ['agent/'], trailers: ['X-Generated-By'] },
  });

  it.each([
    ['a catalog person with `ai: true` as author', [commit({ author: { name: 'Build Agent', email: 'agent@internal.example.com' } })], undefined, 'ai-authored', 'catalog-ai-author'],
    ['a catalog `ai.emails` glob as author', [commit({ author: { name: 'x', email: 'runner-7@agents.example.com' } })], undefined, 'ai-authored', 'catalog-ai-author'],
    ['a catalog branch prefix', [commit()], 'agent/fix-1', 'ai-authored', 'catalog-branch-prefix'],
    ['a catalog trailer', [commit({ trailers: [{ key: 'x-generated-by', value: 'internal-llm' }] })], undefined, 'ai-assisted', 'catalog-trailer'],
    ['a catalog AI person as co-author', [commit({ trailers: [{ key: 'Co-authored-by', value: 'Agent <agent@internal.example.com>' }] })], undefined, 'ai-assisted', 'co-authored-by'],
  ] as const)('recognises %s', (_name, commits, branch, level, marker) => {
    const result = detectProvenance(change([...commits], branch), withCatalogMarkers);
    expect(result.level).toBe(level);
    expect(result.evidence.map((e) => e.marker)).toContain(marker);
    expect(result.operators).toEqual(['carol']);
  });

  it.each([
    ['Assisted-by: GitHub Copilot', 'GitHub Copilot'],
    ['Assisted-by: Claude Code 2.1', 'Claude Code'],
    ['Assisted-by: Gemini:gemini-2.5-pro', 'Gemini'],
  ])('reads `%s` as AI assistance by %s', (line, tool) => {
    const [key, value] = line.split(': ') as [string, string];
    const result = detectProvenance(change([commit({ trailers: [{ key, value }] })]), catalog);
    expect([result.level, result.tools]).toEqual(['ai-assisted', [tool]]);
  });

  it.each(['Assisted-by: Devin', 'Assisted-by: Claude', 'Assisted-by: Jules Smith <jules@example.com>', 'Assisted-by: Cursor', 'Co-authored-by: Devin <devin@acme.io>'])(
    'does not read the bare name in `%s` as an AI',
    (line) => {
      const [key, value] = line.split(': ') as [string, string];
      expect(detectProvenance(change([commit({ trailers: [{ key, value }] })]), catalog).level).toBe('human');
    },
  );

  it('never lets an AI identity be an operator', () => {
    const result = detectProvenance(
      change([commit({ author: { name: 'claude[bot]', email: '209825114+claude[bot]@users.noreply.github.com' }, committer: { name: 'claude[bot]', email: '209825114+claude[bot]@users.noreply.github.com' } })]),
      catalog,
    );
    expect(result).toMatchObject({ level: 'ai-authored', operators: [] });
  });

  it.each([
    ['a `[bot]` login with an unlisted id matches at lower confidence', '41898282+claude[bot]@users.noreply.github.com', 'ai-authored', 0.85],
    ['the Copilot login with a foreign id does not match', '1234+Copilot@users.noreply.github.com', 'human', 0.5],
    ['a human login named claude does not match', '4242+claude@users.noreply.github.com', 'human', 0.5],
    ['any noreply address alone does not match', 'someone@users.noreply.github.com', 'human', 0.5],
    ['a listed bot id matches near certainty', '158243242+devin-ai-integration[bot]@users.noreply.github.com', 'ai-authored', 0.99],
  ] as const)('%s', (_name, email, level, confidence) => {
    const result = detectProvenance(change([commit({ author: { name: 'x', email } })]), catalog);
    expect([result.level, result.confidence]).toEqual([level, confidence]);
  });

  it('takes the highest level across commits and unions tools and operators', () => {
    const result = detectProvenance(
      change([
        commit({ sha: '1'.repeat(40), trailers: [{ key: 'Co-authored-by', value: 'Cursor Agent <cursoragent@cursor.com>' }] }),
        commit({ sha: '2'.repeat(40) }),
        commit({
          sha: '3'.repeat(40),
          author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
          committer: { name: 'Dave', email: 'dave@example.com' },
        }),
      ]),
      catalog,
    );
    expect(result.level).toBe('ai-authored');
    expect(result.tools).toEqual(['Cursor', 'GitHub Copilot']);
    expect(result.operators).toEqual(['carol', 'dave@example.com']);
    expect(result.evidence.map((e) => [e.commit?.[0], e.marker, e.level])).toEqual([
      ['1', 'co-authored-by', 'ai-assisted'],
      ['3', 'bot-author', 'ai-authored'],
    ]);
  });

  it('combines independent markers at the chosen level into a higher confidence', () => {
    const branchOnly = detectProvenance(change([commit()], 'codex/x'), catalog);
    const branchAndTool = detectProvenance(change([commit({ trailers: [{ key: 'AI-Tool', value: 'Codex' }] })], 'codex/x'), catalog);
    expect(branchOnly.confidence).toBe(0.6);
    expect(branchAndTool.confidence).toBe(0.96);
  });

  it('is human with low confidence when there are no commits to read', () => {
    expect(detectProvenance(change([]), catalog)).toEqual({ level: 'human', confidence: 0.3, tools: [], operators: [], evidence: [] });
  });
});
