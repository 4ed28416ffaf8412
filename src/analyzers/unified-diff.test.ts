import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo, type GitRepo } from '../../test/helpers/git-repo.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from '../git/diff-args.js';
import type { ChangedFile } from '../core/change.js';
import { parseUnifiedDiff, parseUnifiedDiffText, type ParsedDiff } from './unified-diff.js';

const repos: GitRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function newRepo(): GitRepo {
  const repo = createGitRepo();
  repos.push(repo);
  return repo;
}

/** The diff exactly as the git adapter asks for it. */
function gitDiff(repo: GitRepo, ...args: string[]): Buffer {
  return execFileSync('git', [...GIT_CONFIG_ARGS, 'diff', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, ...args], { cwd: repo.dir, maxBuffer: 1 << 30 });
}

function byPath(parsed: ParsedDiff): Map<string, ChangedFile> {
  return new Map(parsed.files.map((file) => [file.path, file]));
}

describe('parseUnifiedDiff on real git output', () => {
  const repo = newRepo();
  repo
    .writeAll({
      'keep.txt': 'one\ntwo\nthree\n',
      'gone.txt': 'a\nb\nc\nd\n',
      'old name.txt': 'stable content\nthat is long enough\nto be a rename\n',
      'source.txt': Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join(''),
      'script.sh': 'echo hi\n',
      'link': 'plain file\n',
      'image.bin': Buffer.from([0, 1, 2, 3, 0, 5]),
      'caf\u00e9.txt': 'caf\u00e9\n',
      'quote"and\\slash.txt': 'q\n',
    })
    .commit('base');
  repo
    .write('keep.txt', 'one\nTWO\nthree\nfour')
    .remove('gone.txt')
    .remove('old name.txt')
    .write('dir/new name.txt', 'stable content\nthat is long enough\nto be a rename\n')
    .write('source.txt', `${Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join('')}line 20\n`)
    .write('copy.txt', Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join(''))
    .chmod('script.sh', 0o755)
    .symlink('link', 'keep.txt')
    .write('image.bin', Buffer.from([0, 9, 9, 9, 0]))
    .write('caf\u00e9.txt', 'caf\u00e9\nau lait\n')
    .write('tab\there.txt', 'tabbed\n')
    .commit('change');
  const parsed = parseUnifiedDiffText(gitDiff(repo, 'HEAD~1', 'HEAD'));
  const files = byPath(parsed);

  it('parses without problems', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.commits).toEqual([]);
  });

  it.each([
    ['keep.txt', 'modified', 2, 1],
    ['gone.txt', 'deleted', 0, 4],
    ['dir/new name.txt', 'renamed', 0, 0],
    ['source.txt', 'modified', 1, 0],
    ['copy.txt', 'copied', 0, 0],
    ['script.sh', 'modified', 0, 0],
    ['link', 'type-changed', 1, 1],
    ['image.bin', 'modified', 0, 0],
    ['caf\u00e9.txt', 'modified', 1, 0],
    ['tab\there.txt', 'added', 1, 0],
  ] as const)('%s is %s (+%i -%i)', (path, status, additions, deletions) => {
    const file = files.get(path);
    expect(file, `${path} missing; have ${[...files.keys()].join(', ')}`).toBeDefined();
    expect([file!.status, file!.additions, file!.deletions]).toEqual([status, additions, deletions]);
  });

  it('keeps added and removed lines with their line numbers, and no context', () => {
    const hunk = files.get('keep.txt')!.hunks[0]!;
    expect(hunk.removed).toEqual([{ line: 2, text: 'two' }]);
    expect(hunk.added).toEqual([
      { line: 2, text: 'TWO' },
      { line: 4, text: 'four' },
    ]);
  });

  it('records old paths of renames and copies', () => {
    expect(files.get('dir/new name.txt')!.oldPath).toBe('old name.txt');
    expect(files.get('copy.txt')!.oldPath).toBe('source.txt');
  });

  it('knows a deleted file\'s line count and its blob', () => {
    const gone = files.get('gone.txt')!;
    expect(gone.baseLineCount).toBe(4);
    expect(gone.oldBlob).toBe(repo.git('rev-parse', 'HEAD~1:gone.txt').trim());
    expect(gone.newBlob).toBeUndefined();
  });

  it('records mode-only changes and type changes with their modes', () => {
    expect(files.get('script.sh')).toMatchObject({ hunks: [], oldMode: '100644', newMode: '100755' });
    expect(files.get('link')).toMatchObject({ oldMode: '100644', newMode: '120000' });
    expect(files.get('link')!.hunks.flatMap((h) => h.added.map((l) => l.text))).toEqual(['keep.txt']);
  });

  it('marks binary files and keeps their full blob ids', () => {
    expect(files.get('image.bin')).toMatchObject({
      binary: true,
      unreadable: 'binary',
      hunks: [],
      oldBlob: repo.git('rev-parse', 'HEAD~1:image.bin').trim(),
      newBlob: repo.git('rev-parse', 'HEAD:image.bin').trim(),
    });
  });

  it('decodes octal-escaped and quoted paths', () => {
    expect(files.has('caf\u00e9.txt')).toBe(true);
    expect(files.has('tab\there.txt')).toBe(true);
  });

  it('gives the same result whatever the chunk boundaries', async () => {
    const bytes = gitDiff(repo, 'HEAD~1', 'HEAD');
    for (const size of [1, 7, 64, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await parseUnifiedDiff(Readable.from(chunks))).toEqual(parsed);
    }
  });

  it('hands each file to onFile once it is final, once, in order, before the next is read', async () => {
    const bytes = gitDiff(repo, 'HEAD~1', 'HEAD');
    const seen: ChangedFile[] = [];
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 64) chunks.push(bytes.subarray(i, i + 64));
    let pushed = 0;
    const seenAfterChunk: number[] = [];
    async function* counted(): AsyncGenerator<Buffer> {
      for (const chunk of chunks) {
        yield chunk;
        pushed += 1;
        seenAfterChunk.push(seen.length);
      }
    }
    const result = await parseUnifiedDiff(counted(), { onFile: (file) => seen.push(file) });
    // The very objects of the result, the type-changed `link` (two sections in git's output) as one.
    expect(seen).toHaveLength(result.files.length);
    seen.forEach((file, index) => expect(file).toBe(result.files[index]));
    expect(seen.find((file) => file.path === 'link')?.status).toBe('type-changed');
    // Files were handed over while the diff was still being read, not all at the end.
    expect(pushed).toBe(chunks.length);
    expect(seenAfterChunk[Math.floor(chunks.length / 2)]).toBeGreaterThan(0);
  });
});

describe('content that looks like diff syntax', () => {
  it('reads `--- a/x` and `+++ b/x` inside a hunk as removed and added lines', () => {
    const repo = newRepo();
    repo.write('notes.md', '-- a/x\nkeep\n').commit('base');
    repo.write('notes.md', '++ b/x\nkeep\ndiff --git a/y b/y\n@@ -1 +1 @@\n').commit('edit');
    const parsed = parseUnifiedDiffText(gitDiff(repo, 'HEAD~1', 'HEAD'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.files).toHaveLength(1);
    const [hunk] = parsed.files[0]!.hunks;
    expect(hunk!.removed.map((l) => l.text)).toEqual(['-- a/x']);
    expect(hunk!.added.map((l) => l.text)).toEqual(['++ b/x', 'diff --git a/y b/y', '@@ -1 +1 @@']);
  });

  it('keeps carriage returns of CRLF files as content', () => {
    const repo = newRepo();
    repo.write('win.txt', 'a\r\n').commit('base');
    repo.write('win.txt', 'a\r\nb\r\n').commit('edit');
    const parsed = parseUnifiedDiffText(gitDiff(repo, 'HEAD~1', 'HEAD'));
    expect(parsed.files[0]!.hunks[0]!.added).toEqual([{ line: 2, text: 'b\r' }]);
  });
});

describe('content that cannot be read as text', () => {
  it('marks a file with non-UTF-8 lines `not-utf8`, keeps its bytes as latin1, and reads the next file normally', () => {
    const repo = newRepo();
    repo.writeAll({ 'a-latin1.txt': 'x\n', 'b-utf8.txt': 'y\n' }).commit('base');
    repo.write('a-latin1.txt', Buffer.from('x\ncaf\xe9\n', 'latin1')).write('b-utf8.txt', 'y\n\u00fc\n').commit('edit');
    const files = byPath(parseUnifiedDiffText(gitDiff(repo, 'HEAD~1', 'HEAD')));
    expect(files.get('a-latin1.txt')).toMatchObject({ unreadable: 'not-utf8', additions: 1 });
    expect(files.get('a-latin1.txt')!.hunks[0]!.added[0]!.text).toBe('caf\u00e9');
    expect(files.get('b-utf8.txt')!.unreadable).toBeUndefined();
    expect(files.get('b-utf8.txt')!.hunks[0]!.added[0]!.text).toBe('\u00fc');
  });

  it('does not keep a line over the limit, counts it, and hashes it so edits to it are visible', () => {
    const repo = newRepo();
    repo.write('small.txt', 'a\n').commit('base');
    const long = 'x'.repeat(3 * 1024 * 1024);
    repo.write('bundle.min.js', `${long}\n`).write('small.txt', 'a\nb\n').commit('one');
    repo.write('bundle.min.js', `${long.slice(1)}y\n`).commit('two');
    const first = byPath(parseUnifiedDiffText(gitDiff(repo, 'HEAD~2', 'HEAD~1')));
    const second = byPath(parseUnifiedDiffText(gitDiff(repo, 'HEAD~2', 'HEAD')));
    const bundle = first.get('bundle.min.js')!;
    expect(bundle).toMatchObject({ unreadable: 'line-too-long', additions: 1, unstored: { lines: 1 } });
    expect(bundle.hunks[0]!.added).toEqual([]);
    expect(second.get('bundle.min.js')!.unstored!.sha256).not.toBe(bundle.unstored!.sha256);
    expect(first.get('small.txt')!.hunks[0]!.added).toEqual([{ line: 2, text: 'b' }]);
  });

  it('streams a 50 MB one-line file through with bounded memory and time', async () => {
    const size = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    async function* input(): AsyncGenerator<Buffer> {
      yield Buffer.from('diff --git a/big.txt b/big.txt\nnew file mode 100644\n--- /dev/null\n+++ b/big.txt\n@@ -0,0 +1 @@\n+');
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
      yield Buffer.from('\ndiff --git a/next.txt b/next.txt\nnew file mode 100644\n--- /dev/null\n+++ b/next.txt\n@@ -0,0 +1 @@\n+after\n');
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const parsed = await parseUnifiedDiff(input());
    const elapsed = performance.now() - started;
    expect(parsed.files.map((f) => [f.path, f.unreadable, f.additions])).toEqual([
      ['big.txt', 'line-too-long', 1],
      ['next.txt', undefined, 1],
    ]);
    expect(elapsed).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('skips the payload of `GIT binary patch` sections', () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n').commit('base');
    repo.write('blob.bin', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).write('z.txt', 'z\n').commit('bin');
    const parsed = parseUnifiedDiffText(gitDiff(repo, '--binary', 'HEAD~1', 'HEAD'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.files.map((f) => [f.path, f.binary, f.status])).toEqual([
      ['blob.bin', true, 'added'],
      ['z.txt', false, 'added'],
    ]);
  });
});

describe('patch files', () => {
  it('reads the commits of `git format-patch` output: encoded names, folded subjects, trailers', () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n').commit('base');
    repo.write('a.txt', 'a\nb\n').commit({
      message: 'feat: a subject long enough that format-patch folds it onto a second header line for sure\n\nWhy it matters.',
      author: { name: 'J\u00f6rg M\u00fcller', email: 'jorg@example.com' },
      trailers: [['Co-authored-by', 'Claude <noreply@anthropic.com>']],
    });
    repo.write('b.txt', 'b\n').commit('second');
    const mbox = execFileSync('git', ['format-patch', '--stdout', 'HEAD~2..HEAD'], { cwd: repo.dir });
    const parsed = parseUnifiedDiffText(mbox);
    expect(parsed.problems).toEqual([]);
    expect(parsed.commits.map((c) => c.sha)).toEqual([repo.sha('HEAD~1'), repo.sha('HEAD')]);
    const [first] = parsed.commits;
    expect(first).toMatchObject({
      author: { name: 'J\u00f6rg M\u00fcller', email: 'jorg@example.com' },
      subject: 'feat: a subject long enough that format-patch folds it onto a second header line for sure',
      trailers: [{ key: 'Co-authored-by', value: 'Claude <noreply@anthropic.com>' }],
      authoredAt: '2026-01-05T09:01:00.000Z',
    });
    expect(first!.message).toContain('Why it matters.');
    expect(parsed.files.map((f) => [f.path, f.additions])).toEqual([
      ['a.txt', 1],
      ['b.txt', 1],
    ]);
  });

  it('reads GNU `diff -u` output (no git headers)', () => {
    const repo = newRepo();
    writeFileSync(join(repo.dir, 'old.txt'), 'one\ntwo\n');
    writeFileSync(join(repo.dir, 'new.txt'), 'one\n2\n');
    let text = '';
    try {
      execFileSync('diff', ['-u', 'old.txt', 'new.txt'], { cwd: repo.dir, encoding: 'utf8' });
    } catch (error) {
      text = (error as { stdout: string }).stdout;
    }
    const parsed = parseUnifiedDiffText(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.files).toMatchObject([{ path: 'new.txt', status: 'modified', additions: 1, deletions: 1 }]);
  });

  it.each([
    ['a hunk cut short', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n', 'the diff ends inside a hunk'],
    ['a malformed hunk header', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,x +1 @@\n+a\n', 'malformed hunk header'],
    ['a hunk interrupted by other text', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\nnonsense\n', 'hunk ends early'],
  ])('reports %s with its line number', (_name, text, message) => {
    const { problems } = parseUnifiedDiffText(text);
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.line).toBeGreaterThan(3);
  });
});
