/**
 * @module Content sources for changes that are not a commit range: the work tree and patch files.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangedFile } from '../core/change.js';
import { decodeContent, type ContentSource, type LoadedContent } from './read-artifacts.js';

/** Head content from files on disk (never through a symlink), base content from `base`. */
export function worktreeSource(base: ContentSource, topLevel: string, maxBytes: number): ContentSource {
  return {
    base: (file) => base.base(file),
    async head(file) {
      const full = join(topLevel, file.path);
      try {
        const info = await lstat(full);
        if (!info.isFile()) return { unreadable: 'incomplete' };
        if (info.size > maxBytes) return { unreadable: 'too-large' };
        const bytes = await readFile(full);
        return decodeContent(bytes, bytes.length, maxBytes);
      } catch {
        return { unreadable: 'incomplete' };
      }
    },
  };
}

/** Joins the lines of one side of a file that the patch shows in full. */
function fullSide(file: ChangedFile, side: 'added' | 'removed'): LoadedContent {
  if (file.unreadable !== undefined) return { unreadable: file.unreadable };
  const lines = file.hunks.flatMap((hunk) => hunk[side].map((line) => line.text));
  return { content: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
}

/**
 * A patch shows an added file's whole content and a deleted file's whole base; anything else only in
 * part, which is marked `incomplete` so rules say they cannot tell rather than pass it.
 */
export const patchSource: ContentSource = {
  base: async (file) => (file.status === 'deleted' ? fullSide(file, 'removed') : { unreadable: 'incomplete' }),
  head: async (file) => (file.status === 'added' ? fullSide(file, 'added') : { unreadable: 'incomplete' }),
};
