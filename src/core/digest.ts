/**
 * @module The change digest: a rebase-stable content identity of a whole change (hex sha256).
 *
 * Approvals bind to this digest. It must stay the same when only the history around the change
 * moves (a rebase onto an unrelated upstream commit, squashing or reordering commits that end in
 * the same diff, new commit messages or dates) and must change when anything the change adds or
 * removes changes. It is in the spirit of `git patch-id --stable`, taken over the whole change:
 *
 * - files are visited in path order (so diff order settings do not matter);
 * - per file: status, old and new path, and the mode when it is set or changes;
 * - per hunk, in order: every removed and added line with its offset *inside the hunk*. Absolute
 *   line numbers and hunk offsets are left out (they move when upstream adds lines elsewhere), but
 *   the in-hunk offsets keep the order of lines relative to the unchanged lines around them: moving
 *   an added line below a context line (say, below an authorisation check) is a different change;
 * - binary files: their old and new blob ids; lines too long to keep: their count and hash.
 *
 * Commit metadata (shas, authors, messages, dates) is deliberately not part of it.
 *
 * INVARIANT: the serialisation below is versioned (`v1`); any change to it must bump the version,
 * since stored approvals compare digests computed by different releases.
 */
import { createHash } from 'node:crypto';
import type { ChangedFile, Hunk } from './change.js';
import { forEachBodyLine, hunkBody } from './hunk-body.js';

const VERSION = 'tollgate-change-digest/v1\n';
/** Hash input is handed over in blocks of about this many characters (one native call per block). */
const BLOCK = 64 * 1024;

function compareFiles(a: ChangedFile, b: ChangedFile): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const oldA = a.oldPath ?? '';
  const oldB = b.oldPath ?? '';
  if (oldA !== oldB) return oldA < oldB ? -1 : 1;
  return a.status < b.status ? -1 : a.status > b.status ? 1 : 0;
}

/** The mode part of a file's identity: only what the change sets or alters. */
function modeField(file: ChangedFile): string {
  if (file.status === 'added') return `+${file.newMode ?? ''}`;
  if (file.status === 'deleted') return `-${file.oldMode ?? ''}`;
  if (file.oldMode !== undefined && file.newMode !== undefined && file.oldMode !== file.newMode) {
    return `${file.oldMode}>${file.newMode}`;
  }
  return file.status === 'type-changed' ? `${file.oldMode ?? ''}>${file.newMode ?? ''}` : '';
}

/** Serialises change content into a sha256, handing it over in blocks (one native call per block). */
class DigestWriter {
  readonly #hash = createHash('sha256');
  // String concatenation is the cheapest way V8 offers to serialise many short lines; a reused
  // Buffer written line by line measured slower (one native call per line).
  #buffer = VERSION;

  readonly write = (text: string): void => {
    this.#buffer += text;
    if (this.#buffer.length >= BLOCK) {
      this.#hash.update(this.#buffer, 'utf8');
      this.#buffer = '';
    }
  };

  writeFile(file: ChangedFile): void {
    this.write(`F\0${file.status}\0${file.oldPath ?? ''}\0${file.path}\0${modeField(file)}\n`);
    if (file.binary) this.write(`B\0${file.oldBlob ?? ''}\0${file.newBlob ?? ''}\n`);
    if (file.unstored) this.write(`U\0${file.unstored.lines}\0${file.unstored.sha256}\n`);
    for (const hunk of file.hunks) {
      this.write('@\n');
      writeHunkLines(hunk, this.write);
    }
  }

  digest(): string {
    this.#hash.update(this.#buffer, 'utf8');
    return this.#hash.digest('hex');
  }
}

/**
 * Computes the digest of a change from its files.
 *
 * @example
 * ```ts
 * const digest = computeChangeDigest(change.files); // '3f9a1c…' (64 hex characters)
 * ```
 */
export function computeChangeDigest(files: readonly ChangedFile[]): string {
  const writer = new DigestWriter();
  for (const file of [...files].sort(compareFiles)) writer.writeFile(file);
  return writer.digest();
}

/** Takes a change's files one at a time as they are read, then gives its digest. */
export interface ChangeDigestBuilder {
  /** A file of the change, final: nothing in it changes after this call. */
  add(file: ChangedFile): void;
  /** The digest of `files`: always `computeChangeDigest(files)`. */
  digestOf(files: readonly ChangedFile[]): string;
}

/**
 * A digest computed while the change is still being read. Git prints a diff in path order, the
 * order the digest visits files in, so each file can be hashed as soon as it is read (while git
 * is still writing the rest) instead of after the whole diff. Anything else (a file out of order,
 * files that are not exactly the ones added) falls back to `computeChangeDigest`: the result is
 * the same either way.
 */
export function createChangeDigestBuilder(): ChangeDigestBuilder {
  const writer = new DigestWriter();
  const added: ChangedFile[] = [];
  let inOrder = true;
  return {
    add(file) {
      const previous = added[added.length - 1];
      added.push(file);
      if (previous !== undefined && compareFiles(previous, file) >= 0) inOrder = false;
      if (inOrder) writer.writeFile(file);
    },
    digestOf(files) {
      const same = inOrder && files.length === added.length && files.every((file, index) => file === added[index]);
      return same ? writer.digest() : computeChangeDigest(files);
    },
  };
}

/** Every removed line, then every added line, with its offset inside the hunk. */
function writeHunkLines(hunk: Hunk, write: (text: string) => void): void {
  const body = hunkBody(hunk);
  if (body === undefined) {
    for (const line of hunk.removed) write(`-${line.line - hunk.oldStart}\t${line.text}\n`);
    for (const line of hunk.added) write(`+${line.line - hunk.newStart}\t${line.text}\n`);
    return;
  }
  // The same serialisation, read from the hunk's text without building its line objects.
  // A side with no lines (a new or deleted file's hunk) needs no pass over the text.
  const { oldStart, newStart } = hunk;
  if (hunk.oldLines > 0) {
    forEachBodyLine(body, oldStart, newStart, (side, line, start, end) => {
      if (side === '-') write(`-${line - oldStart}\t${body.slice(start, end)}\n`);
    });
  }
  if (hunk.newLines > 0) {
    forEachBodyLine(body, oldStart, newStart, (side, line, start, end) => {
      if (side === '+') write(`+${line - newStart}\t${body.slice(start, end)}\n`);
    });
  }
}
