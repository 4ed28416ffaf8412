import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyCatalog } from './catalog-schema.js';
import { compileLinearRegex } from './check-patterns.js';
import { formatCatalogError, parseCatalog } from './parse-catalog.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/catalog/${name}`, import.meta.url), 'utf8');

/** The formatted errors for `text`, or `['ok']` when it parses. */
function errorsOf(text: string): string[] {
  const result = parseCatalog(text, 'tollgate.yaml');
  return result.errors ? result.errors.map(formatCatalogError) : ['ok'];
}

describe('parseCatalog: valid catalogs', () => {
  it('parses the full fixture and fills defaults', () => {
    const result = parseCatalog(fixture('full.yaml'), 'tollgate.yaml');
    expect(result.errors).toBeUndefined();
    const catalog = result.catalog!;
    expect(catalog.systems.map((s) => [s.id, s.tier])).toEqual([['checkout', 1], ['search', 2], ['docs', 3]]);
    expect(catalog.systems[2]!.owners).toEqual([]);
    expect(catalog.people.find((p) => p.id === 'claude')!.ai).toBe(true);
    expect(catalog.people.find((p) => p.id === 'carol')!.ai).toBe(false);
    expect(catalog.policy.tiers?.[1]?.approvals).toBe(2);
    expect(catalog.rules.custom[0]!.added).toBe('Thread\\.sleep');
    expect(catalog.freezes[1]!.scope.systems).toEqual(['checkout']);
    expect(catalog.review?.maxRetries).toBe(2);
  });

  it('accepts the minimal catalog and equals the empty catalog', () => {
    expect(parseCatalog('version: 1\n', 'tollgate.yaml').catalog).toEqual(emptyCatalog());
  });

  it('reads Windows line endings and a byte order mark, counting lines the same', () => {
    expect(errorsOf('\ufeffversion: 1\r\nsystems: []\r\n')).toEqual(['ok']);
    expect(errorsOf('version: 1\r\nsystems:\r\n  - { id: a, tier: 7, paths: [a] }\r\n')).toEqual(['tollgate.yaml:3:20: systems[0].tier: expected 1, 2 or 3, got `7`']);
  });

  it('lets a person and a team share an id', () => {
    const text = 'version: 1\npeople: [{ id: ops }]\nteams: { ops: [ops] }\nsystems: [{ id: s, tier: 1, owners: [ops], paths: ["s/**"] }]\n';
    expect(errorsOf(text)).toEqual(['ok']);
  });

  it('accepts a catastrophic-backtracking regex, which is safe because matching is linear-time', () => {
    const text = 'version: 1\nrules:\n  custom:\n    - { id: r, added: "(a+)+$", severity: high, message: m }\n';
    const catalog = parseCatalog(text, 'tollgate.yaml').catalog!;
    const regex = compileLinearRegex(catalog.rules.custom[0]!.added).regex!;
    const started = performance.now();
    expect(regex.test(`${'a'.repeat(50_000)}b`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(regex.test('aaa')).toBe(true);
  });
});

describe('parseCatalog: errors name the file, line, column and field', () => {
  const cases: { name: string; text: string; errors: string[] }[] = [
    { name: 'empty file', text: '', errors: ['tollgate.yaml: the catalog is empty; it needs at least `version: 1`'] },
    { name: 'only comments', text: '# nothing yet\n', errors: ['tollgate.yaml: the catalog is empty; it needs at least `version: 1`'] },
    { name: 'version missing', text: 'systems: []\n', errors: ['tollgate.yaml:1:1: version: missing; a catalog starts with `version: 1`'] },
    { name: 'version 2', text: 'version: 2\n', errors: ['tollgate.yaml:1:10: version: expected 1, got `2`; this tollgate reads catalog version 1'] },
    { name: 'version as text', text: 'version: "1"\n', errors: ['tollgate.yaml:1:10: version: expected 1, got `1`; this tollgate reads catalog version 1'] },
    { name: 'top level list', text: '- version: 1\n', errors: ['tollgate.yaml:1:1: expected a mapping with keys such as `version` and `systems`, got a list'] },
    { name: 'top level scalar', text: 'hello\n', errors: ['tollgate.yaml:1:1: expected a mapping with keys such as `version` and `systems`, got `hello`'] },
    {
      name: 'malformed yaml',
      text: 'version: 1\nsystems: [\n',
      errors: ['tollgate.yaml:3:1: invalid yaml: flow sequence in block collection must be sufficiently indented and end with a ]'],
    },
    { name: 'duplicate yaml key', text: 'version: 1\nversion: 1\n', errors: ['tollgate.yaml:2:1: invalid yaml: map keys must be unique'] },
    { name: 'tab indentation', text: 'version: 1\ndefaults:\n\ttier: 1\n', errors: ['tollgate.yaml:3:1: invalid yaml: tabs are not allowed as indentation'] },
    {
      name: 'several documents',
      text: 'version: 1\n---\nversion: 1\n',
      errors: ['tollgate.yaml:2:1: invalid yaml: the catalog must be a single yaml document (remove the extra `---`)'],
    },
    { name: 'unresolved alias', text: 'version: 1\npeople: *nobody\n', errors: ['tollgate.yaml: invalid yaml: unresolved alias (the anchor must be set before the alias): nobody'] },
    {
      name: 'tier out of range',
      text: 'version: 1\nsystems:\n  - id: a\n    paths: ["a/**"]\n    tier: 4\n',
      errors: ['tollgate.yaml:5:11: systems[0].tier: expected 1, 2 or 3, got `4`'],
    },
    {
      name: 'unknown key with a suggestion',
      text: 'version: 1\nsystems:\n  - id: a\n    teir: 1\n    tier: 1\n    paths: ["a/**"]\n',
      errors: ['tollgate.yaml:4:5: systems[0].teir: unknown key `teir`; did you mean `tier`?'],
    },
    { name: 'unknown top-level key', text: 'version: 1\nsystem: []\n', errors: ['tollgate.yaml:2:1: system: unknown key `system`; did you mean `systems`?'] },
    { name: 'unknown key far from any', text: 'version: 1\nfrobnicate: true\n', errors: ['tollgate.yaml:2:1: frobnicate: unknown key `frobnicate`'] },
    {
      name: 'unknown key in a small set lists the choices',
      text: 'version: 1\npolicy: { tiers: { 4: {} } }\n',
      errors: ['tollgate.yaml:2:20: policy.tiers.4: unknown key `4`; expected one of `1`, `2`, `3`'],
    },
    { name: 'wrong type', text: 'version: 1\npeople: carol\n', errors: ['tollgate.yaml:2:9: people: expected a list, got `carol`'] },
    { name: 'empty value', text: 'version: 1\nteams:\n  ops:\n', errors: ['tollgate.yaml:3:3: teams.ops: expected a list, got an empty value'] },
    {
      name: 'missing required field points at its mapping',
      text: 'version: 1\nsystems:\n  - id: a\n    tier: 1\n',
      errors: ['tollgate.yaml:3:5: systems[0].paths: missing required key `paths`'],
    },
    {
      name: 'empty list',
      text: 'version: 1\nsystems:\n  - { id: a, tier: 1, paths: [] }\n',
      errors: ['tollgate.yaml:3:30: systems[0].paths: needs at least 1 entry'],
    },
    { name: 'bad id', text: 'version: 1\npeople: [{ id: "a b" }]\n', errors: ['tollgate.yaml:2:16: people[0].id: ids use letters, digits, `.`, `_` and `-`; got `a b`'] },
    {
      name: 'enum with a suggestion',
      text: 'version: 1\nrules: { custom: [{ id: r, added: x, severity: hihg, message: m }] }\n',
      errors: ['tollgate.yaml:2:48: rules.custom[0].severity: expected `info`, `low`, `medium`, `high` or `critical`, got `hihg`; did you mean `high`?'],
    },
    {
      name: 'fractional number',
      text: 'version: 1\npolicy: { tiers: { 1: { approvals: 1.5 } } }\n',
      errors: ['tollgate.yaml:2:36: policy.tiers.1.approvals: expected a whole number, got `1.5`'],
    },
    {
      name: 'number too large',
      text: 'version: 1\npolicy: { tiers: { 1: { approvals: 11 } } }\n',
      errors: ['tollgate.yaml:2:36: policy.tiers.1.approvals: must be at most 10, got `11`'],
    },
  ];
  for (const { name, text, errors } of cases) {
    it(name, () => expect(errorsOf(text)).toEqual(errors));
  }
});

describe('parseCatalog: globs and regexes', () => {
  const system = (glob: string): string => `version: 1\nsystems:\n  - id: a\n    tier: 1\n    paths: [${JSON.stringify(glob)}]\n`;
  const cases: [string, string][] = [
    ['/services/**', 'tollgate.yaml:5:13: systems[0].paths[0]: `/services/**`: globs are relative to the repository root; drop the leading `/`'],
    ['services/[abc', 'tollgate.yaml:5:13: systems[0].paths[0]: `services/[abc`: unclosed `[`'],
    ['services/{a,b', 'tollgate.yaml:5:13: systems[0].paths[0]: `services/{a,b`: unclosed `{`'],
    ['services/a}', 'tollgate.yaml:5:13: systems[0].paths[0]: `services/a}`: unbalanced `}`'],
    ['services\\', 'tollgate.yaml:5:13: systems[0].paths[0]: `services\\` can never match anything'],
    ['!services/**', 'tollgate.yaml:5:13: systems[0].paths[0]: `!services/**`: negated globs are not supported; list the paths that belong instead'],
    ['   ', 'tollgate.yaml:5:13: systems[0].paths[0]: empty glob'],
  ];
  for (const [glob, error] of cases) {
    it(`rejects the glob ${glob}`, () => expect(errorsOf(system(glob))).toEqual([error]));
  }
  for (const glob of ['services/**', 'services/[abc]/*.ts', 'app/(marketing)/**', '**/*.{ts,tsx}', 'docs/[]]x', '*.md']) {
    it(`accepts the glob ${glob}`, () => expect(errorsOf(system(glob))).toEqual(['ok']));
  }

  const rule = (added: string): string => `version: 1\nrules:\n  custom:\n    - { id: r, severity: high, message: m, added: ${JSON.stringify(added)} }\n`;
  it.each([
    ['(a)\\1', 'uses a backreference, which linear-time (RE2) regex syntax does not allow'],
    ['foo(?=bar)', 'uses lookaround, which linear-time (RE2) regex syntax does not allow'],
    ['(?<!x)y', 'uses lookaround, which linear-time (RE2) regex syntax does not allow'],
    ['[a-', 'is not a valid linear-time (RE2) regex: missing closing ]: `[a-`'],
    ['a**', 'is not a valid linear-time (RE2) regex: invalid nested repetition operator: `**`'],
  ])('rejects the regex %s', (added, message) => {
    expect(errorsOf(rule(added))).toEqual([`tollgate.yaml:4:51: rules.custom[0].added: \`${added}\` ${message}`]);
  });
  it('checks globs in every place that holds them', () => {
    const text = [
      'version: 1',
      'systems: [{ id: a, tier: 1, paths: ["a/**"], critical: ["/a/x"] }]',
      'rules: { custom: [{ id: r, paths: ["[x"], added: y, severity: low, message: m }] }',
      'guardrails: { paths: ["/ci/**"] }',
      'environments: [{ name: prod, stackPatterns: ["{a"] }]',
      'ai: { emails: ["[bot"] }',
    ].join('\n');
    expect(errorsOf(text).map((e) => e.split(': ')[1])).toEqual([
      'systems[0].critical[0]',
      'rules.custom[0].paths[0]',
      'guardrails.paths[0]',
      'environments[0].stackPatterns[0]',
      'ai.emails[0]',
    ]);
  });
});

describe('parseCatalog: collects every error', () => {
  it('reports all problems of the many-errors fixture in file order', () => {
    expect(errorsOf(fixture('many-errors.yaml'))).toEqual([
      'tollgate.yaml:3:19: defaults.tier: expected 1, 2 or 3, got `0`',
      'tollgate.yaml:6:11: people[1].id: duplicate person id `carol` (first used at people[0].id)',
      'tollgate.yaml:6:27: people[1].emails[0]: duplicate email `Carol@example.com` (first used at people[0].emails[0])',
      'tollgate.yaml:9:25: teams.checkout-eng[1]: unknown person `dave`',
      'tollgate.yaml:13:28: systems[0].owners[1]: unknown team or person `nobody`',
      'tollgate.yaml:14:15: systems[0].director: `claude` is an ai identity (`ai: true`) and can never sign off',
      'tollgate.yaml:15:37: systems[0].paths[1]: `/services/pricing/**`: globs are relative to the repository root; drop the leading `/`',
      'tollgate.yaml:15:61: systems[0].paths[2]: `services/{a,b`: unclosed `{`',
      'tollgate.yaml:17:11: systems[1].tier: expected 1, 2 or 3, got `2`',
      'tollgate.yaml:18:12: systems[1].paths: needs at least 1 entry',
      'tollgate.yaml:20:5: systems[2].teir: unknown key `teir`; did you mean `tier`?',
      'tollgate.yaml:25:29: rules.custom[0].added: `(a)\\1` uses a backreference, which linear-time (RE2) regex syntax does not allow',
      'tollgate.yaml:27:47: rules.custom[2].severity: expected `info`, `low`, `medium`, `high` or `critical`, got `hihg`; did you mean `high`?',
    ]);
  });

  it('checks references of valid systems even when another system is invalid', () => {
    const text = [
      'version: 1',
      'people: [{ id: carol }, { id: claude, ai: true }]',
      'systems:',
      '  - { id: a, tier: 9, paths: ["a/**"] }',
      '  - { id: b, tier: 1, paths: ["b/**"], owners: [nobody], director: claude }',
      '  - { id: b, tier: 1, paths: ["c/**"] }',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      'tollgate.yaml:4:20: systems[0].tier: expected 1, 2 or 3, got `9`',
      'tollgate.yaml:5:49: systems[1].owners[0]: unknown team or person `nobody`',
      'tollgate.yaml:5:68: systems[1].director: `claude` is an ai identity (`ai: true`) and can never sign off',
      'tollgate.yaml:6:11: systems[2].id: duplicate system id `b` (first used at systems[1].id)',
    ]);
  });

  it('does not cascade unknown-person errors when the people section is itself invalid', () => {
    expect(errorsOf('version: 1\npeople: [{ id: carol, emial: x }]\nteams: { t: [carol] }\n')).toEqual([
      'tollgate.yaml:2:23: people[0].emial: unknown key `emial`; did you mean `emails`?',
    ]);
  });

  it('names the file it was given', () => {
    const result = parseCatalog('version: 3\n', 'origin/main:tollgate.yaml');
    expect(result.errors?.[0]?.file).toBe('origin/main:tollgate.yaml');
    expect(formatCatalogError(result.errors![0]!)).toMatch(/^origin\/main:tollgate\.yaml:1:10: version: /);
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const lines = ['version: 1', 'x0: &a0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i < 10; i++) lines.push(`x${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const errors = errorsOf(lines.join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^tollgate\.yaml: invalid yaml: excessive alias count/);
  });
});
