/**
 * @module Untracked (not ignored) files of the work tree, as added files of a `--worktree` change.
 *
 * `git diff` never shows untracked files, yet they are part of what a commit of the work tree may
 * ship; leaving them out would let new content pass unseen. Each one is read from disk and run
 * through the same diff parser (as a synthetic "new file" diff), so limits on line length and
 * encoding apply exactly as for tracked files. Binary detection follows git: a NUL byte in the
 * first 8000 bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../cli/cli-error.js';
import type { ChangedFile } from '../core/change.js';
import { createUnifiedDiffParser } from '../analyzers/unified-diff.js';
import type { Repository } from './resolve-range.js';
import { gitText } from './run-git.js';

/** Git object id of a blob, so untracked binary files have a content identity for the digest. */
function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Runs `bytes` through the diff parser as the content of a new file. */
function parseAsAddedFile(path: string, mode: string, bytes: Buffer, maxLineBytes: number): ChangedFile {
  const parser = createUnifiedDiffParser({ maxLineBytes });
  const endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] === 10;
  const body = endsWithNewline ? bytes.subarray(0, bytes.length - 1) : bytes;
  let lines = 0;
  for (let i = body.indexOf(10); i >= 0; i = body.indexOf(10, i + 1)) lines += 1;
  if (bytes.length > 0) lines += 1;
  parser.push(`diff --git a/f b/f\nnew file mode ${mode}\n--- /dev/null\n+++ b/f\n`);
  if (lines > 0) {
    parser.push(`@@ -0,0 +1,${lines} @@\n+`);
    // Prefix every line with `+` without splitting the buffer into strings first.
    let start = 0;
    for (let nl = body.indexOf(10); nl >= 0; nl = body.indexOf(10, start)) {
      parser.push(body.subarray(start, nl + 1));
      parser.push('+');
      start = nl + 1;
    }
    parser.push(body.subarray(start));
    parser.push(endsWithNewline ? '\n' : '\n\\ No newline at end of file\n');
  }
  const file = parser.end().files[0]!;
  return { ...file, path, newBlob: blobId(bytes) };
}

/** A file too large to read whole: counted and hashed as a stream, marked `too-large`. */
async function hashLargeFile(path: string, full: string, mode: string): Promise<ChangedFile> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(full) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return {
    path,
    status: 'added',
    binary: false,
    additions: lines,
    deletions: 0,
    hunks: [],
    unreadable: 'too-large',
    newMode: mode,
    unstored: { lines, sha256: hash.digest('hex') },
  };
}

/** One untracked file as an added file; `undefined` for what git would not track (gone, a folder, a device). */
async function readUntrackedFile(path: string, full: string, options: { maxFileBytes: number; maxLineBytes: number }): Promise<ChangedFile | undefined> {
  const info = await lstat(full).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) return parseAsAddedFile(path, '120000', Buffer.from(await readlink(full)), options.maxLineBytes);
  if (!info.isFile()) return undefined;
  const mode = info.mode & 0o111 ? '100755' : '100644';
  if (info.size > options.maxFileBytes) return hashLargeFile(path, full, mode);
  const bytes = await readFile(full);
  if (bytes.subarray(0, 8000).includes(0)) {
    return { path, status: 'added', binary: true, additions: 0, deletions: 0, hunks: [], unreadable: 'binary', newMode: mode, newBlob: blobId(bytes) };
  }
  return parseAsAddedFile(path, mode, bytes, options.maxLineBytes);
}

/** Reads every untracked, not ignored file under the work tree as an added file. */
export async function readUntrackedFiles(repo: Repository, options: { maxFileBytes: number; maxLineBytes: number }): Promise<ChangedFile[]> {
  if (repo.topLevel === undefined) return [];
  const topLevel = repo.topLevel;
  const listing = await gitText(topLevel, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name']);
  const paths = listing.split('\0').filter((path) => path.length > 0 && !path.endsWith('/'));
  const files: ChangedFile[] = [];
  for (const path of paths) {
    const file = await readUntrackedFile(path, join(topLevel, path), options).catch((error: NodeJS.ErrnoException) => {
      // Content that cannot be read cannot be judged: stop, naming the file, rather than leave it out.
      const reason = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : error.message;
      throw new UsageError(`cannot read untracked file \`${path}\`: ${reason} (make it readable, or list it in .gitignore)`);
    });
    if (file) files.push(file);
  }
  return files;
}
