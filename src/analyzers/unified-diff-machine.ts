/**
 * @module The unified diff state machine: reads lines and builds files, hunks and format-patch commits.
 *
 * Hunk line counts are what tell content from headers: a removed line `-- a/x` is printed as
 * `--- a/x`, so a line is read as a header only once the current hunk's counts are used up.
 */
import type { ChangedFile, Commit, Hunk } from '../core/change.js';
import { readBodyLines, TextHunk } from '../core/hunk-body.js';
import { FileBuilder } from './unified-diff-file.js';
import { applyGitHeader, parseHunkHeader } from './unified-diff-headers.js';
import type { LineSink } from './unified-diff-lines.js';
import { MboxCommitBuilder, mboxSeparatorSha } from './unified-diff-mbox.js';
import { parseGitHeaderPaths, parseMarkerPath } from './unified-diff-paths.js';

/** Something in the input that is not a well-formed diff, with its 1-based line number. */
export interface DiffParseProblem {
  line: number;
  message: string;
}

export interface ParsedDiff {
  files: ChangedFile[];
  /** Commits of `git format-patch` (mbox) input; empty for a plain diff. */
  commits: Commit[];
  problems: DiffParseProblem[];
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;

/** Turns lines into files, hunks and (for mbox input) commits. */
export class DiffStateMachine implements LineSink {
  readonly files: ChangedFile[] = [];
  readonly commits: Commit[] = [];
  readonly problems: DiffParseProblem[] = [];
  private lineNo = 0;
  private file: FileBuilder | undefined;
  private hunk: Hunk | undefined;
  /**
   * The current hunk's text so far (pieces of whole lines, as printed), while it is read as a
   * `TextHunk`; `undefined` once it holds its lines itself.
   */
  private body: string[] | undefined;
  private oldRemaining = 0;
  private newRemaining = 0;
  private oldLine = 0;
  private newLine = 0;
  private mbox: MboxCommitBuilder | undefined;
  private mboxOpen = false;
  private skippingBinary = false;
  private pendingOld: { path: string | null } | undefined;

  /** `onFile` is called with each file once it is final (see `DiffParseOptions.onFile`). */
  constructor(private readonly onFile?: (file: ChangedFile) => void) {}

  /**
   * A block of complete UTF-8 lines (no final newline). Hunk content, nearly all of a big diff, is
   * read in a tight loop with its counters in locals; anything else goes through `line`.
   */
  lines(block: string): void {
    const end = block.length;
    let pos = 0;
    while (pos <= end) {
      let nl = block.indexOf('\n', pos);
      if (nl < 0) nl = end;
      const hunk = this.hunk;
      if (hunk === undefined) {
        this.line(block.slice(pos, nl), true);
        pos = nl + 1;
        continue;
      }
      const file = this.file!;
      const { added, removed } = hunk;
      const body = this.body;
      const start = pos;
      let consumedEnd = -1;
      let oldRemaining = this.oldRemaining;
      let newRemaining = this.newRemaining;
      let oldLine = this.oldLine;
      let newLine = this.newLine;
      let additions = 0;
      let deletions = 0;
      let count = 0;
      let other = false;
      for (;;) {
        const c = block.charCodeAt(pos);
        if (c === PLUS && newRemaining > 0) {
          if (body === undefined) added.push({ line: newLine, text: block.slice(pos + 1, nl) });
          newLine += 1;
          newRemaining -= 1;
          additions += 1;
        } else if (c === MINUS && oldRemaining > 0) {
          if (body === undefined) removed.push({ line: oldLine, text: block.slice(pos + 1, nl) });
          oldLine += 1;
          oldRemaining -= 1;
          deletions += 1;
        } else if ((c === SPACE || pos === nl) && oldRemaining > 0 && newRemaining > 0) {
          oldLine += 1;
          newLine += 1;
          oldRemaining -= 1;
          newRemaining -= 1;
        } else if (c !== BACKSLASH) {
          other = true;
          break;
        }
        count += 1;
        consumedEnd = nl;
        pos = nl + 1;
        if ((oldRemaining === 0 && newRemaining === 0) || pos > end) break;
        nl = block.indexOf('\n', pos);
        if (nl < 0) nl = end;
      }
      // The lines read here are one piece of the hunk's text: a slice, not a copy.
      if (body !== undefined && consumedEnd >= start) body.push(block.slice(start, consumedEnd));
      this.oldRemaining = oldRemaining;
      this.newRemaining = newRemaining;
      this.oldLine = oldLine;
      this.newLine = newLine;
      this.lineNo += count;
      file.additions += additions;
      file.deletions += deletions;
      if (oldRemaining === 0 && newRemaining === 0) this.endHunk();
      if (other) {
        // Not hunk content: `line` reports the short hunk and reads it as a header.
        this.line(block.slice(pos, nl), true);
        pos = nl + 1;
      }
    }
  }

  line(text: string, utf8: boolean): void {
    this.lineNo += 1;
    if (this.hunk !== undefined) {
      const c = text.charCodeAt(0);
      const file = this.file!;
      if (c === PLUS && this.newRemaining > 0) {
        if (this.body) this.body.push(text);
        else this.hunk.added.push({ line: this.newLine, text: text.slice(1) });
        this.newLine += 1;
        this.newRemaining -= 1;
        file.additions += 1;
        if (!utf8) file.markUnreadable('not-utf8');
        return this.closeHunkIfDone();
      }
      if (c === MINUS && this.oldRemaining > 0) {
        if (this.body) this.body.push(text);
        else this.hunk.removed.push({ line: this.oldLine, text: text.slice(1) });
        this.oldLine += 1;
        this.oldRemaining -= 1;
        file.deletions += 1;
        if (!utf8) file.markUnreadable('not-utf8');
        return this.closeHunkIfDone();
      }
      if ((c === SPACE || text.length === 0) && this.oldRemaining > 0 && this.newRemaining > 0) {
        if (this.body) this.body.push(text);
        this.oldLine += 1;
        this.newLine += 1;
        this.oldRemaining -= 1;
        this.newRemaining -= 1;
        return this.closeHunkIfDone();
      }
      if (c === BACKSLASH) return;
      this.problem(`hunk ends early: ${this.oldRemaining} old and ${this.newRemaining} new lines missing`);
      this.endHunk();
    }
    this.header(text);
  }

  longLine(first: string, bytes: number, sha256: string): void {
    this.lineNo += 1;
    const file = this.file;
    if (this.hunk === undefined || file === undefined) {
      if (!this.mboxOpen) this.problem(`a line of ${bytes} bytes outside any hunk was skipped`);
      return;
    }
    // A line not kept leaves a gap a body cannot show: this hunk holds its lines itself from here.
    this.readHunkEagerly();
    if (first === '+' && this.newRemaining > 0) {
      this.newLine += 1;
      this.newRemaining -= 1;
      file.additions += 1;
      file.addUnstored(first, sha256, bytes);
    } else if (first === '-' && this.oldRemaining > 0) {
      this.oldLine += 1;
      this.oldRemaining -= 1;
      file.deletions += 1;
      file.addUnstored(first, sha256, bytes);
    } else if (first === ' ' && this.oldRemaining > 0 && this.newRemaining > 0) {
      this.oldLine += 1;
      this.newLine += 1;
      this.oldRemaining -= 1;
      this.newRemaining -= 1;
    } else {
      this.problem(`a line of ${bytes} bytes does not belong to the hunk`);
      this.endHunk();
      return;
    }
    file.markUnreadable('line-too-long');
    this.closeHunkIfDone();
  }

  end(): ParsedDiff {
    if (this.hunk !== undefined) this.problem('the diff ends inside a hunk (truncated input?)');
    this.endHunk();
    this.finishFile();
    this.finishCommit();
    const last = this.files[this.files.length - 1];
    if (last !== undefined) this.onFile?.(last);
    return { files: this.files, commits: this.commits, problems: this.problems };
  }

  private closeHunkIfDone(): void {
    if (this.oldRemaining === 0 && this.newRemaining === 0) this.endHunk();
  }

  /** Closes the current hunk; one read as text becomes a `TextHunk`. */
  private endHunk(): void {
    const hunk = this.hunk;
    const body = this.body;
    this.hunk = undefined;
    this.body = undefined;
    if (hunk === undefined || body === undefined) return;
    const hunks = this.file!.hunks;
    hunks[hunks.lastIndexOf(hunk)] = new TextHunk(hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines, body.length === 1 ? body[0]! : body.join('\n'));
  }

  /** Gives the current hunk the lines read so far as objects, and reads the rest that way too. */
  private readHunkEagerly(): void {
    const hunk = this.hunk;
    const body = this.body;
    if (hunk === undefined || body === undefined) return;
    this.body = undefined;
    const lines = readBodyLines(body.join('\n'), hunk.oldStart, hunk.newStart);
    hunk.added.push(...lines.added);
    hunk.removed.push(...lines.removed);
  }

  private problem(message: string): void {
    if (this.problems.length < 100) this.problems.push({ line: this.lineNo, message });
  }

  private header(raw: string): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const sha = mboxSeparatorSha(text);
    if (sha !== undefined) {
      this.finishFile();
      this.finishCommit();
      this.mbox = new MboxCommitBuilder(sha);
      this.mboxOpen = true;
      this.skippingBinary = false;
      return;
    }
    if (this.mboxOpen && !text.startsWith('diff --git ')) {
      this.mboxOpen = this.mbox!.accept(text);
      return;
    }
    this.mboxOpen = false;
    if (text.startsWith('diff --git ')) {
      this.finishFile();
      this.skippingBinary = false;
      this.pendingOld = undefined;
      const paths = parseGitHeaderPaths(text.slice(11));
      this.file = new FileBuilder(true, paths?.oldPath, paths?.newPath);
      return;
    }
    if (this.skippingBinary) return;
    if (this.pendingOld !== undefined) {
      const old = this.pendingOld;
      this.pendingOld = undefined;
      if (text.startsWith('+++ ')) {
        this.finishFile();
        this.file = new FileBuilder(false, undefined, undefined);
        this.file.markerOld = old.path;
        this.file.markerNew = parseMarkerPath(text.slice(4), 'b/');
        this.file.markersSeen = true;
        return;
      }
    }
    const file = this.file;
    if (text.startsWith('@@ ')) {
      if (file === undefined) return this.problem('a hunk without a file header');
      const range = parseHunkHeader(text);
      if (range === undefined) return this.problem(`malformed hunk header \`${text.slice(0, 80)}\``);
      this.hunk = { ...range, added: [], removed: [] };
      this.body = [];
      file.hunks.push(this.hunk);
      this.oldLine = range.oldStart;
      this.newLine = range.newStart;
      this.oldRemaining = range.oldLines;
      this.newRemaining = range.newLines;
      this.closeHunkIfDone();
      return;
    }
    if (file !== undefined && file.git && file.hunks.length === 0 && !file.markersSeen) {
      const applied = applyGitHeader(file, text);
      if (applied === 'binary-patch') this.skippingBinary = true;
      if (applied !== false) return;
    }
    if (text.startsWith('--- ')) {
      this.pendingOld = { path: parseMarkerPath(text.slice(4), 'a/') };
    }
    // Anything else (preamble, diffstat, `-- ` signature, `\ No newline…` after a hunk) is not content.
  }

  private finishFile(): void {
    this.endHunk();
    const file = this.file;
    this.file = undefined;
    if (file === undefined) return;
    const built = file.build();
    if (built === undefined) return this.problem('a file section names no path');
    const previous = this.files[this.files.length - 1];
    if (previous !== undefined && FileBuilder.isTypeChangePair(previous, built)) {
      this.files[this.files.length - 1] = FileBuilder.mergeTypeChange(previous, built);
      return;
    }
    // The last file may still be merged with the next one (a type change): the one before it is final.
    if (previous !== undefined) this.onFile?.(previous);
    this.files.push(built);
  }

  private finishCommit(): void {
    if (this.mbox !== undefined) this.commits.push(this.mbox.build());
    this.mbox = undefined;
    this.mboxOpen = false;
  }
}
