/**
 * @module Streams `git diff` into the diff parser, optionally teeing the same bytes into `git patch-id`.
 */
import type { Writable } from 'node:stream';
import type { ChangedFile } from '../core/change.js';
import { createUnifiedDiffParser } from '../analyzers/unified-diff.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from './diff-args.js';
import type { Repository } from './resolve-range.js';
import { collectStderr, spawnGit, waitForExit } from './run-git.js';

/** How many diff bytes are gathered before one write to `git patch-id`, and how far it may fall behind. */
const TEE_BATCH_BYTES = 256 * 1024;
const TEE_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * Runs `git diff <args>` and parses its output as it streams. With `tee`, every chunk is also written
 * to the stream it resolves to (honouring back-pressure), so one diff feeds both the parser and
 * `git patch-id`; chunks that arrive before `tee` resolves are held until it does.
 */
export async function diffFiles(repo: Repository, args: string[], options: { maxLineBytes: number }, tee?: Promise<Writable | undefined>): Promise<ChangedFile[]> {
  const child = spawnGit(repo.cwd, [...GIT_CONFIG_ARGS, 'diff', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, ...args]);
  const stderr = collectStderr(child);
  child.stdin.end();
  const parser = createUnifiedDiffParser({ maxLineBytes: options.maxLineBytes });
  let sink: Writable | undefined;
  let held: Buffer[] | undefined = tee ? [] : undefined;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  // Diff chunks are small (often a few KiB): they go to `git patch-id` in batches, one system call
  // each. Reading only pauses when patch-id falls far behind, so it never slows the parser.
  const flush = (): void => {
    if (!sink || batchBytes === 0) return;
    sink.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch, batchBytes));
    batch = [];
    batchBytes = 0;
    if (sink.writableLength > TEE_MAX_BUFFERED_BYTES) {
      child.stdout.pause();
      sink.once('drain', () => child.stdout.resume());
    }
  };
  const forward = (chunk: Buffer): void => {
    if (!sink) return;
    batch.push(chunk);
    batchBytes += chunk.length;
    if (batchBytes >= TEE_BATCH_BYTES) flush();
  };
  const teeReady = tee?.then((stream) => {
    sink = stream;
    for (const chunk of held ?? []) forward(chunk);
    held = undefined;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    parser.push(chunk);
    if (held) held.push(chunk);
    else forward(chunk);
  });
  let code: number;
  try {
    code = await waitForExit(child);
    await teeReady;
    flush();
  } finally {
    // Always end the tee (even one that starts later), or `git patch-id` would wait for input forever.
    sink?.end();
    void tee?.then(
      (stream) => (stream && !stream.writableEnded ? stream.end() : undefined),
      () => undefined,
    );
  }
  if (code !== 0) throw new Error(`\`git diff ${args.join(' ')}\` failed (exit ${code}): ${stderr()}`);
  const parsed = parser.end();
  const problem = parsed.problems[0];
  // Git's own output must parse; if it does not, stop rather than evaluate a partial change.
  if (problem) throw new Error(`could not parse \`git diff\` output at line ${problem.line}: ${problem.message}`);
  return parsed.files;
}
