/**
 * @module Builds the plain `Change` data of a demo scenario (files, commits, artifacts, digest)
 * exactly as the git reader would hand it to the evaluation, without a repository.
 */
import { createHash } from 'node:crypto';
import type { Artifact, Change, ChangedFile, Commit, Person } from '../core/change.js';
import { computeChangeDigest } from '../core/digest.js';
import type { Documentation } from '../core/documentation.js';

export interface DemoFile {
  path: string;
  /** Lines the change adds (a new file when `added`, else a hunk in an existing file). */
  lines: string[];
  added?: boolean;
}

export interface DemoCommitSpec {
  subject: string;
  body?: string;
  author: Person;
  committer?: Person;
  trailers?: [string, string][];
}

export interface DemoChangeSpec {
  /** Unique per scenario and version: seeds the shas, so the demo is the same on every start. */
  key: string;
  branch: string;
  files: DemoFile[];
  commits: DemoCommitSpec[];
  artifacts?: Artifact[];
  /** ISO 8601 time of the last commit. */
  at: string;
}

const hex = (text: string, length = 40): string => createHash('sha256').update(text).digest('hex').slice(0, length);

function changedFile(file: DemoFile): ChangedFile {
  const added = file.lines.map((text, index) => ({ line: index + 10, text }));
  return {
    path: file.path,
    status: file.added ? 'added' : 'modified',
    binary: false,
    additions: file.lines.length,
    deletions: 0,
    ...(file.added ? { newMode: '100644' } : {}),
    hunks: [{ oldStart: file.added ? 0 : 10, oldLines: 0, newStart: file.added ? 1 : 10, newLines: file.lines.length, added, removed: [] }],
  };
}

function commit(spec: DemoCommitSpec, key: string, index: number, at: string): Commit {
  const trailers = (spec.trailers ?? []).map(([k, value]) => ({ key: k, value }));
  const body = spec.body ? `\n\n${spec.body}` : '';
  const trailerText = trailers.length > 0 ? `\n\n${trailers.map((t) => `${t.key}: ${t.value}`).join('\n')}` : '';
  return {
    sha: hex(`${key}:commit:${index}`),
    patchId: hex(`${key}:patch:${index}`),
    author: spec.author,
    committer: spec.committer ?? spec.author,
    authoredAt: at,
    subject: spec.subject,
    message: `${spec.subject}${body}${trailerText}\n`,
    trailers,
  };
}

/** The change, with a digest computed the way `tollgate check` computes it. */
export function buildDemoChange(spec: DemoChangeSpec): Change {
  const files = spec.files.map(changedFile);
  const commits = spec.commits.map((c, index) => commit(c, spec.key, index, spec.at));
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  return {
    source: 'range',
    base: hex(`${spec.key}:base`),
    head: commits[commits.length - 1]!.sha,
    branch: spec.branch,
    files,
    commits,
    artifacts: spec.artifacts ?? [],
    digest: computeChangeDigest(files),
    stats: { files: files.length, additions, deletions: 0 },
  };
}

const SECTION_TEXT: Record<string, string> = {
  summary: 'What changes and why, in two sentences.',
  risk: 'Blast radius: the checkout path for a share of traffic behind a flag.',
  rollback: 'Turn the flag off; revert the commit if needed.',
  testing: 'Unit tests and a canary in staging for a day.',
  'ai-usage': 'Drafted with an agent; every line read and tested by the operator.',
};

/** Documentation with the given sections filled in, as if from a change doc file. */
export function demoDocumentation(sections: readonly string[]): Documentation {
  if (sections.length === 0) return { source: 'none', sections: {} };
  return { source: 'file', path: 'CHANGE.md', sections: Object.fromEntries(sections.map((name) => [name, SECTION_TEXT[name] ?? `${name} notes.`])) };
}
