/**
 * @module Reads the change under review from git (a range, the index, the work tree) or a patch file.
 *
 * Range semantics are those of `git diff base...head`: the change is what `head` adds since it
 * left `base` (their merge base), so upstream commits made after branching never show up as part
 * of it. Without `base` the default branch is used (origin/HEAD, origin/main, origin/master, main,
 * master). The diff is parsed while git writes it; commit metadata and per-commit patch ids are
 * read by processes running at the same time; file contents come through one `git cat-file --batch`.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from '../cli/cli-error.js';
import type { ChangedFile, Change, ChangeSource, Commit } from '../core/change.js';
import { createChangeDigestBuilder, type ChangeDigestBuilder } from '../core/digest.js';
import { parseUnifiedDiff, type ParsedDiff } from '../analyzers/unified-diff.js';
import { DEFAULT_MAX_LINE_BYTES } from '../analyzers/unified-diff-lines.js';
import { openCatFileBatch } from './cat-file-batch.js';
import { patchSource, worktreeSource } from './content-sources.js';
import { EMPTY_TREE } from './diff-args.js';
import { DEFAULT_MAX_ARTIFACT_BYTES, fillBaseLineCounts, gitObjectSource, readArtifacts, type ContentSource } from './read-artifacts.js';
import { mergePatchSeries } from './merge-patch-series.js';
import { readCommitMetadata, readPatchIds, startPatchId } from './read-commits.js';
import { readUntrackedFiles } from './read-untracked-files.js';
import { branchName, findDefaultBranch, mergeBase, openRepository, quickResolveRange, resolveCommit, tryResolveCommit, type Repository } from './resolve-range.js';
import { diffFiles } from './stream-diff.js';

export interface ReadChangeOptions {
  repoDir: string;
  /** Base revision; the change starts at its merge base with `head`. Default: the default branch. */
  base?: string;
  /** Head revision; default `HEAD`. */
  head?: string;
  /** The staged changes (index vs HEAD). */
  staged?: boolean;
  /** Everything not committed (work tree vs HEAD, untracked files included). */
  worktree?: boolean;
  /** A patch file (`git diff` or `git format-patch` output), or `-` for stdin. */
  patch?: string;
  /** Longest line kept as text, in bytes (default 1 MiB). */
  maxLineBytes?: number;
  /** Largest artifact loaded, in bytes (default 20 MiB). */
  maxArtifactBytes?: number;
  /**
   * Read each commit's `git patch-id --stable` (default true). Recording needs them, so a squashed
   * or rebased deploy is still recognised; a check that records nothing can skip that git work.
   */
  commitPatchIds?: boolean;
  /** Called with the effective base (the merge base) as soon as it is known, before the diff is read. */
  onBase?: (base: string) => void;
  /**
   * Called with each file as soon as it is read, while git is still writing the rest of the diff,
   * so work on it overlaps with git's (the digest is computed that way too). Only a head start: a
   * file of the result may not pass through here (untracked files, the merged files of a patch series).
   */
  onFile?: (file: ChangedFile) => void;
}

interface Limits {
  maxLineBytes: number;
  maxArtifactBytes: number;
}

type RangeOptions = Pick<ReadChangeOptions, 'commitPatchIds' | 'onBase' | 'onFile'>;

/**
 * Reads a change. Bad input (not a repository, unknown revision, unreadable or malformed patch,
 * conflicting options) throws `UsageError` with a message naming it.
 *
 * @example
 * ```ts
 * const change = await readChange({ repoDir: '.', base: 'origin/main' });
 * change.files.length; change.digest; change.commits[0]?.trailers;
 * ```
 */
export async function readChange(options: ReadChangeOptions): Promise<Change> {
  const chosen = [options.base !== undefined || options.head !== undefined, options.staged, options.worktree, options.patch !== undefined].filter(Boolean);
  if (chosen.length > 1) throw new UsageError('choose one change source: --base/--head, --staged, --worktree or --patch');
  const limits: Limits = {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxArtifactBytes: options.maxArtifactBytes ?? DEFAULT_MAX_ARTIFACT_BYTES,
  };
  if (options.patch !== undefined) return readPatchChange(options.patch, limits, options);
  if (options.staged || options.worktree) return readLocalChange(await openRepository(options.repoDir), options.staged ? 'staged' : 'worktree', limits, options);
  return readRangeChange(options.repoDir, options.base, options.head ?? 'HEAD', limits, options);
}

async function readRangeChange(repoDir: string, baseArg: string | undefined, headArg: string, limits: Limits, options: RangeOptions): Promise<Change> {
  const { repo, head, base, branch } = await resolveRange(repoDir, baseArg, headArg);
  options.onBase?.(base);
  const metadata = readCommitMetadata(repo, base, head);
  const wantPatchIds = options.commitPatchIds !== false;
  const digest = createChangeDigestBuilder();
  // One commit on top of base: its patch is the change's diff, so the diff is hashed as it streams
  // instead of being generated a second time by `git log -p` (half the git work on big changes).
  const patchId = metadata.then((commits) => (wantPatchIds && commits.length === 1 && commits[0]!.parents === 1 ? startPatchId(repo) : undefined));
  const [files, rangeCommits, patchIds] = await Promise.all([
    diffFiles(
      repo,
      [base, head, '--'],
      { maxLineBytes: limits.maxLineBytes, onFile: whileReading(digest, options) },
      patchId.then((process) => process?.stdin),
    ),
    metadata,
    patchId.then((process) => (process ? process.ids : wantPatchIds ? readPatchIds(repo, base, head) : new Map<string, string>())),
  ]);
  const single = rangeCommits.length === 1 && rangeCommits[0]!.parents === 1;
  const commits = rangeCommits.map(({ commit }) => commit);
  for (const commit of commits) {
    const id = single ? patchIds.values().next().value : patchIds.get(commit.sha);
    if (id !== undefined) commit.patchId = id;
  }
  const batch = openCatFileBatch(repo);
  try {
    const [artifacts] = await Promise.all([
      readArtifacts(files, gitObjectSource(batch, base, head, limits.maxArtifactBytes)),
      fillBaseLineCounts(files, batch, base),
    ]);
    return assemble('range', base, head, branch, files, commits, artifacts, digest);
  } finally {
    await batch.close();
  }
}

/**
 * The repository, head, effective base (the merge base) and branch of a range. Usually one
 * `git rev-parse` (after one `git for-each-ref` for the default branch); when that fails, step
 * by step, so the error names the folder or revision at fault, head before base.
 */
async function resolveRange(
  repoDir: string,
  baseArg: string | undefined,
  headArg: string,
): Promise<{ repo: Repository; head: string; base: string; branch?: string }> {
  const defaultBranch = baseArg === undefined ? await findDefaultBranch({ cwd: repoDir }).catch(() => undefined) : undefined;
  const from = baseArg !== undefined ? { label: baseArg, rev: baseArg } : defaultBranch && { label: defaultBranch.name, rev: defaultBranch.sha };
  const quick = from ? await quickResolveRange(repoDir, headArg, from.rev) : undefined;
  if (from && quick) {
    const base = quick.mergeBase ?? (await mergeBase(quick.repo, { label: from.label, sha: quick.base }, { label: headArg, sha: quick.head }));
    return { repo: quick.repo, head: quick.head, base, ...(quick.branch !== undefined ? { branch: quick.branch } : {}) };
  }
  const repo = await openRepository(repoDir);
  const head = await resolveCommit(repo, headArg, 'head');
  const resolved =
    baseArg !== undefined
      ? { label: baseArg, sha: await resolveCommit(repo, baseArg, 'base') }
      : await findDefaultBranch(repo).then((branch) => ({ label: branch.name, sha: branch.sha }));
  const base = await mergeBase(repo, resolved, { label: headArg, sha: head });
  const branch = await branchName(repo, headArg);
  return { repo, head, base, ...(branch !== undefined ? { branch } : {}) };
}

async function readLocalChange(repo: Repository, source: 'staged' | 'worktree', limits: Limits, options: RangeOptions): Promise<Change> {
  const headSha = await tryResolveCommit(repo, 'HEAD');
  const base = headSha ?? EMPTY_TREE;
  options.onBase?.(base);
  const digest = createChangeDigestBuilder();
  const [tracked, untracked, branch] = await Promise.all([
    diffFiles(repo, source === 'staged' ? ['--cached', base, '--'] : [base, '--'], { maxLineBytes: limits.maxLineBytes, onFile: whileReading(digest, options) }),
    source === 'worktree' ? readUntrackedFiles(repo, { maxFileBytes: limits.maxArtifactBytes, maxLineBytes: limits.maxLineBytes }) : [],
    branchName(repo, 'HEAD'),
  ]);
  const files = [...tracked, ...untracked].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const batch = openCatFileBatch(repo);
  try {
    // Staged content is in the object database (the index's blobs); work tree content is on disk.
    const objects = gitObjectSource(batch, base, undefined, limits.maxArtifactBytes);
    const contents: ContentSource =
      source === 'worktree' && repo.topLevel !== undefined ? worktreeSource(objects, repo.topLevel, limits.maxArtifactBytes) : objects;
    const [artifacts] = await Promise.all([readArtifacts(files, contents), fillBaseLineCounts(files, batch, base)]);
    return assemble(source, base, source === 'staged' ? 'STAGED' : 'WORKTREE', branch, files, [], artifacts, digest);
  } finally {
    await batch.close();
  }
}

async function readPatchChange(patch: string, limits: Limits, options: Pick<ReadChangeOptions, 'onFile'>): Promise<Change> {
  const label = patch === '-' ? 'stdin' : patch;
  const digest = createChangeDigestBuilder();
  let parsed: ParsedDiff;
  try {
    const input: Readable = patch === '-' ? process.stdin : createReadStream(patch);
    parsed = await parseUnifiedDiff(input, { maxLineBytes: limits.maxLineBytes, onFile: whileReading(digest, options) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError(`cannot read patch \`${label}\`: ${reason}`);
  }
  const problem = parsed.problems[0];
  if (problem) throw new UsageError(`patch \`${label}\` line ${problem.line}: ${problem.message}`);
  if (parsed.files.length === 0 && parsed.commits.length === 0) throw new UsageError(`patch \`${label}\` contains no diff`);
  const files = mergePatchSeries(parsed.files);
  const artifacts = await readArtifacts(files, patchSource);
  return assemble('patch', 'patch', 'patch', undefined, files, parsed.commits, artifacts, digest);
}

/** What is done with each file as it is read: hashed into the digest, then handed to the caller. */
function whileReading(digest: ChangeDigestBuilder, options: Pick<ReadChangeOptions, 'onFile'>): (file: ChangedFile) => void {
  const { onFile } = options;
  if (!onFile) return (file) => digest.add(file);
  return (file) => {
    digest.add(file);
    onFile(file);
  };
}

function assemble(
  source: ChangeSource,
  base: string,
  head: string,
  branch: string | undefined,
  files: ChangedFile[],
  commits: Commit[],
  artifacts: Change['artifacts'],
  digest: ChangeDigestBuilder,
): Change {
  let additions = 0;
  let deletions = 0;
  for (const file of files) {
    additions += file.additions;
    deletions += file.deletions;
  }
  const change: Change = {
    source,
    base,
    head,
    files,
    commits,
    artifacts,
    digest: digest.digestOf(files),
    stats: { files: files.length, additions, deletions },
  };
  if (branch !== undefined) change.branch = branch;
  return change;
}
