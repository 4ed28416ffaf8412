import { describe, expect, it } from 'vitest';
import { checkGlob, checkPatterns, compileLinearRegex } from './check-patterns.js';

describe('compileLinearRegex', () => {
  it('compiles RE2 syntax and matches added lines', () => {
    const { regex } = compileLinearRegex('Thread\\.sleep\\(\\d+\\)');
    expect(regex?.test('    Thread.sleep(100);')).toBe(true);
    expect(regex?.test('Thread.sleepy')).toBe(false);
  });

  it('matches a catastrophic-backtracking pattern in linear time', () => {
    const { regex } = compileLinearRegex('(a+)+$');
    const input = `${'a'.repeat(50_000)}b`;
    const started = performance.now();
    expect(regex!.test(input)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['(a)\\1', 'backreference'],
    ['(?P<x>a)\\k<x>', 'backreference'],
    ['a(?=b)', 'lookaround'],
    ['a(?!b)', 'lookaround'],
    ['(?<=a)b', 'lookaround'],
    ['(?<!a)b', 'lookaround'],
  ])('rejects %s (%s) naming linear-time syntax', (source, what) => {
    const { error } = compileLinearRegex(source);
    expect(error).toContain(what);
    expect(error).toContain('linear-time (RE2) regex syntax');
  });

  it('reports other syntax errors with the reason', () => {
    expect(compileLinearRegex('x{1001}').error).toBe('`x{1001}` is not a valid linear-time (RE2) regex: invalid repeat count: `{1001}`');
  });
});

describe('checkGlob', () => {
  it.each([
    ['services/**', undefined],
    ['**/*.{ts,tsx}', undefined],
    ['src/[a-z]*.ts', undefined],
    ['docs/[!.]*', undefined],
    ['a\\[literal\\]', undefined],
    ['', 'empty glob'],
    ['/x', '`/x`: globs are relative to the repository root; drop the leading `/`'],
    ['[x', '`[x`: unclosed `[`'],
    ['{a,b', '`{a,b`: unclosed `{`'],
    ['(a', '`(a`: unclosed `(`'],
    ['a)', '`a)`: unbalanced `)`'],
    ['{a)', '`{a)`: unbalanced `)`'],
    ['x\\', '`x\\` can never match anything'],
  ])('%s -> %s', (glob, problem) => expect(checkGlob(glob)).toBe(problem));

  it('allows a leading slash or `!` in name globs, which are not repository paths', () => {
    expect(checkGlob('!bot@example.com', false)).toBeUndefined();
  });
});

describe('checkPatterns', () => {
  it('skips values of the wrong type (the schema reports them) and reports the rest with their path', () => {
    const raw = { systems: [{ paths: [42, '/a'] }, 'not a system'], rules: { custom: [{ added: 7 }, { added: '(?=x)' }] } };
    expect(checkPatterns(raw).map((issue) => issue.path)).toEqual([
      ['systems', 0, 'paths', 1],
      ['rules', 'custom', 1, 'added'],
    ]);
  });
});
