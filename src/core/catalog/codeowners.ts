/**
 * @module GitHub CODEOWNERS: parsing, and who owns a path with GitHub's matching rules.
 *
 * GitHub's rules, which differ from .gitignore in places: the last matching pattern wins (and
 * a pattern without owners leaves its paths unowned); `dir/*` owns only files directly in
 * `dir`; a leading `/` anchors at the root; a pattern without a slash (other than a trailing
 * one) matches at any depth; `!` negation is not supported (GitHub skips such lines).
 * Patterns are matched with the `ignore` package (gitignore semantics) plus the `dir/*` rule.
 */
import ignore, { type Ignore } from 'ignore';

/** One line of a CODEOWNERS file that has a pattern. */
export interface CodeownersRule {
  pattern: string;
  /** `@user`, `@org/team` or email addresses; empty when the line names no owners. */
  owners: string[];
  /** 1-based line in the file. */
  line: number;
}

/** The locations GitHub reads CODEOWNERS from, in its order of precedence: the first found is used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/**
 * Parses CODEOWNERS text: comments (whole-line, or `#` after whitespace) and blank lines are
 * dropped; lines with negated patterns are skipped, as GitHub does.
 *
 * @example parseCodeowners('*.js @web # frontend\n/docs/ docs@example.com')
 * // => [{ pattern: '*.js', owners: ['@web'], line: 1 }, { pattern: '/docs/', owners: ['docs@example.com'], line: 2 }]
 */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = stripComment(rawLine).trim();
    if (line === '') return;
    const [pattern, ...owners] = splitFields(line);
    if (pattern === undefined || pattern.startsWith('!')) return;
    rules.push({ pattern, owners, line: index + 1 });
  });
  return rules;
}

/** A compiled CODEOWNERS file: cheap to ask about many paths. */
export interface CodeownersMatcher {
  /** The rule that decides `path` (the last one that matches), if any. */
  ruleFor(path: string): CodeownersRule | undefined;
}

/** Compiles rules once for many look-ups. */
export function compileCodeowners(rules: readonly CodeownersRule[]): CodeownersMatcher {
  const compiled = rules.map((rule) => ({ rule, matches: compilePattern(rule.pattern) }));
  return {
    ruleFor(path) {
      const normalized = path.replace(/^\.?\/+/, '');
      if (normalized === '') return undefined;
      for (let i = compiled.length - 1; i >= 0; i--) {
        if (compiled[i]!.matches(normalized)) return compiled[i]!.rule;
      }
      return undefined;
    },
  };
}

/**
 * The owners of a repository-relative path: those of the last rule that matches, `[]` when
 * none does or that rule names no owners.
 *
 * @example ownersOf(parseCodeowners('* @all\ndocs/* @docs'), 'docs/a.md') // => ['@docs']
 */
export function ownersOf(rules: readonly CodeownersRule[], path: string): string[] {
  return [...(compileCodeowners(rules).ruleFor(path)?.owners ?? [])];
}

function compilePattern(pattern: string): (path: string) => boolean {
  // `foo/**/` owns everything below foo, files included (gitignore would only match directories).
  const source = pattern.endsWith('**/') ? pattern.slice(0, -1) : pattern;
  const matcher: Ignore = ignore({ ignorecase: false }).add(source);
  const segments = source.replace(/\/$/, '').split('/');
  // `dir/*` (a lone `*` last, after a slash) owns only the direct children of `dir`;
  // gitignore would also match subdirectories and so everything in them.
  const directChildrenOnly =
    !source.endsWith('/') && segments.length > 1 && segments[segments.length - 1] === '*' && segments[segments.length - 2] !== '**';
  return (path) => {
    if (!matcher.ignores(path)) return false;
    if (!directChildrenOnly) return true;
    const parent = path.slice(0, path.lastIndexOf('/') + 1);
    return parent === '' || !matcher.ignores(parent);
  };
}

/** Drops a comment: `#` at the start or after whitespace, unless escaped as `\#`. */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
    } else if (line[i] === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Splits on whitespace, keeping `\ ` (an escaped space) inside a pattern. */
function splitFields(line: string): string[] {
  return (line.match(/(?:\\.|\S)+/g) ?? []).map((field, i) => (i === 0 ? field : field.replace(/\\(.)/g, '$1')));
}
