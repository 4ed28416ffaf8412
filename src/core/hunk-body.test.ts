import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitRepo } from '../../test/helpers/git-repo.js';
import type { ChangedFile } from './change.js';
import { computeChangeDigest } from './digest.js';
import { hunkBody } from './hunk-body.js';
import { CHANGE_DIFF_OPTIONS, DIFF_OPTIONS, GIT_CONFIG_ARGS } from '../git/diff-args.js';
import { parseUnifiedDiff } from '../analyzers/unified-diff.js';

const repo = createGitRepo();
afterAll(() => repo.cleanup());

const many = (n: number, text: (i: number) => string): string => Array.from({ length: n }, (_, i) => `${text(i)}\n`).join('');
repo
  .writeAll({
    'blank-lines.txt': 'a\n\nb\n\nc\n\nd\n',
    'no-newline.txt': 'x\ny',
    'crlf.txt': 'one\r\ntwo\r\nthree\r\n',
    'latin1.txt': 'keep\nkeep too\n',
    'long.txt': 'first\nsecond\n',
    'gone.txt': 'bye\nbye\n',
    'big.txt': many(4000, (i) => `line ${i} of a file large enough to span many chunks of the diff`),
  })
  .commit('base');
repo
  .write('blank-lines.txt', 'a\n\nB\n\nc\n\nD\n')
  .write('no-newline.txt', 'x\nz')
  .write('crlf.txt', 'one\r\nTWO\r\nthree\r\n')
  .write('latin1.txt', Buffer.from('keep\ncaf\xe9\nkeep too\n', 'latin1'))
  .write('long.txt', `first\n${'L'.repeat(4096)}\nsecond\nthird\n`)
  .remove('gone.txt')
  .write('big.txt', many(4000, (i) => (i % 7 === 0 ? `changed ${i}` : `line ${i} of a file large enough to span many chunks of the diff`)))
  .write('new.txt', many(3000, (i) => `added ${i}`))
  .commit('change');
const diff = execFileSync('git', [...GIT_CONFIG_ARGS, 'diff', ...DIFF_OPTIONS, ...CHANGE_DIFF_OPTIONS, 'HEAD~1', 'HEAD'], { cwd: repo.dir, maxBuffer: 1 << 30 });

/** The same files with every hunk holding plain arrays (and no text). */
const eager = (files: ChangedFile[]): ChangedFile[] =>
  files.map((file) => ({
    ...file,
    hunks: file.hunks.map(({ oldStart, oldLines, newStart, newLines, added, removed }) => ({ oldStart, oldLines, newStart, newLines, added, removed })),
  }));

describe('hunks read as text from the diff', () => {
  it('give the same lines and digest as hunks holding their lines, whatever the chunk boundaries', async () => {
    for (const size of [7, 4096, 64 * 1024, diff.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < diff.length; i += size) chunks.push(diff.subarray(i, i + size));
      // A line limit of 1 KiB makes long.txt's long line one that is not kept.
      const parsed = await parseUnifiedDiff(Readable.from(chunks), { maxLineBytes: 1024 });
      expect(parsed.problems).toEqual([]);
      const plain = eager(parsed.files);
      expect(plain.every((file) => file.hunks.every((hunk) => hunkBody(hunk) === undefined))).toBe(true);
      expect(computeChangeDigest(parsed.files)).toBe(computeChangeDigest(plain));
      expect(JSON.parse(JSON.stringify(parsed.files))).toEqual(plain);
    }
  });

  it('keep the text of ordinary hunks, and the lines of a hunk with a line too long to keep', async () => {
    const parsed = await parseUnifiedDiff(Readable.from([diff]), { maxLineBytes: 1024 });
    const files = new Map(parsed.files.map((file) => [file.path, file]));
    const blank = files.get('blank-lines.txt')!.hunks[0]!;
    expect(hunkBody(blank)).toBeDefined();
    expect(blank.removed).toEqual([{ line: 3, text: 'b' }, { line: 7, text: 'd' }]);
    expect(blank.added).toEqual([{ line: 3, text: 'B' }, { line: 7, text: 'D' }]);
    expect(files.get('crlf.txt')!.hunks[0]!.added).toEqual([{ line: 2, text: 'TWO\r' }]);
    expect(files.get('latin1.txt')!.hunks[0]!.added).toEqual([{ line: 2, text: 'caf\u00e9' }]);
    expect(files.get('no-newline.txt')!.hunks[0]!.added).toEqual([{ line: 2, text: 'z' }]);
    const long = files.get('long.txt')!;
    expect(long).toMatchObject({ unreadable: 'line-too-long', additions: 2 });
    expect(hunkBody(long.hunks[0]!)).toBeUndefined();
    expect(long.hunks[0]!.added).toEqual([{ line: 4, text: 'third' }]);
  });
});
