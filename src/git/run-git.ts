/**
 * @module Runs `git` as a child process: the only place the git adapter starts processes.
 *
 * `git` is spawned directly (no shell, no wrapper library) with an environment that removes what
 * would make its output differ between machines or block: pagers, prompts, optional locks, and
 * the environment variables that alter diff output (`GIT_DIFF_OPTS`, `GIT_EXTERNAL_DIFF`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from '../cli/cli-error.js';

/** Environment for every git child process. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    // Reading must not take `index.lock` (a concurrent `git commit` would fail).
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
  delete env.GIT_DIFF_OPTS;
  delete env.GIT_EXTERNAL_DIFF;
  return env;
}

/** Starts `git <args>` in `cwd`; the caller consumes the streams. */
export function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', args, { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Thrown when `git` itself cannot be started. */
export function gitMissing(error: NodeJS.ErrnoException): Error {
  return error.code === 'ENOENT' ? new UsageError('`git` was not found on PATH; install git to read changes') : error;
}

/** Waits for a child's exit code; rejects when it could not start. */
export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(gitMissing(error)));
    child.once('close', (code) => resolve(code ?? 128));
  });
}

/** Collects a child's stderr (first 64 KiB) for error messages. */
export function collectStderr(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (text.length < 65536) text += chunk;
  });
  return () => text.trim();
}

/** Runs `git <args>` to completion and returns its exit code and output; never throws for a non-zero exit. */
export async function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  const child = spawnGit(cwd, args);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const stderr = collectStderr(child);
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  const code = await waitForExit(child);
  return { code, stdout: Buffer.concat(chunks), stderr: stderr() };
}

/** Runs `git <args>` and returns stdout as text; a non-zero exit is an I/O failure (bug or broken repo). */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  const result = await runGit(cwd, args);
  if (result.code !== 0) throw new Error(`\`git ${args.join(' ')}\` failed (exit ${result.code}): ${result.stderr}`);
  return result.stdout.toString('utf8');
}
