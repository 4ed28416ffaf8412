/**
 * @module The header lines of unified diffs: git's extended headers (`index`, modes, renames, copies,
 * binary markers) and hunk headers.
 */
import type { Hunk } from '../core/change.js';
import type { FileBuilder } from './unified-diff-file.js';
import { parseMarkerPath, unquotePath } from './unified-diff-paths.js';

/** Parses a hunk header `@@ -a[,b] +c[,d] @@ …`; a missing count means 1. */
export function parseHunkHeader(text: string): Pick<Hunk, 'oldStart' | 'oldLines' | 'newStart' | 'newLines'> | undefined {
  const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(text);
  if (!match) return undefined;
  return {
    oldStart: Number(match[1]),
    oldLines: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newLines: match[4] === undefined ? 1 : Number(match[4]),
  };
}

/**
 * Applies one extended header line of a `diff --git` section to `file`. Returns false when `text`
 * is not one, `'binary-patch'` when a `GIT binary patch` payload follows (to be skipped).
 */
export function applyGitHeader(file: FileBuilder, text: string): boolean | 'binary-patch' {
  const space = text.indexOf(' ');
  const word = space < 0 ? text : text.slice(0, space);
  const rest = text.slice(space + 1);
  switch (word) {
    case 'index': {
      const match = /^([0-9a-f]+)\.\.([0-9a-f]+)(?: (\d+))?$/.exec(rest);
      if (match) {
        file.oldBlob = match[1];
        file.newBlob = match[2];
        if (match[3]) file.oldMode = file.newMode = match[3];
      }
      return true;
    }
    case 'old':
    case 'new':
    case 'deleted': {
      const match = /^(old mode|new mode|deleted file mode|new file mode) (\d+)$/.exec(text);
      if (!match) return false;
      if (match[1] === 'old mode') file.oldMode = match[2];
      else if (match[1] === 'new mode') file.newMode = match[2];
      else if (match[1] === 'deleted file mode') {
        file.deletedFile = true;
        file.oldMode = match[2];
      } else {
        file.newFile = true;
        file.newMode = match[2];
      }
      return true;
    }
    case 'similarity':
    case 'dissimilarity':
      return rest.startsWith('index ');
    case 'rename':
    case 'copy': {
      const match = /^(rename|copy) (from|to) (.*)$/.exec(text);
      if (!match) return false;
      const path = unquotePath(match[3]!);
      if (match[1] === 'rename') file.rename = true;
      else file.copy = true;
      if (match[2] === 'from') file.fromPath = path;
      else file.toPath = path;
      return true;
    }
    case '---':
      file.markerOld = parseMarkerPath(rest, 'a/');
      return true;
    case '+++':
      file.markerNew = parseMarkerPath(rest, 'b/');
      file.markersSeen = true;
      return true;
    case 'Binary':
      if (!text.startsWith('Binary files ') || !text.endsWith(' differ')) return false;
      file.setBinary();
      return true;
    case 'GIT':
      if (text !== 'GIT binary patch') return false;
      file.setBinary();
      return 'binary-patch';
    default:
      return false;
  }
}
