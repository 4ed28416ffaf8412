import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from './find-repo-root.js';

const scratch = mkdtempSync(join(tmpdir(), 'tollgate-find-root-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function gitRepo(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'services/checkout'), { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

/** What git itself answers. */
const gitTopLevel = (cwd: string, env: NodeJS.ProcessEnv = process.env): string =>
  execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, env, encoding: 'utf8' }).trim();

describe('findRepoRoot', () => {
  it('gives the work tree root from a folder inside it, as git does', async () => {
    const repo = gitRepo('plain');
    const inside = join(repo, 'services/checkout');
    expect(await findRepoRoot(inside)).toBe(repo);
    expect(await findRepoRoot(inside)).toBe(gitTopLevel(inside));
  });

  it('resolves symbolic links as git does', async () => {
    const repo = gitRepo('linked');
    const link = join(scratch, 'link-to-repo');
    symlinkSync(repo, link);
    expect(await findRepoRoot(join(link, 'services'))).toBe(gitTopLevel(join(link, 'services')));
  });

  it('takes a `.git` file (a linked work tree) and passes over a `.git` folder that is no repository', async () => {
    const repo = gitRepo('with-worktree');
    execFileSync('git', ['-C', repo, 'commit', '-q', '--allow-empty', '-m', 'first'], {
      env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' },
    });
    const worktree = join(scratch, 'second-tree');
    execFileSync('git', ['-C', repo, 'worktree', 'add', '-q', worktree]);
    expect(await findRepoRoot(worktree)).toBe(gitTopLevel(worktree));
    const fake = join(repo, 'vendor/lib');
    mkdirSync(join(fake, '.git'), { recursive: true });
    expect(await findRepoRoot(fake)).toBe(repo);
    expect(gitTopLevel(fake)).toBe(repo);
  });

  it('finds the root without starting git', async () => {
    const repo = gitRepo('no-git-on-path');
    // With no git to run, only the look for `.git` can answer.
    expect(await findRepoRoot(join(repo, 'services'), { ...process.env, PATH: '' })).toBe(repo);
  });

  it('asks git where the environment redirects it', async () => {
    const repo = gitRepo('redirected');
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    // From a folder with no `.git` anywhere above it: only git, told by the variables, knows the root.
    const env = { ...process.env, GIT_DIR: join(repo, '.git'), GIT_WORK_TREE: repo };
    expect(await findRepoRoot(elsewhere, env)).toBe(repo);
    expect(gitTopLevel(elsewhere, env)).toBe(repo);
    // And git is asked even where a `.git` is near: the variables win.
    const other = gitRepo('other');
    expect(await findRepoRoot(other, env)).toBe(repo);
  });

  it('names the folder when it is in no repository', async () => {
    const plain = join(scratch, 'no-repo');
    mkdirSync(plain);
    writeFileSync(join(plain, 'README.md'), 'not a repository\n');
    await expect(findRepoRoot(plain)).rejects.toThrow(`not a git repository: \`${plain}\``);
  });
});
