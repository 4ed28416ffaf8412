/**
 * @module Path globs (picomatch semantics, `dot: true`) compiled into one matcher per list.
 *
 * Matching every path of a large change against every glob list of the catalog and the rules was
 * a large share of `tollgate check`: picomatch's regular expressions test each character against
 * lookaheads that keep `.` and `..` segments out. Globs of the common shapes (`dir/**`,
 * `**\/name`, `**\/*.ext`, `**\/dir/**`, a plain path) are tested with string operations instead,
 * with exactly picomatch's answers for every path a repository can hold; any other glob, and any
 * unusual path (a `.` or `..` segment, `//`, a leading or trailing `/`, a backslash), goes to
 * picomatch itself. A test holds the two to the same answers.
 */
import picomatch from 'picomatch';

/** Tests a repo-relative path against a set of globs. */
export type PathMatcher = (path: string) => boolean;

const GLOB_OPTIONS = { dot: true } as const;

/** Characters with a meaning in a glob; a glob part without them is a literal. */
const SPECIAL = /[*?[\]{}()!+@\\]/;
/** Paths whose meaning to picomatch depends on its normalisation rules. */
const UNUSUAL_PATH = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$|\\/;

/**
 * The globs of common shapes, by shape, so a path costs a few set lookups however many there are:
 * a plain path, `dir/**`, `**\/name`, `**\/*suffix` and `**\/dir/**` (any segment named `dir`).
 * `**\/pattern` with any other one-segment pattern (`**\/*.{test,spec}.ts`) is a regular expression
 * of picomatch's tried on the path's last segment alone, not on the whole path.
 */
interface FastGlobs {
  exact: Set<string>;
  dirs: string[];
  names: Set<string>;
  suffixes: string[];
  segments: Set<string>;
  /** Sources of picomatch's regular expressions for last-segment patterns, and all of them as one. */
  namePatterns: string[];
  nameRegex?: RegExp;
}

/** Above this many `dir/**` globs, a path's folders are looked up in a set instead of each glob tried in turn. */
const DIR_SCAN_LIMIT = 4;

/** Adds `glob` to `fast` when it has one of the common shapes; false when it has none. */
function addFastGlob(fast: FastGlobs, glob: string): boolean {
  const literal = (text: string): boolean => text !== '' && !SPECIAL.test(text) && !UNUSUAL_PATH.test(text);
  if (literal(glob)) return fast.exact.add(glob), true;
  if (glob.endsWith('/**') && !glob.startsWith('**/')) {
    const dir = glob.slice(0, -3);
    return literal(dir) && (fast.dirs.push(dir), true);
  }
  if (!glob.startsWith('**/')) return false;
  const rest = glob.slice(3);
  if (rest.endsWith('/**')) {
    const dir = rest.slice(0, -3);
    return literal(dir) && !dir.includes('/') && (fast.segments.add(dir), true);
  }
  if (rest.includes('/')) return false;
  if (literal(rest)) return fast.names.add(rest), true;
  // `*` may match nothing, and the suffix has no `/`: a path ending with it has it in its last segment.
  if (rest.startsWith('*') && literal(rest.slice(1))) return fast.suffixes.push(rest.slice(1)), true;
  return addNamePattern(fast, rest);
}

/** Names, wildcards, classes and brace lists: what a last-segment pattern may be made of. */
const SIMPLE_NAME_PATTERN = /^[\w.*?{},[\]-]+$/;

/**
 * `**\/pattern`, where the pattern cannot match a `/`, matches a usual path exactly when the
 * pattern matches the path's last segment (`**\/` matches any folders, none included): the
 * pattern is tested there, a few characters instead of the whole path. Only wildcards, classes and
 * brace lists of plain names: negation, extended globs and characters picomatch gives a meaning
 * of its own (`$`, `|`, …) stay with picomatch.
 */
function addNamePattern(fast: FastGlobs, pattern: string): boolean {
  if (!SIMPLE_NAME_PATTERN.test(pattern) || pattern.includes('**')) return false;
  let regex: RegExp;
  try {
    regex = picomatch.makeRe(pattern, GLOB_OPTIONS);
  } catch {
    return false;
  }
  if (regex.flags !== '') return false;
  fast.namePatterns.push(`(?:${regex.source})`);
  return true;
}

function newFastGlobs(): FastGlobs {
  return { exact: new Set(), dirs: [], names: new Set(), suffixes: [], segments: new Set(), namePatterns: [] };
}

function testFast(fast: FastGlobs, dirSet: Set<string> | undefined, path: string): boolean {
  if (fast.exact.has(path)) return true;
  if (dirSet) {
    if (dirSet.has(path) || someFolder(path, (folder) => dirSet.has(folder))) return true;
  } else {
    for (const dir of fast.dirs) if (path.startsWith(dir) && (path.length === dir.length || path.charCodeAt(dir.length) === SLASH)) return true;
  }
  for (const suffix of fast.suffixes) if (path.endsWith(suffix)) return true;
  if (fast.names.size > 0 || fast.nameRegex) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (fast.names.has(name) || fast.nameRegex?.test(name)) return true;
  }
  if (fast.segments.size > 0) for (const segment of path.split('/')) if (fast.segments.has(segment)) return true;
  return false;
}

const SLASH = 47;

/** True when `test` holds for one of the folders `path` is in (`a`, `a/b` for `a/b/c`), outermost first. */
function someFolder(path: string, test: (folder: string) => boolean): boolean {
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) if (test(path.slice(0, slash))) return true;
  return false;
}

/** A cheap first look for the characters an unusual path needs, before the exact test. */
function isUnusualPath(path: string): boolean {
  const first = path.charCodeAt(0);
  const suspicious = first === 46 || first === SLASH || path.includes('/.') || path.includes('//') || path.endsWith('/') || path.includes('\\');
  return suspicious && UNUSUAL_PATH.test(path);
}

/**
 * Compiles `globs` into one matcher (false when the list is empty). A glob picomatch rejects
 * matches nothing here; the catalog validator reports it before a rule sees it.
 *
 * @example compilePathGlobs(['**\/*.sql'])('db/001.sql') // => true
 */
export function compilePathGlobs(globs: readonly string[]): PathMatcher {
  const used = globs.filter((glob) => glob.trim() !== '');
  const fast = newFastGlobs();
  const slow = used.filter((glob) => !addFastGlob(fast, glob));
  if (fast.namePatterns.length > 0) fast.nameRegex = new RegExp(fast.namePatterns.join('|'));
  const picomatchTest = compilePicomatch(slow);
  if (slow.length === used.length) return picomatchTest;
  const dirSet = fast.dirs.length > DIR_SCAN_LIMIT ? new Set(fast.dirs) : undefined;
  // An unusual path is left entirely to picomatch, for every glob (compiled when first needed).
  let exact: PathMatcher | undefined;
  return (path) => {
    if (isUnusualPath(path)) return (exact ??= compilePicomatch(used))(path);
    return testFast(fast, dirSet, path) || (slow.length > 0 && picomatchTest(path));
  };
}

/**
 * Which of several glob lists match a path (the indexes of the lists, in order): the answers of
 * `compilePathGlobs` for each list, for the price of one lookup per folder of the path for all
 * their `dir/**` and plain-path globs together. A catalog's systems are such lists: asking each
 * system's matcher in turn cost every path a test per system.
 *
 * @example indexPathGlobs([['a/**'], ['b/**'], ['**\/*.md']])('a/x.md') // => [0, 2]
 */
export function indexPathGlobs(lists: readonly (readonly string[])[]): (path: string) => number[] {
  const byPath = new Map<string, number[]>();
  const byFolder = new Map<string, number[]>();
  const others: { index: number; matches: PathMatcher }[] = [];
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  lists.forEach((globs, index) => {
    const rest: string[] = [];
    for (const glob of globs) {
      if (glob.trim() === '') continue;
      const shape = newFastGlobs();
      if (!addFastGlob(shape, glob) || shape.exact.size + shape.dirs.length === 0) rest.push(glob);
      for (const path of shape.exact) add(byPath, path, index);
      for (const dir of shape.dirs) add(byFolder, dir, index);
    }
    if (rest.length > 0) others.push({ index, matches: compilePathGlobs(rest) });
  });
  // An unusual path is left to each list's own matcher (picomatch), compiled when first needed.
  let whole: PathMatcher[] | undefined;
  return (path) => {
    if (isUnusualPath(path)) {
      whole ??= lists.map((globs) => compilePathGlobs(globs));
      return whole.flatMap((matches, index) => (matches(path) ? [index] : []));
    }
    const found = new Set<number>([...(byPath.get(path) ?? []), ...(byFolder.get(path) ?? [])]);
    someFolder(path, (folder) => {
      for (const index of byFolder.get(folder) ?? []) found.add(index);
      return false;
    });
    for (const other of others) if (!found.has(other.index) && other.matches(path)) found.add(other.index);
    return [...found].sort((a, b) => a - b);
  };
}

/** All globs as one regular expression (one test per path), or each on its own when flags differ. */
function compilePicomatch(globs: readonly string[]): PathMatcher {
  const sources: string[] = [];
  for (const glob of globs) {
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
      return [picomatch(glob, GLOB_OPTIONS)];
    } catch {
      return [];
    }
  });
  return (path) => each.some((test) => test(path));
}
