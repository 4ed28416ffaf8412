/**
 * @module Streams `git diff` into the diff parser, optionally teeing the same bytes into `git patch-id`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ChangedFile } from '../core/change.js';
import { createUnifiedDiffParser } from '../analyzers/unified-diff.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from './diff-args.js';
import { readGitOutput } from './git-output-file.js';
import type { Repository } from './resolve-range.js';

/** How far `git patch-id` may fall behind the parser before reading waits for it. */
const TEE_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * Runs `git diff <args>` and parses its output as it arrives, handing each file to `onFile` as
 * soon as it is read. With `tee`, every chunk is also written to the stream it resolves to, so
 * one diff feeds both the parser and `git patch-id`.
 */
export async function diffFiles(
  repo: Repository,
  args: string[],
  options: { maxLineBytes: number; onFile?: (file: ChangedFile) => void },
  tee?: Promise<Writable | undefined>,
): Promise<ChangedFile[]> {
  const output = await readGitOutput(repo.cwd, [...GIT_CONFIG_ARGS, 'diff', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, ...args]);
  const parser = createUnifiedDiffParser({ maxLineBytes: options.maxLineBytes, ...(options.onFile ? { onFile: options.onFile } : {}) });
  let sink: Writable | undefined;
  const held: Buffer[] = [];
  let teeReady = false;
  void tee?.then(
    (stream) => {
      sink = stream;
      teeReady = true;
    },
    () => (teeReady = true),
  );
  let code: number;
  try {
    for await (const chunk of output.chunks) {
      parser.push(chunk);
      if (!tee) continue;
      // Chunks that arrive before the tee's stream is known are held until it is.
      if (!teeReady) {
        held.push(chunk);
        continue;
      }
      if (!sink) continue;
      for (const early of held.splice(0)) sink.write(early);
      sink.write(chunk);
      // Reading only waits when patch-id falls far behind, so it never slows the parser.
      if (sink.writableLength > TEE_MAX_BUFFERED_BYTES) await once(sink, 'drain');
    }
    code = await output.exitCode();
    const stream = await tee;
    for (const early of held.splice(0)) stream?.write(early);
  } finally {
    // Always end the tee (even one that starts later), or `git patch-id` would wait for input forever.
    void tee?.then(
      (stream) => (stream && !stream.writableEnded ? stream.end() : undefined),
      () => undefined,
    );
  }
  if (code !== 0) throw new Error(`\`git diff ${args.join(' ')}\` failed (exit ${code}): ${output.stderr()}`);
  const parsed = parser.end();
  const problem = parsed.problems[0];
  // Git's own output must parse; if it does not, stop rather than evaluate a partial change.
  if (problem) throw new Error(`could not parse \`git diff\` output at line ${problem.line}: ${problem.message}`);
  return parsed.files;
}
