import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCodeowners, ownersOf, parseCodeowners } from './codeowners.js';

const fixture = readFileSync(new URL('../../../test/fixtures/catalog/CODEOWNERS', import.meta.url), 'utf8');

describe('parseCodeowners', () => {
  it('drops comments and blank lines, keeps owner-less lines and line numbers', () => {
    const rules = parseCodeowners(fixture);
    expect(rules.map((r) => [r.line, r.pattern, r.owners.join(' ')])).toEqual([
      [5, '*', '@acme/everyone'],
      [8, '*.js', '@web-lead'],
      [11, 'docs/*', 'docs@example.com'],
      [14, 'apps/', '@octocat'],
      [17, '**/logs', '@acme/ops'],
      [20, '/build/logs/', '@doctocat'],
      [23, '/scripts/', '@acme/tooling'],
      [24, '/scripts/generated', ''],
      [27, '/services/payments/', '@acme/payments'],
    ]);
  });

  it('keeps `#` inside a pattern or owner, and an escaped leading `\\#`', () => {
    expect(parseCodeowners('a#b @x#y # comment\n\\#notes @z\n')).toEqual([
      { pattern: 'a#b', owners: ['@x#y'], line: 1 },
      { pattern: '\\#notes', owners: ['@z'], line: 2 },
    ]);
  });

  it('skips negated patterns, which GitHub does not support', () => {
    expect(parseCodeowners('!secret @x\n* @y\r\n')).toEqual([{ pattern: '*', owners: ['@y'], line: 2 }]);
  });
});

describe('ownersOf: GitHub semantics on the fixture', () => {
  const rules = parseCodeowners(fixture);
  it.each([
    ['README.md', ['@acme/everyone'], 'default rule'],
    ['src/index.js', ['@web-lead'], '*.js anywhere (inline comment stripped)'],
    ['docs/getting-started.md', ['docs@example.com'], 'docs/* owns direct children'],
    ['docs/build-app/troubleshooting.md', ['@acme/everyone'], 'docs/* is not recursive'],
    ['apps/web/main.ts', ['@octocat'], 'apps/ at the root'],
    ['services/apps/readme.txt', ['@octocat'], 'apps/ matches at any depth'],
    ['apps', ['@acme/everyone'], 'apps/ matches only a directory'],
    ['build/logs/today.log', ['@doctocat'], 'anchored /build/logs/, after **/logs'],
    ['deeply/nested/logs/x.txt', ['@acme/ops'], '**/logs at any depth'],
    ['src/build/logs/x.txt', ['@acme/ops'], 'anchored /build/logs/ does not match deeper; **/logs does'],
    ['scripts/deploy.sh', ['@acme/tooling'], 'anchored /scripts/'],
    ['scripts/generated/schema.ts', [], 'an owner-less later line leaves the path unowned'],
    ['tools/scripts/x.sh', ['@acme/everyone'], 'anchored /scripts/ does not match deeper'],
    ['services/payments/api.js', ['@acme/payments'], 'last match wins over *.js'],
    ['./services/payments/api.js', ['@acme/payments'], 'a leading ./ is ignored'],
  ])('%s -> %j (%s)', (path, owners) => expect(ownersOf(rules, path)).toEqual(owners));

  it('returns no owners when nothing matches', () => expect(ownersOf(parseCodeowners('/docs/ @d'), 'src/a.ts')).toEqual([]));
  it('is case-sensitive, like GitHub', () => expect(ownersOf(parseCodeowners('/Docs/ @d'), 'docs/a.md')).toEqual([]));
});

// Pattern cases from the hmarr/codeowners test data, which mirrors GitHub's matching.
describe('compileCodeowners: pattern table', () => {
  const table: [string, Record<string, boolean>][] = [
    ['foo', { foo: true, 'foo.txt': false, 'foo/bar': true, 'bar/foo': true, 'bar/foo/baz': true, 'bar/baz': false }],
    ['/foo', { foo: true, 'foo/bar/baz': true, 'bar/foo': false, 'fool.txt': false }],
    ['foo/', { foo: false, 'foo/bar': true, 'bar/foo/baz/qux': true }],
    ['/foo/', { 'foo/bar': true, 'bar/foo/baz': false }],
    ['foo/bar', { 'foo/bar': true, 'foo/bar/baz': true, 'baz/foo/bar': false, 'foo/bart': false }],
    ['*', { foo: true, 'bar/foo/baz': true }],
    ['/*', { foo: true, 'foo/bar': false }],
    ['f*', { foo: true, 'foo/bar/baz': true, 'bar/foo': true, xfoo: false }],
    ['foo/*', { 'foo/bar': true, 'foo/bar/baz': false, 'bar/foo/baz': false, foo: false }],
    ['foo/*.txt', { 'foo/bar.txt': true, 'foo/bar/baz.txt': false }],
    ['foo/*/baz', { 'foo/bar/baz': true, 'foo/bar/baz/qux': true, 'foo/baz': false }],
    ['f?o', { foo: true, fo: false, fooo: false }],
    ['f\\*o', { 'f*o': true, foo: false }],
    ['**/foo/bar', { 'foo/bar': true, 'qux/foo/bar/baz': true, 'foo/baz/bar': false }],
    ['foo/bar/**', { 'foo/bar': false, 'foo/bar/baz/qux': true }],
    ['foo/**/bar', { 'foo/bar': true, 'foo/qux/quux/bar/baz': true, 'qux/foo/bar': false }],
    ['foo/**/', { foo: false, 'foo/bar': true, 'foo/bar/baz': true }],
    ['foo/**/*', { 'foo/bar': true, 'foo/bar/baz': true, foo: false }],
  ];
  for (const [pattern, paths] of table) {
    for (const [path, expected] of Object.entries(paths)) {
      it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
        expect(compileCodeowners([{ pattern, owners: ['@o'], line: 1 }]).ruleFor(path) !== undefined).toBe(expected);
      });
    }
  }
});
