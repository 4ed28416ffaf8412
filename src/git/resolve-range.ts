/**
 * @module Finds the repository and turns user revisions into commit shas, with clear usage errors.
 */
import { stat } from 'node:fs/promises';
import { UsageError } from '../cli/cli-error.js';
import { gitText, runGit } from './run-git.js';

export interface Repository {
  /** Folder git commands run in (what the user gave). */
  cwd: string;
  /** Work tree root; absent for a bare repository. */
  topLevel?: string;
}

/** Checks that `repoDir` exists and is inside a git repository. */
export async function openRepository(repoDir: string): Promise<Repository> {
  try {
    if (!(await stat(repoDir)).isDirectory()) throw new UsageError(`\`${repoDir}\` is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`folder \`${repoDir}\` does not exist`);
  }
  const top = await runGit(repoDir, ['rev-parse', '--show-toplevel']);
  if (top.code === 0) return { cwd: repoDir, topLevel: top.stdout.toString('utf8').replace(/\n$/, '') };
  const gitDir = await runGit(repoDir, ['rev-parse', '--git-dir']);
  if (gitDir.code === 0) return { cwd: repoDir };
  throw new UsageError(`\`${repoDir}\` is not a git repository`);
}

/** What one `git rev-parse` tells about a range. */
export interface QuickRange {
  repo: Repository;
  head: string;
  base: string;
  /** The merge base, when there is exactly one (else ask `git merge-base`). */
  mergeBase?: string;
  /** Branch `head` names, if any. */
  branch?: string;
}

const SHA = /^[0-9a-f]{40,64}$/;

/**
 * The happy path of a range in one process: work tree root, both shas, their merge bases (from
 * `head...base`) and the head's branch. Returns `undefined` on any problem (not a repository, a
 * bare one, an unknown revision, an odd revision syntax); callers then go step by step, which
 * names exactly what is wrong.
 */
export async function quickResolveRange(repoDir: string, head: string, base: string): Promise<QuickRange | undefined> {
  if ([head, base].some((rev) => rev.startsWith('-') || rev.includes('\0') || rev.includes('\n'))) return undefined;
  const args = ['rev-parse', '--show-toplevel', `${head}^{commit}`, `${base}^{commit}`, `${head}^{commit}...${base}^{commit}`, '--symbolic-full-name', head];
  const result = await runGit(repoDir, args).catch(() => undefined);
  if (result === undefined || result.code !== 0) return undefined;
  const [topLevel, headSha, baseSha, pairA, pairB, ...rest] = result.stdout.toString('utf8').replace(/\n$/, '').split('\n');
  if (!topLevel || ![headSha, baseSha, pairA, pairB].every((line) => line !== undefined && SHA.test(line))) return undefined;
  const bases = rest.filter((line) => line.startsWith('^')).map((line) => line.slice(1));
  const ref = rest.find((line) => !line.startsWith('^'));
  const quick: QuickRange = { repo: { cwd: repoDir, topLevel }, head: headSha!, base: baseSha! };
  if (bases.length === 1 && SHA.test(bases[0]!)) quick.mergeBase = bases[0]!;
  const branch = ref ? branchFromRef(ref) : undefined;
  if (branch !== undefined) quick.branch = branch;
  return quick;
}

/** Resolves a revision to a commit sha, or `undefined` when it does not name a commit. */
export async function tryResolveCommit(repo: Repository, rev: string): Promise<string | undefined> {
  if (rev.startsWith('-') || rev.includes('\0')) return undefined;
  const result = await runGit(repo.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** Resolves a revision to a commit sha; an unknown one is a usage error naming it. */
export async function resolveCommit(repo: Repository, rev: string, role: string): Promise<string> {
  const sha = await tryResolveCommit(repo, rev);
  if (sha !== undefined) return sha;
  if (rev === 'HEAD') throw new UsageError(`\`${repo.cwd}\` has no commits yet (HEAD does not name a commit)`);
  throw new UsageError(`unknown ${role} revision \`${rev}\` in \`${repo.cwd}\``);
}

/** Default branch candidates, most specific first. */
const DEFAULT_BRANCH_REFS = [
  'refs/remotes/origin/HEAD',
  'refs/remotes/origin/main',
  'refs/remotes/origin/master',
  'refs/heads/main',
  'refs/heads/master',
];

/** The default branch to compare against (its short name and sha), found with one `git for-each-ref`. */
export async function findDefaultBranch(repo: Repository): Promise<{ name: string; sha: string }> {
  const output = await gitText(repo.cwd, ['for-each-ref', '--format=%(refname)%00%(objectname)', ...DEFAULT_BRANCH_REFS]);
  const found = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [ref, sha] = line.split('\0');
    if (ref && sha) found.set(ref, sha);
  }
  for (const ref of DEFAULT_BRANCH_REFS) {
    const sha = found.get(ref);
    if (sha !== undefined) return { name: ref.replace(/^refs\/(remotes|heads)\//, ''), sha };
  }
  throw new UsageError(
    `cannot find the default branch of \`${repo.cwd}\` (tried origin/HEAD, origin/main, origin/master, main, master); pass --base REV`,
  );
}

/** The best common ancestor of two commits; unrelated histories are a usage error. */
export async function mergeBase(repo: Repository, a: { label: string; sha: string }, b: { label: string; sha: string }): Promise<string> {
  const result = await runGit(repo.cwd, ['merge-base', a.sha, b.sha]);
  if (result.code === 0) return result.stdout.toString('utf8').trim();
  throw new UsageError(`\`${a.label}\` and \`${b.label}\` have no common ancestor in \`${repo.cwd}\``);
}

/** Branch name of a full ref name (`refs/heads/x` → `x`, `refs/remotes/origin/x` → `x`). */
export function branchFromRef(ref: string): string | undefined {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return /^refs\/remotes\/[^/]+\/(.+)$/.exec(ref)?.[1];
}

/** Branch name a revision stands for (`feature` for `HEAD` on branch feature), when it names a branch. */
export async function branchName(repo: Repository, rev: string): Promise<string | undefined> {
  if (rev.startsWith('-')) return undefined;
  const result = await runGit(repo.cwd, ['rev-parse', '--symbolic-full-name', rev]);
  if (result.code !== 0) return undefined;
  return branchFromRef(result.stdout.toString('utf8').trim());
}
