import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../core/catalog/parse-catalog.js';

// Runs the built CLI (test/global-setup.ts builds dist/ before the tests) as a real process.
const BIN = fileURLToPath(new URL('../../../bin/tollgate.cjs', import.meta.url));
let dir: string;

function tollgate(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function makeRepo(name: string, files: Record<string, string>): string {
  const repo = join(dir, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  execFileSync('git', ['init', '-q'], { cwd: repo });
  return repo;
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'tollgate-init-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tollgate init', () => {
  it('writes a starter catalog at the repository root that loads, with owners from .github/CODEOWNERS', () => {
    const repo = makeRepo('monorepo', {
      'services/checkout/pricing/price.ts': 'export {};\n',
      'services/search/main.go': 'package main\n',
      'web/index.html': '<p>hi</p>\n',
      'generated/out.js': '//\n',
      '.gitignore': 'generated/\n',
      '.github/CODEOWNERS': '* @acme/platform\n/services/checkout/ @acme/checkout-eng @carol # pricing\n/services/search/ search@example.com\n',
      'CODEOWNERS': '* @someone-else\n',
    });
    mkdirSync(join(repo, 'web', 'deep'), { recursive: true });
    const run = tollgate(join(repo, 'web', 'deep'), 'init');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'wrote ../../tollgate.yaml: 3 systems, 2 teams, 2 people (owners from .github/CODEOWNERS)\n' +
        'every system starts at tier 3: raise the tiers of the systems that matter, add team members, then commit the file\n',
    );
    const text = readFileSync(join(repo, 'tollgate.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/tollgate/schema/tollgate.schema.json');
    const catalog = parseCatalog(text, 'tollgate.yaml').catalog!;
    expect(catalog.systems.map((s) => [s.id, s.tier, s.owners, s.paths])).toEqual([
      ['checkout', 3, ['checkout-eng', 'carol'], ['services/checkout/**']],
      ['search', 3, ['search'], ['services/search/**']],
      ['web', 3, ['platform'], ['web/**']],
    ]);
    expect(Object.keys(catalog.teams)).toEqual(['checkout-eng', 'platform']);
    expect(catalog.guardrails.owners).toEqual(['platform']);
  });

  it('refuses to overwrite an existing catalog, and overwrites it with --force', () => {
    const repo = makeRepo('existing', { 'api/main.go': 'package main\n', 'tollgate.yaml': 'version: 1\n# mine\n' });
    const refused = tollgate(repo, 'init');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('tollgate: `tollgate.yaml` already exists; run `tollgate init --force` to overwrite it\n');
    expect(readFileSync(join(repo, 'tollgate.yaml'), 'utf8')).toBe('version: 1\n# mine\n');

    const forced = tollgate(repo, 'init', '--force');
    expect(forced.code).toBe(0);
    expect(parseCatalog(readFileSync(join(repo, 'tollgate.yaml'), 'utf8'), 'tollgate.yaml').catalog?.systems.map((s) => s.id)).toEqual(['api']);
  });

  it('writes to --output, with the schema hint relative to that file', () => {
    const repo = makeRepo('output', { 'api/main.go': 'package main\n' });
    mkdirSync(join(repo, 'config'));
    const run = tollgate(repo, 'init', '--output', 'config/catalog.yaml');
    expect(run.code).toBe(0);
    expect(existsSync(join(repo, 'tollgate.yaml'))).toBe(false);
    const text = readFileSync(join(repo, 'config', 'catalog.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/tollgate/schema/tollgate.schema.json');
    expect(tollgate(repo, 'init', '--output', 'config/catalog.yaml').code).toBe(2);
  });

  it('exits 2 outside a git repository and for an output folder that does not exist', () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    const outside = tollgate(plain, 'init');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`tollgate: not a git repository: \`${plain}\`; run \`tollgate init\` inside one\n`);
    expect(existsSync(join(plain, 'tollgate.yaml'))).toBe(false);

    const repo = makeRepo('no-folder', { 'a/b.txt': 'x\n' });
    const missing = tollgate(repo, 'init', '--output', 'nope/catalog.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('tollgate: cannot write `nope/catalog.yaml`: no such folder\n');
  });

  it('is listed in --help', () => {
    const help = tollgate(dir, 'init', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--force');
    expect(help.stdout).toContain('--output <file>');
  });
});
