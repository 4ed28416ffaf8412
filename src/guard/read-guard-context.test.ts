/**
 * @module The context comes from real files: the repository root and branch, KUBECONFIG's current
 * context, the Terraform workspace file, the catalog; `git status` only when it matters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRepoRoot, readGuardContext } from './read-guard-context.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-guard-context-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function git(args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x' } });
}

describe('readGuardContext', () => {
  it('finds the repository root and branch from a subdirectory', async () => {
    git(['init', '-q', '-b', 'trunk-x']);
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    const { context, repoRoot } = await readGuardContext({ cwd: join(dir, 'src', 'deep'), env: { HOME: dir }, now: 0 });
    expect(repoRoot).toBe(dir);
    expect(context.workspaceRoots).toEqual([dir]);
    expect(context.git.branch).toBe('trunk-x');
    expect(findRepoRoot(join(dir, 'src'))).toBe(dir);
  });

  it('reads the current kube context from KUBECONFIG, the first file that sets one', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Config\n');
    writeFileSync(join(dir, 'b.yaml'), 'apiVersion: v1\ncurrent-context: "gke_acme_prod"\ncontexts: []\n');
    const { context } = await readGuardContext({ cwd: dir, env: { HOME: dir, KUBECONFIG: `${join(dir, 'a.yaml')}:${join(dir, 'b.yaml')}` }, now: 0 });
    expect(context.kubeContext?.name).toBe('gke_acme_prod');
  });

  it('reads ~/.kube/config when KUBECONFIG is unset, and the Terraform workspace file', async () => {
    mkdirSync(join(dir, '.kube'));
    writeFileSync(join(dir, '.kube', 'config'), 'current-context: kind-dev\n');
    mkdirSync(join(dir, '.terraform'));
    writeFileSync(join(dir, '.terraform', 'environment'), 'prod\n');
    const { context } = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0 });
    expect(context.kubeContext?.name).toBe('kind-dev');
    expect(context.terraformWorkspace).toEqual({ name: 'prod', source: '.terraform/environment' });
  });

  it('keeps only the target-selecting variables of the environment', async () => {
    const { context } = await readGuardContext({ cwd: dir, env: { HOME: dir, AWS_PROFILE: 'prod', SECRET_TOKEN: 'x', NODE_ENV: 'production' }, now: 0 });
    expect(context.env).toEqual({ HOME: dir, AWS_PROFILE: 'prod' });
  });

  it('asks git whether the worktree is dirty only for commands that mention reset', async () => {
    git(['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'one']);
    const clean = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0, command: 'git reset --hard' });
    expect(clean.context.git.worktreeDirty).toBe(false);
    writeFileSync(join(dir, 'a.txt'), 'two\n');
    const dirty = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0, command: 'git reset --hard' });
    expect(dirty.context.git.worktreeDirty).toBe(true);
    const other = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0, command: 'git status' });
    expect(other.context.git.worktreeDirty).toBeUndefined();
  });

  it("looks up git aliases in git's configuration, whatever the action", async () => {
    git(['init', '-q', '-b', 'main']);
    git(['config', 'alias.pf', 'push --force']);
    git(['config', 'alias.Multi', '!f() {\n  git push --force "$@"\n}; f']);
    const { context } = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0, command: 'git pf origin main' });
    expect(context.git.alias?.('pf')).toBe('push --force');
    expect(context.git.alias?.('multi')).toBe('!f() {\n  git push --force "$@"\n}; f');
    expect(context.git.alias?.('nothing')).toBeUndefined();
    // A tool call (no shell command) may still carry a git command in its input.
    const tool = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0 });
    expect(tool.context.git.alias?.('pf')).toBe('push --force');
  });

  it('reads environments and tier-1 critical paths from tollgate.yaml, and caches them by content', async () => {
    git(['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'tollgate.yaml'), [
      'version: 1',
      'systems:',
      '  - { id: payments, tier: 1, paths: ["services/payments/**"], critical: ["services/payments/ledger/**"] }',
      '  - { id: search, tier: 2, paths: ["services/search/**"], critical: ["services/search/core/**"] }',
      'guardrails: { paths: ["infra/policies/**"] }',
      'environments:',
      '  - { name: prod, production: true, kubeContexts: [gke_acme_eu] }',
      '  - { name: dev, kubeContexts: [kind-dev], actions: { kubectl-delete: ask } }',
    ].join('\n'));
    const first = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0 });
    expect(first.context.environments.map((environment) => [environment.name, environment.production, environment.actions])).toEqual([
      ['prod', true, {}],
      ['dev', false, { 'kubectl-delete': 'ask' }],
    ]);
    const patterns = first.context.protectedPaths.map((path) => path.pattern);
    expect(patterns).toContain('services/payments/ledger/**');
    expect(patterns).toContain('infra/policies/**');
    expect(patterns).not.toContain('services/search/core/**');
    const cached = await readGuardContext({ cwd: dir, env: { HOME: dir }, now: 0 });
    expect(cached.context.environments).toEqual(first.context.environments);
  });
});
