import { describe, expect, it } from 'vitest';
import { assembleStarterCatalog, type StarterCatalogInput } from './assemble-starter-catalog.js';
import { buildSystemIndex } from './system-index.js';
import { formatCatalogError, parseCatalog } from './parse-catalog.js';

const HINT = './node_modules/tollgate/schema/tollgate.schema.json';
const starter = (files: string[], codeowners: StarterCatalogInput['codeowners'] = []) => assembleStarterCatalog({ files, codeowners, schemaHint: HINT });

/** The starter's text must always load; returns the parsed catalog. */
function load(text: string) {
  const result = parseCatalog(text, 'tollgate.yaml');
  expect(result.errors?.map(formatCatalogError)).toBeUndefined();
  return result.catalog!;
}

describe('assembleStarterCatalog: systems', () => {
  it.each([
    ['a monorepo: one system per service folder', ['services/checkout/a.ts', 'services/search/b.go', 'services/README.md'], [['checkout', 'services/checkout/**'], ['search', 'services/search/**']]],
    ['top-level folders', ['api/main.go', 'web/index.html', 'README.md'], [['api', 'api/**'], ['web', 'web/**']]],
    ['apps and packages, clashing names prefixed', ['apps/web/a.ts', 'packages/web/b.ts', 'packages/ui/c.ts'], [['apps-web', 'apps/web/**'], ['ui', 'packages/ui/**'], ['packages-web', 'packages/web/**']]],
    ['a container without subfolders is one system', ['packages/index.ts'], [['packages', 'packages/**']]],
    ['hidden, vendored and build folders are skipped', ['.github/workflows/ci.yml', 'node_modules/x/i.js', 'vendor/y.go', 'dist/a.js', 'src/a.ts'], [['src', 'src/**']]],
    ['folder names are escaped in globs and made into valid ids', ['_internal tools/a.py', 'app(v2)/b.ts'], [['internal-tools', '_internal tools/**'], ['app-v2', 'app\\(v2\\)/**']]],
    ['no folders: no systems', ['README.md'], []],
  ])('%s', (_name, files, expected) => {
    const result = starter(files);
    expect(result.systems.map((s) => [s.id, s.paths[0]])).toEqual(expected);
    const catalog = load(result.text);
    expect(catalog.systems.map((s) => [s.id, s.tier])).toEqual(expected.map(([id]) => [id, 3]));
  });

  it('escaped globs claim exactly their folder', () => {
    const catalog = load(starter(['app(v2)/b.ts', 'appv2/c.ts', '[id]/page.tsx']).text);
    const index = buildSystemIndex(catalog);
    expect(index.match('app(v2)/b.ts').map((m) => m.system.id)).toEqual(['app-v2']);
    expect(index.match('appv2/c.ts').map((m) => m.system.id)).toEqual(['appv2']);
    expect(index.match('[id]/page.tsx').map((m) => m.system.id)).toEqual(['id']);
  });
});

describe('assembleStarterCatalog: owners from CODEOWNERS', () => {
  const files = ['services/checkout/a.ts', 'services/checkout/b.ts', 'services/checkout/c.js', 'services/search/main.go', 'docs/index.md', 'CODEOWNERS'];

  it('imports teams, people and emails, with the owners most files of a system have', () => {
    const codeowners = [
      {
        path: 'CODEOWNERS',
        text: '* @acme/platform\n/services/checkout/ @acme/checkout-eng @Carol\n*.js @web-team-lead\n/services/search/ search-oncall@example.com\n/docs/\n',
      },
    ];
    const result = starter(files, codeowners);
    expect(result.codeownersPath).toBe('CODEOWNERS');
    expect(result.systems.map((s) => [s.id, s.owners])).toEqual([
      ['docs', []],
      ['checkout', ['checkout-eng', 'carol']],
      ['search', ['search-oncall']],
    ]);
    expect(result.teams).toEqual([
      { id: 'checkout-eng', handle: '@acme/checkout-eng' },
      { id: 'platform', handle: '@acme/platform' },
    ]);
    expect(result.people).toEqual([
      { id: 'carol', github: 'Carol' },
      { id: 'search-oncall', email: 'search-oncall@example.com' },
    ]);
    expect(result.guardrailOwners).toEqual(['platform']);
    const catalog = load(result.text);
    expect(catalog.teams).toEqual({ 'checkout-eng': [], platform: [] });
    expect(catalog.people.map((p) => [p.id, p.github, p.emails])).toEqual([
      ['carol', 'Carol', []],
      ['search-oncall', undefined, ['search-oncall@example.com']],
    ]);
    expect(catalog.guardrails.owners).toEqual(['platform']);
  });

  it('uses GitHub precedence: .github/CODEOWNERS, then CODEOWNERS, then docs/CODEOWNERS', () => {
    const files2 = ['api/a.ts'];
    const only = (path: string, team: string) => ({ path, text: `* @acme/${team}\n` });
    const pick = (...found: { path: string; text: string }[]) => starter(files2, found).systems[0]!.owners;
    expect(pick(only('docs/CODEOWNERS', 'c'), only('CODEOWNERS', 'b'), only('.github/CODEOWNERS', 'a'))).toEqual(['a']);
    expect(pick(only('docs/CODEOWNERS', 'c'), only('CODEOWNERS', 'b'))).toEqual(['b']);
    expect(pick(only('docs/CODEOWNERS', 'c'))).toEqual(['c']);
    expect(pick(only('src/CODEOWNERS', 'x'))).toEqual([]);
  });

  it('gives guardrails to the owners of the CODEOWNERS file itself', () => {
    const result = starter(['api/a.ts'], [{ path: '.github/CODEOWNERS', text: '* @acme/dev\n/.github/ @acme/security\n' }]);
    expect(result.guardrailOwners).toEqual(['security']);
  });

  it('keeps ids unique when names collide', () => {
    const text = '/a/ @one/ops @two/ops\n/b/ @Ops ops@example.com\n';
    const result = starter(['a/x', 'b/y'], [{ path: 'CODEOWNERS', text }]);
    expect(result.teams.map((t) => t.id)).toEqual(['ops', 'two-ops']);
    expect(result.people.map((p) => p.id)).toEqual(['ops', 'ops-2']);
    expect(result.systems.map((s) => s.owners)).toEqual([['ops', 'two-ops'], ['ops', 'ops-2']]);
    load(result.text);
  });

  it('ignores owner names that are neither handles, teams nor emails', () => {
    const result = starter(['a/x'], [{ path: 'CODEOWNERS', text: '* not-an-owner @@weird @acme/team\n' }]);
    expect(result.systems[0]!.owners).toEqual(['team']);
    load(result.text);
  });
});

describe('assembleStarterCatalog: text', () => {
  const text = starter(['services/checkout/a.ts']).text;
  it('starts with the schema hint and version 1', () => {
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${HINT}`);
    expect(text).toMatch(/^version: 1$/m);
  });
  it('tells the user to raise tiers, and carries a commented policy block', () => {
    expect(text).toContain('RAISE THE TIERS');
    expect(text).toMatch(/^# policy:$/m);
    expect(text).toMatch(/^#\s+1: \{ approvals: 2, ownerApprovals: 1/m);
  });
  it('loads as an (almost) empty catalog when the repository has nothing', () => {
    const catalog = load(starter([]).text);
    expect(catalog.systems).toEqual([]);
    expect(catalog.people).toEqual([]);
  });
  it('has a policy block that loads when uncommented', () => {
    const uncommented = text.replace(/^# policy:\n#   tiers:\n((?:#     .*\n)+)/m, (_m, tiers: string) => `policy:\n  tiers:\n${tiers.replace(/^# {3}/gm, '  ')}`);
    expect(uncommented).toMatch(/^policy:$/m);
    expect(load(uncommented).policy.tiers?.[3]?.aiAuthoredApprovals).toBe(1);
  });
});
