/**
 * @module Runs short `git` commands for the catalog adapters (execFile: no shell, bounded output).
 */
import { execFile } from 'node:child_process';
import { UsageError } from '../cli/cli-error.js';

export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Raised for expected failures of reading from git: not a repository, unknown revision, git missing. */
export class CatalogReadError extends UsageError {
}

/** Runs `git args` in `cwd`; resolves with the exit code (non-zero is not an exception here). */
export function execGit(cwd: string, args: readonly string[], maxBuffer = 64 * 1024 * 1024): Promise<GitOutput> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANGUAGE: 'C' };
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, encoding: 'buffer', maxBuffer }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (failure && failure.code === 'ENOENT') {
        reject(new CatalogReadError('`git` was not found on PATH; install git'));
        return;
      }
      if (failure && typeof failure.code !== 'number') {
        reject(failure);
        return;
      }
      resolve({ code: failure ? Number(failure.code) : 0, stdout, stderr: stderr.toString('utf8').trim() });
    });
  });
}

/** The repository's top-level folder, or `undefined` when `dir` is not inside a git work tree. */
export async function readRepoRoot(dir: string): Promise<string | undefined> {
  const result = await execGit(dir, ['rev-parse', '--show-toplevel']);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
