import { afterEach, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { readChange } from './read-change.js';
import { readRecordKeys } from './read-record-keys.js';

describe('readRecordKeys', () => {
  const repos: GitRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));
  const repoWithBranch = (defaultBranch = 'main', branch = 'feature/cart'): GitRepo => {
    const repo = createGitRepo({ defaultBranch });
    repos.push(repo);
    repo.write('a.txt', '1\n').commit('base');
    repo.branch(branch);
    repo.write('a.txt', '1\n2\n').commit('two');
    return repo;
  };

  it('keys a feature branch by name, and a one-commit change by its commit patch id', async () => {
    const repo = repoWithBranch();
    const change = await readChange({ repoDir: repo.dir });
    expect(change.commits).toHaveLength(1);
    expect(await readRecordKeys(repo.dir, change)).toEqual({ lineKey: 'branch:feature/cart', rangePatchId: change.commits[0]!.patchId });
  });

  it('gives a several-commit range one patch id of the whole diff', async () => {
    const repo = repoWithBranch();
    repo.write('b.txt', 'x\n').commit('three');
    const keys = await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir }));
    expect(keys.rangePatchId).toMatch(/^[0-9a-f]{40}$/);
    const change = await readChange({ repoDir: repo.dir });
    expect(change.commits.map((commit) => commit.patchId)).not.toContain(keys.rangePatchId);
  });

  it('has no line key on the default branch, named by origin/HEAD when there is a remote', async () => {
    const repo = repoWithBranch('main', 'side');
    repo.checkout('main');
    repo.write('c.txt', 'c\n').commit('on main');
    expect((await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir, base: 'HEAD~1' }))).lineKey).toBeUndefined();
    repo.git('update-ref', 'refs/remotes/origin/side', 'side');
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/side');
    repo.checkout('side');
    expect((await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir, base: 'main' }))).lineKey).toBeUndefined();
    repo.checkout('main');
    expect((await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir, base: 'HEAD~1' }))).lineKey).toBe('branch:main');
  });

  it('gives no line key when the default branch cannot be found', async () => {
    const repo = repoWithBranch('trunk', 'side');
    expect((await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir, base: 'trunk' }))).lineKey).toBeUndefined();
  });

  it('keys staged changes by branch only, and a patch file not at all', async () => {
    const repo = repoWithBranch();
    repo.write('a.txt', '1\n2\n3\n');
    repo.git('add', 'a.txt');
    expect(await readRecordKeys(repo.dir, await readChange({ repoDir: repo.dir, staged: true }))).toEqual({ lineKey: 'branch:feature/cart' });
    const patch = { ...(await readChange({ repoDir: repo.dir })), source: 'patch' as const };
    expect(await readRecordKeys(repo.dir, patch)).toEqual({});
  });
});
