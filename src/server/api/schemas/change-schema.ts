/**
 * @module The wire form of a `Change` (src/core/change.ts), validated before the server evaluates it.
 *
 * Clients read the change from their own git repository (`tollgate check --record`) and send it
 * here; the server evaluates it under its own catalog, so a client cannot choose its findings.
 */
import * as z from 'zod';
import type { Change } from '../../../core/change.js';
import type { Documentation } from '../../../core/documentation.js';

const sha = z.string().regex(/^[0-9a-f]{7,64}$/, 'a hex commit id');
const digest = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256');
const text = (max: number) => z.string().max(max);
const count = z.int().min(0);

const diffLine = z.object({ line: z.int().min(0), text: text(1_000_000) });
const hunk = z.object({
  oldStart: count,
  oldLines: count,
  newStart: count,
  newLines: count,
  added: z.array(diffLine),
  removed: z.array(diffLine),
});
const unreadable = z.enum(['binary', 'not-utf8', 'line-too-long', 'too-large', 'incomplete']);

const changedFile = z.object({
  path: text(4096).min(1),
  oldPath: text(4096).optional(),
  status: z.enum(['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed']),
  binary: z.boolean(),
  additions: count,
  deletions: count,
  baseLineCount: count.optional(),
  hunks: z.array(hunk),
  unreadable: unreadable.optional(),
  oldBlob: text(64).optional(),
  newBlob: text(64).optional(),
  oldMode: text(8).optional(),
  newMode: text(8).optional(),
  unstored: z.object({ lines: count, sha256: z.string() }).optional(),
});

const person = z.object({ name: text(512), email: text(512) });
const commit = z.object({
  sha,
  patchId: z.string().regex(/^[0-9a-f]{40,64}$/).optional(),
  author: person,
  committer: person,
  authoredAt: text(64),
  subject: text(10_000),
  message: text(1_000_000),
  trailers: z.array(z.object({ key: text(256), value: text(10_000) })),
});

const artifact = z.object({
  kind: z.enum(['terraform-plan', 'sql', 'terraform-hcl']),
  path: text(4096).min(1),
  content: z.string().optional(),
  baseContent: z.string().optional(),
  external: z.boolean().optional(),
  unreadable: unreadable.optional(),
});

export const changeSchema = z
  .object({
    source: z.enum(['range', 'staged', 'worktree', 'patch']),
    base: text(256),
    head: text(256),
    branch: text(1024).optional(),
    files: z.array(changedFile),
    commits: z.array(commit),
    artifacts: z.array(artifact),
    digest,
    stats: z.object({ files: count, additions: count, deletions: count }),
  })
  .describe('A change as `tollgate check` reads it from git (see docs/json-output.md).');

export const documentationSchema = z.object({
  source: z.enum(['file', 'commits', 'none']),
  path: text(4096).optional(),
  sections: z.record(z.string().regex(/^[a-z0-9-]+$/), text(200_000)),
});

// Compile-time proof that the wire schemas produce exactly the core types.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _changeMatches: Exact<z.output<typeof changeSchema>, Change> = true;
const _docsMatch: Exact<z.output<typeof documentationSchema>, Documentation> = true;
void _changeMatches;
void _docsMatch;
