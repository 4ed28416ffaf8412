/**
 * @module Path fields of unified diff headers: git's C-style quoting and the `a/`, `b/` prefixes.
 *
 * Git quotes a path that contains `"`, `\`, control characters or (with `core.quotePath`, the
 * default) any byte above 0x7f, writing such bytes as octal escapes (`"caf\303\251.txt"`). The
 * escapes are bytes of the path, so they are collected as bytes and decoded as UTF-8 at the end.
 */

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Reads a C-quoted string starting at `start` (which must be `"`). Returns the decoded text and the
 * index just past the closing quote, or `undefined` when the quoting is malformed.
 */
export function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      return { value: Buffer.from(bytes).toString('utf8'), end: i + 1 };
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      if (next >= '0' && next <= '7') {
        const octal = text.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(octal)) return undefined;
        bytes.push(parseInt(octal, 8));
        i += 4;
        continue;
      }
      const code = SIMPLE_ESCAPES[next];
      if (code === undefined) return undefined;
      bytes.push(code);
      i += 2;
      continue;
    }
    for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    i += 1;
  }
  return undefined;
}

/** Decodes one path field: quoted or not, as it appears after `rename from ` or `--- `. */
export function unquotePath(field: string): string {
  if (field.startsWith('"')) {
    const quoted = readQuoted(field, 0);
    if (quoted) return quoted.value;
  }
  return field;
}

/** Removes a one-letter diff prefix such as `a/` or `b/` when present. */
export function stripPrefix(path: string, prefix: 'a/' | 'b/'): string {
  return path.startsWith(prefix) ? path.slice(2) : path;
}

/**
 * Path of a `--- ` / `+++ ` line: `/dev/null` for none, otherwise the name without its prefix.
 * GNU diff and git (for names with spaces) may append a tab and a timestamp; that part is dropped.
 */
export function parseMarkerPath(field: string, prefix: 'a/' | 'b/'): string | null {
  let raw = field;
  if (!raw.startsWith('"')) {
    const tab = raw.indexOf('\t');
    if (tab >= 0) raw = raw.slice(0, tab);
  }
  raw = raw.replace(/\r$/, '');
  const path = unquotePath(raw);
  if (path === '/dev/null') return null;
  return stripPrefix(path, prefix);
}

/**
 * Both paths of a `diff --git a/X b/Y` line (after `diff --git `). Exact when either side is quoted or
 * both are equal; a rename with spaces in an unquoted name is ambiguous, and then the later
 * `rename from/to` or `---/+++` lines (which the parser prefers) settle it.
 */
export function parseGitHeaderPaths(rest: string): { oldPath: string; newPath: string } | undefined {
  const line = rest.replace(/\r$/, '');
  if (line.startsWith('"')) {
    const first = readQuoted(line, 0);
    if (!first || line[first.end] !== ' ') return undefined;
    const second = line.slice(first.end + 1);
    return { oldPath: stripPrefix(first.value, 'a/'), newPath: stripPrefix(unquotePath(second), 'b/') };
  }
  const quotedSecond = line.indexOf(' "');
  if (quotedSecond > 0 && line.endsWith('"')) {
    const second = readQuoted(line, quotedSecond + 1);
    if (second && second.end === line.length) {
      return { oldPath: stripPrefix(line.slice(0, quotedSecond), 'a/'), newPath: stripPrefix(second.value, 'b/') };
    }
  }
  // Same path on both sides: `a/P b/P` has odd length and splits at its middle.
  if (line.length % 2 === 1) {
    const half = (line.length - 1) / 2;
    const left = line.slice(0, half);
    const right = line.slice(half + 1);
    if (line[half] === ' ' && stripPrefix(left, 'a/') === stripPrefix(right, 'b/')) {
      return { oldPath: stripPrefix(left, 'a/'), newPath: stripPrefix(right, 'b/') };
    }
  }
  const split = line.indexOf(' b/');
  if (split > 0 && line.indexOf(' b/', split + 1) < 0) {
    return { oldPath: stripPrefix(line.slice(0, split), 'a/'), newPath: line.slice(split + 3) };
  }
  return undefined;
}
