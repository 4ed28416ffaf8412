/**
 * @module Loads the full content of files some rules need (Terraform plans and HCL, SQL) and the base
 * line counts of heavily trimmed files, through one `git cat-file --batch` process.
 */
import type { Artifact, ChangedFile, UnreadableReason } from '../core/change.js';
import type { CatFileBatch } from './cat-file-batch.js';

/** Artifacts larger than this are not loaded (marked `too-large`). */
export const DEFAULT_MAX_ARTIFACT_BYTES = 20 * 1024 * 1024;

/** Modified files losing at least this many lines get `baseLineCount` (for the mass-deletion rule). */
export const BASE_LINE_COUNT_MIN_DELETIONS = 10;

/** The artifact kind of a path, by name: `*.tf` and `*.tf.json`, `*.sql` (and PostgreSQL's `*.pgsql`, `*.psql`), Terraform plan JSON (`*.plan.json`, `tfplan.json`, …). */
export function artifactKind(path: string): Artifact['kind'] | undefined {
  // Most paths end in none of these letters; skip them without allocating.
  const last = path.charCodeAt(path.length - 1) | 0x20;
  if (last !== 0x66 /* f */ && last !== 0x6c /* l */ && last !== 0x6e /* n */) return undefined; // .tf, .sql/.pgsql/.psql, .json
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.tf') || name.endsWith('.tf.json')) return 'terraform-hcl';
  if (name.endsWith('.sql') || name.endsWith('.pgsql') || name.endsWith('.psql')) return 'sql';
  // `plan.json`, `tfplan.json`, `*.tfplan.json`, `*.plan.json`, `*-plan.json`, `*_plan.json` — not `floorplan.json`.
  if (name === 'plan.json' || name === 'tfplan.json' || /[._-](?:tf)?plan\.json$/.test(name)) return 'terraform-plan';
  return undefined;
}

/** One side of a file's content, or why it is not there. */
export interface LoadedContent {
  content?: string;
  unreadable?: UnreadableReason;
}

/** Where the two sides of a changed file come from (git objects, the work tree, a patch). */
export interface ContentSource {
  base(file: ChangedFile): Promise<LoadedContent>;
  head(file: ChangedFile): Promise<LoadedContent>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes loaded bytes: over the cap → `too-large`, not UTF-8 → `not-utf8`. */
export function decodeContent(bytes: Buffer | undefined, size: number, maxBytes: number): LoadedContent {
  if (size > maxBytes || bytes === undefined) return { unreadable: 'too-large' };
  try {
    return { content: utf8.decode(bytes) };
  } catch {
    return { unreadable: 'not-utf8' };
  }
}

/** A content source over git objects: blob ids from the diff, else `<rev>:<path>`. */
export function gitObjectSource(batch: CatFileBatch, baseRev: string, headRev: string | undefined, maxBytes: number): ContentSource {
  const load = async (object: string): Promise<LoadedContent> => {
    const answer = await batch.read(object, maxBytes);
    if (!answer.found) return { unreadable: 'incomplete' };
    return decodeContent(answer.content, answer.size, maxBytes);
  };
  return {
    base: (file) => load(file.oldBlob ?? `${baseRev}:${file.oldPath ?? file.path}`),
    head: (file) => (file.newBlob !== undefined || headRev !== undefined ? load(file.newBlob ?? `${headRev}:${file.path}`) : Promise.resolve({ unreadable: 'incomplete' })),
  };
}

/**
 * Builds the artifacts of a change: every changed file whose name marks it as one. A Terraform
 * file renamed to a name Terraform does not read (`db.tf` → `db.tf.bak`) leaves the configuration:
 * it is an artifact at its old path, deleted.
 */
export async function readArtifacts(files: readonly ChangedFile[], source: ContentSource): Promise<Artifact[]> {
  const jobs = files.flatMap((file) => {
    const kind = artifactKind(file.path);
    if (kind === undefined && file.oldPath !== undefined && artifactKind(file.oldPath) === 'terraform-hcl') {
      return [
        (async (): Promise<Artifact> => {
          const base = await source.base(file);
          return { kind: 'terraform-hcl', path: file.oldPath!, ...(base.content !== undefined ? { baseContent: base.content } : {}), ...(base.unreadable ? { unreadable: base.unreadable } : {}) };
        })(),
      ];
    }
    if (kind === undefined) return [];
    return [
      (async (): Promise<Artifact> => {
        const artifact: Artifact = { kind, path: file.path };
        const [head, base] = await Promise.all([
          file.status === 'deleted' ? undefined : source.head(file),
          file.status === 'added' ? undefined : source.base(file),
        ]);
        if (head?.content !== undefined) artifact.content = head.content;
        if (base?.content !== undefined) artifact.baseContent = base.content;
        const unreadable = head?.unreadable ?? base?.unreadable;
        if (unreadable !== undefined) artifact.unreadable = unreadable;
        return artifact;
      })(),
    ];
  });
  return Promise.all(jobs);
}

/** Sets `baseLineCount` on modified files that lose many lines (deleted files already have it from their hunk). */
export async function fillBaseLineCounts(files: ChangedFile[], batch: CatFileBatch, baseRev: string): Promise<void> {
  const jobs = files
    .filter((file) => file.status !== 'added' && file.status !== 'deleted' && !file.binary && file.baseLineCount === undefined)
    .filter((file) => file.deletions >= BASE_LINE_COUNT_MIN_DELETIONS)
    .map(async (file) => {
      const answer = await batch.countLines(file.oldBlob ?? `${baseRev}:${file.oldPath ?? file.path}`);
      if (answer.found && answer.lineCount !== undefined) file.baseLineCount = answer.lineCount;
    });
  await Promise.all(jobs);
}
