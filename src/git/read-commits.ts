/**
 * @module Commits of a range with authors, committers, messages, trailers and per-commit patch ids.
 *
 * One `git log` reads all metadata: fields separated by NUL (`%x00`), records by NUL (`-z`); a
 * commit message cannot contain NUL, so the split is exact. Trailers come from git itself
 * (`%(trailers:only,unfold)`, the rules of `git interpret-trailers`). Patch ids come from one
 * `git log -p | git patch-id --stable` pipeline for the whole range.
 */
import type { Commit, Trailer } from '../core/change.js';
import type { Writable } from 'node:stream';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from './diff-args.js';
import type { Repository } from './resolve-range.js';
import { collectStderr, gitText, spawnGit, waitForExit } from './run-git.js';

const FIELDS = ['%H', '%P', '%an', '%ae', '%cn', '%ce', '%aI', '%B', '%(trailers:only=true,unfold=true)'];

/** A commit of the range and how many parents it has (merges have no patch id). */
export interface RangeCommit {
  commit: Commit;
  parents: number;
}

/** Parses `Key: value` lines as `%(trailers:only,unfold)` prints them. */
function parseTrailerLines(text: string): Trailer[] {
  const trailers: Trailer[] = [];
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    trailers.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return trailers;
}

/** Commits reachable from `head` but not from `base`, oldest first (merges included). */
export async function readCommitMetadata(repo: Repository, base: string, head: string): Promise<RangeCommit[]> {
  const output = await gitText(repo.cwd, ['log', '-z', '--reverse', `--format=${FIELDS.join('%x00')}`, `${base}..${head}`, '--']);
  const tokens = output.split('\0');
  const commits: RangeCommit[] = [];
  for (let i = 0; i + FIELDS.length <= tokens.length; i += FIELDS.length) {
    const [sha, parents, authorName, authorEmail, committerName, committerEmail, authoredAt, message, trailers] = tokens.slice(i, i + FIELDS.length) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^[0-9a-f]{40,64}$/.test(sha)) break;
    const commit: Commit = {
      sha,
      author: { name: authorName, email: authorEmail },
      committer: { name: committerName, email: committerEmail },
      authoredAt,
      subject: message.split('\n', 1)[0] ?? '',
      message,
      trailers: parseTrailerLines(trailers),
    };
    commits.push({ commit, parents: parents.split(' ').filter(Boolean).length });
  }
  return commits;
}

/** A running `git patch-id --stable`: write a diff to `stdin`, then await `ids` (keyed by commit sha, or all-zero). */
export interface PatchIdProcess {
  stdin: Writable;
  ids: Promise<Map<string, string>>;
}

/** Starts `git patch-id --stable`. */
export function startPatchId(repo: Repository): PatchIdProcess {
  const child = spawnGit(repo.cwd, ['patch-id', '--stable']);
  const errors = collectStderr(child);
  child.stdin.on('error', () => undefined);
  let text = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (text += chunk));
  const ids = waitForExit(child).then((code) => {
    if (code !== 0) throw new Error(`\`git patch-id --stable\` failed (exit ${code}): ${errors()}`);
    const map = new Map<string, string>();
    for (const line of text.split('\n')) {
      const [id, sha] = line.split(' ');
      if (id && sha) map.set(sha, id);
    }
    return map;
  });
  return { stdin: child.stdin, ids };
}

/**
 * `git patch-id --stable` of every non-merge commit in `base..head`, keyed by commit sha, from one
 * `git log -p | git patch-id --stable` pipeline. The diff options are the change's own, so a commit
 * gets the same id here as from its diff alone (see `readChange`'s single-commit path).
 */
export async function readPatchIds(repo: Repository, base: string, head: string): Promise<Map<string, string>> {
  const log = spawnGit(repo.cwd, [...GIT_CONFIG_ARGS, 'log', '-p', '--format=commit %H', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, `${base}..${head}`, '--']);
  const logErrors = collectStderr(log);
  log.stdin.end();
  const patchId = startPatchId(repo);
  log.stdout.pipe(patchId.stdin);
  const [code, ids] = await Promise.all([waitForExit(log), patchId.ids]);
  if (code !== 0) throw new Error(`reading patch ids of \`${base}..${head}\` failed: ${logErrors()}`);
  return ids;
}
