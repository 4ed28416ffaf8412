/**
 * @module Builders for changes, files, hunks and catalogs, so table-driven tests read like the diff they describe.
 *
 * Every builder returns complete, internally consistent contract data (`additions` match the hunks,
 * `stats` match the files), so a test only states what matters to it.
 *
 * @example
 * ```ts
 * const change = buildChange([
 *   addedFile('db/migrations/002_drop.sql', ['DROP TABLE users;']),
 *   modifiedFile('src/a.ts', '@@ -1,2 +1,2 @@\n context\n-old line\n+new line'),
 *   deletedFile('test/a.test.ts', 120),
 * ]);
 * const input = buildRuleInput(change, buildCatalog({ systems: [{ id: 'checkout', tier: 1, paths: ['services/checkout/**'] }] }));
 * ```
 */
import { catalogSchema, type Catalog } from '../core/catalog/catalog-schema.js';
import { buildSystemIndex } from '../core/catalog/system-index.js';
import type { Artifact, Change, ChangedFile, Commit, DiffLine, Hunk } from '../core/change.js';
import type { RuleInput } from './rule.js';

/** Lines given as an array or as one string split on `\n` (a trailing newline adds no line). */
export type LinesSpec = readonly string[] | string;

/** Extra fields for a built file (anything of `ChangedFile` except what the builder computes). */
export type FileOptions = Partial<Omit<ChangedFile, 'path' | 'hunks' | 'additions' | 'deletions'>>;

/** One hunk: where it starts and which lines it adds and removes. */
export interface HunkSpec {
  /** 1-based first line on the base side (default 1). */
  oldStart?: number;
  /** 1-based first line on the head side (default `oldStart`). */
  newStart?: number;
  removed?: LinesSpec;
  added?: LinesSpec;
  /** Unchanged lines counted in `oldLines`/`newLines` (default 0). */
  context?: number;
}

/** Splits text into lines the way git counts them. */
export function toLines(spec: LinesSpec): string[] {
  if (typeof spec !== 'string') return [...spec];
  if (spec === '') return [];
  const lines = spec.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function numbered(lines: readonly string[], start: number): DiffLine[] {
  return lines.map((text, i) => ({ line: start + i, text }));
}

/** A hunk whose removed lines come first, then its added lines (as `git diff` prints a replacement). */
export function buildHunk(spec: HunkSpec): Hunk {
  const removed = toLines(spec.removed ?? []);
  const added = toLines(spec.added ?? []);
  const oldStart = spec.oldStart ?? 1;
  const newStart = spec.newStart ?? oldStart;
  const context = spec.context ?? 0;
  return {
    oldStart,
    oldLines: removed.length + context,
    newStart,
    newLines: added.length + context,
    removed: numbered(removed, oldStart),
    added: numbered(added, newStart),
  };
}

/**
 * Hunks from the body of a unified diff (`@@ -a,b +c,d @@` headers, then ` `, `-`, `+` lines), with
 * line numbers tracked through context exactly as `git diff` does.
 *
 * @example hunksFromDiff('@@ -10,3 +10,3 @@\n keep\n-it.only("x")\n+it("x")\n keep')
 */
export function hunksFromDiff(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  for (const raw of toLines(diff)) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(raw);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[3]);
      current = {
        oldStart: oldLine,
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: newLine,
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        added: [],
        removed: [],
      };
      hunks.push(current);
      continue;
    }
    if (!current) throw new Error(`hunksFromDiff: line before the first @@ header: ${raw}`);
    if (raw.startsWith('\\')) continue; // "\ No newline at end of file"
    const marker = raw[0] ?? ' ';
    const text = raw.slice(1);
    if (marker === '+') current.added.push({ line: newLine++, text });
    else if (marker === '-') current.removed.push({ line: oldLine++, text });
    else {
      oldLine++;
      newLine++;
    }
  }
  return hunks;
}

function fileFromHunks(path: string, hunks: Hunk[], options: FileOptions & { status: ChangedFile['status'] }): ChangedFile {
  return {
    path,
    binary: false,
    additions: hunks.reduce((n, h) => n + h.added.length, 0),
    deletions: hunks.reduce((n, h) => n + h.removed.length, 0),
    hunks,
    ...options,
  };
}

/** A new file; every line is added. */
export function addedFile(path: string, lines: LinesSpec, options: FileOptions = {}): ChangedFile {
  const added = toLines(lines);
  const hunks = added.length > 0 ? [buildHunk({ oldStart: 0, newStart: 1, added })] : [];
  return fileFromHunks(path, hunks, { status: 'added', ...options });
}

/** A deleted file, from its lines or just its line count (filler lines are generated). */
export function deletedFile(path: string, lines: LinesSpec | number, options: FileOptions = {}): ChangedFile {
  const removed = typeof lines === 'number' ? Array.from({ length: lines }, (_, i) => `line ${i + 1}`) : toLines(lines);
  const hunks = removed.length > 0 ? [buildHunk({ oldStart: 1, newStart: 0, removed })] : [];
  return fileFromHunks(path, hunks, { status: 'deleted', baseLineCount: removed.length, ...options });
}

/** A modified file from unified-diff text (see `hunksFromDiff`) or hunk specs. */
export function modifiedFile(path: string, diff: string | readonly HunkSpec[], options: FileOptions = {}): ChangedFile {
  const hunks = typeof diff === 'string' ? hunksFromDiff(diff) : diff.map(buildHunk);
  return fileFromHunks(path, hunks, { status: 'modified', ...options });
}

/** A renamed file (no content change unless hunks are given). */
export function renamedFile(oldPath: string, path: string, diff: string | readonly HunkSpec[] = [], options: FileOptions = {}): ChangedFile {
  return { ...modifiedFile(path, diff, options), status: 'renamed', oldPath, ...options };
}

/** A binary file: no hunks, no line counts. */
export function binaryFile(path: string, status: ChangedFile['status'] = 'added', options: FileOptions = {}): ChangedFile {
  return { path, status, binary: true, additions: 0, deletions: 0, hunks: [], unreadable: 'binary', ...options };
}

/**
 * A file built from its base and head text: `undefined` base means added, `undefined` head means
 * deleted. The single hunk spans everything between the common leading and trailing lines — a valid
 * (if not minimal) diff, enough for rules that map statements to added lines.
 */
export function fileFromContents(path: string, base: string | undefined, head: string | undefined, options: FileOptions = {}): ChangedFile {
  if (base === undefined) return addedFile(path, head ?? '', options);
  if (head === undefined) return deletedFile(path, base, options);
  const before = toLines(base);
  const after = toLines(head);
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const removed = before.slice(prefix, before.length - suffix);
  const added = after.slice(prefix, after.length - suffix);
  const hunks = removed.length + added.length > 0 ? [buildHunk({ oldStart: prefix + 1, newStart: prefix + 1, removed, added })] : [];
  return fileFromHunks(path, hunks, { status: 'modified', baseLineCount: before.length, ...options });
}

/** An artifact (plan, SQL, HCL) with its head and base content. */
export function buildArtifact(kind: Artifact['kind'], path: string, content?: string, baseContent?: string, extra: Partial<Artifact> = {}): Artifact {
  return {
    kind,
    path,
    ...(content !== undefined ? { content } : {}),
    ...(baseContent !== undefined ? { baseContent } : {}),
    ...extra,
  };
}

/** A commit with a fixed identity and date unless overridden. */
export function buildCommit(overrides: Partial<Commit> = {}): Commit {
  const subject = overrides.subject ?? 'change';
  return {
    sha: '1'.repeat(40),
    author: { name: 'Test Author', email: 'author@example.com' },
    committer: { name: 'Test Author', email: 'author@example.com' },
    authoredAt: '2026-03-02T10:00:00Z',
    subject,
    message: overrides.message ?? subject,
    trailers: [],
    ...overrides,
  };
}

/** A change over `files`, with `stats` computed from them. */
export function buildChange(files: ChangedFile[], overrides: Partial<Change> = {}): Change {
  return {
    source: 'range',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    commits: [buildCommit()],
    artifacts: [],
    digest: '0'.repeat(64),
    ...overrides,
    files,
    stats: {
      files: files.length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
    },
  };
}

/** A validated catalog from the given sections (`version: 1` is implied), with every default filled in. */
export function buildCatalog(sections: Record<string, unknown> = {}): Catalog {
  return catalogSchema.parse({ version: 1, ...sections });
}

/** Everything a rule's `evaluate` receives. */
export function buildRuleInput(change: Change, catalog: Catalog = buildCatalog(), settings: Record<string, unknown> = {}): RuleInput {
  return { change, catalog, systems: buildSystemIndex(catalog), settings };
}
