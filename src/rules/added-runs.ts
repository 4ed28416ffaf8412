/**
 * @module Runs of consecutive added lines of a file: what a rule can read of code it only knows from the diff.
 */
import type { ChangedFile } from '../core/change.js';

/** Consecutive added lines, with the head line number of the first. */
export interface AddedRun {
  start: number;
  lines: string[];
}

/** The file's added lines grouped into runs of consecutive head lines, in order. */
export function addedRuns(file: ChangedFile): AddedRun[] {
  const runs: AddedRun[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.added) {
      const last = runs[runs.length - 1];
      if (last && last.start + last.lines.length === line.line) last.lines.push(line.text);
      else runs.push({ start: line.line, lines: [line.text] });
    }
  }
  return runs;
}
