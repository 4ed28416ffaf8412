import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { readChange } from '../git/read-change.js';
import type { ChangedFile } from './change.js';
import { computeChangeDigest, createChangeDigestBuilder } from './digest.js';

const repos: GitRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

const PRICING = Array.from({ length: 30 }, (_, i) => `const rule${i} = ${i};\n`).join('');

/** main has pricing.ts and other.ts; returns the repo on main. */
function baseRepo(): GitRepo {
  const repo = createGitRepo();
  repos.push(repo);
  repo.writeAll({ 'pricing.ts': PRICING, 'other.ts': 'export const other = 1;\n' }).commit('base');
  return repo;
}

async function digestOf(repo: GitRepo, base: string, head: string): Promise<string> {
  return (await readChange({ repoDir: repo.dir, base, head })).digest;
}

describe('computeChangeDigest over real repositories', () => {
  it('is unchanged by a rebase onto an upstream commit to another file', async () => {
    const repo = baseRepo();
    repo.branch('feature');
    repo.write('pricing.ts', PRICING.replace('rule10 = 10', 'rule10 = 11')).commit('tweak pricing');
    const before = await digestOf(repo, 'main', 'feature');
    repo.checkout('main').write('other.ts', 'export const other = 2;\n').commit('upstream moves');
    repo.checkout('feature').git('rebase', '-q', 'main');
    const after = await digestOf(repo, 'main', 'feature');
    expect(after).toBe(before);
  });

  it('is unchanged by a rebase onto upstream lines added far away in the same file', async () => {
    const repo = baseRepo();
    repo.branch('feature');
    repo.write('pricing.ts', PRICING.replace('rule20 = 20', 'rule20 = 21')).commit('tweak');
    const before = await digestOf(repo, 'main', 'feature');
    repo.checkout('main').write('pricing.ts', `// header\n// lines\n${PRICING}`).commit('upstream header');
    repo.checkout('feature').git('rebase', '-q', 'main');
    expect(await digestOf(repo, 'main', 'feature')).toBe(before);
  });

  it('changes when an added line is amended', async () => {
    const repo = baseRepo();
    repo.branch('feature');
    repo.write('pricing.ts', PRICING.replace('rule10 = 10', 'rule10 = 11')).commit('tweak');
    const before = await digestOf(repo, 'main', 'feature');
    repo.write('pricing.ts', PRICING.replace('rule10 = 10', 'rule10 = 12')).commit({ message: 'tweak', addAll: true });
    repo.git('reset', '-q', '--soft', 'HEAD~2');
    repo.commit('tweak (amended)');
    expect(await digestOf(repo, 'main', 'feature')).not.toBe(before);
  });

  it('is the same for two commit orders that end in the same diff, and for different messages', async () => {
    const repo = baseRepo();
    repo.branch('one');
    repo.write('pricing.ts', PRICING.replace('rule3 = 3', 'rule3 = 33')).commit('first a');
    repo.write('other.ts', 'export const other = 9;\n').commit('then b');
    repo.checkout('main').branch('two');
    repo.write('other.ts', 'export const other = 9;\n').commit({ message: 'b first', author: { name: 'Someone', email: 's@example.com' } });
    repo.write('pricing.ts', PRICING.replace('rule3 = 3', 'rule3 = 33')).commit('then a');
    expect(await digestOf(repo, 'main', 'two')).toBe(await digestOf(repo, 'main', 'one'));
  });

  it('changes when a removed line, a mode, a binary file or a path changes', async () => {
    const repo = baseRepo();
    repo.write('tool.sh', 'echo\n').write('logo.png', Buffer.from([0, 1, 2])).commit('more');
    const variants: [string, (r: GitRepo) => void][] = [
      ['remove rule1', (r) => r.write('pricing.ts', PRICING.replace('const rule1 = 1;\n', ''))],
      ['remove rule2', (r) => r.write('pricing.ts', PRICING.replace('const rule2 = 2;\n', ''))],
      ['chmod', (r) => r.chmod('tool.sh', 0o755)],
      ['binary a', (r) => r.write('logo.png', Buffer.from([0, 1, 3]))],
      ['binary b', (r) => r.write('logo.png', Buffer.from([0, 1, 4]))],
      ['rename', (r) => r.remove('other.ts').write('other2.ts', 'export const other = 1;\n')],
    ];
    const digests = new Set<string>();
    for (const [name, edit] of variants) {
      repo.checkout('main').branch(name.replace(' ', '-'));
      edit(repo);
      repo.commit(name);
      digests.add(await digestOf(repo, 'main', 'HEAD'));
    }
    expect(digests.size).toBe(variants.length);
  });
});

describe('computeChangeDigest (pure)', () => {
  const file = (added: [number, string][], extra: Partial<ChangedFile> = {}): ChangedFile => ({
    path: 'a.ts',
    status: 'modified',
    binary: false,
    additions: added.length,
    deletions: 0,
    hunks: [{ oldStart: 10, oldLines: 3, newStart: 10, newLines: 3 + added.length, added: added.map(([line, text]) => ({ line, text })), removed: [] }],
    ...extra,
  });

  it('ignores where the hunk sits in the file, not where lines sit in the hunk', () => {
    const shifted: ChangedFile = { ...file([[12, 'check()']]), hunks: [{ oldStart: 40, oldLines: 3, newStart: 40, newLines: 4, added: [{ line: 42, text: 'check()' }], removed: [] }] };
    expect(computeChangeDigest([shifted])).toBe(computeChangeDigest([file([[12, 'check()']])]));
    // The same added line below an unchanged line instead of above it is a different change.
    expect(computeChangeDigest([file([[11, 'check()']])])).not.toBe(computeChangeDigest([file([[12, 'check()']])]));
  });

  it('does not depend on file order, and covers lines too long to keep', () => {
    const a = file([[11, 'x']]);
    const b = { ...file([[11, 'y']]), path: 'b.ts' };
    expect(computeChangeDigest([a, b])).toBe(computeChangeDigest([b, a]));
    const long1 = { ...a, unstored: { lines: 1, sha256: '1'.repeat(64) } };
    const long2 = { ...a, unstored: { lines: 1, sha256: '2'.repeat(64) } };
    expect(computeChangeDigest([long1])).not.toBe(computeChangeDigest([long2]));
  });

  it('is a 64-character hex sha256, and the empty change has a fixed digest', () => {
    expect(computeChangeDigest([])).toMatch(/^[0-9a-f]{64}$/);
    expect(computeChangeDigest([])).toBe(computeChangeDigest([]));
  });

  it('is the same when computed file by file as the change is read, in order or not', () => {
    const a = file([[11, 'x']]);
    const b = { ...file([[11, 'y']]), path: 'b.ts' };
    const c = { ...file([[12, 'z']], { status: 'added', newMode: '100644' }), path: 'c/d.ts' };
    const whole = computeChangeDigest([a, b, c]);
    const built = (added: ChangedFile[], files: ChangedFile[]): string => {
      const builder = createChangeDigestBuilder();
      for (const one of added) builder.add(one);
      return builder.digestOf(files);
    };
    expect(built([a, b, c], [a, b, c])).toBe(whole); // in path order, as git prints a diff
    expect(built([c, a, b], [c, a, b])).toBe(whole); // out of order
    expect(built([a, b], [a, b, c])).toBe(whole); // a file that was not added (an untracked file)
    expect(built([a, b, c], [b, c])).toBe(computeChangeDigest([b, c])); // files the caller left out
    expect(built([a, a], [a, a])).toBe(computeChangeDigest([a, a]));
    expect(built([], [])).toBe(computeChangeDigest([]));
  });
});
