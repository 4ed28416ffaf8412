import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCatalogError } from '../core/catalog/parse-catalog.js';
import { CatalogReadError, findRepoCatalogPath, readCatalogAtRevision, readCatalogFile } from './read-catalog.js';

const VALID = 'version: 1\nsystems:\n  - { id: checkout, tier: 1, paths: ["services/checkout/**"] }\n';
let dir: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}
function commitFile(repo: string, path: string, content: string | Buffer, message: string): string {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), content);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'tollgate-read-catalog-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCatalogFile', () => {
  it('parses a valid file', async () => {
    const path = join(dir, 'valid.yaml');
    writeFileSync(path, VALID);
    const result = await readCatalogFile(path);
    expect(result.catalog?.systems[0]?.id).toBe('checkout');
  });

  it('reports errors with the path as given', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'version: 1\nsystems: [{ id: a, tier: 5, paths: ["a/**"] }]\n');
    const result = await readCatalogFile(path);
    expect(result.errors?.map(formatCatalogError)).toEqual([`${path}:2:26: systems[0].tier: expected 1, 2 or 3, got \`5\``]);
  });

  it.each([
    ['a missing file', (): string => join(dir, 'missing.yaml'), 'no such file'],
    ['a folder', (): string => dir, 'is a folder, not a file'],
    [
      'a file that is not utf-8',
      (): string => {
        const path = join(dir, 'latin1.yaml');
        writeFileSync(path, Buffer.from([0x76, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0xff, 0x0a]));
        return path;
      },
      'is not valid utf-8 text',
    ],
  ])('reports %s as a catalog error', async (_name, makePath, message) => {
    const path = makePath();
    expect((await readCatalogFile(path)).errors).toEqual([{ file: path, path: '', message }]);
  });
});

describe('readCatalogAtRevision', () => {
  let repo: string;
  let withoutCatalog: string;
  let withCatalog: string;
  let withBadCatalog: string;

  beforeAll(() => {
    repo = join(dir, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    withoutCatalog = commitFile(repo, 'README.md', '# demo\n', 'initial');
    withCatalog = commitFile(repo, 'tollgate.yaml', VALID, 'add catalog');
    withBadCatalog = commitFile(repo, 'tollgate.yaml', 'version: 1\nsytems: []\n', 'break catalog');
    // The working tree differs from every commit: the revision, not the file on disk, is read.
    writeFileSync(join(repo, 'tollgate.yaml'), 'version: 99\n');
  });

  it('reads the catalog as committed at the revision, not the working tree', async () => {
    const result = await readCatalogAtRevision(repo, withCatalog);
    expect(result?.catalog?.systems.map((s) => s.id)).toEqual(['checkout']);
  });

  it('accepts branch names and relative revisions', async () => {
    expect((await readCatalogAtRevision(repo, 'HEAD~1'))?.catalog?.systems).toHaveLength(1);
    expect((await readCatalogAtRevision(repo, 'main'))?.errors?.map(formatCatalogError)).toEqual([
      'main:tollgate.yaml:2:1: sytems: unknown key `sytems`; did you mean `systems`?',
    ]);
  });

  it('names the revision in errors', async () => {
    const result = await readCatalogAtRevision(repo, withBadCatalog);
    expect(result?.errors?.[0]?.file).toBe(`${withBadCatalog}:tollgate.yaml`);
  });

  it('resolves undefined when the revision has no catalog', async () => {
    expect(await readCatalogAtRevision(repo, withoutCatalog)).toBeUndefined();
  });

  it('works from a subfolder of the repository', async () => {
    mkdirSync(join(repo, 'sub'), { recursive: true });
    expect((await readCatalogAtRevision(join(repo, 'sub'), withCatalog))?.catalog).toBeDefined();
  });

  it('rejects an unknown revision', async () => {
    await expect(readCatalogAtRevision(repo, 'no-such-branch')).rejects.toThrow(new CatalogReadError('unknown revision `no-such-branch`'));
    await expect(readCatalogAtRevision(repo, '--output=/tmp/x')).rejects.toBeInstanceOf(CatalogReadError);
  });

  it('rejects a folder that is not a git repository', async () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    await expect(readCatalogAtRevision(plain, 'HEAD')).rejects.toThrow(`not a git repository: \`${plain}\``);
  });

  it('refuses an oversized catalog instead of parsing it', async () => {
    const big = join(dir, 'big-repo');
    mkdirSync(big);
    git(big, 'init', '-q', '-b', 'main');
    const rev = commitFile(big, 'tollgate.yaml', `version: 1\n#${'x'.repeat(9 * 1024 * 1024)}\n`, 'huge');
    expect((await readCatalogAtRevision(big, rev))?.errors?.map(formatCatalogError)).toEqual([`${rev}:tollgate.yaml: is larger than 8 MB`]);
  });

  it('reports a catalog named tollgate.yml instead of ignoring it', async () => {
    const other = join(dir, 'yml-repo');
    mkdirSync(other);
    git(other, 'init', '-q', '-b', 'main');
    const rev = commitFile(other, 'tollgate.yml', VALID, 'misnamed');
    expect((await readCatalogAtRevision(other, rev))?.errors?.map(formatCatalogError)).toEqual([
      `${rev}:tollgate.yml: tollgate reads \`tollgate.yaml\`; rename the file`,
    ]);
  });
});

describe('findRepoCatalogPath', () => {
  it('finds tollgate.yaml at the repository root from a subfolder', async () => {
    const repo = join(dir, 'find');
    mkdirSync(join(repo, 'a', 'b'), { recursive: true });
    git(repo, 'init', '-q');
    expect(await findRepoCatalogPath(join(repo, 'a', 'b'))).toBeUndefined();
    writeFileSync(join(repo, 'tollgate.yaml'), VALID);
    expect(await findRepoCatalogPath(join(repo, 'a', 'b'))).toBe(join(repo, 'tollgate.yaml'));
  });

  it('looks in the folder itself outside a repository', async () => {
    const plain = join(dir, 'plain-find');
    mkdirSync(plain);
    writeFileSync(join(plain, 'tollgate.yaml'), VALID);
    expect(await findRepoCatalogPath(plain)).toBe(join(plain, 'tollgate.yaml'));
  });
});
