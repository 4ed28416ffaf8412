/**
 * @module What `check --record` stores beside a change so it is recognised later: its line of work and whole-range patch id.
 */
import type { Change } from '../core/change.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from './diff-args.js';
import { startPatchId } from './read-commits.js';
import { branchFromRef, findDefaultBranch, openRepository, type Repository } from './resolve-range.js';
import { collectStderr, runGit, spawnGit, waitForExit } from './run-git.js';

export interface RecordKeys {
  /** `branch:<name>` when the change's head is a branch other than the (known) default one. */
  lineKey?: string;
  /** `git patch-id --stable` of the whole base..head diff: how a squash or merge commit of it is recognised. */
  rangePatchId?: string;
}

/**
 * Reads the record keys of a change read from git. A patch file has neither key; staged and work
 * tree changes have a line key only (their content has no commit range yet).
 */
export async function readRecordKeys(repoDir: string, change: Change): Promise<RecordKeys> {
  if (change.source === 'patch') return {};
  const repo = await openRepository(repoDir);
  const keys: RecordKeys = {};
  // Without a known default branch no line key is given: keying the default branch itself would
  // make every change recorded from it supersede the one before.
  const defaultBranch = change.branch === undefined ? undefined : await readDefaultBranchName(repo);
  if (change.branch !== undefined && defaultBranch !== undefined && change.branch !== defaultBranch) keys.lineKey = `branch:${change.branch}`;
  if (change.source === 'range') {
    const id = await readRangePatchId(repo, change.base, change.head);
    if (id !== undefined) keys.rangePatchId = id;
  }
  return keys;
}

/**
 * `git diff base head | git patch-id --stable`, with the exact options the change's own diff uses,
 * so a one-commit change gets its commit's patch id and a merge's first-parent diff matches too.
 * Undefined for an empty diff.
 */
export async function readRangePatchId(repo: Repository, base: string, head: string): Promise<string | undefined> {
  const diff = spawnGit(repo.cwd, [...GIT_CONFIG_ARGS, 'diff', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, base, head, '--']);
  const errors = collectStderr(diff);
  diff.stdin.end();
  const patchId = startPatchId(repo);
  diff.stdout.pipe(patchId.stdin);
  const [code, ids] = await Promise.all([waitForExit(diff), patchId.ids]);
  if (code !== 0) throw new Error(`\`git diff ${base} ${head}\` failed (exit ${code}): ${errors()}`);
  return ids.values().next().value;
}

/** The default branch's short name (`main`, not `origin/main`); undefined when there is none. */
async function readDefaultBranchName(repo: Repository): Promise<string | undefined> {
  const symbolic = await runGit(repo.cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (symbolic.code === 0) return branchFromRef(symbolic.stdout.toString('utf8').trim());
  const found = await findDefaultBranch(repo).catch(() => undefined);
  return found?.name.replace(/^origin\//, '');
}
