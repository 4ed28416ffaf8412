/**
 * @module Path globs compiled once per evaluation, with the same semantics the catalog's system globs use.
 */
export { compilePathGlobs, type PathMatcher } from '../core/path-globs.js';

/** The paths a file is known by in this change: its head path, and its base path when renamed or copied. */
export function pathsOf(file: { path: string; oldPath?: string }): string[] {
  return file.oldPath && file.oldPath !== file.path ? [file.path, file.oldPath] : [file.path];
}
