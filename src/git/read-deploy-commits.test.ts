import { afterEach, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { openRepository } from './resolve-range.js';
import { readChange } from './read-change.js';
import { readDeployCommits } from './read-deploy-commits.js';
import { readRangePatchId } from './read-record-keys.js';

/** main with one commit, and a feature branch of two commits on top. */
function featureRepo(): { repo: GitRepo; base: string; one: string; two: string } {
  const repo = createGitRepo();
  const base = repo.write('shop/cart.ts', 'a\n').commit('base');
  repo.branch('feature');
  const one = repo.write('shop/cart.ts', 'a\nb\n').commit('one');
  const two = repo.write('shop/cart.ts', 'a\nb\nc\n').commit('two');
  return { repo, base, one, two };
}

describe('readDeployCommits', () => {
  const repos: GitRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));
  const make = () => {
    const made = featureRepo();
    repos.push(made.repo);
    return made;
  };

  it('lists since..commit oldest first, with the patch ids the recorded change carries', async () => {
    const { repo, base, one, two } = make();
    const deploy = await readDeployCommits(repo.dir, 'feature', 'main');
    const change = await readChange({ repoDir: repo.dir, base: 'main', head: 'feature' });
    expect(deploy).toEqual({ ok: true, commit: two, since: base, commits: change.commits.map((commit) => ({ sha: commit.sha, patchId: commit.patchId })) });
    expect(deploy.ok && deploy.commits.map((commit) => commit.sha)).toEqual([one, two]);
    expect(deploy.ok && deploy.commits.every((commit) => /^[0-9a-f]{40}$/.test(commit.patchId ?? ''))).toBe(true);
  });

  it('checks the commit alone without --since, and nothing for a redeploy of since itself', async () => {
    const { repo, two } = make();
    const alone = await readDeployCommits(repo.dir, two.slice(0, 9));
    expect(alone.ok && alone.commits.map((commit) => commit.sha)).toEqual([two]);
    const redeploy = await readDeployCommits(repo.dir, 'feature', 'feature');
    expect(redeploy).toEqual({ ok: true, commit: two, since: two, commits: [] });
  });

  it('gives a merge commit the patch id of its first-parent diff: the merged range patch id', async () => {
    const { repo, base } = make();
    const rangePatchId = await readRangePatchId(await openRepository(repo.dir), base, repo.sha('feature'));
    repo.checkout('main');
    const before = repo.write('README.md', 'unrelated\n').commit('unrelated work on main');
    repo.git('merge', '--no-ff', '-q', '-m', 'merge feature', 'feature');
    const deploy = await readDeployCommits(repo.dir, 'main', before);
    expect(deploy.ok).toBe(true);
    const merge = deploy.ok ? deploy.commits.find((commit) => commit.sha === repo.sha('main')) : undefined;
    expect(merge?.patchId).toBe(rangePatchId);
  });

  it('gives a squash merge the range patch id too', async () => {
    const { repo, base } = make();
    const rangePatchId = await readRangePatchId(await openRepository(repo.dir), base, repo.sha('feature'));
    repo.checkout('main');
    repo.git('merge', '--squash', '-q', 'feature');
    const squash = repo.commit({ message: 'feature (squashed)', addAll: false });
    const deploy = await readDeployCommits(repo.dir, squash, base);
    expect(deploy).toEqual({ ok: true, commit: squash, since: base, commits: [{ sha: squash, patchId: rangePatchId }] });
  });

  it.each([
    { commit: 'f0f0f0f0', since: undefined, reason: 'unknown commit `f0f0f0f0`' },
    { commit: 'feature', since: 'no-such-branch', reason: 'unknown --since commit `no-such-branch`' },
    { commit: '--all', since: undefined, reason: 'unknown commit `--all`' },
  ])('fails (for the gate to close) on $reason', async ({ commit, since, reason }) => {
    const { repo } = make();
    const deploy = await readDeployCommits(repo.dir, commit, since);
    expect(deploy).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});
