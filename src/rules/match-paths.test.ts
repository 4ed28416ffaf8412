import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compilePathGlobs, pathsOf } from './match-paths.js';

const GLOBS = ['**/*.{test,spec}.{ts,js}', 'services/*/Jenkinsfile', '.github/workflows/**', 'docs/CODEOWNERS', '**/dist/**', 'a/[bc]/?.txt'];
const PATHS = [
  'src/a.test.ts', 'a.spec.js', 'src/a.test.tsx', 'services/checkout/Jenkinsfile', 'services/checkout/x/Jenkinsfile',
  '.github/workflows/ci.yml', '.github/workflow.yml', 'docs/CODEOWNERS', 'docs/CODEOWNERS.md', 'pkg/dist/x.js', 'dist/a/b.js',
  'a/b/1.txt', 'a/d/1.txt', 'a/c/12.txt', '.hidden/dist/x', 'x/.github/workflows/a.yml',
];

describe('compilePathGlobs', () => {
  it.each(PATHS)('agrees with picomatch on %s', (path) => {
    expect(compilePathGlobs(GLOBS)(path)).toBe(picomatch.isMatch(path, GLOBS, { dot: true }));
  });

  it('matches nothing for an empty list or only blank globs', () => {
    expect(compilePathGlobs([])('a')).toBe(false);
    expect(compilePathGlobs(['', '  '])('a')).toBe(false);
  });

  it('lists a renamed file under both paths', () => {
    expect(pathsOf({ path: 'b.ts', oldPath: 'a.ts' })).toEqual(['b.ts', 'a.ts']);
    expect(pathsOf({ path: 'b.ts' })).toEqual(['b.ts']);
  });
});
