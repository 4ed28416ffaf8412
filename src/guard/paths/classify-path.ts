/**
 * @module Where a path a command deletes or writes lies: the root, a system directory, the home
 * directory, the workspace (its root, its `.git`, inside it), scratch space, or elsewhere.
 */
import { posix } from 'node:path';
import type { GuardContext } from '../guard-types.js';
import type { ShellWord } from '../shell/shell-syntax.js';

export type PathClass =
  | 'root'
  | 'system'
  | 'home'
  | 'workspace-root'
  | 'workspace-ancestor'
  | 'git-dir'
  | 'inside-workspace'
  | 'temp'
  | 'outside'
  | 'unknown';

export interface ClassifiedPath {
  class: PathClass;
  /** The absolute path, when it could be resolved. */
  path?: string;
}

type PathContext = Pick<GuardContext, 'cwd' | 'home' | 'workspaceRoots' | 'tempDirs' | 'env'>;

// Trees whose first two levels hold the system itself: `/usr/bin`, `/etc/ssh`.
const SYSTEM_TREES = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/boot', '/var/lib', '/System', '/Library', '/Applications'];
const EXPANDABLE_VARIABLES = new Set(['HOME', 'PWD', 'TMPDIR', 'USER', 'OLDPWD']);

/** Stands for a working directory the guard cannot know (`cd "$DIR"` earlier in the command). */
export const UNKNOWN_DIRECTORY = '\0unknown-directory';

/** The context as seen from a command that runs after `cd` steps earlier in its script. */
export function locatedAt<T extends PathContext>(context: T, cd: readonly ShellWord[] | null): T {
  if (cd === null) return { ...context, cwd: UNKNOWN_DIRECTORY };
  let cwd = context.cwd;
  for (const step of cd) {
    const resolved = resolveWordPath(step, { ...context, cwd });
    if (!resolved) return { ...context, cwd: UNKNOWN_DIRECTORY };
    cwd = resolved.path;
  }
  return cwd === context.cwd ? context : { ...context, cwd };
}

/** Resolves a shell word to an absolute path (tilde, `$HOME`, `$PWD`, globs reduced to their directory). */
export function resolveWordPath(word: ShellWord, context: PathContext): { path: string; everything: boolean } | undefined {
  let text = '';
  for (const [index, part] of word.parts.entries()) {
    if (part.kind === 'dynamic') return undefined;
    if (part.kind === 'variable') {
      const value = part.name === 'PWD' ? context.cwd : part.name === 'HOME' ? context.home : context.env[part.name];
      if (!EXPANDABLE_VARIABLES.has(part.name) || value === undefined) return undefined;
      text += value;
      continue;
    }
    if (index === 0 && !part.quoted && part.text.startsWith('~')) {
      const [head = '', ...rest] = part.text.split('/');
      const home = head === '~' ? context.home : context.home ? posix.join(posix.dirname(context.home), head.slice(1)) : undefined;
      if (home === undefined) return undefined;
      text += [home, ...rest].join('/');
      continue;
    }
    text += part.text;
  }
  let everything = false;
  if (word.expands) {
    // A glob deletes entries of the directory before its first wildcard; `dir/*` is all of them.
    const segments = text.split('/');
    const wild = segments.findIndex((segment) => /[*?[{]/.test(segment));
    if (wild >= 0) {
      everything = /^(\*|\.\*|\{,\.\}\*|\{\.,\}\*|\*\*)$/.test(segments[wild] ?? '') && wild === segments.length - 1;
      const directory = wild === 0 ? '.' : segments.slice(0, wild).join('/') || '/';
      text = everything ? directory : `${directory.replace(/\/$/, '')}/entry`;
    }
  }
  if (text === '') return undefined;
  if (!text.startsWith('/') && context.cwd === UNKNOWN_DIRECTORY) return undefined;
  return { path: posix.resolve(context.cwd, text), everything };
}

/** Classifies a path word; `everything` (a trailing `*`) counts as the directory itself. */
export function classifyPathWord(word: ShellWord, context: PathContext): ClassifiedPath {
  const resolved = resolveWordPath(word, context);
  if (!resolved) return { class: 'unknown' };
  const classified = classifyPath(resolved.path, context);
  // `rm -rf *` in the repository root deletes the whole working tree but keeps `.git`.
  if (resolved.everything && classified.class === 'workspace-root') return { class: 'inside-workspace', path: `${resolved.path}/*` };
  return classified;
}

/** Classifies an absolute path; pure. */
export function classifyPath(path: string, context: PathContext): ClassifiedPath {
  const normalized = posix.normalize(path).replace(/(.)\/+$/, '$1');
  const within = (parent: string, child: string): boolean => child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
  if (normalized === '/') return { class: 'root', path: normalized };
  if (context.home && normalized === posix.normalize(context.home)) return { class: 'home', path: normalized };
  const roots = workspaceRootsOf(context);
  for (const root of roots) {
    if (normalized === root) return { class: 'workspace-root', path: normalized };
    if (within(normalized, root)) return { class: 'workspace-ancestor', path: normalized };
  }
  for (const temp of context.tempDirs) {
    if (within(posix.normalize(temp), normalized)) return { class: 'temp', path: normalized };
  }
  if (normalized.split('/').length <= 2) return { class: 'system', path: normalized };
  if (SYSTEM_TREES.some((tree) => normalized === tree || (within(tree, normalized) && normalized.split('/').length <= tree.split('/').length + 1))) {
    return { class: 'system', path: normalized };
  }
  for (const root of roots) {
    if (normalized === `${root}/.git` || within(`${root}/.git`, normalized)) return { class: 'git-dir', path: normalized };
    if (within(root, normalized)) return { class: 'inside-workspace', path: normalized };
  }
  return { class: 'outside', path: normalized };
}

/** The workspace roots, or the working directory when there are none and it is a project directory. */
export function workspaceRootsOf(context: PathContext): string[] {
  if (context.workspaceRoots.length > 0) return context.workspaceRoots.map((root) => posix.normalize(root).replace(/(.)\/+$/, '$1'));
  const cwd = posix.normalize(context.cwd);
  const home = context.home ? posix.normalize(context.home) : undefined;
  // Without a repository, the working directory is the workspace, unless it is `/`, home or a system directory.
  if (cwd === '/' || cwd === home || cwd.split('/').length <= 2) return [];
  return [cwd];
}

/** The path relative to the workspace root that contains it, if any. */
export function relativeToWorkspace(path: string, context: PathContext): string | undefined {
  for (const root of workspaceRootsOf(context)) {
    if (path === root) return '';
    if (path.startsWith(`${root}/`)) return path.slice(root.length + 1);
  }
  return undefined;
}
