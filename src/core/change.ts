/**
 * @module The change under review: files, hunks, commits and the artifacts it carries.
 *
 * A `Change` is plain data. Adapters (git, patch files) build it; the core only reads it.
 */

/** How a file changed between base and head. */
export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** One line added or removed by a hunk, with its line number on its own side. */
export interface DiffLine {
  /** 1-based line number in the head file (added lines) or the base file (removed lines). */
  line: number;
  text: string;
}

/** A contiguous block of a unified diff. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  added: DiffLine[];
  removed: DiffLine[];
}

/**
 * Why a file's content could not be analysed line by line (rules must treat it as "cannot tell").
 * `incomplete`: only part of the content is known (a patch file carries the changed lines, not whole files).
 */
export type UnreadableReason = 'binary' | 'not-utf8' | 'line-too-long' | 'too-large' | 'incomplete';

export interface ChangedFile {
  /** Path in head; for a deleted file, its path in base. Always forward slashes, repo-relative. */
  path: string;
  /** Path in base for renames and copies. */
  oldPath?: string;
  status: FileStatus;
  binary: boolean;
  additions: number;
  deletions: number;
  /** Number of lines the file had in base, when the reader knows it (always for deletions). */
  baseLineCount?: number;
  hunks: Hunk[];
  /** Set when some or all of the content could not be read as text. */
  unreadable?: UnreadableReason;
  /** Blob ids from the diff's `index` line (full with `--full-index`); the digest uses them for binary files. */
  oldBlob?: string;
  newBlob?: string;
  /** File modes (`100644`, `100755`, `120000`, …) when the diff states them (added, deleted, mode change). */
  oldMode?: string;
  newMode?: string;
  /**
   * Added/removed lines the reader did not keep in `hunks` (longer than its limit): how many, and a
   * sha256 over their side and bytes, so the digest still changes when they change.
   */
  unstored?: { lines: number; sha256: string };
}

export interface Person {
  name: string;
  email: string;
}

export interface Trailer {
  /** Trailer key as written, e.g. `Co-authored-by`. Compare case-insensitively. */
  key: string;
  value: string;
}

export interface Commit {
  sha: string;
  /** `git patch-id --stable` of this commit alone, when known. */
  patchId?: string;
  author: Person;
  committer: Person;
  /** ISO 8601. */
  authoredAt: string;
  subject: string;
  /** Full message including subject and trailers. */
  message: string;
  trailers: Trailer[];
}

/** A file the change carries whose full content some rule needs (plans, SQL, HCL). */
export interface Artifact {
  kind: 'terraform-plan' | 'sql' | 'terraform-hcl';
  /** Repo-relative path, or the path given on the command line for `--plan`. */
  path: string;
  /** Content at head (absent when the file was deleted). */
  content?: string;
  /** Content at base (absent when the file was added). */
  baseContent?: string;
  /** True when the artifact came from the command line rather than the diff. */
  external?: boolean;
  /** Set when a side's content exists but was not loaded (too large, not UTF-8): rules must say they cannot tell. */
  unreadable?: UnreadableReason;
}

export type ChangeSource = 'range' | 'staged' | 'worktree' | 'patch';

export interface Change {
  source: ChangeSource;
  /** Base revision (sha) for range/staged/worktree; `patch` for patch input. */
  base: string;
  /** Head revision (sha); `STAGED`, `WORKTREE` or `patch` for the other sources. */
  head: string;
  /** Current branch name at head, when known (used for provenance markers). */
  branch?: string;
  files: ChangedFile[];
  commits: Commit[];
  artifacts: Artifact[];
  /** Rebase-stable content identity of the whole change (hex sha256). See `digest.ts`. */
  digest: string;
  stats: { files: number; additions: number; deletions: number };
}
