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

/** Why a file's content could not be analysed line by line (rules must treat it as "cannot tell"). */
export type UnreadableReason = 'binary' | 'not-utf8' | 'line-too-long' | 'too-large';

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
