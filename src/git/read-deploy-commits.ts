/**
 * @module The commits a deploy ships (`since..commit`), each with the patch id the deploy gate matches on.
 */
import type { CommitRef } from '../store/store.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from './diff-args.js';
import { startPatchId } from './read-commits.js';
import { openRepository, tryResolveCommit } from './resolve-range.js';
import { collectStderr, gitText, spawnGit, waitForExit } from './run-git.js';

export type DeployCommits =
  | { ok: true; commit: string; since?: string; commits: CommitRef[] }
  /** The commit or `since` is unknown to the repository: the gate must fail closed. */
  | { ok: false; reason: string };

/**
 * Resolves the deployed commit (and `since`) and lists every commit in `since..commit`, oldest
 * first, or only `commit` without `since`. Patch ids come from one `git log -p | git patch-id
 * --stable` pipeline with the change diff's options; a merge commit gets the patch id of its
 * first-parent diff, which for a merged pull request equals the recorded range patch id.
 */
export async function readDeployCommits(repoDir: string, commitRev: string, sinceRev?: string): Promise<DeployCommits> {
  const repo = await openRepository(repoDir);
  const commit = await tryResolveCommit(repo, commitRev);
  if (commit === undefined) return { ok: false, reason: `unknown commit \`${commitRev}\` in \`${repoDir}\` (fetch it first)` };
  const since = sinceRev === undefined ? undefined : await tryResolveCommit(repo, sinceRev);
  if (sinceRev !== undefined && since === undefined) return { ok: false, reason: `unknown --since commit \`${sinceRev}\` in \`${repoDir}\` (fetch it first)` };
  const range = since === undefined ? ['-1', commit] : [`${since}..${commit}`];
  const shas = since === undefined ? [commit] : (await gitText(repo.cwd, ['rev-list', '--reverse', ...range, '--'])).split('\n').filter(Boolean);

  const log = spawnGit(repo.cwd, [...GIT_CONFIG_ARGS, 'log', '-p', '--diff-merges=first-parent', '--format=commit %H', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, ...range, '--']);
  const errors = collectStderr(log);
  log.stdin.end();
  const patchId = startPatchId(repo);
  log.stdout.pipe(patchId.stdin);
  const [code, ids] = await Promise.all([waitForExit(log), patchId.ids]);
  if (code !== 0) throw new Error(`reading patch ids of \`${range.join(' ')}\` failed: ${errors()}`);
  const commits = shas.map((sha) => {
    const id = ids.get(sha);
    return id === undefined ? { sha } : { sha, patchId: id };
  });
  return { ok: true, commit, ...(since !== undefined ? { since } : {}), commits };
}

/** The full sha of a revision; undefined when the repository does not know it. */
export async function resolveCommitSha(repoDir: string, rev: string): Promise<string | undefined> {
  return tryResolveCommit(await openRepository(repoDir), rev);
}
