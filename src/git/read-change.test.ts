import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { UsageError } from '../cli/cli-error.js';
import type { ChangedFile } from '../core/change.js';
import { computeChangeDigest } from '../core/digest.js';
import { readChange } from './read-change.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function newRepo(defaultBranch?: string): GitRepo {
  const repo = createGitRepo(defaultBranch ? { defaultBranch } : {});
  cleanups.push(() => repo.cleanup());
  return repo;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-read-change-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Patch ids as git computes them for the range, independently of readChange. */
function gitPatchIds(repo: GitRepo, range: string): Map<string, string> {
  const log = execFileSync('git', ['log', '-p', '--find-renames', '--find-copies', '--full-index', range], { cwd: repo.dir });
  const out = execFileSync('git', ['patch-id', '--stable'], { cwd: repo.dir, input: log, encoding: 'utf8' });
  return new Map(out.trim().split('\n').filter(Boolean).map((line) => [line.split(' ')[1]!, line.split(' ')[0]!]));
}

describe('readChange: range', () => {
  const repo = newRepo();
  repo.writeAll({ 'app.ts': 'export const a = 1;\n', 'big.ts': Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('') }).commit('base');
  const base = repo.sha();
  repo.branch('feature');
  const first = repo.write('app.ts', 'export const a = 2;\n').commit({
    message: 'feat: bump a\n\nBecause.',
    author: { name: 'Claude', email: 'noreply@anthropic.com' },
    committer: { name: 'Carol', email: 'carol@example.com' },
    trailers: [
      ['Co-authored-by', 'Carol <carol@example.com>'],
      ['Signed-off-by', 'Carol <carol@example.com>'],
    ],
  });
  const second = repo.write('big.ts', 'line 0\n').remove('app.ts').write('new.ts', 'export {};\n').commit('trim big, drop app');
  repo.checkout('main').write('upstream.txt', 'moved on\n').commit('upstream after branching');
  repo.checkout('feature');

  it('defaults to the merge base with the default branch, so upstream commits are not part of the change', async () => {
    const change = await readChange({ repoDir: repo.dir });
    expect(change).toMatchObject({ source: 'range', base, head: second, branch: 'feature' });
    expect(change.files.map((f) => [f.path, f.status])).toEqual([
      ['app.ts', 'deleted'],
      ['big.ts', 'modified'],
      ['new.ts', 'added'],
    ]);
    expect(change.stats).toEqual({ files: 3, additions: 1, deletions: 40 });
    expect(change.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads commits oldest first with authors, committers, messages and trailers', async () => {
    const change = await readChange({ repoDir: repo.dir, base: 'main' });
    expect(change.commits.map((c) => c.sha)).toEqual([first, second]);
    expect(change.commits[0]).toMatchObject({
      author: { name: 'Claude', email: 'noreply@anthropic.com' },
      committer: { name: 'Carol', email: 'carol@example.com' },
      authoredAt: '2026-01-05T09:01:00+00:00',
      subject: 'feat: bump a',
      trailers: [
        { key: 'Co-authored-by', value: 'Carol <carol@example.com>' },
        { key: 'Signed-off-by', value: 'Carol <carol@example.com>' },
      ],
    });
    expect(change.commits[0]!.message).toContain('Because.');
  });

  it('gives each commit the patch id `git patch-id --stable` gives it, for one commit and for several', async () => {
    const ids = gitPatchIds(repo, 'main..feature');
    const many = await readChange({ repoDir: repo.dir, base: 'main' });
    expect(many.commits.map((c) => c.patchId)).toEqual([ids.get(first), ids.get(second)]);
    const one = await readChange({ repoDir: repo.dir, base: first, head: 'feature' });
    expect(one.commits.map((c) => c.patchId)).toEqual([ids.get(second)]);
  });

  it('skips patch ids when asked, and reports the merge base before reading the diff', async () => {
    const bases: string[] = [];
    const change = await readChange({ repoDir: repo.dir, base: 'main', commitPatchIds: false, onBase: (base) => bases.push(base) });
    expect(change.commits).toHaveLength(2);
    expect(change.commits.every((c) => c.patchId === undefined)).toBe(true);
    expect(bases).toEqual([change.base]);
    expect(change.base).toBe(repo.git('merge-base', 'main', 'feature').trim());
  });

  it('knows how long deleted and heavily trimmed files were at base', async () => {
    const change = await readChange({ repoDir: repo.dir, base: 'main' });
    const byPath = new Map(change.files.map((f) => [f.path, f]));
    expect(byPath.get('app.ts')!.baseLineCount).toBe(1);
    expect(byPath.get('big.ts')).toMatchObject({ deletions: 39, baseLineCount: 40 });
    expect(byPath.get('new.ts')!.baseLineCount).toBeUndefined();
  });

  it('names the branch of a branch head, and none for a sha', async () => {
    expect((await readChange({ repoDir: repo.dir, base: 'main', head: 'feature' })).branch).toBe('feature');
    expect((await readChange({ repoDir: repo.dir, base: 'main', head: second })).branch).toBeUndefined();
  });

  it('includes merge commits, without a patch id', async () => {
    const merged = newRepo();
    merged.write('a.txt', 'a\n').commit('base');
    merged.branch('side').write('b.txt', 'b\n').commit('side');
    merged.checkout('main').branch('topic').write('c.txt', 'c\n').commit('topic');
    merged.git('merge', '-q', '--no-edit', '--no-ff', 'side');
    const change = await readChange({ repoDir: merged.dir, base: 'main' });
    expect(change.commits).toHaveLength(3);
    expect(change.commits.filter((c) => c.patchId === undefined).map((c) => c.subject)).toEqual(["Merge branch 'side' into topic"]);
  });
});

describe('readChange: default branch', () => {
  it('prefers origin/HEAD over a local main', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n').commit('one');
    const remoteTip = repo.write('a.txt', 'b\n').commit('two');
    repo.write('a.txt', 'c\n').commit('three');
    repo.git('update-ref', 'refs/remotes/origin/trunk', remoteTip);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    const change = await readChange({ repoDir: repo.dir });
    expect(change.base).toBe(remoteTip);
    expect(change.commits.map((c) => c.subject)).toEqual(['three']);
  });

  it('is a usage error when there is no default branch to compare with', async () => {
    const repo = newRepo('trunk');
    repo.write('a.txt', 'a\n').commit('one');
    await expect(readChange({ repoDir: repo.dir })).rejects.toThrow(/cannot find the default branch of `.*`.*pass --base/);
  });
});

describe('readChange: bad input is a usage error naming it', () => {
  const repo = newRepo();
  repo.write('a.txt', 'a\n').commit('one');
  const other = newRepo();
  other.write('b.txt', 'b\n').commit('unrelated');
  repo.git('fetch', '-q', other.dir, 'main:unrelated');
  const plain = tempDir();

  it.each([
    ['a folder that is not a repository', { repoDir: plain }, `\`${plain}\` is not a git repository`],
    ['a folder that does not exist', { repoDir: join(plain, 'nope') }, `folder \`${join(plain, 'nope')}\` does not exist`],
    ['an unknown base revision', { repoDir: repo.dir, base: 'foo' }, `unknown base revision \`foo\` in \`${repo.dir}\``],
    ['an unknown head revision', { repoDir: repo.dir, base: 'main', head: 'nope~3' }, 'unknown head revision `nope~3`'],
    ['an option-like revision', { repoDir: repo.dir, base: '--output=/tmp/x' }, 'unknown base revision `--output=/tmp/x`'],
    ['unrelated histories', { repoDir: repo.dir, base: 'unrelated' }, '`unrelated` and `HEAD` have no common ancestor'],
    ['two sources at once', { repoDir: repo.dir, staged: true, base: 'main' }, 'choose one change source'],
    ['a missing patch file', { repoDir: repo.dir, patch: join(plain, 'none.patch') }, `cannot read patch \`${join(plain, 'none.patch')}\`: no such file`],
  ])('%s', async (_name, options, message) => {
    const error = await readChange(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it('reports a repository without commits', async () => {
    const empty = newRepo();
    await expect(readChange({ repoDir: empty.dir, base: 'HEAD' })).rejects.toThrow(/has no commits yet/);
  });
});

describe('readChange: artifacts', () => {
  const plan = (action: string): string => JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_db_instance.orders', change: { actions: [action] } }] });
  const repo = newRepo();
  repo
    .writeAll({
      'infra/main.tf': 'resource "x" "y" {\n  lifecycle { prevent_destroy = true }\n}\n',
      'infra/db.tf.json': '{"resource":{"aws_db_instance":{"orders":{}}}}\n',
      'db/old.sql': 'DROP TABLE legacy;\n',
      'infra/prod.plan.json': plan('no-op'),
    })
    .commit('base');
  repo.branch('feature');
  repo
    .write('infra/main.tf', 'resource "x" "y" {}\n')
    .remove('db/old.sql')
    .remove('infra/db.tf.json')
    .write('db/002_orders.sql', 'ALTER TABLE orders DROP COLUMN note;\n')
    .write('infra/prod.plan.json', plan('delete'))
    .write('tfplan.json', 'x'.repeat(4096))
    .write('db/latin1.sql', Buffer.from('-- caf\xe9\n', 'latin1'))
    .write('README.md', 'not an artifact\n')
    .commit('infra');

  it('loads head and base content of Terraform, SQL and plan files, and marks what it cannot load', async () => {
    const change = await readChange({ repoDir: repo.dir, base: 'main', maxArtifactBytes: 1024 });
    const byPath = new Map(change.artifacts.map((a) => [a.path, a]));
    expect([...byPath.keys()].sort()).toEqual(['db/002_orders.sql', 'db/latin1.sql', 'db/old.sql', 'infra/db.tf.json', 'infra/main.tf', 'infra/prod.plan.json', 'tfplan.json']);
    expect(byPath.get('infra/db.tf.json')).toEqual({ kind: 'terraform-hcl', path: 'infra/db.tf.json', baseContent: '{"resource":{"aws_db_instance":{"orders":{}}}}\n' });
    expect(byPath.get('infra/main.tf')).toEqual({
      kind: 'terraform-hcl',
      path: 'infra/main.tf',
      content: 'resource "x" "y" {}\n',
      baseContent: 'resource "x" "y" {\n  lifecycle { prevent_destroy = true }\n}\n',
    });
    expect(byPath.get('db/old.sql')).toEqual({ kind: 'sql', path: 'db/old.sql', baseContent: 'DROP TABLE legacy;\n' });
    expect(byPath.get('db/002_orders.sql')).toEqual({ kind: 'sql', path: 'db/002_orders.sql', content: 'ALTER TABLE orders DROP COLUMN note;\n' });
    expect(byPath.get('infra/prod.plan.json')).toMatchObject({ kind: 'terraform-plan', content: plan('delete'), baseContent: plan('no-op') });
    expect(byPath.get('tfplan.json')).toEqual({ kind: 'terraform-plan', path: 'tfplan.json', unreadable: 'too-large' });
    expect(byPath.get('db/latin1.sql')).toEqual({ kind: 'sql', path: 'db/latin1.sql', unreadable: 'not-utf8' });
  });
});

describe('readChange: staged and work tree', () => {
  const repo = newRepo();
  repo.writeAll({ 'a.txt': 'a\n', 'schema.sql': 'CREATE TABLE t (id int);\n', '.gitignore': 'ignored.txt\n' }).commit('base');
  const head = repo.sha();
  repo.write('schema.sql', 'DROP TABLE t;\n');
  repo.git('add', 'schema.sql');
  repo.write('schema.sql', 'DROP TABLE t; -- and more\n');
  repo.write('a.txt', 'a\nunstaged\n');
  repo.write('new.sql', 'TRUNCATE t;\n').write('ignored.txt', 'secret\n').write('blob.bin', Buffer.from([1, 0, 2]));

  it('--staged reads the index against HEAD, with index content for artifacts', async () => {
    const change = await readChange({ repoDir: repo.dir, staged: true });
    expect(change).toMatchObject({ source: 'staged', base: head, head: 'STAGED', branch: 'main', commits: [] });
    expect(change.files.map((f) => f.path)).toEqual(['schema.sql']);
    expect(change.artifacts).toEqual([{ kind: 'sql', path: 'schema.sql', content: 'DROP TABLE t;\n', baseContent: 'CREATE TABLE t (id int);\n' }]);
  });

  it('--worktree reads everything uncommitted, untracked files included, ignored ones not', async () => {
    const change = await readChange({ repoDir: repo.dir, worktree: true });
    expect(change).toMatchObject({ source: 'worktree', base: head, head: 'WORKTREE' });
    expect(change.files.map((f) => [f.path, f.status, f.additions])).toEqual([
      ['a.txt', 'modified', 1],
      ['blob.bin', 'added', 0],
      ['new.sql', 'added', 1],
      ['schema.sql', 'modified', 1],
    ]);
    expect(change.files.find((f) => f.path === 'blob.bin')).toMatchObject({ binary: true, unreadable: 'binary', newBlob: repo.gitWithInput(Buffer.from([1, 0, 2]), 'hash-object', '--stdin').trim() });
    expect(change.files.find((f) => f.path === 'new.sql')!.hunks[0]!.added).toEqual([{ line: 1, text: 'TRUNCATE t;' }]);
    const artifacts = new Map(change.artifacts.map((a) => [a.path, a]));
    expect(artifacts.get('schema.sql')!.content).toBe('DROP TABLE t; -- and more\n');
    expect(artifacts.get('new.sql')!.content).toBe('TRUNCATE t;\n');
  });

  it('hands tracked files over as they are read, and digests every file', async () => {
    for (const source of [{ staged: true }, { worktree: true }]) {
      const seen: ChangedFile[] = [];
      const change = await readChange({ repoDir: repo.dir, ...source, onFile: (file) => seen.push(file) });
      expect(change.digest).toBe(computeChangeDigest(change.files));
      // Untracked files are not part of git's diff: only tracked ones are handed over early.
      expect(seen.map((file) => file.path)).toEqual(source.staged ? ['schema.sql'] : ['a.txt', 'schema.sql']);
    }
  });

  it('--worktree digest follows the content of untracked files', async () => {
    const before = (await readChange({ repoDir: repo.dir, worktree: true })).digest;
    repo.write('new.sql', 'TRUNCATE u;\n');
    const after = (await readChange({ repoDir: repo.dir, worktree: true })).digest;
    repo.write('new.sql', 'TRUNCATE t;\n');
    expect(after).not.toBe(before);
  });
});

describe('readChange: patch files', () => {
  const repo = newRepo();
  repo.write('db/a.sql', 'SELECT 1;\n').commit('base');
  repo.write('db/a.sql', 'SELECT 2;\n').write('db/b.sql', 'DROP TABLE b;\n').commit({ message: 'drop b', author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' } });
  const dir = tempDir();
  const mbox = join(dir, 'series.patch');
  writeFileSync(mbox, execFileSync('git', ['format-patch', '--stdout', 'HEAD~1'], { cwd: repo.dir }));

  it('reads files, commits and artifacts; only added files have full content', async () => {
    const change = await readChange({ repoDir: dir, patch: mbox });
    expect(change).toMatchObject({ source: 'patch', base: 'patch', head: 'patch' });
    expect(change.commits.map((c) => [c.sha, c.subject, c.author.email])).toEqual([[repo.sha(), 'drop b', '198982749+Copilot@users.noreply.github.com']]);
    expect(change.artifacts).toEqual([
      { kind: 'sql', path: 'db/a.sql', unreadable: 'incomplete' },
      { kind: 'sql', path: 'db/b.sql', content: 'DROP TABLE b;\n' },
    ]);
  });

  it('hashes a range file by file as git writes it, to the digest of its files', async () => {
    repo.branch('wide');
    for (let i = 0; i < 30; i++) repo.write(`src/m${i % 4}/f${i}.ts`, `export const f${i} = ${i};\n`);
    repo.remove('db/a.sql').write('db/renamed.sql', 'SELECT 2;\n').commit('wide change');
    const seen: ChangedFile[] = [];
    const change = await readChange({ repoDir: repo.dir, base: 'HEAD~1', onFile: (file) => seen.push(file) });
    expect(seen).toEqual(change.files);
    expect(change.files.some((file) => file.status === 'renamed')).toBe(true);
    expect(change.digest).toBe(computeChangeDigest(change.files));
    repo.checkout('main');
  });

  it('has the same digest as the range it was made from', async () => {
    const fromPatch = await readChange({ repoDir: dir, patch: mbox });
    const fromRange = await readChange({ repoDir: repo.dir, base: 'HEAD~1' });
    expect(fromPatch.digest).toBe(fromRange.digest);
  });

  it.each([
    ['no diff at all', 'hello\n', 'contains no diff'],
    ['a truncated hunk', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n', 'line 5: the diff ends inside a hunk'],
  ])('rejects a patch with %s', async (_name, text, message) => {
    const path = join(dir, 'bad.patch');
    writeFileSync(path, text);
    await expect(readChange({ repoDir: dir, patch: path })).rejects.toThrow(message);
  });
});

describe('readChange: content that cannot be read as text', () => {
  it('reads a 50 MB one-line file without keeping it, and still sees changes to it', async () => {
    const repo = newRepo();
    repo.write('small.txt', 'a\n').commit('base');
    const line = Buffer.alloc(50 * 1024 * 1024, 0x61);
    repo.branch('feature').write('data/blob.txt', Buffer.concat([line, Buffer.from('\n')])).write('small.txt', 'a\nb\n').commit('add big');
    const heapBefore = process.memoryUsage().heapUsed;
    const change = await readChange({ repoDir: repo.dir, base: 'main' });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    const big = change.files.find((f) => f.path === 'data/blob.txt')!;
    expect(big).toMatchObject({ unreadable: 'line-too-long', additions: 1, unstored: { lines: 1 } });
    expect(big.hunks.flatMap((h) => h.added)).toEqual([]);
    expect(change.files.find((f) => f.path === 'small.txt')!.hunks[0]!.added).toEqual([{ line: 2, text: 'b' }]);
    line[0] = 0x62;
    repo.write('data/blob.txt', Buffer.concat([line, Buffer.from('\n')])).commit({ message: 'edit big', allowEmpty: false });
    expect((await readChange({ repoDir: repo.dir, base: 'main' })).digest).not.toBe(change.digest);
  });
});
