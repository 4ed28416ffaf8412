/**
 * @module Globs and custom-rule regexes in the catalog: broken patterns are errors, not silent misses.
 *
 * A glob that can never match would quietly leave files out of a tier-1 system (less friction),
 * so anything picomatch would misread is reported. Custom rule patterns must compile as RE2
 * (linear-time) regexes: a pattern on added lines must not be able to hang `tollgate check`.
 */
import picomatch from 'picomatch';
import { RE2JS, RE2JSException } from 're2js';
import { type CatalogIssue, type CatalogPath, quoteInput } from './catalog-error.js';

/** Where globs over repository paths live in the catalog (`*` = every item). */
const PATH_GLOBS: readonly (readonly string[])[] = [
  ['systems', '*', 'paths', '*'],
  ['systems', '*', 'critical', '*'],
  ['rules', 'custom', '*', 'paths', '*'],
  ['guardrails', 'paths', '*'],
];
/** Globs over names rather than paths (emails, stack names). */
const NAME_GLOBS: readonly (readonly string[])[] = [
  ['ai', 'emails', '*'],
  ['environments', '*', 'stackPatterns', '*'],
];
const REGEXES: readonly (readonly string[])[] = [['rules', 'custom', '*', 'added']];

/** A compiled linear-time regex, or why it could not be compiled. */
export type LinearRegexResult = { regex: RE2JS; error?: undefined } | { regex?: undefined; error: string };

/**
 * Compiles `source` with RE2 semantics (re2js): matching time is linear in the input, so
 * patterns such as `(a+)+$` are safe. Backreferences and lookaround are rejected.
 *
 * @example compileLinearRegex('Thread\\.sleep').regex?.test('Thread.sleep(100)') // => true
 */
export function compileLinearRegex(source: string): LinearRegexResult {
  try {
    return { regex: RE2JS.compile(source) };
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    if (/\(\?<?[=!]/.test(source)) {
      return { error: `${quoteInput(source)} uses lookaround, which linear-time (RE2) regex syntax does not allow` };
    }
    if (/\\[1-9]|\\k</.test(source)) {
      return { error: `${quoteInput(source)} uses a backreference, which linear-time (RE2) regex syntax does not allow` };
    }
    const reason = error.message.replace(/^error parsing regexp: /, '');
    return { error: `${quoteInput(source)} is not a valid linear-time (RE2) regex: ${reason}` };
  }
}

/** Why `glob` is unusable, or `undefined` when it is fine. `pathGlob` adds repository-path rules. */
export function checkGlob(glob: string, pathGlob = true): string | undefined {
  if (glob.trim() === '') return 'empty glob';
  if (pathGlob && glob.startsWith('/')) return `${quoteInput(glob)}: globs are relative to the repository root; drop the leading \`/\``;
  if (pathGlob && glob.startsWith('!')) return `${quoteInput(glob)}: negated globs are not supported; list the paths that belong instead`;
  const unbalanced = findUnbalanced(glob);
  if (unbalanced) return `${quoteInput(glob)}: ${unbalanced}`;
  try {
    // picomatch turns patterns it cannot make sense of into a regex that matches nothing.
    if (picomatch.makeRe(glob, { dot: true }).source === '$^') return `${quoteInput(glob)} can never match anything`;
  } catch (error) {
    return `${quoteInput(glob)} is not a valid glob: ${error instanceof Error ? error.message.toLowerCase() : String(error)}`;
  }
  return undefined;
}

/** Checks every glob and regex in raw (not yet validated) catalog data; wrong types are left to the schema. */
export function checkPatterns(raw: unknown): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  for (const [where, pathGlob] of [...PATH_GLOBS.map((p) => [p, true] as const), ...NAME_GLOBS.map((p) => [p, false] as const)]) {
    for (const { value, path } of valuesAt(raw, where)) {
      if (typeof value !== 'string') continue;
      const problem = checkGlob(value, pathGlob);
      if (problem) issues.push({ path, message: problem });
    }
  }
  for (const where of REGEXES) {
    for (const { value, path } of valuesAt(raw, where)) {
      if (typeof value !== 'string' || value === '') continue;
      const compiled = compileLinearRegex(value);
      if (compiled.error !== undefined) issues.push({ path, message: compiled.error });
    }
  }
  return issues;
}

/** Every value at `pattern` (keys, with `*` for each item of a list) in untyped data. */
function* valuesAt(data: unknown, pattern: readonly string[], path: CatalogPath = []): Generator<{ value: unknown; path: CatalogPath }> {
  if (pattern.length === 0) {
    yield { value: data, path };
    return;
  }
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(data)) return;
    for (let i = 0; i < data.length; i++) yield* valuesAt(data[i], rest, [...path, i]);
  } else if (data !== null && typeof data === 'object' && !Array.isArray(data) && head in data) {
    yield* valuesAt((data as Record<string, unknown>)[head], rest, [...path, head]);
  }
}

/** Unclosed `[`, `{`, `(` or a stray closer; backslash escapes and bracket-class contents are skipped. */
function findUnbalanced(glob: string): string | undefined {
  const open: string[] = [];
  const closerOf: Record<string, string> = { '{': '}', '(': ')' };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // A class ends at the first `]` that is not its first member (`[]a]`, `[!]a]`).
      let j = i + 1;
      if (glob[j] === '!' || glob[j] === '^') j++;
      if (glob[j] === ']') j++;
      while (j < glob.length && glob[j] !== ']') j += glob[j] === '\\' ? 2 : 1;
      if (j >= glob.length) return 'unclosed `[`';
      i = j;
    } else if (c === '{' || c === '(') {
      open.push(c);
    } else if (c === '}' || c === ')') {
      const last = open.pop();
      if (last === undefined || closerOf[last] !== c) return `unbalanced \`${c}\``;
    }
  }
  return open.length > 0 ? `unclosed \`${open[open.length - 1]}\`` : undefined;
}
