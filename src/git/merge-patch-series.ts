/**
 * @module Folds the files of a `git format-patch` series into one entry per path.
 *
 * A series can touch the same file in several patches. Without the intermediate contents their
 * hunks cannot be composed exactly, so the entries are concatenated (every line any patch adds
 * or removes stays visible to rules and to the digest) and the file is marked `incomplete`.
 */
import type { ChangedFile } from '../core/change.js';

export function mergePatchSeries(files: readonly ChangedFile[]): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const file of files) {
    const earlier = byPath.get(file.path);
    if (earlier === undefined) {
      byPath.set(file.path, file);
      continue;
    }
    const merged: ChangedFile = {
      ...earlier,
      // The first patch says what the file was before the series, the last what it is after.
      status: earlier.status === 'added' && file.status !== 'deleted' ? 'added' : file.status,
      binary: earlier.binary || file.binary,
      additions: earlier.additions + file.additions,
      deletions: earlier.deletions + file.deletions,
      hunks: [...earlier.hunks, ...file.hunks],
      unreadable: earlier.unreadable === 'binary' || file.unreadable === 'binary' ? 'binary' : 'incomplete',
    };
    if (file.newBlob !== undefined) merged.newBlob = file.newBlob;
    if (file.newMode !== undefined) merged.newMode = file.newMode;
    if (earlier.unstored || file.unstored) {
      merged.unstored = {
        lines: (earlier.unstored?.lines ?? 0) + (file.unstored?.lines ?? 0),
        sha256: `${earlier.unstored?.sha256 ?? ''}${file.unstored?.sha256 ?? ''}`,
      };
    }
    byPath.set(file.path, merged);
  }
  return [...byPath.values()];
}
