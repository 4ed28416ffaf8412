import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compilePathGlobs, indexPathGlobs } from './path-globs.js';

/** Globs of every shape the fast tests take, and some they leave to picomatch. */
const GLOBS = [
  'services/checkout/**', 'services/**', 'docs', 'tollgate.yaml', '.github/workflows/**', '**/go.sum', '**/package-lock.json',
  '**/*.lock', '**/*.min.js', '**/*.g.dart', '**/dist/**', '**/__snapshots__/**', '**/.terraform/**', '**/*',
  '**', 'a/**', '**/a', '**/*.{test,spec}.ts', 'services/*/Jenkinsfile', 'a/[bc]/?.txt', '**/x/**/y', '!**/keep', 'dir/',
  '**/*.generated.*', '**/*_test.{go,py}', '**/test_*.py', '**/?.txt', '**/[ab].lock', '**/Jenkinsfile.*', '**/!(x).ts', '**/@(a|b)',
  '**/$$*', '**/*.ts|*.js', '**/a?|b*',
];

const SEGMENTS = ['a', 'x', 'y', 'dist', 'docs', 'go.sum', 'yarn.lock', '.lock', 'b.lock', 'f.min.js', 'm.g.dart', '__snapshots__', '.terraform', '.github', 'workflows', 'services', 'checkout', 'keep', 'package-lock.json', 'tollgate.yaml', 'c', '.', '..', '', 'a.test.ts', 'Jenkinsfile', 'é',
  'x.generated.ts', '.generated.', 'a.generated', 'a_test.go', 'test_a.py', 'test_.py', 'b.txt', 'ab.txt', 'Jenkinsfile.prod', '.ts', 'x.ts', 'b',
  '$', '$$x', 'a.js', 'ab'];

/** Every path of up to three segments from SEGMENTS, plus some odd ones. */
function corpus(): string[] {
  const paths = new Set<string>(['/a', 'a/', './a', 'a//b', 'a\\b', '.github/workflows/ci.yml', 'services/checkout', 'services/checkoutx/a', 'a/b.map/c']);
  for (const one of SEGMENTS) {
    paths.add(one);
    for (const two of SEGMENTS) {
      paths.add(`${one}/${two}`);
      for (const three of ['a', 'dist', '.', 'go.sum', 'x.lock', '']) paths.add(`${one}/${two}/${three}`);
    }
  }
  return [...paths].filter((path) => path !== '');
}

describe('compilePathGlobs', () => {
  const paths = corpus();

  it.each(GLOBS)('agrees with picomatch (dot: true) on every path for %s', (glob) => {
    const matcher = compilePathGlobs([glob]);
    const reference = picomatch(glob, { dot: true });
    const wrong = paths.filter((path) => matcher(path) !== reference(path));
    expect(wrong).toEqual([]);
  });

  it('agrees with picomatch on lists that mix fast and slow globs', () => {
    const lists = [GLOBS, GLOBS.slice(0, 8), ['**/*.lock', 'a/[bc]/?.txt'], ['**/dist/**', '**/*.{test,spec}.ts', 'docs']];
    for (const globs of lists) {
      const matcher = compilePathGlobs(globs);
      const reference = picomatch(globs, { dot: true });
      expect(paths.filter((path) => matcher(path) !== reference(path))).toEqual([]);
    }
  });

  it('matches nothing for an empty list or only blank globs', () => {
    expect(compilePathGlobs([])('a')).toBe(false);
    expect(compilePathGlobs(['', '  '])('a')).toBe(false);
  });

  it('agrees with picomatch on a list of many folder globs (looked up by folder)', () => {
    const globs = ['a/**', 'x/**', 'services/checkout/**', 'dist/**', '.github/**', 'docs/**', 'c/a/**', '**/*.lock'];
    const matcher = compilePathGlobs(globs);
    const reference = picomatch(globs, { dot: true });
    expect(paths.filter((path) => matcher(path) !== reference(path))).toEqual([]);
  });
});

describe('indexPathGlobs', () => {
  const paths = corpus();

  it('answers, for every path, the lists whose own matcher matches it', () => {
    const lists = [['services/checkout/**'], ['services/**', 'docs'], ['a/**', '**/*.lock'], [], ['a/[bc]/?.txt', 'x/**'], ['**/dist/**'], ['a/**'], ['', ' '], ['tollgate.yaml', '.github/workflows/**'], GLOBS];
    const index = indexPathGlobs(lists);
    const each = lists.map((globs) => compilePathGlobs(globs));
    const wrong = paths.filter((path) => JSON.stringify(index(path)) !== JSON.stringify(each.flatMap((matches, i) => (matches(path) ? [i] : []))));
    expect(wrong).toEqual([]);
    expect(index('a/b/x.lock')).toEqual([2, 6, 9]);
  });
});
