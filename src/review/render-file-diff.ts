/**
 * @module Rendering one changed file for the reviewer: a trusted header line and numbered diff lines.
 *
 * The change model keeps added and removed lines without context, so each line carries its own
 * line number (new file for `+`, old file for `-`); the reviewer cites those numbers back.
 */
import type { Artifact, Hunk } from '../core/change.js';
import { quoteUntrusted } from './fence-untrusted.js';
import type { RankedFile } from './rank-review-files.js';

/** Lines longer than this are shortened; the cut is reported. */
export const MAX_RENDERED_LINE = 1000;

export interface RenderedLines {
  lines: string[];
  /** How many lines were shortened to `MAX_RENDERED_LINE` characters. */
  shortened: number;
}

/** The header line of a file: path (quoted: author-supplied), status, tier, systems, size. */
export function renderFileHeader(ranked: RankedFile): string {
  const { file } = ranked;
  const facts = [
    file.status + (file.oldPath && file.oldPath !== file.path ? ` from ${quoteUntrusted(file.oldPath)}` : ''),
    `tier ${ranked.tier}`,
    ...(ranked.critical ? ['critical path'] : []),
    ...(ranked.systems.length > 0 ? [`systems: ${ranked.systems.join(', ')}`] : []),
    `+${file.additions} -${file.deletions}`,
  ];
  return `### file ${quoteUntrusted(file.path)} (${facts.join('; ')})`;
}

function shorten(text: string, counter: { shortened: number }): string {
  if (text.length <= MAX_RENDERED_LINE) return text;
  counter.shortened += 1;
  return `${text.slice(0, MAX_RENDERED_LINE)}…[line shortened]`;
}

function renderHunk(hunk: Hunk, counter: { shortened: number }): string[] {
  // Interleave removed and added lines by their offset in the hunk, removed first on a tie,
  // which is how a unified diff orders a replacement.
  const rows = [
    ...hunk.removed.map((l) => ({ offset: l.line - hunk.oldStart, order: 0, text: `-${String(l.line).padStart(5)} | ${l.text}` })),
    ...hunk.added.map((l) => ({ offset: l.line - hunk.newStart, order: 1, text: `+${String(l.line).padStart(5)} | ${l.text}` })),
  ].sort((a, b) => a.offset - b.offset || a.order - b.order);
  return [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...rows.map((r) => shorten(r.text, counter))];
}

/** The diff body of a file, one entry per line. */
export function renderFileLines(ranked: RankedFile): RenderedLines {
  const counter = { shortened: 0 };
  const lines = ranked.file.hunks.flatMap((hunk) => renderHunk(hunk, counter));
  return { lines, shortened: counter.shortened };
}

/** An artifact given on the command line (e.g. a Terraform plan), which the diff does not show. */
export function renderArtifactLines(artifact: Artifact): RenderedLines {
  const counter = { shortened: 0 };
  let content = artifact.content ?? '';
  if (artifact.kind === 'terraform-plan') {
    // Plans are one huge JSON line; indent them so the budget can cut between lines.
    try {
      content = JSON.stringify(JSON.parse(content), null, 1);
    } catch {
      // Not JSON: shown as it is.
    }
  }
  return { lines: content.split('\n').map((line) => shorten(line, counter)), shortened: counter.shortened };
}
