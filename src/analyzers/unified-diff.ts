/**
 * @module Streaming parser of unified diffs (`git diff`, `git format-patch`, GNU `diff -u`) into changed files.
 *
 * It reads bytes as they arrive and keeps only what the change model needs: per file its paths,
 * status, modes, blob ids, and per hunk the added and removed lines with their line numbers.
 * Context lines are counted (to know where a hunk ends) but not stored.
 *
 * Hunk line counts are what tell content from headers: a removed line `-- a/x` is printed as
 * `--- a/x`, so a line is read as a header only once the current hunk's counts are used up.
 *
 * Input it copes with, because changes carry anything: quoted paths with octal escapes, renames,
 * copies, mode-only changes, type changes (git prints them as a deletion plus a creation of the
 * same path; they are merged back into one `type-changed` file), `Binary files … differ` and
 * `GIT binary patch` sections, `\ No newline at end of file`, lines that are not UTF-8 (kept as
 * latin1 text, file marked `not-utf8`) and lines over the size limit (not kept, file marked
 * `line-too-long`, their hash folded into `unstored` so the digest still covers them).
 */
import type { Readable } from 'node:stream';
import type { ChangedFile } from '../core/change.js';
import { createLineSplitter, DEFAULT_MAX_LINE_BYTES } from './unified-diff-lines.js';
import { DiffStateMachine, type ParsedDiff } from './unified-diff-machine.js';

export type { DiffParseProblem, ParsedDiff } from './unified-diff-machine.js';
export { parseHunkHeader } from './unified-diff-headers.js';

export interface DiffParseOptions {
  /** Longest line kept as text, in bytes; longer lines are counted and hashed only. Default 1 MiB. */
  maxLineBytes?: number;
  /**
   * Called with each file as soon as it is final (nothing in it changes afterwards), in the order
   * of the diff, while the rest is still being read: work on files done here overlaps with the
   * program writing the diff. Every file of the result is passed exactly once.
   */
  onFile?: (file: ChangedFile) => void;
}

/** An incremental parser: push chunks as they arrive, then `end()` for the result. */
export interface UnifiedDiffParser {
  push(chunk: Buffer | string): void;
  end(): ParsedDiff;
}

/** Creates an incremental parser. */
export function createUnifiedDiffParser(options: DiffParseOptions = {}): UnifiedDiffParser {
  const machine = new DiffStateMachine(options.onFile);
  const splitter = createLineSplitter(machine, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  return {
    push: (chunk) => splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk),
    end() {
      splitter.end();
      return machine.end();
    },
  };
}

/**
 * Parses a diff from a stream (e.g. `git diff` stdout or a patch file) as it arrives.
 *
 * @example
 * ```ts
 * const child = spawn('git', ['diff', '--no-color', base, head]);
 * const { files } = await parseUnifiedDiff(child.stdout);
 * ```
 */
export async function parseUnifiedDiff(input: Readable | AsyncIterable<Buffer | string>, options: DiffParseOptions = {}): Promise<ParsedDiff> {
  const parser = createUnifiedDiffParser(options);
  for await (const chunk of input as AsyncIterable<Buffer | string>) parser.push(chunk);
  return parser.end();
}

/** Parses a whole diff held in memory. */
export function parseUnifiedDiffText(text: string | Buffer, options: DiffParseOptions = {}): ParsedDiff {
  const parser = createUnifiedDiffParser(options);
  parser.push(text);
  return parser.end();
}
