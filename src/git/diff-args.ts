/**
 * @module The exact `git diff` options Tollgate reads changes with, and why each is there.
 *
 * Approvals bind to the change digest, which is computed from this output on different machines
 * (a laptop, CI, the deploy gate). Every user or system setting that changes hunk boundaries,
 * prefixes or the patch format is therefore pinned on the command line, where it wins over config.
 */

/** `-c` settings put before the subcommand. */
export const GIT_CONFIG_ARGS: readonly string[] = [
  // Quote non-ASCII and special bytes in paths as octal escapes: one unambiguous form to decode.
  '-c',
  'core.quotePath=true',
];

/** Options shared by `git diff` and `git log -p`. */
export const DIFF_OPTIONS: readonly string[] = [
  '--no-color', // `color.ui=always` would put ANSI codes into the text
  '--no-ext-diff', // `diff.external` / drivers would replace the unified format
  '--no-textconv', // textconv shows a converted view, not the bytes that ship
  '--full-index', // full blob ids: the digest of binary files and `cat-file` lookups need them
  '--find-renames', // statuses `renamed` (with `rename from/to` headers)
  '--diff-algorithm=myers', // `diff.algorithm` would move lines between hunks
  '--indent-heuristic', // `diff.indentHeuristic=false` would shift hunk boundaries
  '--unified=3', // `diff.context` would change hunks and in-hunk offsets
  '--inter-hunk-context=0', // `diff.interHunkContext` would merge hunks
  '--src-prefix=a/', // `diff.noprefix` / `diff.mnemonicPrefix` would change the path prefixes
  '--dst-prefix=b/',
  '--no-relative', // `diff.relative` would hide files outside the current folder
  '--ignore-submodules=none', // `diff.ignoreSubmodules` would hide submodule pointer changes
  '--submodule=short', // `diff.submodule=log` would print a summary instead of a diff
];

/** Extra options for the change's own diff (not for per-commit patch ids). */
export const CHANGE_DIFF_OPTIONS: readonly string[] = [
  '--find-copies', // status `copied` for files copied from a file the change also modifies
];

/** sha of git's empty tree: the base of a repository with no commits yet. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
