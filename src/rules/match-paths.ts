/**
 * @module Path globs compiled once per evaluation, with the same options the catalog's system globs use.
 */
import picomatch from 'picomatch';

/** Tests a repo-relative path against a set of globs. */
export type PathMatcher = (path: string) => boolean;

const GLOB_OPTIONS = { dot: true } as const;

/**
 * Compiles `globs` into one matcher (false when the list is empty). All globs become a single
 * regular expression, so a path costs one regex test however many globs there are. A glob
 * picomatch rejects matches nothing here; the catalog validator reports it before a rule sees it.
 *
 * @example compilePathGlobs(['**\/*.sql'])('db/001.sql') // => true
 */
export function compilePathGlobs(globs: readonly string[]): PathMatcher {
  const sources: string[] = [];
  for (const glob of globs) {
    if (glob.trim() === '') continue;
    try {
      const regex = picomatch.makeRe(glob, GLOB_OPTIONS);
      if (regex.flags !== '') return compileEach(globs); // keep picomatch's semantics exactly
      sources.push(`(?:${regex.source})`);
    } catch {
      // unusable glob: matches nothing
    }
  }
  if (sources.length === 0) return () => false;
  const combined = new RegExp(sources.join('|'));
  return (path) => combined.test(path);
}

function compileEach(globs: readonly string[]): PathMatcher {
  const each = globs.flatMap((glob) => {
    try {
      return glob.trim() === '' ? [] : [picomatch(glob, GLOB_OPTIONS)];
    } catch {
      return [];
    }
  });
  return (path) => each.some((test) => test(path));
}

/** The paths a file is known by in this change: its head path, and its base path when renamed or copied. */
export function pathsOf(file: { path: string; oldPath?: string }): string[] {
  return file.oldPath && file.oldPath !== file.path ? [file.path, file.oldPath] : [file.path];
}
