/**
 * @module Glob matching for protected paths, as picomatch reads the catalog's globs (`dot: true`):
 * `**`, `*`, `?`, `{a,b}` and `[abc]`.
 *
 * The guard does not load picomatch: compiling its module costs more start-up time than every
 * protected-path check of a hook call. A pattern using syntax outside this subset (extglobs,
 * negation) matches every path under its literal prefix, which errs toward asking.
 */

const UNSUPPORTED = /[!@+]\(|^!|\(|\)|\\/;

/** Compiles a glob into a predicate over `/`-separated relative paths. */
export function compileGlob(pattern: string): (path: string) => boolean {
  if (UNSUPPORTED.test(pattern)) {
    const prefix = pattern.split(/[*?[{(!+@]/)[0] ?? '';
    return (path) => path.startsWith(prefix);
  }
  const regex = new RegExp(`^${translate(pattern)}$`);
  return (path) => regex.test(path);
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '/' && pattern.slice(i + 1) === '**') {
      // `dir/**` matches `dir` itself and everything below it.
      out += '(?:/.*)?';
      break;
    }
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more directories; a trailing `**` matches everything below.
          if (pattern[i + 2] === '/') {
            out += '(?:[^/]*(?:/|$))*';
            i += 2;
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
      out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
      i = close;
    } else if (char === '{') {
      const close = pattern.indexOf('}', i + 1);
      const inner = close < 0 ? undefined : pattern.slice(i + 1, close);
      if (inner === undefined || !inner.includes(',') || inner.includes('{')) {
        out += '\\{';
        continue;
      }
      out += `(?:${inner.split(',').map(translate).join('|')})`;
      i = close;
    } else {
      out += char.replace(/[.+^$|()\\/]/g, '\\$&');
    }
  }
  return out;
}
